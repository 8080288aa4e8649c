// Dates: calendar and relative date expressions, resolved against the article's publication date.
// The rules live in ./dates/: expressions.ts finds and reads the expressions, resolve.ts places them on the
// calendar, publication.ts finds the date the article states for itself, tense.ts picks past/future weekdays.
import { dayNumber, formatDay, parseIsoDay, type CivilDate } from './dates/calendar';
import { forEachDateExpression } from './dates/expressions';
import { findDatelineMonthDay, findPublicationDate as findStatedPublicationDate } from './dates/publication';
import { resolveMeaning } from './dates/resolve';
import { sentenceTense } from './dates/tense';
import type { DateMention } from './types';

/** The publication date the article states ("Posted on : 2016-01-18", a dateline), as "YYYY-MM-DD". */
export function findPublicationDate(text: string): string | undefined {
  return findStatedPublicationDate(text);
}

/**
 * Date mentions in text order. Relative ones ("Tuesday", "last week", "Jan. 27") are resolved against the
 * publication date the article states, else against `referenceDate` ("YYYY-MM-DD"), else left without a value.
 */
export function findDates(text: string, referenceDate?: string): DateMention[] {
  return datesAgainst(text, referenceDay(text, findStatedPublicationDate(text), referenceDate));
}

/** The stated publication date and the date mentions, as findPublicationDate and findDates (looking for the first once). */
export function findPublicationDateAndDates(text: string, referenceDate?: string): { publicationDate: string | undefined; dates: DateMention[] } {
  const publicationDate = findStatedPublicationDate(text);
  return { publicationDate, dates: datesAgainst(text, referenceDay(text, publicationDate, referenceDate)) };
}

function datesAgainst(text: string, ref: CivilDate | undefined): DateMention[] {
  const mentions: DateMention[] = [];
  forEachDateExpression(text, e => {
    const { value, relative } = resolveMeaning(e.meaning, ref, () => sentenceTense(text, e.start, e.end));
    const { start, end } = e, spelled = text.slice(start, end);
    // Made whole at once, in one shape of two: a property added later costs each mention a separate property store.
    mentions.push(value === undefined
      ? { type: 'date', start, end, text: spelled, relative }
      : { type: 'date', start, end, text: spelled, relative, value });
  });
  return mentions;
}

function referenceDay(text: string, statedPublicationDate: string | undefined, referenceDate: string | undefined): CivilDate | undefined {
  const stated = parseIsoDay(statedPublicationDate);
  if (stated) return stated;
  const given = parseIsoDay(referenceDate);
  if (!given) return undefined;
  const dateline = findDatelineMonthDay(text);
  if (!dateline) return given;
  // A dateline without a year ("BEIJING, Jan. 18 (Xinhua) --"): its day, in the year that puts it nearest the given reference.
  const years = [given.year - 1, given.year, given.year + 1];
  const near = (y: number): number => Math.abs(dayNumber({ year: y, ...dateline }) - dayNumber(given));
  const year = years.reduce((best, y) => (near(y) < near(best) ? y : best));
  return parseIsoDay(formatDay({ year, ...dateline })) ?? given;
}
