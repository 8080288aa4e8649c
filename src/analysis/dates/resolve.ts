// Places a date expression's meaning on the calendar against a reference day (the article's publication date).
// Values are ISO-8601-like at the precision the text gives (the forms are listed at DateMention.value in ../types.ts):
// "2016-01-27", "2016-01-27T17:05", "2016-01-27TNI" (a part of the day), "2016-01", "2016", "199X" (decade),
// "19XX" (century), "2016-W03" (week), "2016-W03-WE" (weekend), "2016-Q1", "2016-H2" (half year), "2016-SU"
// (season), "FY2025" and "FY2025-Q1" (fiscal year and quarter), "2023/2024" (a span of years).
import {
  type CivilDate, addMonths, civilFromDayNumber, dayNumber, formatDay, formatMonth, formatTime, formatWeek,
  isValidDate, isoWeek, isoWeekday,
} from './calendar';
import { HOLIDAYS } from './holidays';
import type { DateMeaning } from './meaning';
import type { Tense } from './tense';

export interface Resolution {
  value?: string;
  /** True when the value depends on the reference day. */
  relative: boolean;
}

/** A value of one whole day ("2016-01-27"), to which a time or a part of the day can be added. */
const DAY_VALUE_RE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/**
 * `tense` (asked lazily, only when it matters) is the tense of the sentence around the expression. A bare weekday
 * in past narrative ("met on Tuesday", or no tense marker at all) is the latest such day on or before the reference,
 * in the future ("will meet on Tuesday") the first one on or after it. A month or day without a year is the nearest
 * one to the reference, unless the tense says it lies the other way ("Feb. 9 was…" in October: February before).
 */
export function resolveMeaning(meaning: DateMeaning, ref: CivilDate | undefined, tense: () => Tense | undefined): Resolution {
  switch (meaning.kind) {
    case 'calendar': {
      if (meaning.year !== undefined) return { value: formatCalendar(meaning.year, meaning), relative: false };
      if (!ref) return { relative: true };
      if (meaning.yearOffset !== undefined) return { value: formatCalendar(ref.year + meaning.yearOffset, meaning), relative: true };
      if (meaning.month === undefined) return { relative: true };
      const { month, day } = meaning;
      const relation = meaning.relation ?? tenseRelation(month, day, ref, tense);
      const year = inferYear(y => dayNumber({ year: y, month, day: day ?? 15 }), relation, ref, day === undefined ? month : undefined);
      return { value: formatCalendar(year, meaning), relative: true };
    }
    case 'decade':
      return { value: `${String(meaning.decade).slice(0, 3)}X`, relative: false };
    case 'century':
      return { value: `${String(meaning.firstYear).padStart(4, '0').slice(0, 2)}XX`, relative: false };
    case 'timed':
    case 'partOfDay': {
      // a clock time is more precise than the part of the day it falls in: "10 p.m. Tuesday night"
      const inner = meaning.kind === 'timed' && meaning.day.kind === 'partOfDay' ? meaning.day.day : meaning.day;
      const day = resolveMeaning(inner, ref, tense);
      if (day.value === undefined || !DAY_VALUE_RE.test(day.value)) return day;
      return { value: day.value + (meaning.kind === 'timed' ? formatTime(meaning.hour, meaning.minute) : `T${meaning.part}`), relative: day.relative };
    }
    case 'shift':
      return { value: ref ? shiftValue(meaning.unit, meaning.offset, ref) : undefined, relative: true };
    case 'weekday': {
      if (!ref) return { relative: true };
      const day = meaning.weekOffset !== undefined
        ? dayNumber(ref) + 7 * meaning.weekOffset - isoWeekday(dayNumber(ref)) + meaning.weekday
        : weekdayDay(meaning.weekday, meaning.direction, ref, tense);
      return { value: formatDay(civilFromDayNumber(day)), relative: true };
    }
    case 'quarter': {
      const prefix = meaning.fiscal ? 'FY' : '';
      if (meaning.quarter !== undefined && meaning.year !== undefined) return { value: `${prefix}${meaning.year}-Q${meaning.quarter}`, relative: false };
      if (!ref) return { relative: true };
      if (meaning.quarter !== undefined) return { value: `${prefix}${ref.year + (meaning.yearOffset ?? 0)}-Q${meaning.quarter}`, relative: true };
      if (meaning.fiscal) return { relative: true }; // "the current fiscal quarter": the fiscal calendar is not known
      const idx = ref.year * 4 + Math.floor((ref.month - 1) / 3) + (meaning.quarterOffset ?? 0);
      return { value: `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`, relative: true };
    }
    case 'half': {
      const prefix = meaning.fiscal ? 'FY' : '';
      if (meaning.year !== undefined) return { value: `${prefix}${meaning.year}-H${meaning.half}`, relative: false };
      return { value: ref ? `${prefix}${ref.year + (meaning.yearOffset ?? 0)}-H${meaning.half}` : undefined, relative: true };
    }
    case 'fiscalYear':
      if (meaning.year !== undefined) return { value: `FY${meaning.year}`, relative: false };
      return { value: ref ? `FY${ref.year + (meaning.yearOffset ?? 0)}` : undefined, relative: true };
    case 'years':
      return { value: `${meaning.firstYear}/${meaning.lastYear}`, relative: false };
    case 'sportsSeason':
      return { relative: true }; // a season may straddle two years: which, the text does not say
    case 'holiday': {
      const dayOf = HOLIDAYS.get(meaning.name);
      if (!dayOf) return meaning.year !== undefined ? { value: String(meaning.year), relative: false } : { relative: true };
      if (meaning.year !== undefined) return { value: formatDay(dayOf(meaning.year)), relative: false };
      if (!ref) return { relative: true };
      const refDay = dayNumber(ref);
      const at = (y: number): number => dayNumber(dayOf(y));
      if (meaning.relation === 'this') return { value: formatDay(dayOf(ref.year)), relative: true };
      const t = meaning.relation ? undefined : at(ref.year) === refDay ? undefined : tense();
      const relation = meaning.relation ?? (t === 'past' ? 'last' : t === 'future' ? 'next' : undefined);
      return { value: formatDay(dayOf(inferYear(at, relation, ref))), relative: true };
    }
    case 'season': {
      if (meaning.year !== undefined) return { value: `${meaning.year}-${meaning.season}`, relative: false };
      return { value: ref ? `${ref.year + meaning.yearOffset}-${meaning.season}` : undefined, relative: true };
    }
  }
}

function formatCalendar(year: number, m: { month?: number; day?: number }): string | undefined {
  if (m.month === undefined) return String(year).padStart(4, '0');
  if (m.day === undefined) return formatMonth(year, m.month);
  return isValidDate(year, m.month, m.day) ? formatDay({ year, month: m.month, day: m.day }) : undefined;
}

/**
 * "last"/"next" for a yearless month or day whose sentence has a tense, where the reference's own month or day
 * does not settle it; undefined (nearest) otherwise. The same month as the reference stays in the reference year.
 */
function tenseRelation(month: number, day: number | undefined, ref: CivilDate, tense: () => Tense | undefined): 'last' | 'next' | undefined {
  if (month === ref.month && (day === undefined || day === ref.day)) return undefined;
  const t = tense();
  return t === 'past' ? 'last' : t === 'future' ? 'next' : undefined;
}

/**
 * The year that puts a yearly day (`at(year)`, a day number) nearest the reference (ties go to the past), or
 * before/after it for "last"/"next". `month` is set for a whole month, which never counts as before/after its own.
 */
function inferYear(at: (year: number) => number, relation: 'last' | 'next' | undefined, ref: CivilDate, month?: number): number {
  const refDay = dayNumber(ref);
  const sameMonth = (year: number): boolean => month !== undefined && year === ref.year && month === ref.month;
  const candidates = [ref.year - 1, ref.year, ref.year + 1];
  if (relation === 'last') return candidates.filter(y => at(y) < refDay && !sameMonth(y)).pop() ?? ref.year - 1;
  if (relation === 'next') return candidates.find(y => at(y) > refDay && !sameMonth(y)) ?? ref.year + 1;
  let best = ref.year;
  for (const y of candidates) {
    const d = Math.abs(at(y) - refDay), bestD = Math.abs(at(best) - refDay);
    if (d < bestD || (d === bestD && y < best)) best = y;
  }
  return best;
}

function shiftValue(unit: string, offset: number, ref: CivilDate): string {
  const refDay = dayNumber(ref);
  switch (unit) {
    case 'day': return formatDay(civilFromDayNumber(refDay + offset));
    case 'week': return formatWeek(isoWeek(refDay + 7 * offset));
    case 'weekend': return formatWeek(isoWeek(refDay + 7 * offset)) + '-WE';
    case 'month': { const m = addMonths(ref.year, ref.month, offset); return formatMonth(m.year, m.month); }
    case 'year': return String(ref.year + offset);
    case 'decade': return `${String(ref.year + 10 * offset).slice(0, 3)}X`;
    default: return `${String(ref.year + 100 * offset).slice(0, 2)}XX`;
  }
}

function weekdayDay(weekday: number, direction: 'tense' | 'last' | 'next' | 'this', ref: CivilDate, tense: () => Tense | undefined): number {
  const refDay = dayNumber(ref);
  const back = (isoWeekday(refDay) - weekday + 7) % 7; // days back to the latest such weekday on/before ref
  const onOrBefore = refDay - back;
  const onOrAfter = refDay + ((weekday - isoWeekday(refDay) + 7) % 7);
  switch (direction) {
    case 'last': return back === 0 ? refDay - 7 : onOrBefore;
    case 'next': return onOrAfter === refDay ? refDay + 7 : onOrAfter;
    case 'this': return refDay - (isoWeekday(refDay) - weekday);
    default: return tense() === 'future' ? onOrAfter : onOrBefore;
  }
}
