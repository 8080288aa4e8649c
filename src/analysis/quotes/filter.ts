// Which paired spans are no quoted text at all (markup attributes, numbers, transcript turns, stage directions), which
// quote style an article uses, and how many words a span holds.
import type { RawQuote } from './pairing';
import { letterOrDigitAt } from './tokens';

/** Spans of at most this many words are quotations only when attributed or spoken-sounding (see quotes/kind.ts). */
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

/** Spans that are never quotations, whatever their surroundings. */
export function isStructurallyNotQuote(text: string, q: RawQuote): boolean {
  const inner = innerText(text, q).trim();
  if (!/\p{L}/u.test(inner)) return true; // ids and numbers: tweet-id="7834…", 6'2"
  if (text[q.start - 1] === '=') return true; // markup attribute value
  if (!q.closed && /^\p{Lu}[\p{Lu} .'’-]*:/u.test(inner)) return true; // transcript turn "HOST: …"
  if (/^\([^()]*\)\.?$/.test(inner)) return true; // stage direction "(CROSSTALK.)"
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
