// Decisions on detected entities: which entity a mention belongs to (its type and entity key), and which decision
// applies to each mention of a new analysis — so a decision made once covers every mention of the entity, and is
// found again after the article is edited and analysed anew.
import type { Analysis, Mention, MentionType } from '../analysis/types';
import type { EntityDecision } from './model';

/** A place in the article text (UTF-16 offsets, end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What a decision is about: an entity of the analysis and the mentions of it the decision covers. */
export interface EntityTarget {
  readonly type: MentionType;
  /** See entityKeyOf. */
  readonly entity: string;
  /** The mentions the decision covers, each with `articleText.slice(start, end)` its text. */
  readonly mentions: readonly Span[];
}

/**
 * The entity a mention belongs to, as decisions name it: a person's canonical name, a date's resolved value (its
 * text when unresolved), a quote's text. Every mention of John Kerry ("John Kerry", "Kerry") has the same key.
 */
export function entityKeyOf(m: Mention, analysis: Pick<Analysis, 'people'>): string {
  switch (m.type) {
    case 'person': return analysis.people.get(m.entityId)?.name ?? m.text;
    case 'date': return m.value ?? m.text;
    case 'quote': return m.text;
  }
}

/** The mentions of the entity `m` belongs to, in text order (the entity's group as entityKeyOf defines it). */
export function mentionsOfEntity(m: Mention, analysis: Analysis): Mention[] {
  if (m.type === 'person') return (analysis.people.get(m.entityId)?.mentions ?? []).map(i => analysis.persons[i]).filter(Boolean);
  const key = entityKeyOf(m, analysis);
  const list: readonly Mention[] = m.type === 'date' ? analysis.dates : analysis.quotes;
  return list.filter(x => entityKeyOf(x, analysis) === key);
}

/** The decision target for the whole entity of a mention. */
export function targetOfEntity(m: Mention, analysis: Analysis): EntityTarget {
  return { type: m.type, entity: entityKeyOf(m, analysis), mentions: mentionsOfEntity(m, analysis).map(x => ({ start: x.start, end: x.end })) };
}

const keyOf = (type: string, entity: string) => `${type}\u0000${entity}`;
const placeOf = (type: string, start: number, end: number, text: string) => `${type}\u0000${start}\u0000${end}\u0000${text}`;

/** Of two decisions on the same thing, the one that stands: the later, the one listed later on a tie. */
const later = (x: EntityDecision | undefined, y: EntityDecision) => (x && x.decided > y.decided ? x : y);

/**
 * Which decision applies to each mention of one analysis. A confirm or reject decision applies to the entity with
 * its type and entity key; when no entity of the analysis has that key any more (the analyzer names it differently
 * after an edit), to the entity one of whose mentions sits exactly on one of the decision's anchors. A retype
 * applies to the mentions spelt as one of its names (the analyzer told of them finds none; this covers an analysis
 * made without the reader's corrections). Build it again when the decisions or the analysis change.
 */
export class DecisionResolver {
  private readonly byKey = new Map<string, EntityDecision>();
  private readonly byPlace = new Map<string, EntityDecision>();
  private readonly retyped = new Map<string, EntityDecision>();
  private readonly byGroup = new Map<string, EntityDecision | null>();

  constructor(decisions: readonly EntityDecision[], private readonly analysis: Analysis) {
    for (const d of decisions) {
      if (d.verdict === 'retyped') { for (const n of d.names ?? []) this.retyped.set(n, later(this.retyped.get(n), d)); continue; }
      const k = keyOf(d.type, d.entity);
      this.byKey.set(k, later(this.byKey.get(k), d));
    }
    if (this.byKey.size === 0) return;
    const present = new Set<string>();
    for (const list of [analysis.persons, analysis.dates, analysis.quotes] as readonly Mention[][]) {
      for (const m of list) present.add(keyOf(m.type, entityKeyOf(m, analysis)));
    }
    for (const [k, d] of this.byKey) {
      if (present.has(k)) continue;
      for (const a of d.anchors) if (!a.orphaned) this.byPlace.set(placeOf(d.type, a.start, a.end, a.text), d);
    }
  }

  /** The decision that applies to a mention of the analysis, if any. */
  forMention(m: Mention): EntityDecision | undefined {
    if (m.type === 'person' && this.retyped.size > 0) {
      const r = this.retyped.get(m.text);
      if (r) return r;
    }
    if (this.byKey.size === 0) return undefined;
    const key = entityKeyOf(m, this.analysis);
    const direct = this.byKey.get(keyOf(m.type, key));
    if (direct || this.byPlace.size === 0) return direct;
    const group = m.type === 'person' ? `p\u0000${m.entityId}` : keyOf(m.type, key);
    let found = this.byGroup.get(group);
    if (found === undefined) {
      found = null;
      for (const x of mentionsOfEntity(m, this.analysis)) {
        const d = this.byPlace.get(placeOf(x.type, x.start, x.end, x.text));
        if (d) { found = d; break; }
      }
      this.byGroup.set(group, found);
    }
    return found ?? undefined;
  }
}

/** The names retyped as not a person by these decisions, each once, in the order first decided. */
export function retypedNamesOf(decisions: readonly EntityDecision[]): string[] {
  const names = new Set<string>();
  for (const d of decisions) if (d.verdict === 'retyped') for (const n of d.names ?? []) names.add(n);
  return [...names];
}
