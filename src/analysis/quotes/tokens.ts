// Small text utilities for attribution: word/punctuation tokens of a bounded window, and sentence edges.
import { ABBREVIATIONS } from './lexicon';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** True for a word (letters/digits), false for a punctuation character. */
  word: boolean;
}

// Words keep inner apostrophes, hyphens, periods and ampersands ("Clinton’s", "Beijing-based", "U.S", "AT&T");
// any other non-space character is a token of its own.
const TOKEN = /([\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*)|\S/gu;

/** Tokens of text[from, to), at most `limit` of them, matched in place (no copy of the window). */
export function tokenize(text: string, from: number, to: number, limit = Infinity): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to && out.length < limit; m = TOKEN.exec(text)) {
    const t = m[0];
    const word = m[1] !== undefined;
    out.push({ start: m.index, end: m.index + t.length, text: t, lower: word ? t.toLowerCase() : t, word });
  }
  return out;
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
  if (j < text.length && !/\s/.test(text[j])) return false;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
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
      while (j < pos && !/\s/.test(text[j])) j++;
      while (j < pos && /\s/.test(text[j])) j++;
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
