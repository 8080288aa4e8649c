// Confirm/reject decisions on detected entities: how a detected mention is identified (anchor + type + entity) so
// that a decision is re-applied when the analyzer runs again, and a fast lookup for the editor's decorations.
import type { Analysis, Mention, MentionType } from '../analysis/types';
import type { EntityDecision } from './model';

/** A detected mention as the decisions know it: where it is, what type, and what the analyzer said it is. */
export interface MentionRef {
  readonly type: MentionType;
  readonly start: number;
  readonly end: number;
  /** The mention's text (`articleText.slice(start, end)`). */
  readonly text: string;
  /** See entityOfMention. */
  readonly entity: string;
}

/**
 * What the analyzer says a mention is, the part of a decision's identity that is not its place: a person's canonical
 * name, a date's resolved value (its text when unresolved), a quote's speaker (the speaker's canonical name, else
 * the source text the article gives, else empty). A decision on "Kerry" as John Kerry then does not carry over to
 * "Kerry" re-identified as someone else.
 */
export function entityOfMention(m: Mention, analysis: Pick<Analysis, 'people'>): string {
  switch (m.type) {
    case 'person': return analysis.people.get(m.entityId)?.name ?? m.text;
    case 'date': return m.value ?? m.text;
    case 'quote': return (m.speakerId !== null ? analysis.people.get(m.speakerId)?.name : undefined) ?? m.speakerText ?? '';
  }
}

export function mentionRef(m: Mention, analysis: Pick<Analysis, 'people'>): MentionRef {
  return { type: m.type, start: m.start, end: m.end, text: m.text, entity: entityOfMention(m, analysis) };
}

const keyOf = (type: string, start: number, end: number, entity: string) => `${type}\u0000${start}\u0000${end}\u0000${entity}`;

/** True when the decision is about this mention: same type, same entity, anchored on exactly the mention's text. */
export function decisionMatches(d: EntityDecision, m: MentionRef): boolean {
  return !d.orphaned && d.type === m.type && d.entity === m.entity && d.anchor.start === m.start &&
    d.anchor.end === m.end && d.anchor.text === m.text;
}

/**
 * Lookup of the decision on a mention in O(1), for decorating every mention of an article. Build it again after
 * the decisions change (it is a snapshot). Orphaned decisions match nothing.
 */
export class DecisionIndex {
  private readonly byKey = new Map<string, EntityDecision>();

  constructor(decisions: readonly EntityDecision[]) {
    for (const d of decisions) {
      if (!d.orphaned) this.byKey.set(keyOf(d.type, d.anchor.start, d.anchor.end, d.entity), d);
    }
  }

  get(m: MentionRef): EntityDecision | undefined {
    const d = this.byKey.get(keyOf(m.type, m.start, m.end, m.entity));
    return d && d.anchor.text === m.text ? d : undefined;
  }
}
