// Sticky matching at a position, shared by the date parsers: patterns are tried exactly where a parser stands
// (after a trigger word, or backwards from it as lookbehinds), never scanned along the text.
import { UPPER, charClass } from '../text/chars';
import type { DateMeaning } from './meaning';

/** What a parser found: where the expression ends and what it means (its start is the caller's). */
export interface Found { end: number; meaning: DateMeaning }

export function stickyAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * A sticky lookbehind: tried at a position, it matches the context that ends there, read backwards once. Group 1 is
 * the part of an expression that lies left of the position.
 */
export const lookbehind = (body: string): RegExp => new RegExp(`(?<=${body})`, 'iy');

/** Matches a left-context lookbehind at `pos`; its group 1 must not reach back past `floor` (an earlier date). */
export function before(re: RegExp, text: string, pos: number, floor: number): { start: number; m: RegExpExecArray } | undefined {
  const m = stickyAt(re, text, pos);
  if (!m) return undefined;
  const start = pos - (m[1] ?? '').length;
  return start >= floor ? { start, m } : undefined;
}

/** Whether text[pos] is an upper-case letter. */
export const isCapitalised = (text: string, pos = 0): boolean => charClass(text.charCodeAt(pos)) === UPPER;
