// What a date expression says, before it is placed on the calendar against a reference day.

export type ShiftUnit = 'day' | 'week' | 'weekend' | 'month' | 'year' | 'decade' | 'century';

export type DateMeaning =
  /**
   * Explicit calendar fields; a missing year is inferred from the reference ("Jan. 27", "in May"), the nearest
   * such date or, with `relation`, the one before or after it ("last October").
   */
  | { kind: 'calendar'; year?: number; month?: number; day?: number; hour?: number; minute?: number; relation?: 'last' | 'next' }
  /** A decade: 1990 for "the 1990s". */
  | { kind: 'decade'; decade: number }
  /** A century given by its first year: 1900 for "the 20th century". */
  | { kind: 'century'; firstYear: number }
  /** The reference's day/week/month/... moved by `offset` units: "today" (0 days), "last week" (-1 week). */
  | { kind: 'shift'; unit: ShiftUnit; offset: number }
  /** A day of the week; which one depends on the modifier or, without one, on the tense around it. */
  | { kind: 'weekday'; weekday: number; direction: 'tense' | 'last' | 'next' | 'this' }
  /** A clock time on the reference day ("15:11 GMT", "midnight"). */
  | { kind: 'time'; hour: number; minute: number }
  /** A fiscal quarter: a fixed one ("the third quarter") or one relative to the reference's ("the current quarter"). */
  | { kind: 'quarter'; quarter?: number; quarterOffset?: number; year?: number }
  /** A named day ("christmas", "election day": a key of HOLIDAYS), in a given year or the one nearest the reference. */
  | { kind: 'holiday'; name: string; year?: number }
  /** A season of a year: TimeML code SP/SU/FA/WI. */
  | { kind: 'season'; season: string; yearOffset: number; year?: number };

export interface DateExpression {
  start: number;
  end: number;
  meaning: DateMeaning;
}
