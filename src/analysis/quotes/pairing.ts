// Pairs quote marks into quotation spans, one paragraph (line) at a time so that a stray mark can never swallow the
// rest of the article. Each scan is a single left-to-right pass, so the whole search is linear in the text length.
import { isWhiteSpace } from '../text/chars';
import { classifyMark, nextQuoteChar, type MarkKind, type QuoteMark } from './marks';

export interface RawQuote {
  start: number;
  /** End exclusive; for an unclosed quotation, the end of its paragraph (trailing spaces excluded). */
  end: number;
  kind: MarkKind;
  /** False when no closing mark was found and the span runs to the end of the paragraph. */
  closed: boolean;
  /** True when the opening mark starts its paragraph. */
  opensParagraph: boolean;
}

/** Longest quotation accepted between two marks; a mark pending longer than this is treated as stray. */
export const MAX_QUOTE_LENGTH = 3000;
/** British single quotes are accepted over a shorter reach: a stray apostrophe must not pair with a far one. */
const MAX_SINGLE_QUOTE_LENGTH = 1200;

export interface Line {
  start: number;
  /** End exclusive, trailing white space excluded. */
  end: number;
}

/** Paragraph-like lines (no quotation in news text spans a line break), with trailing white space trimmed. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    let end = stop;
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) lines.push({ start, end });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

/**
 * Quote marks line by line, in one pass over the text: lines are asked for in text order, and the search for the next
 * mark, which may run far past a line without one, is kept for the lines after it instead of started afresh for each.
 * Only one line's marks are held at a time.
 */
export class MarkScanner {
  /** Index of the next quotation-mark character not yet looked at, or -1 when none is left. */
  private next: number;

  constructor(private readonly text: string) {
    this.next = this.search(0);
  }

  private search(from: number): number {
    return nextQuoteChar(this.text, from);
  }

  /** The marks of `line`, which must come after every line asked for before. */
  marksOf(line: Line): QuoteMark[] {
    const marks: QuoteMark[] = [];
    if (this.next >= 0 && this.next < line.start) this.next = this.search(line.start); // only white space lies between lines
    while (this.next >= 0 && this.next < line.end) {
      const mark = classifyMark(this.text, this.next);
      if (mark) marks.push(mark);
      this.next = this.search(mark ? mark.index + mark.length : this.next + 1);
    }
    return marks;
  }
}

/** True when only white space lies in text[from, to); scans back from `to`, so it stops at the first word. */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && isWhiteSpace(text.charCodeAt(i - 1))) i--;
  return i <= from;
}

const isLineStart = (text: string, line: Line, index: number): boolean => onlySpaceBetween(text, line.start, index);

const span = (text: string, line: Line, open: QuoteMark, close: QuoteMark): RawQuote => ({ start: open.index,
  end: close.index + close.length, kind: open.kind, closed: true, opensParagraph: isLineStart(text, line, open.index) });

/**
 * Pairs marks of one kind. A typographic opener inside a quotation opened the same way nests (“… “hell” …”);
 * any other opener while one is pending means the pending one was stray, and pairing restarts from the new one.
 * `continued`: the paragraph before ended inside an unclosed quotation of this kind, so a closing mark before any
 * opener here closes that quotation's last paragraph, which starts at this paragraph's start.
 */
function pairKind(text: string, line: Line, marks: readonly QuoteMark[], kind: MarkKind, maxLength: number,
  continued = false): RawQuote[] {
  const out: RawQuote[] = [];
  const carried: QuoteMark | null = continued ? { index: line.start, length: 0, kind, role: 'open', curlyOpener: false } : null;
  let open: QuoteMark | null = carried;
  let nested: QuoteMark | null = null;
  let innerPairs: RawQuote[] = []; // closed quotations inside `open`, kept in case `open` proves stray
  const abandon = (next: QuoteMark | null) => { out.push(...innerPairs); innerPairs = []; nested = null; open = next; };
  for (const m of marks) {
    if (m.kind !== kind) continue;
    if (open && m.index - open.index > maxLength) abandon(null);
    if (open === null) {
      if (m.role !== 'close') open = m;
    } else if (m.role === 'open') {
      if (nested === null && open.curlyOpener && m.curlyOpener) nested = m;
      else abandon(m);
    } else if (nested) {
      innerPairs.push(span(text, line, nested, m));
      nested = null;
    } else {
      out.push(span(text, line, open, m));
      open = null;
      innerPairs = [];
    }
  }
  if (open !== null && open !== carried) {
    const o: QuoteMark = open;
    // An unclosed quotation runs to the paragraph end (the multi-paragraph convention), unless it opened mid-paragraph
    // around complete quotations, which are then the real ones.
    const strayAroundQuotes = innerPairs.length > 0 && !isLineStart(text, line, o.index);
    if (!strayAroundQuotes && line.end - o.index <= maxLength && line.end > o.index + o.length) {
      out.push({ start: o.index, end: line.end, kind, closed: false, opensParagraph: isLineStart(text, line, o.index) });
    } else out.push(...innerPairs);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Quotations of one line, given its marks (MarkScanner): double-quoted spans, then single-quoted spans outside them. A
 * single-quoted span that encloses double-quoted ones is the outer (British) quotation and replaces them; one that
 * straddles a double-quoted span is dropped. `continued`: the kind of quotation left open at the end of the paragraph
 * before, whose last paragraph may close here without opening (“… \n\n… the end.”).
 */
export function pairLine(text: string, line: Line, marks: readonly QuoteMark[], continued?: MarkKind): RawQuote[] {
  if (marks.length === 0) return [];
  const doubles = pairKind(text, line, marks, 'double', MAX_QUOTE_LENGTH, continued === 'double');
  const outside = singlesOutside(marks, doubles);
  const singles = pairKind(text, line, outside, 'single', MAX_SINGLE_QUOTE_LENGTH, continued === 'single').filter(s => s.closed);
  if (singles.length === 0) return doubles;
  return mergeNested(doubles, singles);
}

/** Single marks that lie outside every double-quoted span (both lists sorted by position): one linear merge. */
function singlesOutside(marks: readonly QuoteMark[], doubles: RawQuote[]): QuoteMark[] {
  const out: QuoteMark[] = [];
  let d = 0;
  for (const m of marks) {
    if (m.kind !== 'single') continue;
    while (d < doubles.length && doubles[d].end <= m.index) d++;
    if (d < doubles.length && doubles[d].start < m.index) continue;
    out.push(m);
  }
  return out;
}

/**
 * Joins double- and single-quoted spans (each sorted, non-overlapping): a single-quoted span enclosing double-quoted
 * ones is the outer (British) quotation and replaces them; one straddling a double-quoted span is dropped.
 */
function mergeNested(doubles: RawQuote[], singles: RawQuote[]): RawQuote[] {
  const out: RawQuote[] = [];
  let d = 0;
  for (const s of singles) {
    while (d < doubles.length && doubles[d].end <= s.start) out.push(doubles[d++]);
    let straddles = false;
    const inside: RawQuote[] = [];
    for (let k = d; k < doubles.length && doubles[k].start < s.end; k++) {
      if (doubles[k].end <= s.end && doubles[k].start > s.start) inside.push(doubles[k]);
      else { straddles = true; break; }
    }
    if (straddles) continue;
    d += inside.length;
    out.push(s);
  }
  while (d < doubles.length) out.push(doubles[d++]);
  return out;
}
