// Making a TextAnchor (position + quote with context) from article text and offsets.
import type { Anchored, TextAnchor } from './model';

/** Characters of context kept on each side of an anchored text (the TextQuoteSelector prefix/suffix). */
export const CONTEXT_LENGTH = 32;

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The context before `start`, not starting in the middle of a surrogate pair. */
export function prefixBefore(text: string, start: number, length = CONTEXT_LENGTH): string {
  let from = Math.max(0, start - length);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from++;
  return text.slice(from, start);
}

/** The context after `end`, not ending in the middle of a surrogate pair. */
export function suffixAfter(text: string, end: number, length = CONTEXT_LENGTH): string {
  let to = Math.min(text.length, end + length);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return text.slice(end, to);
}

/** True when two anchors are the same in every field. */
export function sameAnchor(x: TextAnchor, y: TextAnchor): boolean {
  return x.start === y.start && x.end === y.end && x.text === y.text && x.prefix === y.prefix && x.suffix === y.suffix;
}

export class AnchorRangeError extends RangeError {}

/** Anchor for text.slice(start, end); throws AnchorRangeError for offsets outside the text or an empty range. */
export function makeAnchor(text: string, start: number, end: number): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new AnchorRangeError(`cannot anchor [${start}, ${end}) in a text of length ${text.length}: ` +
      'offsets must be whole numbers with 0 <= start < end <= length');
  }
  return { start, end, text: text.slice(start, end), prefix: prefixBefore(text, start), suffix: suffixAfter(text, end) };
}

/**
 * The item with its prefix/suffix re-read from the current text (live edits move offsets and the quote but cannot
 * see the context change). Orphaned items and items whose quote no longer matches are returned unchanged: those
 * are for re-anchoring (anchoring.ts) to place.
 */
export function refreshContext<T extends Anchored>(item: T, text: string): T {
  const a = item.anchor;
  if (item.orphaned || a.end > text.length || text.slice(a.start, a.end) !== a.text) return item;
  const prefix = prefixBefore(text, a.start), suffix = suffixAfter(text, a.end);
  return prefix === a.prefix && suffix === a.suffix ? item : { ...item, anchor: { ...a, prefix, suffix } };
}
