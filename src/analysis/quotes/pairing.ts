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
    for (let m = this.nextMark(line); m !== null; m = this.nextMark(line)) marks.push(m);
    return marks;
  }

  /** The next mark of `line` (lines asked for in text order), or null after its last one. */
  nextMark(line: Line): QuoteMark | null {
    if (this.next >= 0 && this.next < line.start) this.next = this.search(line.start); // only white space lies between lines
    while (this.next >= 0 && this.next < line.end) {
      const mark = classifyMark(this.text, this.next);
      this.next = this.search(mark ? mark.index + mark.length : this.next + 1);
      if (mark) return mark;
    }
    return null;
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
 * Pairs marks of one kind, fed in text order. A typographic opener inside a quotation opened the same way nests
 * (“… “hell” …”); any other opener while one is pending means the pending one was stray, and pairing restarts from
 * the new one. `continued`: the paragraph before ended inside an unclosed quotation of this kind, so a closing mark
 * before any opener here closes that quotation's last paragraph, which starts at this paragraph's start.
 */
class KindPairing {
  private out: RawQuote[] = [];
  private open: QuoteMark | null;
  private nested: QuoteMark | null = null;
  /** Closed quotations inside `open`, kept in case `open` proves stray. */
  private innerPairs: RawQuote[] = [];
  /** The opener carried over from the paragraph before (no mark of this paragraph), if any. */
  private readonly carried: QuoteMark | null;

  constructor(private readonly text: string, private readonly line: Line, private readonly kind: MarkKind,
    private readonly maxLength: number, continued = false) {
    this.carried = continued ? { index: line.start, length: 0, kind, role: 'open', curlyOpener: false } : null;
    this.open = this.carried;
  }

  /** Index of the pending opening mark, or -1. */
  get pendingStart(): number { return this.open === null ? -1 : this.open.index; }

  private abandon(next: QuoteMark | null): void {
    for (const q of this.innerPairs) this.out.push(q);
    this.innerPairs = [];
    this.nested = null;
    this.open = next;
  }

  feed(m: QuoteMark): void {
    if (m.kind !== this.kind) return;
    const { text, line } = this;
    if (this.open && m.index - this.open.index > this.maxLength) this.abandon(null);
    if (this.open === null) {
      if (m.role !== 'close') this.open = m;
    } else if (m.role === 'open') {
      if (this.nested === null && this.open.curlyOpener && m.curlyOpener) this.nested = m;
      else this.abandon(m);
    } else if (this.nested) {
      this.innerPairs.push(span(text, line, this.nested, m));
      this.nested = null;
    } else {
      this.out.push(span(text, line, this.open, m));
      this.open = null;
      this.innerPairs = [];
    }
  }

  /**
   * True when the marks from `m` on pair as they would in a fresh pairing: nothing is pending, or what is pending
   * is abandoned by the next mark of this kind whatever it is (too far) or by `m` itself (an opener that does not nest).
   */
  freshFrom(m: QuoteMark): boolean {
    const open = this.open;
    if (open === null || m.index - open.index > this.maxLength) return true;
    return m.kind === this.kind && m.role === 'open' && !(this.nested === null && open.curlyOpener && m.curlyOpener);
  }

  /** Drops what is pending as the next mark would (only where freshFrom said so). */
  cut(): void { if (this.open !== null) this.abandon(null); }

  /** At the end of the line: what is still open. */
  finish(): void {
    if (this.open === this.carried) this.open = null; // nothing closed the quotation carried over: it ended before
    if (this.open === null) return;
    const { text, line, kind, maxLength } = this;
    const o = this.open;
    // An unclosed quotation runs to the paragraph end (the multi-paragraph convention), unless it opened mid-paragraph
    // around complete quotations, which are then the real ones.
    const strayAroundQuotes = this.innerPairs.length > 0 && !isLineStart(text, line, o.index);
    if (!strayAroundQuotes && line.end - o.index <= maxLength && line.end > o.index + o.length) {
      this.out.push({ start: o.index, end: line.end, kind, closed: false, opensParagraph: isLineStart(text, line, o.index) });
    } else for (const q of this.innerPairs) this.out.push(q);
    this.open = null;
    this.nested = null;
    this.innerPairs = [];
  }

  /** The quotations paired since the last take, in text order. */
  take(): RawQuote[] {
    const out = this.out.sort((a, b) => a.start - b.start);
    this.out = [];
    return out;
  }
}

/**
 * Quotations of one line, given its marks (MarkScanner): double-quoted spans, then single-quoted spans outside them. A
 * single-quoted span that encloses double-quoted ones is the outer (British) quotation and replaces them; one that
 * straddles a double-quoted span is dropped. `continued`: the kind of quotation left open at the end of the paragraph
 * before, whose last paragraph may close here without opening (“… \n\n… the end.”).
 */
export function pairLine(text: string, line: Line, marks: readonly QuoteMark[], continued?: MarkKind): RawQuote[] {
  if (marks.length === 0) return [];
  const doublePairing = new KindPairing(text, line, 'double', MAX_QUOTE_LENGTH, continued === 'double');
  for (const m of marks) doublePairing.feed(m);
  doublePairing.finish();
  const doubles = doublePairing.take();
  const singlePairing = new KindPairing(text, line, 'single', MAX_SINGLE_QUOTE_LENGTH, continued === 'single');
  for (const m of singlesOutside(marks, doubles)) singlePairing.feed(m);
  singlePairing.finish();
  const singles = singlePairing.take().filter(s => s.closed);
  if (singles.length === 0) return doubles;
  return mergeNested(doubles, singles);
}

/** Marks held before a long line is paired piece by piece (see pairMarksOfLine). */
const MARKS_PER_PIECE = 256;

/**
 * pairLine's quotations of `line`, handed to `emit` in text order, with the marks read from `scanner` as they are
 * paired: a line of a million quote marks holds a few hundred of them (and of its quotations) at a time, where
 * pairLine holds them all. The line is cut before a mark from which the double marks pair as from the line start
 * (KindPairing.freshFrom), so no double-quoted span crosses a cut; the single marks' pairing runs on across cuts, and
 * the double-quoted spans before its pending opener are final (no later single-quoted span can enclose them).
 * `continued`: as for pairLine.
 */
export function pairMarksOfLine(text: string, line: Line, scanner: MarkScanner, emit: (q: RawQuote) => void,
  continued?: MarkKind): void {
  const doublePairing = new KindPairing(text, line, 'double', MAX_QUOTE_LENGTH, continued === 'double');
  const singlePairing = new KindPairing(text, line, 'single', MAX_SINGLE_QUOTE_LENGTH, continued === 'single');
  let piece: QuoteMark[] = [];
  /** Spans not emitted yet: double-quoted ones at or after the pending single opener, closed single-quoted ones. */
  let doubles: RawQuote[] = [], singles: RawQuote[] = [];
  const settle = (last: boolean) => {
    if (last) doublePairing.finish(); else doublePairing.cut();
    const pieceDoubles = doublePairing.take();
    for (const m of singlesOutside(piece, pieceDoubles)) singlePairing.feed(m);
    if (last) singlePairing.finish();
    for (const q of pieceDoubles) doubles.push(q);
    for (const q of singlePairing.take()) if (q.closed) singles.push(q);
    const pending = last ? -1 : singlePairing.pendingStart;
    let ready = doubles.length;
    if (pending >= 0) while (ready > 0 && doubles[ready - 1].start > pending) ready--;
    const settled = ready === doubles.length ? doubles : doubles.slice(0, ready);
    for (const q of singles.length === 0 ? settled : mergeNested(settled, singles)) emit(q);
    doubles = ready === doubles.length ? [] : doubles.slice(ready);
    singles = [];
    piece = [];
  };
  for (let m = scanner.nextMark(line); m !== null; m = scanner.nextMark(line)) {
    if (piece.length >= MARKS_PER_PIECE && doublePairing.freshFrom(m)) settle(false);
    piece.push(m);
    doublePairing.feed(m);
  }
  settle(true);
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
