// Small text utilities for attribution: word/punctuation tokens of a bounded window, and sentence edges.
import { ABBREVIATIONS } from './words';
import { charClass, isWhiteSpace } from '../text/chars';
import { hashRange } from '../text/hashing';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** True for a word (letters/digits), false for a punctuation character. */
  word: boolean;
}

// Words keep inner apostrophes, hyphens, periods and ampersands ("Clinton’s", "Beijing-based", "U.S", "AT&T") and a
// plural's possessive apostrophe ("Sanders’ campaign");
// any other non-space character (a whole code point) is a token of its own. This is the regular expression
// /([\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*)|\S/gu, scanned by hand: no match arrays, and the scan for the next token
// stops at the window's end (a word that starts inside the window is still read whole).

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Length (1 or 2 code units) of the letter (with its combining marks) or digit starting at i, or 0 when none starts there. */
export function letterOrDigitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0; // most text: no table
  if (c >= 0xD800 && c <= 0xDBFF) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xDC00 && d <= 0xDFFF && LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return charClass(c) > 0 ? 1 : 0;
}

/** ’ ' - . & : joins two runs of letters and digits into one word. */
const isWordJoiner = (c: number): boolean => c === 0x2019 || c === 39 || c === 45 || c === 46 || c === 38;

/** End of the word whose first letter or digit is at i; a plural's possessive apostrophe belongs to it ("Sanders’"). */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    for (let n = letterOrDigitAt(text, j); n > 0; n = letterOrDigitAt(text, j)) j += n;
    if (j + 1 < text.length && isWordJoiner(text.charCodeAt(j)) && letterOrDigitAt(text, j + 1) > 0) j++;
    else {
      const c = text.charCodeAt(j);
      return (c === 0x2019 || c === 39) && isPluralPossessive(text, j) ? j + 1 : j;
    }
  }
}

/** An apostrophe at `j` right after a word ending in "s" and before a space: "Sanders’ campaign", "the states' rights". */
function isPluralPossessive(text: string, j: number): boolean {
  const s = text.charCodeAt(j - 1);
  return (s === 115 || s === 83) && j + 1 < text.length && text.charCodeAt(j + 1) === 32 && letterOrDigitAt(text, j + 2) > 0;
}

// Short words repeat (“said”, “the”, names): their spellings come from a small direct-mapped cache keyed by the text
// range's char codes, so reading a token costs no string when its word was seen before. Only words of up to 12
// code units are cached: V8 copies slices that short, so a cached spelling never keeps an article alive.
const SPELLING_SLOTS = 4096;
const MAX_CACHED_WORD = 12;
const cachedText: string[] = new Array<string>(SPELLING_SLOTS).fill('');
const cachedLower: string[] = new Array<string>(SPELLING_SLOTS).fill('');

/** Fills t's text and lower with the spelling of text[start, end), from the cache when it holds it. */
function spell(t: Token, text: string, start: number, end: number): void {
  const n = end - start;
  if (n > MAX_CACHED_WORD) {
    const w = text.slice(start, end);
    t.text = w;
    t.lower = t.word ? w.toLowerCase() : w;
    return;
  }
  const h = hashRange(text, start, end);
  const slot = (h ^ (h >>> 15)) & (SPELLING_SLOTS - 1);
  const known = cachedText[slot];
  let same = known.length === n;
  for (let i = 0; same && i < n; i++) same = known.charCodeAt(i) === text.charCodeAt(start + i);
  if (!same) {
    cachedText[slot] = text.slice(start, end);
    // A punctuation token is its own lower case (a spelling is always a word or always not: its first character says).
    cachedLower[slot] = t.word ? cachedText[slot].toLowerCase() : cachedText[slot];
  }
  t.text = cachedText[slot];
  t.lower = cachedLower[slot];
}

/**
 * Reads the token starting at or after i and before stop (white space skipped) into t; false when none does.
 * Reusing t spares an object per token for readers that keep a pool of them.
 */
function readToken(text: string, i: number, stop: number, t: Token): boolean {
  while (i < stop && isWhiteSpace(text.charCodeAt(i))) i++;
  if (i >= stop) return false;
  const start = i;
  let end: number;
  if (letterOrDigitAt(text, i) > 0) {
    end = wordEnd(text, i);
    t.word = true;
  } else {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    end = i + (c >= 0xD800 && c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF ? 2 : 1);
    t.word = false;
  }
  t.start = start;
  t.end = end;
  spell(t, text, start, end);
  return true;
}

const blankToken = (): Token => ({ start: 0, end: 0, text: '', lower: '', word: false });

/** Tokens of text[from, to), at most `limit` of them, read in place (no copy of the window). */
export function tokenize(text: string, from: number, to: number, limit = Infinity): Token[] {
  const out: Token[] = [];
  const stop = Math.min(to, text.length);
  let i = from;
  while (out.length < limit) {
    const t = blankToken();
    if (!readToken(text, i, stop, t)) break;
    out.push(t);
    i = t.end;
  }
  return out;
}

/**
 * A tokenize that reuses its array and token objects from one call to the next: what read() returns is valid only
 * until the next read() on the same window. For hot callers that look at one window at a time.
 */
export class TokenWindow {
  private readonly pool: Token[] = [];
  private readonly tokens: Token[] = [];

  read(text: string, from: number, to: number, limit = Infinity): Token[] {
    const out = this.tokens;
    const stop = Math.min(to, text.length);
    let n = 0, i = from;
    while (n < limit) {
      const t = n < this.pool.length ? this.pool[n] : (this.pool[n] = blankToken());
      if (!readToken(text, i, stop, t)) break;
      out[n++] = t;
      i = t.end;
    }
    out.length = n;
    return out;
  }
}

/** The tokens of text[from, to), read only as far as they are asked for (most readers stop after a few). */
export class LazyTokens {
  /** Token objects reused across restarts; the first `count` are this window's. */
  private readonly tokens: Token[] = [];
  private count = 0;
  private next: number;
  private stop: number;
  private done = false;

  constructor(private readonly text: string, from: number, to: number) {
    this.next = from;
    this.stop = Math.min(to, text.length);
  }

  /** Starts over on text[from, to) of the same text, keeping this reader and its tokens (one per article, not per window). */
  restart(from: number, to: number): void {
    this.count = 0;
    this.next = from;
    this.stop = Math.min(to, this.text.length);
    this.done = false;
  }

  /** The i-th token, or undefined past the last one. Valid until the next restart. */
  at(i: number): Token | undefined {
    while (this.count <= i && !this.done) {
      const t = this.count < this.tokens.length ? this.tokens[this.count] : (this.tokens[this.count] = blankToken());
      if (readToken(this.text, this.next, this.stop, t)) { this.count++; this.next = t.end; } else this.done = true;
    }
    return i < this.count ? this.tokens[i] : undefined;
  }
}

export const isCapitalized = (t: Token): boolean => t.word && /^\p{Lu}/u.test(t.text);
export const QUOTE_MARK_CHARS = '"“”„‟«»‘’‚‹›\'';
export const isQuoteMarkToken = (t: Token): boolean => !t.word && QUOTE_MARK_CHARS.includes(t.text);

const CLOSERS = new Set([...'"”’\')]»']);

/** True when a sentence ends at the terminal punctuation at `i` (not an abbreviation or an initial). */
function endsSentenceAt(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let j = i + 1;
  while (j < text.length && CLOSERS.has(text[j])) j++;
  if (j < text.length && !isWhiteSpace(text.charCodeAt(j))) return false;
  while (j < text.length && text[j] !== '\n' && isWhiteSpace(text.charCodeAt(j))) j++;
  if (j < text.length && text[j] !== '\n' && !/[\p{Lu}\p{N}"“‘'(]/u.test(text[j])) return false;
  if (c === '.') {
    let k = i;
    while (k > 0 && /[\p{L}.]/u.test(text[k - 1])) k--;
    const word = text.slice(k, i).toLowerCase();
    if (word.length === 1 || ABBREVIATIONS.has(word)) return false;
  }
  return true;
}

/** Start of the sentence containing `pos`, searching back no further than `floor`. */
export function sentenceStart(text: string, floor: number, pos: number): number {
  for (let i = pos - 1; i >= floor; i--) {
    if (endsSentenceAt(text, i)) {
      let j = i + 1;
      while (j < pos && !isWhiteSpace(text.charCodeAt(j))) j++;
      while (j < pos && isWhiteSpace(text.charCodeAt(j))) j++;
      if (j <= pos) return j;
    }
  }
  return floor;
}

/** End (exclusive, after its punctuation and closing marks) of the sentence containing `pos`, up to `ceiling`. */
export function sentenceEnd(text: string, pos: number, ceiling: number): number {
  for (let i = pos; i < ceiling; i++) {
    if (endsSentenceAt(text, i)) {
      let j = i + 1;
      while (j < ceiling && CLOSERS.has(text[j])) j++;
      return j;
    }
  }
  return ceiling;
}
