// Flattens an Analysis into the entity records the CLI prints and ../shared/eval/score.mjs scores.
import type { Analysis } from './types';

export interface ScoredEntity {
  type: 'person' | 'date' | 'quote';
  start: number;
  end: number;
  text: string;
  /** person: canonical name of the entity */
  entity?: string;
  /** person: which evidence made it a person ("title", "known-name"…: see people/reasons.ts) */
  reason?: string;
  /**
   * quote: the source as the article names it at the attribution ("Zhao", "he", "the ministry") — what the eval
   * corpora annotate — or, when the quote continues an earlier attribution with no source text of its own, the
   * canonical name of the person.
   */
  speaker?: string;
  /** quote: canonical name of the person who said it, when the source resolves to a person ("he" → "John Kerry") */
  speakerEntity?: string;
  /** quote: "quotation" (someone's words) or "term" (a title, a scare-quoted word, a nickname) */
  kind?: 'quotation' | 'term';
  /** date: resolved calendar value */
  value?: string;
}

export function toScoredEntities(a: Analysis): ScoredEntity[] {
  const out: ScoredEntity[] = [];
  for (const p of a.persons) {
    const e: ScoredEntity = { type: 'person', start: p.start, end: p.end, text: p.text, entity: a.people.get(p.entityId)?.name };
    if (p.reason) e.reason = p.reason;
    out.push(e);
  }
  for (const d of a.dates) {
    const e: ScoredEntity = { type: 'date', start: d.start, end: d.end, text: d.text };
    if (d.value !== undefined) e.value = d.value;
    out.push(e);
  }
  for (const q of a.quotes) {
    const e: ScoredEntity = { type: 'quote', start: q.start, end: q.end, text: q.text, kind: q.kind };
    const person = q.speakerId ? a.people.get(q.speakerId)?.name : undefined;
    const speaker = q.speakerText ?? person;
    if (speaker) e.speaker = speaker;
    if (person) e.speakerEntity = person;
    out.push(e);
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}
