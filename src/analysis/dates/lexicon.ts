// Words of English date expressions: month and weekday names, number words, parts of the day,
// and the regular-expression fragments built from them (all used case-insensitively, capitalisation
// is checked separately where it matters: "May" the month vs "may" the verb).

/** Month name or abbreviation (lower case, no dot) -> month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6],
  ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Weekday name -> ISO weekday (1 = Monday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
]);

const NUMBER_WORD_LIST = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Value of a small cardinal: "17", "seventeen", "twenty-five", "a", "a couple of"; undefined if not a number. */
export function cardinalValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(w)) return +w;
  if (w === 'a' || w === 'an') return 1;
  if (w === 'a couple of' || w === 'a couple') return 2;
  const i = NUMBER_WORD_LIST.indexOf(w);
  if (i >= 0) return i;
  const m = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?$/.exec(w);
  if (m) return TENS[m[1]] + (m[2] ? NUMBER_WORD_LIST.indexOf(m[2]) : 0);
  return undefined;
}

export const ORDINAL_QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

/** Season word -> TimeML season code. */
export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

// ---- regular-expression fragments (no capture groups, so callers can number their own) ----

export const MONTH_FULL_RE = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Abbreviations, with a period or (for the unambiguous ones) without. */
export const MONTH_ABBR_RE = '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?![a-z.])';
export const MONTH_RE = `(?:${MONTH_FULL_RE}|${MONTH_ABBR_RE})(?![a-z])`;
/** Day of the month, optionally ordinal: 7, 07, 21st. Not followed by more digits, a time or a decimal. */
export const DAY_RE = '(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])(?!:[0-9])(?![.,][0-9])(?![a-z])';
export const YEAR_RE = '(?:1[0-9]|20)[0-9]{2}(?![0-9])(?![.,][0-9])';
/** Clock time: 17:05, 6:00am, 5 p.m., 10:30 a.m. */
export const TIME_RE = '(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:\\s?(?:[ap]\\.m\\.|[ap]m(?![a-z])))?|(?:1[0-2]|0?[1-9])\\s?(?:[ap]\\.m\\.|[ap]m(?![a-z])))';
/** Time-zone abbreviation or offset after a time (upper case only, checked by the caller). */
export const ZONE_RE = '(?:[ECMP][SD]T|GMT|UTC|KST|JST|BST|CET|CEST|EET|EEST|IST|HKT|SGT|AEST|AEDT|WIB|ICT|MSK|Z|[+-][0-9]{2}:?[0-9]{2})(?![A-Za-z0-9])';
export const CARDINAL_RE =
  '(?:[0-9]+|an?|a\\s+couple\\s+of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
