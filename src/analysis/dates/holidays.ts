// Named days that news uses as dates ("Christmas", "Election Day", "Good Friday"), read from the holidays word list:
// each name with the rule that gives its day in a year.
import { lexicon } from '../lexicon';
import { type CivilDate, civilFromDayNumber, dayNumber, isoWeekday } from './calendar';
import { WEEKDAYS } from './lexicon';

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

type DayOf = (year: number) => CivilDate;

const RULE_RE = /^(?:(\d{2})-(\d{2})|([1-5]|last) ([a-z]+) of (\d{2})|([a-z' .-]+?))(?: ([+-]\d+))?$/;

/** The day a rule of the list gives ("12-25", "4 thursday of 11", "easter -2", "thanksgiving +1"). */
function parseRule(rule: string, named: (name: string) => DayOf | undefined): DayOf {
  const m = RULE_RE.exec(rule);
  if (!m) throw new Error(`holidays: cannot read the rule "${rule}"`);
  let base: DayOf;
  if (m[1]) {
    const month = +m[1], day = +m[2];
    base = y => ({ year: y, month, day });
  } else if (m[3]) {
    const n = m[3] === 'last' ? -1 : +m[3], weekday = WEEKDAYS.get(m[4]), month = +m[5];
    if (!weekday) throw new Error(`holidays: no weekday "${m[4]}" in "${rule}"`);
    base = y => nthWeekday(y, month, weekday, n);
  } else {
    const other = m[6] === 'easter' ? easter : named(m[6]);
    if (!other) throw new Error(`holidays: "${m[6]}" in "${rule}" is not listed before it`);
    base = other;
  }
  const shift = m[7] ? +m[7] : 0;
  return shift ? y => civilFromDayNumber(dayNumber(base(y)) + shift) : base;
}

/** The key of a holiday as written in a text or the list ("Valentine’s  Day" → "valentine's day"). */
export const holidayKey = (written: string): string => written.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');

const dayRules = new Map<string, DayOf>();
/** Every listed name as news writes it ("Eid al-Fitr"), with or without a rule. */
export const HOLIDAY_NAMES: readonly string[] = lexicon.holidays.entries.map(entry => {
  const colon = entry.lastIndexOf(':');
  const name = entry.slice(0, colon).trim(), rule = entry.slice(colon + 1).trim();
  if (rule !== '?') dayRules.set(holidayKey(name), parseRule(rule, n => dayRules.get(holidayKey(n))));
  return name;
});

/** Holiday key -> its day in a year; names whose day this calendar cannot give (lunar ones) are not keys. */
export const HOLIDAYS: ReadonlyMap<string, DayOf> = dayRules;
