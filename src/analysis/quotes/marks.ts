// Quote marks: which characters are quotation marks, and whether one at a given position opens or closes a quotation
// (or is an apostrophe), judged from its glyph and its neighbours, since real text mixes and mistypes glyphs.
import { ELISIONS } from './words';
import { charClass, isWhiteSpace } from '../text/chars';

export type MarkKind = 'double' | 'single';
/** `either` is a straight mark whose context does not say (e.g. `word"word`): it toggles. */
export type MarkRole = 'open' | 'close' | 'either';

export interface QuoteMark {
  index: number;
  /** 1, or 2 for a double mark typed as two apostrophes (''). */
  length: number;
  kind: MarkKind;
  role: MarkRole;
  /** True for a typographic opening glyph (“ „ «), whose nesting is unambiguous. */
  curlyOpener: boolean;
}

const DOUBLE_OPENERS = new Set(['\u201C', '\u201E', '\u201F', '\u00AB']); // “ „ ‟ «
const DOUBLE_CLOSERS = new Set(['\u201D', '\u00BB']); // ” »
const SINGLE_OPENERS = new Set(['\u2018', '\u201A', '\u2039']); // ‘ ‚ ‹
const SINGLE_CLOSERS = new Set(['\u2019', '\u203A']); // ’ ›

/** Every character that can be a quotation mark (for a fast pre-filter). */
export const QUOTE_CHAR = /["'\u201C\u201D\u201E\u201F\u00AB\u00BB\u2018\u2019\u201A\u2039\u203A]/g;

/** QUOTE_CHAR's own copy for nextQuoteChar, whose lastIndex it moves. */
const NEXT_QUOTE_CHAR = new RegExp(QUOTE_CHAR.source, 'g');

/**
 * Index of the first quotation-mark character at or after `from`, or -1. A regular-expression test (no match object):
 * V8's compiled scan for one character class is about 2.5× faster than a charCodeAt loop over the text.
 */
export function nextQuoteChar(text: string, from: number): number {
  NEXT_QUOTE_CHAR.lastIndex = from;
  return NEXT_QUOTE_CHAR.test(text) ? NEXT_QUOTE_CHAR.lastIndex - 1 : -1;
}

/** White space, or an invisible format character (a direction mark, a zero-width space) that stands where one would. */
const isSpace = (c: string | undefined): boolean => c === undefined || isWhiteSpace(c.charCodeAt(0)) || isFormatCharacter(c.charCodeAt(0));
const isFormatCharacter = (c: number): boolean => (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064);
const isLineEnd = (c: string | undefined): boolean => c === undefined || c === '\n' || c === '\r';
const isLetterOrDigit = (c: string | undefined): boolean => c !== undefined && charClass(c.charCodeAt(0)) > 0;
// Punctuation after which a quotation can start: "(“", "—“", ": “".
const OPENING_CONTEXT = new Set(['(', '[', '{', '<', '\u2014', '\u2013', '-', '/', ':', '\u2015']);
// Punctuation before which a quotation can end: "”.", "”)", "”—".
const CLOSING_CONTEXT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '\u2014', '\u2013', '-', '/', '\u2026',
  '\u2015']);
const isMarkChar = (c: string | undefined): boolean => c !== undefined && (c === '"' || c === "'" ||
  DOUBLE_OPENERS.has(c) || DOUBLE_CLOSERS.has(c) || SINGLE_OPENERS.has(c) || SINGLE_CLOSERS.has(c));

/** Can open: text follows, and a space, line start, opening punctuation or another mark precedes. */
function leftFlanking(before: string | undefined, after: string | undefined): boolean {
  return !isSpace(after) && (isSpace(before) || OPENING_CONTEXT.has(before!) || isMarkChar(before));
}
/** Can close: text precedes, and a space, line end, closing punctuation or another mark follows. */
function rightFlanking(before: string | undefined, after: string | undefined): boolean {
  return !isSpace(before) && (isSpace(after) || CLOSING_CONTEXT.has(after!) || isMarkChar(after));
}

// The word after a leading apostrophe, to look up among the elisions (’n’, ’em, ’tis, ’til, ’cause).
const LONGEST_ELISION = Math.max(...[...ELISIONS].map(e => e.length));
function isElision(text: string, from: number): boolean {
  let end = from;
  while (end - from <= LONGEST_ELISION && isLetterOrDigit(text[end])) end++;
  return end > from && end - from <= LONGEST_ELISION && ELISIONS.has(text.slice(from, end).toLowerCase());
}
// A decade or year with its century elided: ’90s, '16.
const ELIDED_YEAR = /^\d\d(?:s|\b)/;

function isApostrophe(text: string, i: number, before: string | undefined, after: string | undefined): boolean {
  if (isLetterOrDigit(before) && isLetterOrDigit(after)) return true; // O'Donnell, don’t, rock’n’roll
  const rest = text.slice(i + 1, i + 8);
  if ((isSpace(before) || before === '(' ) && (ELIDED_YEAR.test(rest) || isElision(text, i + 1))) return true;
  return false;
}

const mark = (index: number, length: number, kind: MarkKind, role: MarkRole, curlyOpener = false): QuoteMark =>
  ({ index, length, kind, role, curlyOpener });

/**
 * Classifies the mark at `i` (a character matched by QUOTE_CHAR), or returns null when it is an apostrophe.
 * Two straight apostrophes ('') are one double mark, as in wire copy converted from typewriter style.
 */
export function classifyMark(text: string, i: number): QuoteMark | null {
  const c = text[i];
  const length = c === "'" && text[i + 1] === "'" ? 2 : 1;
  const before = i > 0 ? text[i - 1] : undefined;
  const after = i + length < text.length ? text[i + length] : undefined;
  const canOpen = leftFlanking(before, after);
  const canClose = rightFlanking(before, after);
  // A mark with spaces on both sides is stray, unless it starts a paragraph (”  … what I learned …”).
  // A typographic opener typed right after a comma or semicolon opens all the same: said,“Look …”.
  const openerAfterComma = (DOUBLE_OPENERS.has(c) || SINGLE_OPENERS.has(c)) && (before === ',' || before === ';') && isLetterOrDigit(after);
  if (openerAfterComma) return mark(i, 1, DOUBLE_OPENERS.has(c) ? 'double' : 'single', 'open', DOUBLE_OPENERS.has(c));
  if (!canOpen && !canClose && !(before === undefined || before === '\n')) return null;
  if (c === '"' || length === 2) {
    const role: MarkRole = canOpen && !canClose ? 'open' : canClose && !canOpen ? 'close' : 'either';
    return mark(i, length, 'double', role);
  }
  if (DOUBLE_OPENERS.has(c)) return canClose && !canOpen ? mark(i, 1, 'double', 'close') : mark(i, 1, 'double', 'open', true);
  if (DOUBLE_CLOSERS.has(c)) {
    // A closing glyph at the start of a paragraph or after a space is a mistyped opener (”Fear. I am…”).
    const mistypedOpener = (isSpace(before) || OPENING_CONTEXT.has(before!)) && !isLineEnd(after);
    return mark(i, 1, 'double', mistypedOpener ? 'open' : 'close');
  }
  if (isApostrophe(text, i, before, after)) return null;
  if (c === "'" || SINGLE_OPENERS.has(c)) {
    if (canOpen && !canClose) return mark(i, 1, 'single', 'open');
    if (canClose && !canOpen) return mark(i, 1, 'single', 'close');
    return null;
  }
  if (SINGLE_CLOSERS.has(c)) return canClose ? mark(i, 1, 'single', 'close') : null;
  return null;
}
