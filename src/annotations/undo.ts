// Undo of one command (an annotation made, a note edited, a decision taken…): what it changed, kept so it can be
// reverted later, after edits have moved the anchors. Only the items the command touched are reverted, each to its
// state before the command but at its current place, so undoing a decision does not undo the typing since.
import type { Annotation, EntityDecision, SidecarDocument } from './model';

/** The items one command added, removed and changed (their state before it), by list. */
export interface CommandChange {
  readonly annotations: ListChange<Annotation>;
  readonly decisions: ListChange<EntityDecision>;
}

interface ListChange<T> {
  readonly added: readonly string[];
  readonly removed: readonly T[];
  /** The state before the command of the items it changed, and whether it moved them. */
  readonly changed: readonly { readonly before: T; readonly moved: boolean }[];
}

function listChange<T extends { id: string }>(before: readonly T[], after: readonly T[], samePlace: (x: T, y: T) => boolean): ListChange<T> {
  const was = new Map(before.map(x => [x.id, x] as const)), now = new Map(after.map(x => [x.id, x] as const));
  return {
    added: after.filter(x => !was.has(x.id)).map(x => x.id),
    removed: before.filter(x => !now.has(x.id)),
    changed: before.filter(x => now.has(x.id) && now.get(x.id) !== x).map(x => ({ before: x, moved: !samePlace(x, now.get(x.id)!) })),
  };
}

function revertList<T extends { id: string }>(current: readonly T[], change: ListChange<T>, placeOf: (from: T, onto: T) => T): T[] {
  const changed = new Map(change.changed.map(c => [c.before.id, c] as const));
  const out = current.filter(x => !change.added.includes(x.id)).map(x => {
    const c = changed.get(x.id);
    return !c ? x : c.moved ? c.before : placeOf(x, c.before);
  });
  const present = new Set(out.map(x => x.id));
  return [...out, ...change.removed.filter(x => !present.has(x.id))];
}

const sameAnnotationPlace = (x: Annotation, y: Annotation) => x.anchor === y.anchor && Boolean(x.orphaned) === Boolean(y.orphaned);
const sameDecisionPlace = (x: EntityDecision, y: EntityDecision) => x.anchors === y.anchors;

/** What a command changed, from the document before it and after it. Undefined when it changed nothing. */
export function commandChange(before: SidecarDocument, after: SidecarDocument): CommandChange | undefined {
  if (before === after || (before.annotations === after.annotations && before.decisions === after.decisions)) return undefined;
  return {
    annotations: listChange(before.annotations, after.annotations, sameAnnotationPlace),
    decisions: listChange(before.decisions, after.decisions, sameDecisionPlace),
  };
}

/**
 * The document with the command reverted: what it added removed, what it removed back (at the place it had), what it
 * changed as it was, at its current place unless the command itself moved it. Restored places that edits have made
 * stale are placed again when the document is saved (prepareForSave).
 */
export function revertCommand(doc: SidecarDocument, change: CommandChange): SidecarDocument {
  return {
    ...doc,
    annotations: revertList(doc.annotations, change.annotations, (now, was) => {
      const { orphaned: _was, ...rest } = was;
      return { ...rest, anchor: now.anchor, ...(now.orphaned ? { orphaned: true } : {}) };
    }),
    decisions: revertList(doc.decisions, change.decisions, (now, was) => ({ ...was, anchors: now.anchors })),
  };
}
