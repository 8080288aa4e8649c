// Capitalised token runs: the candidate spans for person names, found in one linear character scan (a
// hand-written scanner: Unicode-property regexes are several times slower on 10 MB texts).
// A run is capitalised words joined by single spaces, with up to two lower-case name particles ("von der")
// between two capitalised words. A possessive ’s / 's ends a run and is never part of it. Inner hyphens and
// dashes join word parts ("Jong-un", "Carnegie–Tsinghua"), an inner apostrophe too ("O’Brien"); initials
// ("W." before a capitalised word), dotted acronyms ("U.S.") and abbreviated titles ("Mr.") keep their dots.
// Tokens and runs are kept in flat integer arrays (no object or substring per token): a token is its start and
// its vocabulary id.
import { int32Scratch, uint8Scratch } from './scratch';
import { charClass, isApostrophe, isHyphen, isLetter, isSpace, LETTER, lettersEnd, UPPER } from '../text/chars';
import { FNV_OFFSET, FNV_PRIME, HashSet32, hashRange } from '../text/hashing';
import { lexicon, wordSet } from '../lexicon';
import { PARTICLES, type Vocabulary } from './vocabulary';


/** Lower-case prefixes joined by a hyphen or apostrophe to a capitalised name: "al-Assad", "d’Estaing". */
const NAME_PREFIXES = wordSet(lexicon.namePrefixes);
const PREFIX_INITIALS = new Uint8Array(128);
for (const p of NAME_PREFIXES) PREFIX_INITIALS[p.charCodeAt(0)] = 1;
/** By ASCII code: PARTICLE_INITIAL if a lower-case name particle starts with it, PREFIX_INITIAL if a name prefix does. */
const PARTICLE_INITIAL = 1, PREFIX_INITIAL = 2;
const PARTICLE_OR_PREFIX_INITIALS = new Uint8Array(128);
for (const p of PARTICLES) PARTICLE_OR_PREFIX_INITIALS[p.charCodeAt(0)] |= PARTICLE_INITIAL;
for (const p of NAME_PREFIXES) PARTICLE_OR_PREFIX_INITIALS[p.charCodeAt(0)] |= PREFIX_INITIAL;
const ABBREVIATIONS = wordSet(lexicon.titleAbbreviations);

const DOT = 46;

/**
 * End of a capitalised word starting at i (text[i] is an upper-case letter, or a name prefix such as "al-"),
 * or -1 if no capitalised word starts there.
 */
function capWordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  if (charClass(text.charCodeAt(i)) !== UPPER) {
    const p = lettersEnd(text, i);
    const sep = text.charCodeAt(p);
    if (!(isHyphen(sep) || isApostrophe(sep)) || !NAME_PREFIXES.has(text.slice(i, p)) || charClass(text.charCodeAt(p + 1)) !== UPPER) return -1;
    j = p + 1;
  }
  // Dotted acronym "U.S." / initial "W." before a capitalised word.
  if (text.charCodeAt(j + 1) === DOT) {
    let k = j;
    while (charClass(text.charCodeAt(k)) === UPPER && text.charCodeAt(k + 1) === DOT) k += 2;
    if (k - j >= 4) return k;
    if (k - j === 2 && isSpace(text.charCodeAt(k)) && charClass(text.charCodeAt(k + 1)) === UPPER) return k;
  }
  let end = lettersEnd(text, j + 1);
  for (;;) {
    const c = text.charCodeAt(end);
    if (isHyphen(c) && isLetter(text.charCodeAt(end + 1))) { end = lettersEnd(text, end + 1); continue; }
    if (isApostrophe(c) && isLetter(text.charCodeAt(end + 1))) {
      // ’s at the end of a word is a possessive, not part of the name.
      const after = lettersEnd(text, end + 1);
      if (after === end + 2 && (text.charCodeAt(end + 1) === 115)) break;
      end = after;
      continue;
    }
    break;
  }
  if (end < n && text.charCodeAt(end) === DOT && end - j <= 4 && ABBREVIATIONS.has(text.slice(j, end))) end++;
  return end;
}

/** Hashes of the particles: most words after a run that could be one ("the", "and", "da") are not, and are told by their hash. */
const PARTICLE_HASHES = new HashSet32();
for (const p of PARTICLES) PARTICLE_HASHES.add(hashRange(p, 0, p.length));

/** A lower-case name particle ("von") at text[start, end). */
function isParticle(text: string, start: number, end: number): boolean {
  return PARTICLE_HASHES.has(hashRange(text, start, end)) && PARTICLES.has(text.slice(start, end));
}

/** Start of a capitalised word after one space and at most two particles from `end`, or -1. */
function nextWordStart(text: string, end: number): number {
  if (!isSpace(text.charCodeAt(end))) return -1;
  let i = end + 1;
  for (let particles = 0; particles <= 2; particles++) {
    const c = text.charCodeAt(i);
    if (charClass(c) === UPPER) return i;
    if (particles === 2 || charClass(c) !== LETTER) return -1;
    // Particles and name prefixes are ASCII words with few initials: most words after a run are neither.
    const initial = c < 128 ? PARTICLE_OR_PREFIX_INITIALS[c] : 0;
    if (initial === 0) return -1;
    const p = lettersEnd(text, i);
    if (!isSpace(text.charCodeAt(p)) || p - i > 5 || (initial & PARTICLE_INITIAL) === 0 || !isParticle(text, i, p)) {
      // "al-Assad" continues a run too.
      return (initial & PREFIX_INITIAL) !== 0 && capWordEnd(text, i) > 0 ? i : -1;
    }
    i = p + 1;
  }
  return -1;
}

/**
 * Growable Int32Array, starting from a reusable one (see scratch.ts). Capacity is reserved generously up front:
 * pages of a typed array that are never written cost no resident memory, while growing copies (and so touches) the
 * whole array.
 */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(initial: Int32Array) { this.data = initial; }
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
}

/** The capitalised runs of a text and the lower-case words it uses. */
export class ScannedText {
  /** Token k is text[tokenStart[k], tokenEnd(k)), spelled as vocabulary id tokenWord[k]. */
  readonly tokenStart: Int32Array;
  readonly tokenWord: Int32Array;
  /**
   * Run r is the tokens [runFirst[r], runEnd[r]); runPossessive[r] is 1 when a possessive ’s / 's follows it. Runs
   * are contiguous in the token arrays, so runEnd is runFirst shifted by one (a view of the same memory).
   */
  readonly runFirst: Int32Array;
  readonly runEnd: Int32Array;
  readonly runPossessive: Uint8Array;
  readonly runCount: number;
  /**
   * Hashes (hashRange) of the words the text writes in lower case, so "Iodine" can be recognised as a common word
   * when the article also says "iodine". Numbers, not strings: a hash collision (about one in 10^5 for a long
   * article) can only make a rare name look like a common word.
   */
  readonly lowerCaseWordHashes: HashSet32;
  /** Spelling of each vocabulary id (token k ends after its spelling). */
  private readonly spellings: readonly string[];

  constructor(tokens: { start: IntList; word: IntList }, runFirst: IntList, runPossessive: Uint8Array,
    lowerCaseWordHashes: HashSet32, spellings: readonly string[]) {
    this.tokenStart = tokens.start.data;
    this.tokenWord = tokens.word.data;
    this.runCount = runFirst.length - 1;
    this.runFirst = runFirst.data;
    this.runEnd = runFirst.data.subarray(1);
    this.runPossessive = runPossessive;
    this.lowerCaseWordHashes = lowerCaseWordHashes;
    this.spellings = spellings;
  }

  /** Text offset where token k ends. */
  tokenEnd(k: number): number { return this.tokenStart[k] + this.spellings[this.tokenWord[k]].length; }
  /** Text offset where run r starts / ends. */
  runStart(r: number): number { return this.tokenStart[this.runFirst[r]]; }
  runStop(r: number): number { return this.tokenEnd(this.runFirst[r + 1] - 1); }
}

const TOKEN_STARTS = int32Scratch(), TOKEN_WORDS = int32Scratch(), RUN_FIRSTS = int32Scratch(), RUN_POSSESSIVES = uint8Scratch();
const LOWER_CASE_WORD_HASHES = new HashSet32();

/**
 * The runs of one text, added one at a time. Kept apart from scanText's character loop: that loop runs for every
 * character and compiles best without the run code inlined into it.
 */
class RunList {
  readonly tokenStart: IntList;
  readonly tokenWord: IntList;
  readonly runFirst: IntList;
  private runPossessive: Uint8Array;

  constructor(private readonly text: string, private readonly vocabulary: Vocabulary) {
    const n = text.length;
    // News has about one capitalised token per 30 characters; reserve for one per 8 (see IntList).
    this.tokenStart = new IntList(TOKEN_STARTS.take((n >> 3) + 8));
    this.tokenWord = new IntList(TOKEN_WORDS.take((n >> 3) + 8));
    this.runFirst = new IntList(RUN_FIRSTS.take((n >> 4) + 8));
    this.runPossessive = RUN_POSSESSIVES.take(this.runFirst.data.length);
  }

  /** Adds the run whose first word is text[start, firstEnd); returns where the run ends. */
  add(start: number, firstEnd: number): number {
    const { text, vocabulary, tokenStart, tokenWord, runFirst } = this;
    runFirst.push(tokenStart.length);
    tokenStart.push(start);
    tokenWord.push(vocabulary.id(text, start, firstEnd));
    let end = firstEnd;
    for (let next = nextWordStart(text, end); next >= 0; next = nextWordStart(text, end)) {
      // Particles between the previous word and the next capitalised word.
      let p = end + 1;
      while (p < next) {
        const q = lettersEnd(text, p);
        if (q > p && q < next) {
          tokenStart.push(p);
          tokenWord.push(vocabulary.id(text, p, q));
        }
        p = q + 1;
      }
      const wordEnd = capWordEnd(text, next);
      tokenStart.push(next);
      tokenWord.push(vocabulary.id(text, next, wordEnd));
      end = wordEnd;
    }
    const r = runFirst.length - 1;
    if (r === this.runPossessive.length) {
      const grown = new Uint8Array(runFirst.data.length);
      grown.set(this.runPossessive);
      this.runPossessive = grown;
    }
    if (isApostrophe(text.charCodeAt(end)) && text.charCodeAt(end + 1) === 115 && !isLetter(text.charCodeAt(end + 2))) this.runPossessive[r] = 1;
    return end;
  }

  scanned(lowerCaseWordHashes: HashSet32): ScannedText {
    this.runFirst.push(this.tokenStart.length);
    return new ScannedText({ start: this.tokenStart, word: this.tokenWord }, this.runFirst, this.runPossessive,
      lowerCaseWordHashes, this.vocabulary.texts);
  }
}

/**
 * One pass over the text: the capitalised runs (tokens interned in `vocabulary`), and the lower-case words' hashes.
 * The result lives until the next call (its arrays are reused).
 */
export function scanText(text: string, vocabulary: Vocabulary): ScannedText {
  const n = text.length;
  const runs = new RunList(text, vocabulary);
  const lowerCaseWordHashes = LOWER_CASE_WORD_HASHES;
  lowerCaseWordHashes.clear();
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = charClass(c);
    if (k !== UPPER && k !== LETTER) { i++; continue; }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    const prevClass = charClass(prev);
    const midWord = prevClass !== 0 || isApostrophe(prev) || isHyphen(prev);
    let firstEnd = -1;
    if (k === UPPER) {
      if (!midWord) firstEnd = capWordEnd(text, i);
    } else {
      // A lower-case word: skipped whole, hashing it on the way (as hashRange does) to remember it, unless it
      // starts a prefixed name ("al-Assad", "d’Estaing").
      let h = FNV_OFFSET;
      let j = i;
      let cj = c;
      for (;;) {
        h = Math.imul(h ^ cj, FNV_PRIME);
        if (++j === n) { cj = -1; break; }
        cj = text.charCodeAt(j);
        if (cj >= 97 && cj <= 122) continue; // a–z, most letters: no table look-up
        if (!isLetter(cj)) break;
      }
      if (!midWord && c < 128 && PREFIX_INITIALS[c] === 1 && (isHyphen(cj) || isApostrophe(cj))) firstEnd = capWordEnd(text, i);
      if (firstEnd < 0) {
        if (!midWord && j - i > 2) lowerCaseWordHashes.add(h === 0 ? 1 : h);
        i = j;
        continue;
      }
    }
    if (firstEnd < 0) {
      // A capital right after a digit, hyphen or apostrophe ("3D", "x-Ray") starts no name.
      i = lettersEnd(text, i);
      continue;
    }
    i = runs.add(i, firstEnd);
  }
  return runs.scanned(lowerCaseWordHashes);
}
