// A decision covers several mentions, each with an anchor of its own. Live edits (changes.ts), re-anchoring
// (anchoring.ts) and saving (operations.ts) work on single anchored items: these two functions turn the decisions'
// anchors into such items and back, so every anchor follows exactly the rules an annotation's does.
import { sameAnchor } from './anchors';
import type { Anchored, DecisionAnchor, EntityDecision, TextAnchor } from './model';

/** One anchor of one decision, as an anchored item (its id is the decision's id and the anchor's index). */
export interface DecisionAnchorItem extends Anchored {
  readonly id: string;
  readonly anchor: TextAnchor;
  readonly orphaned?: boolean;
}

function itemOf(d: EntityDecision, a: DecisionAnchor, i: number): DecisionAnchorItem {
  const { orphaned, ...anchor } = a;
  return { id: `${d.id}#${i}`, anchor, ...(orphaned ? { orphaned } : {}) };
}

/** Every anchor of every decision, decisions in order, each decision's anchors in order. */
export function decisionAnchorItems(decisions: readonly EntityDecision[]): DecisionAnchorItem[] {
  return decisions.flatMap(d => d.anchors.map((a, i) => itemOf(d, a, i)));
}

/**
 * The decisions with their anchors replaced by `items` (as decisionAnchorItems listed them, after some change). A
 * decision none of whose anchors changed is returned as the same object, and so is the array when none did.
 */
export function withDecisionAnchorItems(decisions: readonly EntityDecision[], items: readonly DecisionAnchorItem[]): readonly EntityDecision[] {
  let k = 0, changed = false;
  const out = decisions.map(d => {
    const before = d.anchors.map((a, i) => itemOf(d, a, i));
    const after = items.slice(k, k + d.anchors.length);
    k += d.anchors.length;
    const same = after.every((item, i) => item.orphaned === before[i].orphaned && sameAnchor(item.anchor, before[i].anchor));
    if (same) return d;
    changed = true;
    return { ...d, anchors: after.map(item => ({ ...item.anchor, ...(item.orphaned ? { orphaned: true } : {}) })) };
  });
  return changed ? out : decisions;
}

/** Apply a function over anchored items to the decisions' anchors (see the module comment). */
export function mapDecisionAnchors(decisions: readonly EntityDecision[], f: (items: DecisionAnchorItem[]) => readonly DecisionAnchorItem[]): readonly EntityDecision[] {
  if (decisions.every(d => d.anchors.length === 0)) return decisions;
  return withDecisionAnchorItems(decisions, f(decisionAnchorItems(decisions)));
}
