// Which mentions the entity views and navigation treat as the same thing, across articles. Pure: no vscode.
//
// People are linked across articles by canonical name (case and spacing ignored). This is the one place that
// decides cross-article identity: when src/analysis/linking.ts (surname-only entities linked to full names named
// in other articles) lands, route personKey's callers through it here and nowhere else.
import type { Analysis, DateMention, Mention, PersonEntity, QuoteMention } from '../analysis/types';

/** Cross-article identity of a person: the canonical name, lower-cased, with runs of whitespace collapsed. */
export function personKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function personKeyOf(entity: Pick<PersonEntity, 'name'>): string {
  return personKey(entity.name);
}

/** Dates group by resolved calendar value; unresolved ones by their wording. */
export function dateKey(d: Pick<DateMention, 'value' | 'text'>): string {
  return d.value !== undefined ? `=${d.value}` : `~${d.text.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

export const UNKNOWN_SPEAKER_KEY = '?';

/** Quotes group by speaker: a person (same key as personKey), else the source the article names, else unknown. */
export function speakerKey(q: Pick<QuoteMention, 'speakerId' | 'speakerText'>, a: Pick<Analysis, 'people'>): { key: string; name: string; isPerson: boolean } {
  const person = q.speakerId !== null ? a.people.get(q.speakerId) : undefined;
  if (person) return { key: personKeyOf(person), name: person.name, isPerson: true };
  const source = q.speakerText?.trim();
  if (source) return { key: `source:${source.replace(/\s+/g, ' ').toLowerCase()}`, name: source, isPerson: false };
  return { key: UNKNOWN_SPEAKER_KEY, name: 'Unknown speaker', isPerson: false };
}

/** The cross-article key of the entity a mention belongs to (quotes: their speaker). */
export function entityKeyOfMention(m: Mention, a: Pick<Analysis, 'people'>): string | undefined {
  switch (m.type) {
    case 'person': { const e = a.people.get(m.entityId); return e ? personKeyOf(e) : personKey(m.text); }
    case 'date': return dateKey(m);
    case 'quote': return speakerKey(m, a).key;
  }
}
