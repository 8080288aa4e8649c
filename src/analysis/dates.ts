// Dates: calendar and relative date expressions, resolved against the article's publication date.
import type { DateMention } from './types';

/** The publication date the article states ("Posted on : 2016-01-18", a dateline), as "YYYY-MM-DD". */
export function findPublicationDate(_text: string): string | undefined {
  return undefined; // placeholder until the date rules land
}

export function findDates(_text: string, _referenceDate?: string): DateMention[] {
  return []; // placeholder until the date rules land
}
