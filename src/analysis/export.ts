// Flattens an Analysis into the entity records the CLI prints and ../shared/eval/score.mjs scores.
import type { Analysis } from './types';

export interface ScoredEntity {
  type: 'person' | 'date' | 'quote';
  start: number;
  end: number;
  text: string;
  /** person: canonical name of the entity */
  entity?: string;
  /** quote: canonical name of the speaker when resolved to a person, else the source's surface text */
  speaker?: string;
  /** date: resolved calendar value */
  value?: string;
}

export function toScoredEntities(a: Analysis): ScoredEntity[] {
  const out: ScoredEntity[] = [];
  for (const p of a.persons) {
    out.push({ type: 'person', start: p.start, end: p.end, text: p.text, entity: a.people.get(p.entityId)?.name });
  }
  for (const d of a.dates) {
    const e: ScoredEntity = { type: 'date', start: d.start, end: d.end, text: d.text };
    if (d.value !== undefined) e.value = d.value;
    out.push(e);
  }
  for (const q of a.quotes) {
    const e: ScoredEntity = { type: 'quote', start: q.start, end: q.end, text: q.text };
    const speaker = (q.speakerId && a.people.get(q.speakerId)?.name) || q.speakerText;
    if (speaker) e.speaker = speaker;
    out.push(e);
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}
