// Groups person-name spans of one article into entities with a canonical full name: "Kerry" → John Kerry,
// "Zhao" → Tong Zhao, "Xi" → Xi Jinping, whether the full name comes before or after the short mention.
// Spans arrive in flat integer arrays and name words as vocabulary ids, so no object is made per span until the
// mention itself; equal mention texts share one string.
import type { PersonEntity, PersonMention } from '../types';
import { DenseIds } from './dense';
import type { PersonReason } from './reasons';
import { int32Scratch } from './scratch';
import { isLetter } from '../text/chars';
import { detachedSlice, PARTICLES } from './vocabulary';
import { hashRange, slotTable } from '../text/hashing';


const SPAN_STARTS = int32Scratch(), SPAN_ENDS = int32Scratch(), PART_FIRSTS = int32Scratch(), PART_WORDS = int32Scratch();
const WORD_IDS = int32Scratch(), FULL_NAME_OF_SPAN = int32Scratch();
const FIRST_ENDING_WITH = int32Scratch(), FIRST_CONTAINING = int32Scratch(), LATEST_ENDING_WITH = int32Scratch();
const LATEST_CONTAINING = int32Scratch();
/** collectFullNames' full name by first and last word number (emptied after each call). */
const FULL_NAME_BY_WORDS = new Map<number, number>();
/** Dense numbers of the name words of one call's spans. */
const WORD_NUMBERS = new DenseIds();

/**
 * Person-name spans of one article, in text order. Span i is text[start[i], end[i]); its name words without
 * particles ("Ursula von der Leyen" → Ursula, Leyen) are partWords[partFirst[i] .. partFirst[i + 1]), numbered
 * densely (0 … wordCount - 1) per call: word number w is vocabulary id wordIds[w].
 */
export class NameSpans {
  count = 0;
  private partCount = 0;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly partFirst: Int32Array;
  readonly partWords: Int32Array;
  readonly wordIds: Int32Array;
  /** Why span i is a person. */
  readonly reasons: PersonReason[] = [];
  private readonly words = WORD_NUMBERS;

  /** At most `capacity` spans with `partCapacity` name words in all. Lives until the next call (its arrays are reused). */
  constructor(capacity: number, partCapacity: number) {
    this.start = SPAN_STARTS.take(capacity);
    this.end = SPAN_ENDS.take(capacity);
    this.partFirst = PART_FIRSTS.take(capacity + 1);
    this.partWords = PART_WORDS.take(partCapacity);
    this.wordIds = WORD_IDS.take(partCapacity);
    this.words.clear();
  }

  get wordCount(): number { return this.words.count; }

  /** Starts span text[start, end); its name words follow with addPart. */
  add(start: number, end: number, reason: PersonReason): void {
    const i = this.count++;
    this.reasons[i] = reason;
    this.start[i] = start;
    this.end[i] = end;
    this.partFirst[i] = this.partCount;
    this.partFirst[i + 1] = this.partCount;
  }

  /** Adds vocabulary id `word` as the next name word of the last span. */
  addPart(word: number): void {
    const n = this.words.add(word);
    this.wordIds[n] = word;
    this.partWords[this.partCount++] = n;
    this.partFirst[this.count] = this.partCount;
  }

  parts(i: number): number { return this.partFirst[i + 1] - this.partFirst[i]; }
  firstPart(i: number): number { return this.partWords[this.partFirst[i]]; }
  lastPart(i: number): number { return this.partWords[this.partFirst[i + 1] - 1]; }
}

/** Stable entity id from a canonical name: "John Kerry" → "person:john-kerry", "Erdoğan" → "person:erdogan". */
const idCache = new Map<string, string>();
export function personId(name: string): string {
  const cached = idCache.get(name);
  if (cached !== undefined) return cached;
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const id = `person:${slug}`;
  // The name may be a view into an article's text: the cache keeps a copy, not the article.
  if (idCache.size < 10000) idCache.set(detachedSlice(name, 0, name.length), id);
  return id;
}

/** Full names that agree on first and last word: one person ("George Bush", "George W. Bush"). */
interface FullName {
  /** The span with the most name words (the first such): its spelling is the canonical name. */
  canonicalSpan: number;
  entity: PersonEntity | undefined;
}

/** Mentions and entities from the person-name spans of one article; `spellings` spells the word ids. */
export function linkMentions(spans: NameSpans, text: string, spellings: readonly string[]):
  { persons: PersonMention[]; people: Map<string, PersonEntity> } {
  const { fullNames, fullNameOfSpan } = collectFullNames(spans);
  const index = new FullNameIndex(fullNames, spans);
  const persons: PersonMention[] = [];
  const people = new Map<string, PersonEntity>();
  /** Entities of one-word names that match no full name, by word number. */
  const entityOfWord: (PersonEntity | undefined)[] = [];
  // Emptied after each call (so it holds no strings between calls).
  const texts = MENTION_TEXTS;
  for (let i = 0; i < spans.count; i++) {
    let start = spans.start[i];
    const mention = persons.length;
    let entity: PersonEntity | undefined;
    let fullIndex = fullNameOfSpan[i];
    if (fullIndex >= 0) index.pass(fullIndex, fullNames[fullIndex].canonicalSpan, spans);
    else fullIndex = index.resolveShort(spans.firstPart(i));
    if (fullIndex >= 0) {
      const full = fullNames[fullIndex];
      entity = full.entity;
      if (entity === undefined) {
        const name = spelling(text, spans.start[full.canonicalSpan], spans.end[full.canonicalSpan]);
        // Two spellings of one id ("Erdoğan", "Erdogan") share the entity made first.
        entity = entityWithMention(people, personId(name), name, mention);
        full.entity = entity;
      } else entity.mentions.push(mention);
      // "Later van den Berg said": the particles the full name has before the word belong to the short mention too.
      if (spans.parts(i) === 1) start -= particlesBefore(text, start, spans.end[i], entity.name);
    } else {
      const word = spans.firstPart(i);
      entity = entityOfWord[word];
      if (entity === undefined) {
        // The span's own spelling: with its particles ("de Gaulle"), and not in the capitals of a headline.
        const own = spellings[spans.wordIds[word]];
        const name = spans.end[i] - start === own.length && text.startsWith(own, start) ? own : spelling(text, start, spans.end[i]);
        entity = entityWithMention(people, personId(name), name, mention);
        entityOfWord[word] = entity;
      } else entity.mentions.push(mention);
    }
    const end = spans.end[i];
    const parts = spans.parts(i);
    // A one-word span spelled as its word (not a headline's capitals linked to it): its spelling is at hand.
    const firstSpelling = spellings[spans.wordIds[spans.firstPart(i)]];
    const mentionText = parts === 1 && firstSpelling.length === end - start && text.startsWith(firstSpelling, start)
      ? firstSpelling : texts.spelling(text, start, end);
    persons.push({ type: 'person', start, end, text: mentionText, entityId: entity.id, fullName: parts >= 2, reason: spans.reasons[i] });
  }
  texts.clear();
  // Pushing onto a one-slot array reserves 17: an entity named a few times keeps an array of its own size instead.
  for (const entity of people.values()) if (entity.mentions.length > 1) entity.mentions = entity.mentions.slice();
  return { persons, people };
}

/** Length of the particles before text[start, end) that `fullName` has before that word too ("van den " of "Ludwig van den Berg"). */
function particlesBefore(text: string, start: number, end: number, fullName: string): number {
  const word = text.slice(start, end);
  const at = fullName.lastIndexOf(' ' + word);
  if (at <= 0 || at + 1 + word.length !== fullName.length) return 0;
  const before = fullName.slice(0, at).split(' ');
  let n = before.length;
  while (n > 1 && PARTICLES.has(before[n - 1])) n--;
  if (n === before.length) return 0;
  const particles = before.slice(n).join(' ') + ' ';
  return text.startsWith(particles, start - particles.length) && !isLetter(text.charCodeAt(start - particles.length - 1)) ? particles.length : 0;
}

/** The entity with this id, made with its first mention if new. */
function entityWithMention(people: Map<string, PersonEntity>, id: string, name: string, mention: number): PersonEntity {
  let entity = people.get(id);
  if (entity === undefined) {
    // A one-element literal is allocated to size; pushing onto [] reserves 16 slots, which for the many people named
    // once in a long article was most of the result's memory.
    entity = { id, name, mentions: [mention] };
    people.set(id, entity);
  } else entity.mentions.push(mention);
  return entity;
}

/** A name as written, with any run of white space inside it as one space. */
function spelling(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  // Names are mostly written with single spaces already: look before running the pattern.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? s.charCodeAt(i + 1) === 32 : c <= 32 || c === 0xa0 || c >= 0x1680) return s.replace(/\s+/g, ' ');
  }
  return s;
}

/** The full names (spans of two name words or more) and, for each span, the index of its full name or -1. */
function collectFullNames(spans: NameSpans): { fullNames: FullName[]; fullNameOfSpan: Int32Array } {
  // By (first word, last word): the full name they make. A map rather than a chain per first word, which grew
  // quadratic when many full names share a first name ("John A…", "John B…", …).
  const byFirstAndLast = FULL_NAME_BY_WORDS;
  const words = spans.wordCount;
  const fullNames: FullName[] = [];
  const fullNameOfSpan = FULL_NAME_OF_SPAN.take(spans.count).fill(-1, 0, spans.count);
  for (let i = 0; i < spans.count; i++) {
    const parts = spans.parts(i);
    if (parts < 2) continue;
    const key = spans.firstPart(i) * words + spans.lastPart(i);
    let f = byFirstAndLast.get(key);
    if (f === undefined) {
      f = fullNames.length;
      fullNames.push({ canonicalSpan: i, entity: undefined });
      byFirstAndLast.set(key, f);
    } else if (parts > spans.parts(fullNames[f].canonicalSpan)) {
      fullNames[f].canonicalSpan = i;
    }
    fullNameOfSpan[i] = f;
  }
  byFirstAndLast.clear();
  return { fullNames, fullNameOfSpan };
}

/**
 * Which full name a one-word mention refers to: names ending with the word (surnames) win over names that merely
 * contain it (given names, East Asian family names first); among those, the nearest full mention before it, else
 * the first one after it. Spans are linked in one sweep in text order: `pass` is told of each full mention, so the
 * nearest one before a short mention is the latest passed.
 */
class FullNameIndex {
  /** By word number: the first full name (in order of first mention) that ends with it / that contains it, or -1. */
  private readonly firstEndingWith: Int32Array;
  private readonly firstContaining: Int32Array;
  /** By word number: the full name of the latest full mention passed that ends with it / that contains it, or -1. */
  private readonly latestEndingWith: Int32Array;
  private readonly latestContaining: Int32Array;

  /** Full names are numbered in order of first mention. */
  constructor(fullNames: readonly FullName[], spans: NameSpans) {
    const words = spans.wordCount;
    this.firstEndingWith = FIRST_ENDING_WITH.take(words).fill(-1, 0, words);
    this.firstContaining = FIRST_CONTAINING.take(words).fill(-1, 0, words);
    this.latestEndingWith = LATEST_ENDING_WITH.take(words).fill(-1, 0, words);
    this.latestContaining = LATEST_CONTAINING.take(words).fill(-1, 0, words);
    for (let f = 0; f < fullNames.length; f++) {
      const s = fullNames[f].canonicalSpan;
      const last = spans.lastPart(s);
      if (this.firstEndingWith[last] < 0) this.firstEndingWith[last] = f;
      for (let p = spans.partFirst[s]; p < spans.partFirst[s + 1]; p++) {
        if (this.firstContaining[spans.partWords[p]] < 0) this.firstContaining[spans.partWords[p]] = f;
      }
    }
  }

  /** A mention of full name f, whose canonical span is `canonicalSpan`. */
  pass(f: number, canonicalSpan: number, spans: NameSpans): void {
    this.latestEndingWith[spans.lastPart(canonicalSpan)] = f;
    for (let p = spans.partFirst[canonicalSpan]; p < spans.partFirst[canonicalSpan + 1]; p++) this.latestContaining[spans.partWords[p]] = f;
  }

  /** The full name a one-word mention of word number `word` refers to, or -1. */
  resolveShort(word: number): number {
    let first = this.firstEndingWith[word];
    let latest = this.latestEndingWith;
    if (first < 0) {
      first = this.firstContaining[word];
      latest = this.latestContaining;
    }
    if (first < 0) return -1;
    return latest[word] >= 0 ? latest[word] : first;
  }
}

/** Up to this many slots, SpellingTable.clear keeps the table for reuse; a larger one is dropped. */
const KEPT_SLOTS = 1 << 14;

/** Equal spellings of text ranges as one string (a hash of the code units, then a compare; no slice to look up). */
class SpellingTable {
  private readonly strings: string[] = [];
  private hashes = new Int32Array(64);
  private slots = new Int32Array(128);

  /** Empties the table; one much larger than its last use needed is dropped rather than zeroed. */
  clear(): void {
    const used = this.strings.length;
    this.strings.length = 0;
    if (this.slots.length > KEPT_SLOTS || (this.slots.length > 128 && used * 8 < this.slots.length)) {
      this.hashes = new Int32Array(64);
      this.slots = new Int32Array(128);
    } else this.slots.fill(0);
  }

  spelling(text: string, start: number, end: number): string {
    const h = hashRange(text, start, end);
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (let s = this.slots[i]; s !== 0; i = (i + 1) & mask, s = this.slots[i]) {
      const str = this.strings[s - 1];
      if (this.hashes[s - 1] === h && sameSpelling(str, text, start, end)) return str;
    }
    const str = text.slice(start, end);
    const id = this.strings.length;
    this.strings.push(str);
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    this.slots[i] = id + 1;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    return str;
  }

  private rehash(): void {
    this.slots = slotTable(this.hashes, this.strings.length, this.slots.length * 2);
  }
}

/** Texts of the mentions of one call. */
const MENTION_TEXTS = new SpellingTable();

function sameSpelling(s: string, text: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
