// What a quoted span is: someone's words (a quotation, attributed or not) or a term set in quote marks — the title of a
// work, a name or nickname, a scare-quoted word. Read from the span's own words and the few words around it: a title
// is in title case, a name follows a naming word ("named", "so-called"), a scare quote is a short phrase nobody is
// said to have said ("the “clawback” plan"). Words of a clause — pronouns,
// auxiliaries, "!" or "?" — make a short span someone's words even without an attribution.
import {
  AUXILIARIES, BE_FORMS, FIRST_AND_SECOND_PERSON, NAME_PARTICLES, NAMING_CUES, REPORTING_VERBS, SOURCE_PRONOUNS,
  TITLE_MINOR_WORDS, VERBS_OF_WORDS,
} from './words';
import { charClass, DIGIT, isLetter, isWhiteSpace, UPPER } from '../text/chars';
import { innerText } from './filter';
import type { RawQuote } from './pairing';
import { letterOrDigitAt, sentenceStart } from './tokens';

/** More words than this, and a span is no title. */
const MAX_TITLE_WORDS = 12;

/** The words inside a span's marks: runs of letters and digits joined by inner apostrophes and hyphens. */
export function wordsInside(text: string, q: RawQuote): string[] {
  return text.slice(q.start, q.end).match(/[\p{L}\p{M}\p{N}]+(?:[’'\-.][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
}

const isCapitalised = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);


/** Whether the span opens its sentence, its paragraph or what follows a colon, where a capital says nothing about a title. */
export function opensItsSentence(text: string, q: RawQuote, lineStart: number): boolean {
  if (/:\s*$/.test(text.slice(Math.max(lineStart, q.start - 3), q.start))) return true;
  return sentenceStart(text, Math.max(lineStart, q.start - 300), q.start) === q.start;
}

/**
 * A title or name in title case: every word capitalised but the minor ones of titles and names ("Guardians of the
 * Galaxy", "Los Hijos de Trump"), with no "!" or "?" of speech. Mid-sentence one capitalised word will do ("the
 * “Bachelor” star").
 */
export function isTitleCase(text: string, q: RawQuote, lineStart: number): boolean {
  let capitals = 0, words = 0;
  for (let i = q.start; i < q.end;) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 63) return false; // "!" or "?": speech
    if (letterOrDigitAt(text, i) === 0) { i++; continue; }
    const start = i;
    i = wordEndWithin(text, i, q.end);
    if (++words > MAX_TITLE_WORDS) return false;
    const k = charClass(text.charCodeAt(start));
    if (k === UPPER || k === DIGIT) { capitals++; continue; }
    const lower = text.slice(start, i).toLowerCase();
    if (words === 1 || !(TITLE_MINOR_WORDS.has(lower) || NAME_PARTICLES.has(lower))) return false;
  }
  if (words === 0) return false;
  if (!opensItsSentence(text, q, lineStart)) return true;
  // At a sentence start it takes two capitals and no word of a clause: “That’s Jeb Bush and Marco Rubio.” is said.
  return capitals >= 2 && !wordsInside(text, q).some(w => isClauseWord(w.toLowerCase()));
}

/** End of the word starting at i, before `end`: letters and digits joined by inner apostrophes, hyphens and periods. */
function wordEndWithin(text: string, i: number, end: number): number {
  for (;;) {
    for (let n = letterOrDigitAt(text, i); i < end && n > 0; n = letterOrDigitAt(text, i)) i += n;
    const c = text.charCodeAt(i);
    if (i + 1 < end && (c === 0x2019 || c === 39 || c === 45 || c === 46) && letterOrDigitAt(text, i + 1) > 0) i++;
    else return i;
  }
}

/** True when the span follows a naming word: a robot named “Better Idea”, the so-called “dark stores”, known as “…”. */
export function followsNamingCue(text: string, q: RawQuote): boolean {
  let end = q.start;
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  if (text[end - 1] === ',') end--;
  const last = wordEndingAt(text, end);
  if (!last) return false;
  if (last.endsWith('.') && last !== 'a.k.a.') return false; // after a sentence's end
  const cue = last.replace(/\.$/, '');
  if (NAMING_CUES.has(cue)) return true;
  const before = wordEndingAt(text, end - last.length - 1);
  return before !== undefined && text[end - last.length - 1] === ' ' && NAMING_CUES.has(`${before} ${cue}`);
}

/** The lower-cased word (letters, inner periods and hyphens) ending at `end`, when one does. */
function wordEndingAt(text: string, end: number): string | undefined {
  let start = end;
  while (start > 0 && end - start < 16) {
    const c = text.charCodeAt(start - 1);
    if (c === 46 || c === 45 || isLetter(c)) start--; else break;
  }
  return start < end && isLetter(text.charCodeAt(start)) ? text.slice(start, end).toLowerCase() : undefined;
}

/** Words that only a clause has: pronouns and auxiliaries ("I’m with her", "has no chance", "we will"). */
function isClauseWord(lower: string): boolean {
  if (SOURCE_PRONOUNS.has(lower) || BE_FORMS.has(lower) || AUXILIARIES.has(lower) || FIRST_AND_SECOND_PERSON.has(lower)) return true;
  const apostrophe = Math.max(lower.lastIndexOf('’'), lower.lastIndexOf("'"));
  if (apostrophe <= 0) return false;
  const ending = lower.slice(apostrophe + 1), stem = lower.slice(0, apostrophe);
  // "I’m", "we’re", "don’t", "they’ll"; "’s" only after a pronoun ("it’s", "that’s": after a noun it is a possessive).
  return /^(m|re|ve|ll|d|t)$/.test(ending) || (ending === 's' && (SOURCE_PRONOUNS.has(stem) || CONTRACTED_IS.has(stem)));
}
const CONTRACTED_IS = new Set(['that', 'there', 'here', 'what', 'where', 'how', 'let']);

/**
 * A short span that reads as someone's words on its own: a question or exclamation (“USA! USA!”, “But why?”) or a
 * phrase with a pronoun or an auxiliary (“I’m with her.”, “has no chance”).
 */
export function soundsSpoken(text: string, q: RawQuote): boolean {
  if (/[!?]/.test(innerText(text, q))) return true;
  const words = wordsInside(text, q);
  return words.length > 1 && words.some(w => isClauseWord(w.toLowerCase())); // a lone “she” or “us” is a scare quote
}

/**
 * A reporting verb right before the span, with a comma, a colon or "that" between (said, “…” / wrote: “…”), or a verb
 * whose object is the words themselves right before it (she said “no”, chanting “Lock her up”). Other verbs right before
 * a span may take it as an object of another sort: told “Fox and Friends”.
 */
export function introducedBySpeech(text: string, q: RawQuote): boolean {
  const m = /(\p{L}+)(,|:|\s+that)?\s*$/u.exec(text.slice(Math.max(0, q.start - 40), q.start));
  if (!m) return false;
  const w = m[1];
  if (w !== w.toLowerCase() || !REPORTING_VERBS.has(w)) return false;
  return m[2] !== undefined || VERBS_OF_WORDS.has(w);
}
