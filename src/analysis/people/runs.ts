// Capitalised token runs: the candidate spans for person names, found in one linear character scan (a
// hand-written scanner: Unicode-property regexes are several times slower on 10 MB texts).
// A run is capitalised words joined by single spaces, with up to two lower-case name particles ("von der")
// between two capitalised words. A possessive ’s / 's ends a run and is never part of it. Inner hyphens and
// dashes join word parts ("Jong-un", "Carnegie–Tsinghua"), an inner apostrophe too ("O’Brien"); initials
// ("W." before a capitalised word), dotted acronyms ("U.S.") and abbreviated titles ("Mr.") keep their dots.

export interface Token {
  text: string;
  /** Lower case, for the word-list look-ups. */
  lower: string;
  start: number;
  end: number;
  /** A lower-case particle inside a name ("von", "de", "bin"). */
  particle: boolean;
}

export interface Run {
  tokens: Token[];
  start: number;
  end: number;
  /** The run is directly followed by a possessive ’s or 's. */
  possessive: boolean;
}

const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'la', 'le',
  'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'zu']);
/** Lower-case prefixes joined by a hyphen or apostrophe to a capitalised name: "al-Assad", "d’Estaing". */
const NAME_PREFIXES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'ben', 'd', 'l']);
const PREFIX_INITIALS = new Set([...NAME_PREFIXES].map(p => p.charCodeAt(0)));
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'St', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt',
  'Sgt', 'Rev', 'Maj', 'Cpl', 'Pvt', 'Adm', 'Cmdr', 'Jr', 'Sr', 'Hon']);

// Character classes, computed once per UTF-16 code unit and cached: 1 upper-case letter, 2 other letter or
// combining mark, 3 digit, 0 anything else.
const UPPER = 1, LETTER = 2, DIGIT = 3;
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
function charClass(c: number): number {
  const k = classCache[c];
  return k !== 255 ? k : computeClass(c);
}
const isLetter = (c: number): boolean => { const k = charClass(c); return k === UPPER || k === LETTER; };
const isSpace = (c: number): boolean => c === 32 || c === 0xa0;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
const isHyphen = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2013;
const DOT = 46;

/** End of the letters/marks starting at i. */
function lettersEnd(text: string, i: number): number {
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
  if (end < n && text.charCodeAt(end) === DOT && ABBREVIATIONS.has(text.slice(j, end))) end++;
  return end;
}

/** Start of a capitalised word after one space and at most two particles from `end`, or -1. */
function nextWordStart(text: string, end: number): number {
  if (!isSpace(text.charCodeAt(end))) return -1;
  let i = end + 1;
  for (let particles = 0; particles <= 2; particles++) {
    const c = text.charCodeAt(i);
    if (charClass(c) === UPPER) return i;
    if (particles === 2 || charClass(c) !== LETTER) return -1;
    const p = lettersEnd(text, i);
    if (!isSpace(text.charCodeAt(p)) || !PARTICLES.has(text.slice(i, p))) {
      // "al-Assad" continues a run too.
      return capWordEnd(text, i) > 0 ? i : -1;
    }
    i = p + 1;
  }
  return -1;
}

function makeToken(text: string, start: number, end: number): Token {
  const t = text.slice(start, end);
  return { text: t, lower: t.toLowerCase(), start, end, particle: PARTICLES.has(t) };
}

/** 32-bit FNV-1a over UTF-16 code units of text[start, end). */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface ScannedText {
  runs: Run[];
  /**
   * Hashes (hashRange) of the words the text writes in lower case, so "Iodine" can be recognised as a common
   * word when the article also says "iodine". Kept as numbers to avoid allocating a string per word; a hash
   * collision (about one in 10^5 for a long article) can only make a rare name look like a common word.
   */
  lowerCaseWordHashes: Set<number>;
}

export function findRuns(text: string): Run[] {
  return scanText(text).runs;
}

/** One pass over the text: the capitalised runs, and the lower-case words' hashes. */
export function scanText(text: string): ScannedText {
  const runs: Run[] = [];
  const lowerCaseWordHashes = new Set<number>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = charClass(c);
    if (k !== UPPER && k !== LETTER) { i++; continue; }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    const midWord = charClass(prev) !== 0 || isApostrophe(prev) || isHyphen(prev);
    // Lower-case words are skipped whole unless they may start a prefixed name ("al-Assad", "d’Estaing").
    const mayStartName = k === UPPER || PREFIX_INITIALS.has(c);
    const firstEnd = midWord || !mayStartName ? -1 : capWordEnd(text, i);
    if (firstEnd < 0) {
      const wordEnd = Math.max(i + 1, lettersEnd(text, i));
      if (k === LETTER && !midWord && wordEnd - i > 2) lowerCaseWordHashes.add(hashRange(text, i, wordEnd));
      i = wordEnd;
      continue;
    }
    const tokens: Token[] = [makeToken(text, i, firstEnd)];
    let end = firstEnd;
    for (let next = nextWordStart(text, end); next >= 0; next = nextWordStart(text, end)) {
      // Particles between the previous word and the next capitalised word.
      let p = end + 1;
      while (p < next) {
        const q = lettersEnd(text, p);
        if (q > p && q < next) tokens.push(makeToken(text, p, q));
        p = q + 1;
      }
      const wordEnd = capWordEnd(text, next);
      tokens.push(makeToken(text, next, wordEnd));
      end = wordEnd;
    }
    const possessive = isApostrophe(text.charCodeAt(end)) && text.charCodeAt(end + 1) === 115 && !isLetter(text.charCodeAt(end + 2));
    runs.push({ tokens, start: i, end, possessive });
    i = end;
  }
  return { runs, lowerCaseWordHashes };
}
