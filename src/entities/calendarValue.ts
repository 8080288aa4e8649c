// A date's calendar value (DateMention.value: "2016-01-27", "2016-W03", "199X"…) as an interval of time, so that a
// day, a week, a month, a season and a decade can be drawn on one axis, and said in words ("Tue 19 Jan 2016").
// Times are UTC milliseconds: a calendar value names civil days, not instants in a time zone.

export type Precision = 'minute' | 'day' | 'weekend' | 'week' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'years' | 'decade' | 'century';

/** [from, to) in UTC milliseconds. */
export interface CalendarInterval {
  readonly from: number;
  readonly to: number;
  readonly precision: Precision;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SEASONS: Record<string, { name: string; firstMonth: number }> = {
  // Meteorological seasons of the northern hemisphere; a year's winter is the one its January falls in.
  SP: { name: 'spring', firstMonth: 3 }, SU: { name: 'summer', firstMonth: 6 }, FA: { name: 'autumn', firstMonth: 9 },
  AU: { name: 'autumn', firstMonth: 9 }, WI: { name: 'winter', firstMonth: 0 },
};

/** Midnight UTC of a civil day; month 1-12 (0 and 13 roll over), years below 100 kept as written. */
function utc(year: number, month: number, day = 1): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return new Date(utc(year, month, day)).getUTCDate() === day;
}

/** Monday of ISO week `week` of ISO year `year` (week 1 holds 4 January). */
function isoWeekStart(year: number, week: number): number {
  const jan4 = utc(year, 1, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY + (week - 1) * 7 * DAY;
}

/**
 * The interval a calendar value names, or undefined for a value of another form. A part of the day written after a
 * day (TIMEX "2016-01-19TNI") is placed on that day.
 */
export function intervalOf(value: string): CalendarInterval | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value))) {
    const [y, mo, d, h, mi] = m.slice(1).map(Number);
    if (!validDay(y, mo, d) || h > 23 || mi > 59) return undefined;
    const from = utc(y, mo, d) + (h * 60 + mi) * MINUTE;
    return { from, to: from + MINUTE, precision: 'minute' };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T[A-Z]{2})?$/.exec(value))) {
    const [y, mo, d] = m.slice(1).map(Number);
    if (!validDay(y, mo, d)) return undefined;
    const from = utc(y, mo, d);
    return { from, to: from + DAY, precision: 'day' };
  }
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    if (w < 1 || w > 53) return undefined;
    const monday = isoWeekStart(y, w);
    return m[3] ? { from: monday + 5 * DAY, to: monday + 7 * DAY, precision: 'weekend' } : { from: monday, to: monday + 7 * DAY, precision: 'week' };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return undefined;
    return { from: utc(y, mo), to: utc(y, mo + 1), precision: 'month' };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { from: utc(y, 3 * q - 2), to: utc(y, 3 * q + 1), precision: 'quarter' };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return { from: utc(y, 6 * h - 5), to: utc(y, 6 * h + 1), precision: 'half' };
  }
  // A span of years ("2023-24", "the 2023-24 season"). A fiscal year ("FY2025") is not placed: its months are the
  // organisation's own.
  if ((m = /^(\d{4})\/(\d{4})$/.exec(value))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return b > a ? { from: utc(a, 1), to: utc(b + 1, 1), precision: 'years' } : undefined;
  }
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value))) {
    const y = Number(m[1]), first = SEASONS[m[2]].firstMonth;
    return { from: utc(y, first), to: utc(y, first + 3), precision: 'season' };
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    const y = Number(m[1]);
    return { from: utc(y, 1), to: utc(y + 1, 1), precision: 'year' };
  }
  if ((m = /^(\d{3})X$/.exec(value))) {
    const y = Number(m[1]) * 10;
    return { from: utc(y, 1), to: utc(y + 10, 1), precision: 'decade' };
  }
  if ((m = /^(\d{2})XX$/.exec(value))) {
    const y = Number(m[1]) * 100;
    return { from: utc(y, 1), to: utc(y + 100, 1), precision: 'century' };
  }
  return undefined;
}

const two = (n: number) => String(n).padStart(2, '0');
const monthShort = (d: Date) => MONTHS[d.getUTCMonth()].slice(0, 3);
/** "Tue 19 Jan 2016" */
const dayLabel = (d: Date) => `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${monthShort(d)} ${d.getUTCFullYear()}`;

/** "18–24 Jan 2016", "29 Feb – 6 Mar 2016", "28 Dec 2015 – 3 Jan 2016" for the days of [from, to). */
function dayRange(from: number, to: number): string {
  const a = new Date(from), b = new Date(to - DAY);
  const year = b.getUTCFullYear();
  if (a.getUTCFullYear() !== year) return `${a.getUTCDate()} ${monthShort(a)} ${a.getUTCFullYear()} – ${b.getUTCDate()} ${monthShort(b)} ${year}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${a.getUTCDate()} ${monthShort(a)} – ${b.getUTCDate()} ${monthShort(b)} ${year}`;
  return `${a.getUTCDate()}–${b.getUTCDate()} ${monthShort(b)} ${year}`;
}

/** The interval in words, as a reader would say it: "Tue 19 Jan 2016", "January 2016", "the 1990s". */
export function describeInterval(value: string, interval: CalendarInterval): string {
  const d = new Date(interval.from);
  const y = d.getUTCFullYear();
  switch (interval.precision) {
    case 'minute': return `${dayLabel(d)}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    case 'day': return dayLabel(d);
    case 'week': return `week ${Number(value.slice(6, 8))} of ${value.slice(0, 4)} (${dayRange(interval.from, interval.to)})`;
    case 'weekend': return `weekend of ${dayRange(interval.from, interval.to)}`;
    case 'month': return `${MONTHS[d.getUTCMonth()]} ${y}`;
    case 'quarter': return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${y} (${monthShort(d)}–${monthShort(new Date(interval.to - DAY))})`;
    case 'season': {
      const season = SEASONS[value.slice(5)]?.name ?? 'season';
      return season === 'winter' ? `winter ${y}–${two((y + 1) % 100)}` : `${season} ${y}`;
    }
    case 'half': return `H${d.getUTCMonth() < 6 ? 1 : 2} ${y} (${monthShort(d)}–${monthShort(new Date(interval.to - DAY))})`;
    case 'year': return String(y);
    case 'years': return `${y}–${new Date(interval.to - DAY).getUTCFullYear()}`;
    case 'decade': return `the ${y}s`;
    case 'century': return `the ${y}s`;
  }
}
