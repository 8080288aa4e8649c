// Which paired spans are not quotations: markup attributes, transcript turns, stage directions, headline single quotes
// in double-quote articles, names and titles (a robot named “…”), short unattributed scare quotes or titles
// (“irresponsible”, “Morning Report”), and unattributed block quotations.
import type { Line, RawQuote } from './pairing';
import { letterOrDigitAt, sentenceEnd } from './tokens';

/** Quotations of at most this many words count only when an attribution is found for them. */
export const SHORT_QUOTE_WORDS = 4;

/** Length of the letter or digit at i when it lies wholly before `to`, else 0. */
function letterOrDigitBefore(text: string, i: number, to: number): number {
  if (i >= to) return 0;
  const n = letterOrDigitAt(text, i);
  return i + n <= to ? n : 0;
}

/**
 * Whether the quotation holds at most `max` words — runs of letters and digits, joined by inner apostrophes and
 * hyphens ("don’t", "well-known"). Counts in place, and stops at the first word over. Its marks hold no letters, so
 * counting over the whole span counts the words inside them.
 */
export function hasAtMostWords(text: string, q: RawQuote, max: number): boolean {
  let count = 0;
  for (let i = q.start; i < q.end;) {
    const n = letterOrDigitBefore(text, i, q.end);
    if (n === 0) { i++; continue; }
    if (++count > max) return false;
    i += n;
    for (;;) {
      for (let k = letterOrDigitBefore(text, i, q.end); k > 0; k = letterOrDigitBefore(text, i, q.end)) i += k;
      const c = text.charCodeAt(i);
      if ((c === 0x2019 || c === 39 || c === 45) && letterOrDigitBefore(text, i + 1, q.end) > 0) i++;
      else break;
    }
  }
  return true;
}

/** The text inside the marks. */
export function innerText(text: string, q: RawQuote): string {
  return text.slice(q.start, q.end).replace(/^["“”„‟«»‘’‚‹›']+/, '').replace(/["“”„‟«»‘’‚‹›']+$/, '');
}

// Words that introduce a name or a title rather than words someone said: a robot named “…”, a report titled “…”,
// going by the name “…”, so-called “…”. ("called" and "dubbed" also characterise — what she called “a reckless gamble” —
// so they are not in the list.)
const NAMING_CUE = /(?:\b(?:named|renamed|titled|entitled|retitled|so-called|known as|(?:the|a) (?:name|title|headline))|\bso called)\s*,?\s*$/i;

/** True when the quote is a name or title given to something: a robot named “Better Idea”, the name “Katherinator”. */
export function followsNamingCue(text: string, q: RawQuote): boolean {
  return NAMING_CUE.test(text.slice(Math.max(0, q.start - 32), q.start));
}

/** Spans that are never quotations, whatever their surroundings. */
export function isStructurallyNotQuote(text: string, q: RawQuote): boolean {
  const inner = innerText(text, q).trim();
  if (!/\p{L}/u.test(inner)) return true; // ids and numbers: tweet-id="7834…", 6'2"
  if (text[q.start - 1] === '=') return true; // markup attribute value
  if (!q.closed && /^\p{Lu}[\p{Lu} .'’-]*:/u.test(inner)) return true; // transcript turn "HOST: …"
  if (/^\([^()]*\)\.?$/.test(inner)) return true; // stage direction "(CROSSTALK.)"
  if (followsNamingCue(text, q)) return true;
  return false;
}

/**
 * American style quotes with double marks and keeps single ones for quotes within quotes and headlines; British style
 * is the reverse. Single-quoted spans outside double quotes are quotations only when singles are the article's style,
 * judged from the counts of closed double- and single-quoted spans.
 */
export function singlesAreQuotations(closedDoubles: number, closedSingles: number): boolean {
  return closedSingles > closedDoubles;
}

const MINOR_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from']);

/** A short quote in title case right after a possessive is a programme or work title: the BBC’s “Morning Report”. */
export function isPossessedTitle(text: string, q: RawQuote): boolean {
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  if (!/\p{L}[’']s?\s+$/u.test(before)) return false;
  const words = innerText(text, q).match(/[\p{L}\p{N}]+(?:[’'\-][\p{L}\p{N}]+)*/gu) ?? [];
  return words.length > 0 && words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && MINOR_WORDS.has(w)));
}

/**
 * A block quotation: a closed quotation of several sentences that opens its paragraph (a letter, a tweet, a statement
 * set off from the narrative). Such a block is a quotation only when its own paragraph attributes it.
 */
export function isBlockQuotation(text: string, q: RawQuote): boolean {
  return q.closed && q.opensParagraph && sentenceEnd(text, q.start + 1, q.end) < q.end;
}

// A signature closing a paragraph of quotations: "… ” ― Christina Lopez." (a dash, then a capitalised name).
const SIGNATURE = /(?:^|[\s"”’'.])[―—–-]\s*\p{Lu}[\p{L}.'’ -]{1,60}\.?$/u;

/** True when the paragraph ends with a signature line, which attributes every quotation in it. */
export function endsWithSignature(text: string, line: Line): boolean {
  return SIGNATURE.test(text.slice(Math.max(line.start, line.end - 64), line.end));
}
