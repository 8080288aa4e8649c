// The publication date an article states about itself, looked for near its top: a labelled line
// ("Posted on : 2016-01-18 17:05 KST", "Published: Jan. 18, 2016", "Updated 14:05 GMT, 3 March 2025"), a dateline
// with a year ("BEIJING, Jan. 18, 2016 (Xinhua) --", "LISBON, 12 March 2025 –") or a line of the head that is a
// date, alone or beside a byline ("Friday, July 21, 2017", "Oct. 9, 2024 5:48 PM ET", "By Jane Roe | Oct. 9, 2024").
// Labels and datelines are read only near the years of the head, the only places a full day can follow them.
import { lexicon } from '../lexicon';
import { formatDay, isValidDate } from './calendar';
import { findDateExpressions } from './expressions';
import { isCapitalised } from './match';
import type { DateExpression, DateMeaning } from './meaning';

/** How far into the article the header (labels, dateline, date line) can be. */
const HEAD_LENGTH = 3000;
const HEAD_LINES = 12;
/** How much text after a position is read for a date starting there. */
const DAY_WINDOW = 80;

const PUBLICATION_LABELS = lexicon.publicationLabels.entries;
const UPDATE_LABELS: ReadonlySet<string> = new Set(lexicon.updateLabels.entries);
/** Group 1 is the label, group 2 its colon: a label in lower case counts only with one ("was published on May 5" is a sentence). */
const LABEL_RE = new RegExp(
  `\\b(${[...PUBLICATION_LABELS, ...UPDATE_LABELS].sort((a, b) => b.length - a.length).map(l => l.replace(/ /g, '\\s+')).join('|')})\\b(?:\\s+(?:on|at))?\\s*([:：])?\\s*`,
  'gi',
);
/** The longest word of a label: how far back a label can start before the position its tail reaches. */
const LONGEST_LABEL_WORD = Math.max(...[...PUBLICATION_LABELS, ...UPDATE_LABELS].flatMap(l => l.split(' ')).map(w => w.length));
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

/** The day of a date expression with year, month and day (a time after it or before it aside), as "YYYY-MM-DD". */
function fullDay(e: DateExpression | undefined): string | undefined {
  const meaning = e && dayOf(e.meaning);
  if (!meaning || meaning.kind !== 'calendar') return undefined;
  const { year, month, day } = meaning;
  if (year === undefined || month === undefined || day === undefined || !isValidDate(year, month, day)) return undefined;
  return formatDay({ year, month, day });
}

const dayOf = (m: DateMeaning): DateMeaning => (m.kind === 'timed' ? m.day : m);

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
  return Math.max(0, start - LONGEST_LABEL_WORD);
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
    if (!m[2] && !isCapitalised(m[1])) continue;
    const day = fullDayAt(head, m.index + m[0].length);
    if (!day) continue;
    if (UPDATE_LABELS.has(m[1].toLowerCase().replace(/\s+/g, ' '))) updated ??= day;
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
    const day = headLineDay(line.trim());
    if (day) return day;
  }
  return undefined;
}

/** Lines of the head longer than this are sentences, not a date line or a byline. */
const HEAD_LINE_LENGTH = 120;
/** A separator between the parts of a byline or date line: "By Jane Roe | Oct. 9, 2024", "Oct. 9, 2024 / 5:48 PM". */
const SEPARATOR = '[|/·•—–]|\\s-\\s';
const SEPARATOR_END_RE = new RegExp(`(?:${SEPARATOR})\\s*$`);
const SEPARATOR_START_RE = new RegExp(`^\\s*(?:${SEPARATOR}|-)`);
const ONLY_PUNCTUATION_RE = /^[\s,.|:;–—-]*$/;
const BYLINE_RE = /^by\s/i;

/**
 * The full day a line of the head states for the article: the line is the date (with its time: "Oct. 9, 2024 5:48 PM
 * ET"), or the date beside a byline or after a separator, ending the line or followed by another separator.
 */
function headLineDay(line: string): string | undefined {
  if (!line || line.length > HEAD_LINE_LENGTH) return undefined;
  FULL_DAY_DIGITS_RE.lastIndex = 0;
  if (!FULL_DAY_DIGITS_RE.test(line)) return undefined; // a full day has a year's digits
  for (const e of findDateExpressions(line)) {
    const day = fullDay(e);
    if (!day) continue;
    const before = line.slice(0, e.start), after = line.slice(e.end);
    const ends = ONLY_PUNCTUATION_RE.test(after);
    if (before === '' && (ends || SEPARATOR_START_RE.test(after))) return day;
    if (SEPARATOR_END_RE.test(before) && (ends || SEPARATOR_START_RE.test(after))) return day;
    if (BYLINE_RE.test(before) && ends) return day;
    return undefined; // the first full day of a line decides
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
