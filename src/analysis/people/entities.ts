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

interface FullName { canonical: string; parts: string[]; positions: number[]; id: string; entity?: PersonEntity }

/**
 * Full names that agree on first and last word are one person ("George Bush", "George W. Bush"); the longest
 * spelling is canonical. Returns them, and for each span the full name it spells (undefined for one-word spans).
 */
function collectFullNames(spans: NameSpan[], text: string): { fullNames: FullName[]; ofSpan: (FullName | undefined)[] } {
  // First word → last word → full name (nested maps: no key string built per span).
  const byEnds = new Map<string, Map<string, FullName>>();
  const fullNames: FullName[] = [];
  const ofSpan: (FullName | undefined)[] = [];
  const spelling = (s: NameSpan): string => text.slice(s.start, s.end).replace(/\s+/g, ' ');
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    if (s.parts.length < 2) { ofSpan.push(undefined); continue; }
    const last = s.parts[s.parts.length - 1];
    let byLast = byEnds.get(s.parts[0]);
    if (!byLast) { byLast = new Map(); byEnds.set(s.parts[0], byLast); }
    let f = byLast.get(last);
    if (!f) {
      f = { canonical: spelling(s), parts: s.parts, positions: [s.start], id: '' };
      byLast.set(last, f);
      fullNames.push(f);
    } else {
      f.positions.push(s.start);
      if (s.parts.length > f.parts.length) { f.canonical = spelling(s); f.parts = s.parts; }
    }
    ofSpan.push(f);
  }
  for (const f of fullNames) f.id = personId(f.canonical);
  return { fullNames, ofSpan };
}

/** Full names by the words they end with and by every word they contain, so a short mention finds its candidates at once. */
interface FullNameIndex { byLastWord: Map<string, FullName[]>; byAnyWord: Map<string, FullName[]> }

function indexFullNames(fullNames: FullName[]): FullNameIndex {
  const byLastWord = new Map<string, FullName[]>();
  const byAnyWord = new Map<string, FullName[]>();
  const add = (map: Map<string, FullName[]>, word: string, f: FullName): void => {
    const list = map.get(word);
    if (!list) map.set(word, [f]);
    else if (list[list.length - 1] !== f) list.push(f);
  };
  for (const f of fullNames) {
    add(byLastWord, f.parts[f.parts.length - 1], f);
    for (const p of f.parts) add(byAnyWord, p, f);
  }
  return { byLastWord, byAnyWord };
}

/**
 * The full name a one-word mention refers to: names ending with the word (surnames) win over names that
 * merely contain it (given names, East Asian family names first); among those, the nearest full mention
 * before it, else the first one after it.
 */
function resolveShort(word: string, at: number, index: FullNameIndex): FullName | undefined {
  const pool = index.byLastWord.get(word) ?? index.byAnyWord.get(word);
  if (!pool) return undefined;
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

/** Mentions and entities from the person-name spans of one article, given in text order. */
export function linkMentions(spans: NameSpan[], text: string): { persons: PersonMention[]; people: Map<string, PersonEntity> } {
  const { fullNames, ofSpan } = collectFullNames(spans, text);
  const index = indexFullNames(fullNames);
  const persons: PersonMention[] = [];
  const people = new Map<string, PersonEntity>();
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const full = ofSpan[i] ?? resolveShort(s.parts[0], s.start, index);
    let entity = full?.entity;
    if (!entity) {
      const name = full ? full.canonical : s.parts[0];
      const id = full ? full.id : personId(name);
      entity = people.get(id);
      if (!entity) { entity = { id, name, mentions: [] }; people.set(id, entity); }
      // Two spellings of one id ("Erdoğan", "Erdogan") share the entity made first.
      if (full) full.entity = entity;
    }
    entity.mentions.push(persons.length);
    persons.push({ type: 'person', start: s.start, end: s.end, text: text.slice(s.start, s.end), entityId: entity.id, fullName: s.parts.length >= 2 });
  }
  return { persons, people };
}
