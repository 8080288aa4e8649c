// Groups person-name spans of one article into entities with a canonical full name: "Kerry" → John Kerry,
// "Zhao" → Tong Zhao, "Xi" → Xi Jinping, whether the full name comes before or after the short mention.
import type { PersonEntity, PersonMention } from '../types';

export interface NameSpan {
  start: number;
  end: number;
  /** The name's words without particles ("Ursula von der Leyen" → Ursula, Leyen). */
  parts: string[];
}

/** Stable entity id from a canonical name: "John Kerry" → "person:john-kerry", "Erdoğan" → "person:erdogan". */
const idCache = new Map<string, string>();
export function personId(name: string): string {
  const cached = idCache.get(name);
  if (cached !== undefined) return cached;
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const id = `person:${slug}`;
  if (idCache.size < 10000) idCache.set(name, id);
  return id;
}

interface FullName { canonical: string; parts: string[]; positions: number[] }

/**
 * Full names that agree on first and last word are one person ("George Bush", "George W. Bush"); the longest
 * spelling is canonical.
 */
function collectFullNames(spans: NameSpan[], text: string): FullName[] {
  const byEnds = new Map<string, FullName>();
  for (const s of spans) {
    if (s.parts.length < 2) continue;
    const key = `${s.parts[0]}\u0000${s.parts[s.parts.length - 1]}`;
    const spelled = text.slice(s.start, s.end).replace(/\s+/g, ' ');
    const f = byEnds.get(key);
    if (!f) byEnds.set(key, { canonical: spelled, parts: s.parts, positions: [s.start] });
    else {
      f.positions.push(s.start);
      if (s.parts.length > f.parts.length) { f.canonical = spelled; f.parts = s.parts; }
    }
  }
  return [...byEnds.values()];
}

/**
 * The full name a one-word mention refers to: names ending with the word (surnames) win over names that
 * merely contain it (given names, East Asian family names first); among those, the nearest full mention
 * before it, else the first one after it.
 */
function resolveShort(word: string, at: number, fullNames: FullName[]): FullName | undefined {
  const ending = fullNames.filter(f => f.parts[f.parts.length - 1] === word);
  const pool = ending.length > 0 ? ending : fullNames.filter(f => f.parts.includes(word));
  let best: FullName | undefined;
  let bestScore = Infinity;
  for (const f of pool) {
    // positions are ascending (spans are linked in text order): binary search for the last one at or before `at`.
    let lo = 0, hi = f.positions.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (f.positions[mid] <= at) lo = mid + 1; else hi = mid; }
    // Before the mention: distance; after it: ranked behind every earlier one.
    const score = lo > 0 ? at - f.positions[lo - 1] : 1e12 + (f.positions[0] - at);
    if (score < bestScore) { bestScore = score; best = f; }
  }
  return best;
}

export function linkMentions(spans: NameSpan[], text: string): { persons: PersonMention[]; people: Map<string, PersonEntity> } {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const fullNames = collectFullNames(sorted, text);
  const byEnds = new Map(fullNames.map(f => [`${f.parts[0]}\u0000${f.parts[f.parts.length - 1]}`, f]));
  const persons: PersonMention[] = [];
  const people = new Map<string, PersonEntity>();
  for (const s of sorted) {
    let name: string;
    if (s.parts.length >= 2) name = byEnds.get(`${s.parts[0]}\u0000${s.parts[s.parts.length - 1]}`)!.canonical;
    else name = resolveShort(s.parts[0], s.start, fullNames)?.canonical ?? s.parts[0];
    const id = personId(name);
    let entity = people.get(id);
    if (!entity) { entity = { id, name, mentions: [] }; people.set(id, entity); }
    entity.mentions.push(persons.length);
    persons.push({ type: 'person', start: s.start, end: s.end, text: text.slice(s.start, s.end), entityId: id, fullName: s.parts.length >= 2 });
  }
  return { persons, people };
}
