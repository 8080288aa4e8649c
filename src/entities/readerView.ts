// What the reader sees of one article: the analyzer's findings after the reader's decisions, plus everything the
// reader annotated, each item with its provenance. One pure function (no vscode) that the editor, the views, the
// Sources and Timeline panel and every export read, so all of them agree on what a rejected entity or a speaker set by
// hand means.
import type { Analysis, AnalyzeOptions, QuoteKind } from '../analysis/types';
import { DecisionIndex, mentionRef } from '../annotations/decisions';
import type { SidecarDocument } from '../annotations/model';

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
  /** quote: whether the speaker was set by the reader. */
  readonly speakerProvenance?: 'detected' | 'user';
  /** label: the reader's own label. */
  readonly label?: string;
  /** The reader's note. */
  readonly note?: string;
  /** ISO-8601 time the reader made the annotation or the decision. */
  readonly created?: string;
  /** Sidecar id of the annotation or decision behind the item. */
  readonly sidecarId?: string;
  /** The annotated text can no longer be found; start/end are only near where it was, `text` is the last text it had. */
  readonly orphaned?: boolean;
}

export interface ReaderView {
  /** Everything shown, in text order (start, then end). Orphans are not here: see `orphans`. */
  readonly items: readonly ViewItem[];
  /** Detected items the reader rejected (not shown; listed so they can be restored). */
  readonly rejected: readonly ViewItem[];
  /** Reader's annotations whose text can no longer be found: never dropped. */
  readonly orphans: readonly ViewItem[];
  readonly publicationDate?: string;
}

/**
 * The options to analyse an article with so that the analyzer respects the reader's corrections (names retyped as not
 * a person, people the reader added). Pass them to analyze() before calling readerView with its result.
 */
export function analysisOptionsFor(doc: SidecarDocument | undefined, base: AnalyzeOptions = {}): AnalyzeOptions {
  if (!doc) return base;
  const persons = [...new Set(doc.annotations.filter(a => a.kind === 'person' && !a.orphaned).map(a => a.anchor.text))];
  return persons.length ? { ...base, corrections: { ...base.corrections, persons } } : base;
}

export function readerView(analysis: Analysis, doc: SidecarDocument | undefined): ReaderView {
  const items: ViewItem[] = [], rejected: ViewItem[] = [], orphans: ViewItem[] = [];
  const decisions = new DecisionIndex(doc?.decisions ?? []);
  // The reader's quotes and people by place: a speaker set by hand, or a person added by hand that the analyzer (told
  // of it by analysisOptionsFor) now finds too, belong to the detected item at that place.
  const userQuotes = new Map<string, SidecarDocument['annotations'][number]>();
  const userPeople = new Map<string, SidecarDocument['annotations'][number]>();
  for (const a of doc?.annotations ?? []) {
    if (a.orphaned) continue;
    if (a.kind === 'quote') userQuotes.set(`${a.anchor.start}:${a.anchor.end}`, a);
    if (a.kind === 'person') userPeople.set(`${a.anchor.start}:${a.anchor.end}`, a);
  }
  const detectedPeople = new Set<string>();
  const nameOf = (id: string | null) => (id === null ? undefined : analysis.people.get(id)?.name);

  const place = (item: ViewItem, m: Parameters<typeof mentionRef>[0]) => {
    const d = decisions.get(mentionRef(m, analysis));
    if (d?.verdict === 'rejected') rejected.push({ ...item, sidecarId: d.id, created: d.decided });
    else items.push(d ? { ...item, provenance: 'confirmed', sidecarId: d.id, created: d.decided } : item);
  };
  for (const m of analysis.persons) {
    const key = `${m.start}:${m.end}`;
    const added = userPeople.get(key);
    const item: ViewItem = { type: 'person', start: m.start, end: m.end, text: m.text, provenance: 'detected', person: nameOf(m.entityId) ?? m.text };
    if (added) {
      detectedPeople.add(key);
      items.push({ ...item, provenance: 'user', note: added.note, created: added.created, sidecarId: added.id });
    } else place(item, m);
  }
  for (const m of analysis.dates) {
    place({ type: 'date', start: m.start, end: m.end, text: m.text, provenance: 'detected', value: m.value, relative: m.relative }, m);
  }
  const detectedQuotes = new Set<string>();
  for (const m of analysis.quotes) {
    const key = `${m.start}:${m.end}`;
    detectedQuotes.add(key);
    const byHand = userQuotes.get(key)?.speaker;
    const person = nameOf(m.speakerId);
    const speaker = byHand ?? person ?? m.speakerText ?? undefined;
    place({
      type: 'quote', start: m.start, end: m.end, text: m.text, provenance: 'detected', kind: m.kind, speaker,
      speakerAsWritten: m.speakerText ?? undefined, speakerIsPerson: byHand !== undefined ? true : person !== undefined,
      speakerProvenance: byHand !== undefined ? 'user' : speaker !== undefined ? 'detected' : undefined,
      note: userQuotes.get(key)?.note,
    }, m);
  }
  for (const a of doc?.annotations ?? []) {
    const key = `${a.anchor.start}:${a.anchor.end}`;
    // A speaker set by hand on a detected quote is part of that quote's item above.
    if (!a.orphaned && ((a.kind === 'quote' && detectedQuotes.has(key)) || (a.kind === 'person' && detectedPeople.has(key)))) continue;
    const item: ViewItem = {
      type: a.kind, start: a.anchor.start, end: a.anchor.end, text: a.anchor.text, provenance: 'user', note: a.note,
      created: a.created, sidecarId: a.id, orphaned: a.orphaned,
      ...(a.kind === 'label' ? { label: a.label } : {}),
      ...(a.kind === 'person' ? { person: a.anchor.text } : {}),
      ...(a.kind === 'quote' ? { kind: 'quotation' as const, speaker: a.speaker, speakerIsPerson: a.speaker !== undefined, speakerProvenance: a.speaker !== undefined ? 'user' as const : undefined } : {}),
    };
    (a.orphaned ? orphans : items).push(item);
  }
  const byPlace = (x: ViewItem, y: ViewItem) => x.start - y.start || x.end - y.end;
  return { items: items.sort(byPlace), rejected: rejected.sort(byPlace), orphans, publicationDate: analysis.publicationDate };
}
