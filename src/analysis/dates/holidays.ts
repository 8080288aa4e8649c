// Named days that news uses as dates ("Christmas", "Election Day"): their day in a given year.
import { type CivilDate, civilFromDayNumber, dayNumber, isoWeekday } from './calendar';

/** The n-th (1-based; -1 = last) given ISO weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CivilDate {
  if (n > 0) {
    const first = dayNumber({ year, month, day: 1 });
    return civilFromDayNumber(first + ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
  }
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const last = dayNumber({ ...next, day: 1 }) - 1;
  return civilFromDayNumber(last - ((isoWeekday(last) - weekday + 7) % 7));
}

/** Western Easter Sunday (anonymous Gregorian computus). */
function easter(year: number): CivilDate {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** Holiday name (lower case, straight apostrophe) -> its day in a year. */
export const HOLIDAYS: ReadonlyMap<string, (year: number) => CivilDate> = new Map<string, (year: number) => CivilDate>([
  ['christmas', y => ({ year: y, month: 12, day: 25 })],
  ['christmas day', y => ({ year: y, month: 12, day: 25 })],
  ['christmas eve', y => ({ year: y, month: 12, day: 24 })],
  ["new year's day", y => ({ year: y, month: 1, day: 1 })],
  ["new year's eve", y => ({ year: y, month: 12, day: 31 })],
  ["valentine's day", y => ({ year: y, month: 2, day: 14 })],
  ['halloween', y => ({ year: y, month: 10, day: 31 })],
  ['independence day', y => ({ year: y, month: 7, day: 4 })],
  ['veterans day', y => ({ year: y, month: 11, day: 11 })],
  ['boxing day', y => ({ year: y, month: 12, day: 26 })],
  ['easter', easter],
  ['easter sunday', easter],
  ['thanksgiving', y => nthWeekday(y, 11, 4, 4)],
  ['thanksgiving day', y => nthWeekday(y, 11, 4, 4)],
  ['memorial day', y => nthWeekday(y, 5, 1, -1)],
  ['labor day', y => nthWeekday(y, 9, 1, 1)],
  ["mother's day", y => nthWeekday(y, 5, 7, 2)],
  ["father's day", y => nthWeekday(y, 6, 7, 3)],
  ['election day', y => civilFromDayNumber(dayNumber(nthWeekday(y, 11, 1, 1)) + 1)],
]);
