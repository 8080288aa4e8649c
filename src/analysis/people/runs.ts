// Capitalised token runs: the candidate spans for person names, found in one linear character scan (a
// hand-written scanner: Unicode-property regexes are several times slower on 10 MB texts).
// A run is capitalised words joined by single spaces, with up to two lower-case name particles ("von der")
// between two capitalised words. A possessive ’s / 's ends a run and is never part of it. Inner hyphens and
// dashes join word parts ("Jong-un", "Carnegie–Tsinghua"), an inner apostrophe too ("O’Brien"); initials
// ("W." before a capitalised word), dotted acronyms ("U.S.") and abbreviated titles ("Mr.") keep their dots.
// Tokens and runs are kept in flat integer arrays (no object or substring per token): a token is its range and
// its vocabulary id.
import { FNV_OFFSET, FNV_PRIME, HashSet32, type Vocabulary, Word } from './vocabulary';

// Imports bound once to locals: in the file-by-file build (out/) every use of an imported name is a getter call.
const PARTICLE = Word.PARTICLE, FNV_OFFSET_BASIS = FNV_OFFSET, FNV_MULTIPLIER = FNV_PRIME;

/** Lower-case prefixes joined by a hyphen or apostrophe to a capitalised name: "al-Assad", "d’Estaing". */
const NAME_PREFIXES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'ben', 'd', 'l']);
const PREFIX_INITIALS = new Uint8Array(128);
for (const p of NAME_PREFIXES) PREFIX_INITIALS[p.charCodeAt(0)] = 1;
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'St', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt',
  'Sgt', 'Rev', 'Maj', 'Cpl', 'Pvt', 'Adm', 'Cmdr', 'Jr', 'Sr', 'Hon']);

// Character classes, computed once per UTF-16 code unit and cached: 1 upper-case letter, 2 other letter or
// combining mark, 3 digit, 0 anything else.
export const UPPER = 1, LETTER = 2, DIGIT = 3;
const classCache = new Uint8Array(65536).fill(255);
const UPPER_RE = /\p{Lu}/u, LETTER_RE = /[\p{L}\p{M}]/u;
function computeClass(c: number): number {
  const ch = String.fromCharCode(c);
  const k = UPPER_RE.test(ch) ? UPPER : LETTER_RE.test(ch) ? LETTER : /\p{N}/u.test(ch) ? DIGIT : 0;
  classCache[c] = k;
  return k;
}
for (let c = 0; c < 0xc0; c++) computeClass(c);
/** Class of a code unit; past the end of the text (NaN) it is undefined, which matches no class. */
export function charClass(c: number): number {
  const k = classCache[c];
  return k !== 255 ? k : computeClass(c);
}
export const isLetter = (c: number): boolean => { const k = charClass(c); return k === UPPER || k === LETTER; };
export const isSpace = (c: number): boolean => c === 32 || c === 0xa0;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
const isHyphen = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2013;
const DOT = 46;

/** End of the letters/marks starting at i. */
export function lettersEnd(text: string, i: number): number {
  while (i < text.length && isLetter(text.charCodeAt(i))) i++;
  return i;
}

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

/** A lower-case name particle ("von") at text[start, end). The look-up may grow the vocabulary: flags are read after it. */
function isParticle(vocabulary: Vocabulary, text: string, start: number, end: number): boolean {
  const id = vocabulary.id(text, start, end);
  return (vocabulary.flags[id] & PARTICLE) !== 0;
}

/** Start of a capitalised word after one space and at most two particles from `end`, or -1. */
function nextWordStart(text: string, end: number, vocabulary: Vocabulary): number {
  if (!isSpace(text.charCodeAt(end))) return -1;
  let i = end + 1;
  for (let particles = 0; particles <= 2; particles++) {
    const c = text.charCodeAt(i);
    if (charClass(c) === UPPER) return i;
    if (particles === 2 || charClass(c) !== LETTER) return -1;
    const p = lettersEnd(text, i);
    if (!isSpace(text.charCodeAt(p)) || p - i > 5 || !isParticle(vocabulary, text, i, p)) {
      // "al-Assad" continues a run too.
      return capWordEnd(text, i) > 0 ? i : -1;
    }
    i = p + 1;
  }
  return -1;
}

/** Growable Int32Array. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) { this.data = new Int32Array(Math.max(16, capacity)); }
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
  /** Token k is text[tokenStart[k], tokenEnd[k]), spelled as vocabulary id tokenWord[k]. */
  readonly tokenStart: Int32Array;
  readonly tokenEnd: Int32Array;
  readonly tokenWord: Int32Array;
  /** Run r is the tokens [runFirst[r], runEnd[r]); runPossessive[r] is 1 when a possessive ’s / 's follows it. */
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

  constructor(tokens: { start: IntList; end: IntList; word: IntList }, runs: { first: IntList; end: IntList; possessive: number[] },
    lowerCaseWordHashes: HashSet32) {
    this.tokenStart = tokens.start.data;
    this.tokenEnd = tokens.end.data;
    this.tokenWord = tokens.word.data;
    this.runFirst = runs.first.data;
    this.runEnd = runs.end.data;
    this.runPossessive = Uint8Array.from(runs.possessive);
    this.runCount = runs.first.length;
    this.lowerCaseWordHashes = lowerCaseWordHashes;
  }

  /** Text offset where run r starts / ends. */
  runStart(r: number): number { return this.tokenStart[this.runFirst[r]]; }
  runStop(r: number): number { return this.tokenEnd[this.runEnd[r] - 1]; }
}

/** One pass over the text: the capitalised runs (tokens interned in `vocabulary`), and the lower-case words' hashes. */
export function scanText(text: string, vocabulary: Vocabulary): ScannedText {
  const capacity = text.length >> 4;
  const tokens = { start: new IntList(capacity), end: new IntList(capacity), word: new IntList(capacity) };
  const runs = { first: new IntList(capacity >> 1), end: new IntList(capacity >> 1), possessive: [] as number[] };
  const addToken = (start: number, end: number): void => {
    tokens.start.push(start);
    tokens.end.push(end);
    tokens.word.push(vocabulary.id(text, start, end));
  };
  const lowerCaseWordHashes = new HashSet32();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = charClass(c);
    if (k !== UPPER && k !== LETTER) { i++; continue; }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    const midWord = charClass(prev) !== 0 || isApostrophe(prev) || isHyphen(prev);
    let firstEnd = -1;
    if (k === UPPER) {
      if (!midWord) firstEnd = capWordEnd(text, i);
    } else {
      // A lower-case word: skipped whole, hashing it on the way (as hashRange does) to remember it, unless it
      // starts a prefixed name ("al-Assad", "d’Estaing").
      let h = FNV_OFFSET_BASIS;
      let j = i;
      for (let cj = c; isLetter(cj); cj = text.charCodeAt(++j)) h = Math.imul(h ^ cj, FNV_MULTIPLIER);
      const sep = text.charCodeAt(j);
      if (!midWord && c < 128 && PREFIX_INITIALS[c] === 1 && (isHyphen(sep) || isApostrophe(sep))) firstEnd = capWordEnd(text, i);
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
    runs.first.push(tokens.start.length);
    addToken(i, firstEnd);
    let end = firstEnd;
    for (let next = nextWordStart(text, end, vocabulary); next >= 0; next = nextWordStart(text, end, vocabulary)) {
      // Particles between the previous word and the next capitalised word.
      let p = end + 1;
      while (p < next) {
        const q = lettersEnd(text, p);
        if (q > p && q < next) addToken(p, q);
        p = q + 1;
      }
      const wordEnd = capWordEnd(text, next);
      addToken(next, wordEnd);
      end = wordEnd;
    }
    runs.end.push(tokens.start.length);
    runs.possessive.push(isApostrophe(text.charCodeAt(end)) && text.charCodeAt(end + 1) === 115 && !isLetter(text.charCodeAt(end + 2)) ? 1 : 0);
    i = end;
  }
  return new ScannedText(tokens, runs, lowerCaseWordHashes);
}
