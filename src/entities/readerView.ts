// What the reader sees of one article: the analyzer's findings after the reader's decisions, plus everything the
// reader annotated, each item with its provenance. One pure function (no vscode) that the editor, the views, the
// Sources and Timeline panel and every export read, so all of them agree on what a rejected entity or a speaker set by
// hand means.
import type { Analysis, AnalyzeOptions, Mention, QuoteKind, QuoteMention } from '../analysis/types';
import { DecisionResolver, retypedNamesOf } from '../annotations/decisions';
import type { Annotation, EntityDecision, RetypedAs, SidecarDocument, Verdict } from '../annotations/model';

/** Where an item comes from: the analyzer alone, the analyzer confirmed by the reader, or the reader. */
export type Provenance = 'detected' | 'confirmed' | 'user';

export type ViewItemType = 'person' | 'date' | 'quote' | 'label';

/** One place in the article text (UTF-16 offsets, end exclusive; `text === articleText.slice(start, end)` unless orphaned). */
export interface ViewItem {
  readonly type: ViewItemType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly provenance: Provenance;
  /** person: the canonical name of the person this mention refers to. */
  readonly person?: string;
  /** person: the analyzer's id of that person in this article (absent for a person the analyzer does not find). */
  readonly entityId?: string;
  /** person: the mention spells out the full name ("John Kerry", not "Kerry"). */
  readonly fullName?: boolean;
  /** date: the resolved calendar value (see DateMention.value). */
  readonly value?: string;
  /** date: depends on the publication date ("Tuesday"). */
  readonly relative?: boolean;
  /** quote: someone's words, or a term in quote marks. */
  readonly kind?: QuoteKind;
  /** quote: who said it — the person's canonical name when it resolves to a person, else the source as written. */
  readonly speaker?: string;
  /** quote: the source as the article names it at the attribution ("he", "the ministry"). */
  readonly speakerAsWritten?: string;
  /** quote: the speaker is a person (not an organisation or an unnamed source). */
  readonly speakerIsPerson?: boolean;
  /** quote: the analyzer's id of the speaker in this article, when the speaker is a person found here. */
  readonly speakerId?: string;
  /** quote: whether the speaker was set by the reader. */
  readonly speakerProvenance?: 'detected' | 'user';
  /** label: the reader's own label. */
  readonly label?: string;
  /** The reader's note. */
  readonly note?: string;
  /** ISO-8601 time the reader made the annotation or the decision. */
  readonly created?: string;
  /** Sidecar id of the annotation or decision behind the item (the annotation's when there are both). */
  readonly sidecarId?: string;
  /** Sidecar id of the reader's annotation on exactly this item, if any. */
  readonly annotationId?: string;
  /** The reader's decision on the item's entity: confirmed (in `items`), rejected or retyped (in `rejected`). */
  readonly verdict?: Verdict;
  /** verdict 'retyped': what the name is instead of a person. */
  readonly retypedAs?: RetypedAs;
  /** Sidecar id of that decision. */
  readonly decisionId?: string;
  /** The annotated text can no longer be found; start/end are only near where it was, `text` is the last text it had. */
  readonly orphaned?: boolean;
}

/** A person as the reader sees them in one article. */
export interface ViewPerson {
  readonly name: string;
  /** The analyzer's id in this article; absent for a person known only from the reader (a speaker typed by hand). */
  readonly entityId?: string;
  /** 'confirmed' when the reader confirmed the entity, 'user' when the reader added or named them. */
  readonly provenance: Provenance;
  /** Shown mentions. */
  readonly mentions: number;
  /** Quotes attributed to them (by the analyzer or by the reader). */
  readonly quotes: number;
}

export interface ReaderView {
  /** Everything shown, in text order (start, then end). Orphans are not here: see `orphans`. */
  readonly items: readonly ViewItem[];
  /** Detected items the reader rejected or retyped (not shown; listed so they can be restored), in text order. */
  readonly rejected: readonly ViewItem[];
  /** Reader's annotations whose text can no longer be found: never dropped. */
  readonly orphans: readonly ViewItem[];
  /** The people of the article, by name. */
  readonly people: readonly ViewPerson[];
  readonly publicationDate?: string;
}

/**
 * The options to analyse an article with so that the analyzer respects the reader's corrections: the names retyped
 * as not a person, and the people the reader added (annotated as a person). Pass them to analyze() before calling
 * readerView with its result.
 */
export function analysisOptionsFor(doc: SidecarDocument | undefined, base: AnalyzeOptions = {}): AnalyzeOptions {
  if (!doc) return base;
  const persons = new Set<string>();
  for (const a of doc.annotations) if (!a.orphaned && a.kind === 'person') persons.add(a.anchor.text);
  const notPersons = retypedNamesOf(doc.decisions);
  if (persons.size === 0 && notPersons.length === 0) return base;
  return {
    ...base,
    corrections: {
      ...base.corrections,
      ...(persons.size ? { persons: [...(base.corrections?.persons ?? []), ...persons] } : {}),
      ...(notPersons.length ? { notPersons: [...(base.corrections?.notPersons ?? []), ...notPersons] } : {}),
    },
  };
}

const placeKey = (start: number, end: number) => `${start}:${end}`;
const byPlace = (x: ViewItem, y: ViewItem) => x.start - y.start || x.end - y.end;

/** A quote's source when it is no person: what "it"/"they" stands for, else the source as the article names it. */
export function sourceOfQuote(m: Pick<QuoteMention, 'speakerReferent' | 'speakerText'>): string | undefined {
  return m.speakerReferent ?? m.speakerText ?? undefined;
}

export function readerView(analysis: Analysis, doc: SidecarDocument | undefined): ReaderView {
  const items: ViewItem[] = [], rejected: ViewItem[] = [], orphans: ViewItem[] = [];
  const decisions = new DecisionResolver(doc?.decisions ?? [], analysis);
  // The reader's annotations by kind and place: one on exactly a detected item (a person the analyzer, told of it by
  // analysisOptionsFor, now finds; a quote's speaker set by hand) is part of that item rather than a second one.
  const userAt = new Map<string, Annotation>();
  for (const a of doc?.annotations ?? []) if (!a.orphaned && a.kind !== 'label') userAt.set(`${a.kind}:${placeKey(a.anchor.start, a.anchor.end)}`, a);
  const merged = new Set<string>();
  const nameOf = (id: string | null) => (id === null ? undefined : analysis.people.get(id)?.name);
  const idNamed = new Map<string, string>();
  for (const e of analysis.people.values()) if (!idNamed.has(e.name.toLowerCase())) idNamed.set(e.name.toLowerCase(), e.id);

  const rejectedPeople = new Set<string>();
  const undecided = !doc || (doc.decisions.length === 0 && userAt.size === 0);
  const place = (item: ViewItem, m: Mention) => {
    if (undecided) { items.push(item); return; } // the analyzer's view alone: nothing to look up
    const a = userAt.size > 0 ? userAt.get(`${m.type}:${placeKey(m.start, m.end)}`) : undefined;
    const annotated = a ? { annotationId: a.id, note: a.note, created: a.created, sidecarId: a.id } : {};
    if (a) merged.add(a.id);
    // A person or date the reader annotated is theirs; a quote keeps its analyzer provenance (the annotation only
    // carries its speaker and note).
    if (a && m.type !== 'quote') { items.push({ ...item, provenance: 'user', ...annotated }); return; }
    const d = decisions.forMention(m);
    const decided = d ? decisionFields(d) : {};
    if (d && d.verdict !== 'confirmed') {
      rejected.push({ ...item, ...decided, ...annotated });
      if (m.type === 'person') rejectedPeople.add(m.entityId);
    }
    else items.push({ ...item, ...(d ? { provenance: 'confirmed' as const } : {}), ...decided, ...annotated });
  };

  for (const m of analysis.persons) {
    place({ type: 'person', start: m.start, end: m.end, text: m.text, provenance: 'detected', person: nameOf(m.entityId) ?? m.text, entityId: m.entityId, fullName: m.fullName }, m);
  }
  for (const m of analysis.dates) {
    place({ type: 'date', start: m.start, end: m.end, text: m.text, provenance: 'detected', value: m.value, relative: m.relative }, m);
  }
  for (const m of analysis.quotes) {
    const byHand = userAt.size > 0 ? userAt.get(`quote:${placeKey(m.start, m.end)}`)?.speaker : undefined;
    // A speaker the reader rejected as a person is only the source as the article names it.
    const person = m.speakerId !== null && rejectedPeople.has(m.speakerId) ? undefined : nameOf(m.speakerId);
    const speaker = byHand ?? person ?? sourceOfQuote(m);
    const speakerId = byHand !== undefined ? idNamed.get(byHand.toLowerCase()) : person !== undefined ? m.speakerId ?? undefined : undefined;
    place({
      type: 'quote', start: m.start, end: m.end, text: m.text, provenance: 'detected', kind: m.kind, speaker,
      speakerAsWritten: m.speakerText ?? undefined, speakerIsPerson: byHand !== undefined ? true : person !== undefined,
      ...(speakerId !== undefined ? { speakerId } : {}),
      speakerProvenance: byHand !== undefined ? 'user' : speaker !== undefined ? 'detected' : undefined,
    }, m);
  }
  // A retyped name is not a person for the analyzer any more: list it from the places the decision covered.
  const rejectedAt = new Set(rejected.map(i => placeKey(i.start, i.end)));
  for (const d of doc?.decisions ?? []) {
    if (d.verdict !== 'retyped') continue;
    for (const a of d.anchors) {
      if (a.orphaned || rejectedAt.has(placeKey(a.start, a.end))) continue;
      rejectedAt.add(placeKey(a.start, a.end));
      rejected.push({ type: 'person', start: a.start, end: a.end, text: a.text, provenance: 'detected', person: d.entity, ...decisionFields(d) });
    }
  }
  for (const a of doc?.annotations ?? []) {
    if (merged.has(a.id)) continue;
    const speakerId = a.kind === 'quote' && a.speaker ? idNamed.get(a.speaker.toLowerCase()) : undefined;
    const item: ViewItem = {
      type: a.kind, start: a.anchor.start, end: a.anchor.end, text: a.anchor.text, provenance: 'user', note: a.note,
      created: a.created, sidecarId: a.id, annotationId: a.id, ...(a.orphaned ? { orphaned: true } : {}),
      ...(a.kind === 'label' ? { label: a.label } : {}),
      ...(a.kind === 'person' ? { person: a.anchor.text } : {}),
      ...(a.kind === 'quote' ? {
        kind: 'quotation' as const, speaker: a.speaker, speakerIsPerson: a.speaker !== undefined, ...(speakerId !== undefined ? { speakerId } : {}),
        speakerProvenance: a.speaker !== undefined ? 'user' as const : undefined,
      } : {}),
    };
    (a.orphaned ? orphans : items).push(item);
  }
  items.sort(byPlace);
  return { items, rejected: rejected.sort(byPlace), orphans, people: peopleOf(items), publicationDate: analysis.publicationDate };
}

function decisionFields(d: EntityDecision): Pick<ViewItem, 'verdict' | 'retypedAs' | 'decisionId' | 'sidecarId' | 'created'> {
  return { verdict: d.verdict, ...(d.retypedAs ? { retypedAs: d.retypedAs } : {}), decisionId: d.id, sidecarId: d.id, created: d.decided };
}

/** The people shown: by entity, or by name for those only the reader knows; speakers named by hand count too. */
function peopleOf(items: readonly ViewItem[]): ViewPerson[] {
  const people = new Map<string, { name: string; entityId?: string; provenance: Provenance; mentions: number; quotes: number }>();
  const entry = (name: string, entityId: string | undefined, provenance: Provenance) => {
    const key = entityId ?? `name:${name.toLowerCase()}`;
    let p = people.get(key);
    if (!p) people.set(key, p = { name, ...(entityId !== undefined ? { entityId } : {}), provenance, mentions: 0, quotes: 0 });
    if (provenance === 'user' || (provenance === 'confirmed' && p.provenance === 'detected')) p.provenance = provenance;
    return p;
  };
  for (const i of items) {
    if (i.type === 'person' && i.person) entry(i.person, i.entityId, i.provenance).mentions++;
  }
  for (const i of items) {
    if (i.type !== 'quote' || !i.speaker || !i.speakerIsPerson) continue;
    const byId = i.speakerId !== undefined ? people.get(i.speakerId) : undefined;
    (byId ?? entry(i.speaker, i.speakerId, i.speakerProvenance === 'user' ? 'user' : 'detected')).quotes++;
  }
  return [...people.values()].sort((x, y) => byName.compare(x.name, y.name));
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });
