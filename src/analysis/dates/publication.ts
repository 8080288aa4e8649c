// The publication date an article states about itself, looked for near its top: a labelled line
// ("Posted on : 2016-01-18 17:05 KST", "Published: Jan. 18, 2016", "Updated …"), a dateline with a year
// ("BEIJING, Jan. 18, 2016 (Xinhua) --") or a line that is only a date ("Friday, July 21, 2017").
import { findDateExpressions } from './expressions';
import type { DateExpression } from './meaning';
import { formatDay, isValidDate } from './calendar';

/** How far into the article the header (labels, dateline, date line) can be. */
const HEAD_LENGTH = 3000;
const HEAD_LINES = 12;

const LABEL_RE = /\b(First\s+published|Published|Posted|Date|Dated|Last\s+updated|Updated|Modified)\b(?:\s+(?:on|at))?\s*[:：]?\s*/gi;
/** "BEIJING, Jan. 18 (Xinhua) --", "WASHINGTON, August 8 (Xinhua) --", "Taipei, Taiwan — " at the start of a line. */
const DATELINE_RE = /^[ \t]*[A-Z][A-Za-z.'’ -]{1,40}(?:,[ \t]*[A-Z][A-Za-z.'’ -]{1,30})?,[ \t]*/gm;

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
  if (!mayStartDayDate(text, pos)) return undefined;
  const e = firstExpressionAt(text, pos);
  if (!e || e.meaning.kind !== 'calendar') return undefined;
  const { year, month, day } = e.meaning;
  if (year === undefined || month === undefined || day === undefined || !isValidDate(year, month, day)) return undefined;
  return formatDay({ year, month, day });
}

function firstExpressionAt(text: string, pos: number): DateExpression | undefined {
  const window = text.slice(pos, pos + 80);
  const e = findDateExpressions(window)[0];
  return e && e.start === 0 ? e : undefined;
}

export function findPublicationDate(text: string): string | undefined {
  const head = text.slice(0, HEAD_LENGTH);
  let updated: string | undefined;
  LABEL_RE.lastIndex = 0; // exec on the shared expression: matchAll would copy it on every call
  for (let m = LABEL_RE.exec(head); m; m = LABEL_RE.exec(head)) {
    const day = fullDayAt(head, m.index + m[0].length);
    if (!day) continue;
    if (/updated|modified/i.test(m[1])) updated ??= day;
    else return day;
  }
  if (updated) return updated;
  DATELINE_RE.lastIndex = 0;
  for (let m = DATELINE_RE.exec(head); m; m = DATELINE_RE.exec(head)) {
    const day = fullDayAt(head, m.index + m[0].length);
    if (day && /^\s*(?:\([^)\n]{1,30}\)\s*)?(?:--|—|–|-|_)/.test(head.slice(m.index + m[0].length).replace(/^[^(\-—–_\n]*/, ''))) return day;
  }
  for (let n = 0, from = 0; n < HEAD_LINES && from <= head.length; n++) {
    const nl = head.indexOf('\n', from);
    const lineEnd = nl < 0 ? head.length : nl;
    const line = head.slice(from, lineEnd);
    from = lineEnd + 1;
    const trimmed = line.trim();
    if (!trimmed || trimmed.length > 60 || !mayStartDayDate(trimmed, 0)) continue;
    const e = findDateExpressions(trimmed)[0];
    if (!e || e.start !== 0 || trimmed.slice(e.end).replace(/[\s,.|:;–—-]+/g, '') !== '') continue;
    const day = fullDayAt(trimmed, 0);
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
