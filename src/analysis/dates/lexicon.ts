// The words of English date expressions, read from the word lists in ../lexicon (month and weekday names, number
// words, seasons, parts of the day, time zones), and the regular-expression fragments built from them. Patterns are
// used case-insensitively; capitalisation is checked separately where it matters ("May" the month, "may" the verb).
import { capitalisedAlternation, lexicon } from '../lexicon';

/** A list's entries in order, lower case. */
const entries = (list: { entries: readonly string[] }): string[] => [...list.entries];

/** "word: CODE" entries as a map. */
function codes(list: { entries: readonly string[] }): ReadonlyMap<string, string> {
  return new Map(list.entries.map(e => {
    const [word, code] = e.split(':').map(s => s.trim());
    return [word, code];
  }));
}

/** Each abbreviation → the number of the one name it starts ("sept" → 9 of september). */
function abbreviationNumbers(abbreviations: readonly string[], names: readonly string[]): [string, number][] {
  return abbreviations.map(a => {
    const i = names.findIndex(n => n.startsWith(a));
    if (i < 0) throw new Error(`${a} abbreviates no name of its list`);
    return [a, i + 1];
  });
}

export const MONTH_NAMES = entries(lexicon.monthNames);
export const WEEKDAY_NAMES = entries(lexicon.weekdayNames);
const MONTH_ABBREVIATIONS = entries(lexicon.monthAbbreviations);
const MONTH_ABBREVIATIONS_UNDOTTED = entries(lexicon.monthAbbreviationsUndotted);
export const WEEKDAY_ABBREVIATIONS = entries(lexicon.weekdayAbbreviations);

/** Month name or abbreviation (lower case, no dot) -> month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((m, i): [string, number] => [m, i + 1]),
  ...abbreviationNumbers(MONTH_ABBREVIATIONS, MONTH_NAMES),
]);

/** Weekday name or abbreviation -> ISO weekday (1 = Monday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ...WEEKDAY_NAMES.map((d, i): [string, number] => [d, i + 1]),
  ...abbreviationNumbers(WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES),
]);

const NUMBER_WORDS = entries(lexicon.numberWords);
const TENS_WORDS = entries(lexicon.tensWords);
export const ORDINAL_WORDS = entries(lexicon.ordinalWords);

/** Value of a small cardinal: "17", "seventeen", "twenty-five", "a", "a couple of"; undefined if not a number. */
export function cardinalValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(w)) return +w;
  if (w === 'a' || w === 'an') return 1;
  if (w === 'a couple of' || w === 'a couple') return 2;
  const i = NUMBER_WORDS.indexOf(w);
  if (i >= 0) return i;
  const [tens, unit] = w.split(/[- ]/);
  const t = TENS_WORDS.indexOf(tens);
  if (t < 0) return undefined;
  const u = unit === undefined ? 0 : NUMBER_WORDS.indexOf(unit);
  return u >= 0 && u <= 9 ? 20 + 10 * t + u : undefined;
}

/** Value of an ordinal: "third" → 3, "21st" → 21, "twenty-first" → 21; undefined if not one. */
export function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase();
  const digits = /^([0-9]{1,2})(?:st|nd|rd|th)$/.exec(w);
  if (digits) return +digits[1];
  const i = ORDINAL_WORDS.indexOf(w);
  return i >= 0 ? i + 1 : undefined;
}

/** Season word -> TimeML season code (SP, SU, FA, WI). */
export const SEASONS = codes(lexicon.seasons);
/** Part-of-the-day word -> TimeML code (MO, AF, EV, NI). */
export const PARTS_OF_DAY = codes(lexicon.partsOfDay);

// ---- regular-expression fragments (no capture groups, so callers can number their own) ----

export const MONTH_FULL_RE = capitalisedAlternation(MONTH_NAMES);
/** Abbreviations, with a period or (for the unambiguous ones) without. */
export const MONTH_ABBR_RE = `(?:${capitalisedAlternation(MONTH_ABBREVIATIONS)})\\.|(?:${capitalisedAlternation(MONTH_ABBREVIATIONS_UNDOTTED)})(?![a-z.])`;
export const MONTH_RE = `(?:${MONTH_FULL_RE}|${MONTH_ABBR_RE})(?![a-z])`;
/** Next to a day number any abbreviation is a month, with or without its period: "Sep 30", "5 Mar 2024". */
export const MONTH_WITH_DAY_RE = `(?:${MONTH_FULL_RE}|(?:${capitalisedAlternation(MONTH_ABBREVIATIONS)})\\.?)(?![a-z])`;
/** Day of the month, optionally ordinal: 7, 07, 21st. Not followed by more digits, a time or a decimal. */
export const DAY_RE = '(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])(?!:[0-9])(?![.,][0-9])(?![a-z])';
export const YEAR_RE = '(?:1[0-9]|20)[0-9]{2}(?![0-9])(?![.,][0-9])';
/** a.m., am, A.M., PM, p.m (the last period is often lost before a sentence's own). */
const MERIDIEM_RE = '(?:[ap]\\.m\\.?|[ap]m)(?![a-z])';
/**
 * Clock time: 17:05, 6:00am, 5 p.m., 10:30 a.m.; with a dot only before a.m./p.m. or a zone (10.22 BST), as a bare
 * "10.22" is a decimal. Used with the i flag.
 */
export const TIME_RE =
  `(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:\\s?${MERIDIEM_RE})?|(?:1[0-2]|0?[1-9])(?:\\.[0-5][0-9])?\\s?${MERIDIEM_RE}|(?:[01]?[0-9]|2[0-3])\\.[0-5][0-9](?=\\s?(?:${lexicon.timeZones.entries.join('|')})(?![A-Za-z])))`;
/** Time-zone abbreviation (with an offset: "GMT+8") or offset after a time; upper case only, checked by the caller. */
export const ZONE_RE = `(?:(?:${[...lexicon.timeZones.entries].sort((a, b) => b.length - a.length).join('|')})(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?|Z|[+-][0-9]{2}:?[0-9]{2})(?![A-Za-z0-9])`;
const NUMBER_WORD_RE = [...NUMBER_WORDS.slice(1)].sort((a, b) => b.length - a.length).join('|');
export const CARDINAL_RE = `(?:[0-9]+|an?|a\\s+couple\\s+of|(?:${TENS_WORDS.join('|')})(?:-(?:${NUMBER_WORDS.slice(1, 10).join('|')}))?|${NUMBER_WORD_RE})`;
