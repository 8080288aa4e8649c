// What a date expression says, before it is placed on the calendar against a reference day.

export type ShiftUnit = 'day' | 'week' | 'weekend' | 'month' | 'year' | 'decade' | 'century';

/** "last", "next" or "this" before a named day or month: which one of them, from the reference. */
export type Relation = 'last' | 'next' | 'this';

export type DateMeaning =
  /**
   * Explicit calendar fields; a missing year is inferred from the reference ("Jan. 27", "in May"), the nearest
   * such date or, with `relation`, the one before or after it ("last October"), or given as years from the
   * reference's ("June last year": -1).
   */
  | { kind: 'calendar'; year?: number; month?: number; day?: number; relation?: 'last' | 'next'; yearOffset?: number }
  /** A decade: 1990 for "the 1990s". */
  | { kind: 'decade'; decade: number }
  /** A century given by its first year: 1900 for "the 20th century". */
  | { kind: 'century'; firstYear: number }
  /** The reference's day/week/month/... moved by `offset` units: "today" (0 days), "last week" (-1 week). */
  | { kind: 'shift'; unit: ShiftUnit; offset: number }
  /**
   * A day of the week; which one depends on the modifier or, without one, on the tense around it; with `weekOffset`,
   * the one in the week that many weeks from the reference's ("Friday last week": -1).
   */
  | { kind: 'weekday'; weekday: number; direction: 'tense' | Relation; weekOffset?: number }
  /**
   * A quarter: a fixed one ("the third quarter", "Q4 2024") or one relative to the reference's ("the current
   * quarter"); of a fiscal year when `fiscal` ("the first quarter of fiscal 2025").
   */
  | { kind: 'quarter'; quarter?: number; quarterOffset?: number; year?: number; yearOffset?: number; fiscal?: boolean }
  /** A half year: "the second half of this year", "H1 2025"; of a fiscal year when `fiscal`. */
  | { kind: 'half'; half: number; year?: number; yearOffset?: number; fiscal?: boolean }
  /** A fiscal year, named by the calendar year it ends in: "fiscal 2025", "FY2024-25" (2025), "next fiscal year". */
  | { kind: 'fiscalYear'; year?: number; yearOffset?: number }
  /** A span of calendar years: "2023-24", "the 2023-24 season". */
  | { kind: 'years'; firstYear: number; lastYear: number }
  /** A sports season relative to the reference's ("this season", "last season"): its years are not known. */
  | { kind: 'sportsSeason'; offset: number }
  /** A named day (a key of HOLIDAYS), in a given year, the one nearest the reference, or the one `relation` says. */
  | { kind: 'holiday'; name: string; year?: number; relation?: Relation }
  /** A season of a year: TimeML code SP/SU/FA/WI, in a given year or `yearOffset` years from the reference's. */
  | { kind: 'season'; season: string; yearOffset: number; year?: number }
  /** A day expression with a part of the day: "Tuesday night", "this morning" (TimeML code MO/AF/EV/NI). */
  | { kind: 'partOfDay'; day: DateMeaning; part: string }
  /** A day expression with a clock time: "March 3, 2025 at 9:30 am", "7pm Friday", "2016-01-18 17:05 KST". */
  | { kind: 'timed'; day: DateMeaning; hour: number; minute: number };

export interface DateExpression {
  start: number;
  end: number;
  meaning: DateMeaning;
}
