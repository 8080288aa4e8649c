// The publication date an article states about itself, looked for near its top: a labelled line
// ("Posted on : 2016-01-18 17:05 KST", "Published: Jan. 18, 2016", "Updated …"), a dateline with a year
// ("BEIJING, Jan. 18, 2016 (Xinhua) --") or a line that is only a date ("Friday, July 21, 2017").
// Labels and datelines are read only near the years of the head, the only places a full day can follow them.
import { findDateExpressions } from './expressions';
import type { DateExpression } from './meaning';
import { formatDay, isValidDate } from './calendar';

/** How far into the article the header (labels, dateline, date line) can be. */
const HEAD_LENGTH = 3000;
const HEAD_LINES = 12;
/** How much text after a position is read for a date starting there. */
const DAY_WINDOW = 80;

const LABEL_RE = /\b(First\s+published|Published|Posted|Date|Dated|Last\s+updated|Updated|Modified)\b(?:\s+(?:on|at))?\s*[:：]?\s*/gi;
/** "BEIJING, Jan. 18 (Xinhua) --", "WASHINGTON, August 8 (Xinhua) --", "Taipei, Taiwan — " at the start of a line. */
const DATELINE_RE = /^[ \t]*[A-Z][A-Za-z.'’ -]{1,40}(?:,[ \t]*[A-Z][A-Za-z.'’ -]{1,30})?,[ \t]*/gm;
/** The same, tried at one line start only. */
const DATELINE_AT = new RegExp(DATELINE_RE.source, 'my');
/**
 * What follows a dated dateline: on its line, a dash or an agency in parentheses and a dash ("Jan. 18, 2016 (Xinhua)
 * --"). Read at the dateline's end; the same as skipping to the first "(", dash or line break and reading
 * \s*(?:\([^)\n]{1,30}\)\s*)?(?:--|—|–|-|_) there, as giving back skipped characters cannot match.
 */
const DATELINE_DASH_AT = /[^(\-—–_\n]*\s*(?:\([^)\n]{1,30}\)\s*)?(?:--|—|–|-|_)/y;
/** Where lines end for the m flag's ^. */
const LINE_BREAK_RE = /[\n\r\u2028\u2029]/g;

export interface MonthDay { month: number; day: number }

/**
 * Whether the character at `pos` can start a date with a day: a digit ("2016-01-18", "18 January 2016") or the capital
 * of a month or weekday name ("Jan. 18, 2016", "Friday, July 21, 2017"). Every day-precision date starts with its
 * trigger word, so this rules out most positions before the expression parser runs.
 */
function mayStartDayDate(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  return (c >= 48 && c <= 57) || DAY_DATE_INITIALS.includes(text[pos] ?? '.');
}
const DAY_DATE_INITIALS = 'JFMASONDTW';

/** A full day (year, month, day) at exactly `pos`, as "YYYY-MM-DD". */
function fullDayAt(text: string, pos: number): string | undefined {
  return mayStartDayDate(text, pos) ? fullDay(firstExpressionAt(text, pos)) : undefined;
}

/** The day of a date expression with year, month and day, as "YYYY-MM-DD". */
function fullDay(e: DateExpression | undefined): string | undefined {
  if (!e || e.meaning.kind !== 'calendar') return undefined;
  const { year, month, day } = e.meaning;
  if (year === undefined || month === undefined || day === undefined || !isValidDate(year, month, day)) return undefined;
  return formatDay({ year, month, day });
}

function firstExpressionAt(text: string, pos: number): DateExpression | undefined {
  const window = text.slice(pos, pos + DAY_WINDOW);
  const e = findDateExpressions(window)[0];
  return e && e.start === 0 ? e : undefined;
}

// ---- reading only where a stated day can be: labels and datelines near the years of the head ----

interface Stretch { from: number; to: number }

/**
 * Where in the head a label or dateline followed by a full day can end. Every full day has four digits in a row (its
 * year: "2016-01-18", "Jan. 18, 2016") or is numeric with a two-digit year ("1/18/16"), inside the window fullDayAt
 * reads from its start: the day starts after such digits less a window and before their end. Merged, in text order.
 */
function fullDayStretches(head: string): Stretch[] {
  const stretches: Stretch[] = [];
  FULL_DAY_DIGITS_RE.lastIndex = 0;
  for (let m = FULL_DAY_DIGITS_RE.exec(head); m; m = FULL_DAY_DIGITS_RE.exec(head)) {
    const from = Math.max(0, m.index - DAY_WINDOW), to = m.index + m[0].length;
    const last = stretches[stretches.length - 1];
    if (last && from <= last.to) last.to = to;
    else stretches.push({ from, to });
  }
  return stretches;
}
const FULL_DAY_DIGITS_RE = /[0-9](?:[0-9]{3}|[/.][0-9]{1,2}[/.][0-9]{2})/g;

/**
 * The label matches of a scan of the whole head that end in a stretch, in text order, read only near the stretches:
 * each from far enough back for any label ending after its start (labelSearchStart) to its end. The head is cut
 * there, on a digit, which no label holds, so a label reads the same in the cut head.
 */
function* labelsIn(head: string, stretches: Stretch[]): Generator<RegExpExecArray> {
  let done = 0; // end of the last label read
  for (const { from, to } of stretches) {
    const cut = head.slice(0, to);
    LABEL_RE.lastIndex = Math.max(done, labelSearchStart(head, from)); // exec on the shared expression: matchAll would copy it on every call
    for (let m = LABEL_RE.exec(cut); m; m = LABEL_RE.exec(cut)) {
      done = LABEL_RE.lastIndex;
      if (done > from) yield m;
    }
  }
}

/**
 * Where to start reading labels so as to find every one that ends after `pos`: back over a label's tail (spaces, a
 * colon, "on", "at") and its longest word ("published"; "First published" ends where "published" does).
 */
function labelSearchStart(head: string, pos: number): number {
  let start = pos;
  while (start > 0 && /[\s:：onat]/i.test(head[start - 1])) start--;
  return Math.max(0, start - 'published'.length);
}

/**
 * The datelines that end in a stretch, in text order: the pattern is tried at the start of each line that reaches into
 * a stretch (a scan with ^ would try every position), in the head cut at the stretch's end as for labels.
 */
function* datelinesIn(head: string, stretches: Stretch[]): Generator<RegExpExecArray> {
  let line = 0; // start of the next line to read
  for (const { from, to } of stretches) {
    const cut = head.slice(0, to);
    for (line = Math.max(line, datelineSearchStart(head, from)); line < to; line = nextLineStart(head, line)) {
      DATELINE_AT.lastIndex = line;
      const m = DATELINE_AT.exec(cut);
      if (m && DATELINE_AT.lastIndex > from) yield m;
    }
  }
}

/**
 * Where to start reading datelines so as to find every one that ends after `pos`: the start of the line holding it,
 * or an earlier one (after a \n: lines also break at \r, U+2028, U+2029, rare, and those in between are read too).
 */
function datelineSearchStart(text: string, pos: number): number {
  return pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
}

/** Start of the line after the one holding `pos` (past the end of `text` on the last line). */
function nextLineStart(text: string, pos: number): number {
  LINE_BREAK_RE.lastIndex = pos;
  return LINE_BREAK_RE.test(text) ? LINE_BREAK_RE.lastIndex : text.length + 1;
}

// ---- the rule ----

export function findPublicationDate(text: string): string | undefined {
  const head = text.slice(0, HEAD_LENGTH);
  const stretches = fullDayStretches(head);
  if (stretches.length === 0) return undefined; // no full day in the head, so none is stated
  let updated: string | undefined;
  for (const m of labelsIn(head, stretches)) {
    const day = fullDayAt(head, m.index + m[0].length);
    if (!day) continue;
    if (/updated|modified/i.test(m[1])) updated ??= day;
    else return day;
  }
  if (updated) return updated;
  for (const m of datelinesIn(head, stretches)) {
    DATELINE_DASH_AT.lastIndex = m.index + m[0].length;
    const day = DATELINE_DASH_AT.test(head) ? fullDayAt(head, m.index + m[0].length) : undefined; // the dash first: cheaper
    if (day) return day;
  }
  for (let n = 0, from = 0; n < HEAD_LINES && from <= head.length; n++) {
    const nl = head.indexOf('\n', from);
    const lineEnd = nl < 0 ? head.length : nl;
    const line = head.slice(from, lineEnd);
    from = lineEnd + 1;
    const trimmed = line.trim();
    if (!trimmed || trimmed.length > 60 || !mayStartDayDate(trimmed, 0) || !/[0-9]/.test(trimmed)) continue; // a full day has digits
    const e = findDateExpressions(trimmed)[0];
    if (!e || e.start !== 0 || trimmed.slice(e.end).replace(/[\s,.|:;–—-]+/g, '') !== '') continue;
    const day = fullDay(e); // as fullDayAt(trimmed, 0) would read it: the line is shorter than its window
    if (day) return day;
  }
  return undefined;
}

/**
 * A dateline that gives only month and day ("BEIJING, Jan. 18 (Xinhua) --"): the article's day without its
 * year, which the caller completes from a reference date.
 */
export function findDatelineMonthDay(text: string): MonthDay | undefined {
  const head = text.slice(0, 600);
  DATELINE_RE.lastIndex = 0;
  for (let m = DATELINE_RE.exec(head); m; m = DATELINE_RE.exec(head)) {
    const pos = m.index + m[0].length;
    if (!mayStartDayDate(head, pos)) continue;
    const e = firstExpressionAt(head, pos);
    if (!e || e.meaning.kind !== 'calendar' || e.meaning.year !== undefined || e.meaning.day === undefined || e.meaning.month === undefined) continue;
    if (!/^\s*\([^)\n]{1,30}\)\s*(?:--|—|–|-|_)/.test(head.slice(pos + e.end))) continue;
    return { month: e.meaning.month, day: e.meaning.day };
  }
  return undefined;
}
