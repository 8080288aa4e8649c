// Character classes of UTF-16 code units and white space, for the hand-written scanners of the analyzer (one
// definition for every rule family: people, dates, quotes).

// Character classes of UTF-16 code units, in one table: 1 upper-case letter, 2 other letter or combining mark, 3 digit,
// 0 anything else. Latin letters and punctuation are filled at load; other code units when first met (255: not yet).
export const UPPER = 1, LETTER = 2, DIGIT = 3;
const UNKNOWN = 255;
const CHAR_CLASS = new Uint8Array(65536).fill(UNKNOWN);
const UPPER_RE = /\p{Lu}/u, LETTER_RE = /[\p{L}\p{M}]/u, DIGIT_RE = /\p{N}/u;
function computeClass(c: number): number {
  const ch = String.fromCharCode(c);
  const k = UPPER_RE.test(ch) ? UPPER : LETTER_RE.test(ch) ? LETTER : DIGIT_RE.test(ch) ? DIGIT : 0;
  CHAR_CLASS[c] = k;
  return k;
}
for (let c = 0; c < 0x250; c++) computeClass(c);
for (let c = 0x2000; c < 0x2070; c++) computeClass(c);
/** Class of a code unit; past the end of the text (NaN) it is undefined, which matches no class. */
export function charClass(c: number): number {
  const k = CHAR_CLASS[c];
  return k !== UNKNOWN ? k : computeClass(c);
}
export function isLetter(c: number): boolean {
  let k = CHAR_CLASS[c];
  if (k === UNKNOWN) k = computeClass(c);
  return k === UPPER || k === LETTER;
}
export const isSpace = (c: number): boolean => c === 32 || c === 0xa0;
export const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
export const isHyphen = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2013;

/** White space as the regular expression class \\s has it. */
export const isWhiteSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
  || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** End of the letters/marks starting at i. */
export function lettersEnd(text: string, i: number): number {
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) continue; // a–z, most letters: no table look-up
    let k = CHAR_CLASS[c];
    if (k === UNKNOWN) k = computeClass(c);
    if (k !== UPPER && k !== LETTER) break;
  }
  return i;
}
