// Periods longer than a month that news dates by: quarters ("the third quarter", "Q4 2024"), half years ("the second
// half of this year", "H1 2025"), fiscal years ("fiscal 2025", "FY2024-25", "the current fiscal year"), spans of
// years ("2023-24") and sports seasons ("this season", "the 2023-24 season"). Each parser reads right of its trigger
// and a few words left of it, as the other date parsers do.
import { YEAR_RE, ordinalValue } from './lexicon';
import { before, lookbehind, stickyAt } from './match';
import type { DateExpression, DateMeaning } from './meaning';
import { looksLikeYear } from './year-context';

/** A year, given (`year`) or counted from the reference's (`yearOffset`), and whether it is a fiscal one. */
interface YearRef { end: number; year?: number; yearOffset?: number; fiscal?: boolean }

/** "fiscal 2025", "fiscal year 2025", "FY2025", "FY 25", "FY2024-25": the calendar year the fiscal year ends in. */
const FISCAL_YEAR_RE = new RegExp(`(?:fiscal(?:\\s+year)?\\s+|FY\\s?)((?:${YEAR_RE})|[0-9]{2}(?![0-9]))(?:[-–/]((?:${YEAR_RE})|[0-9]{2}(?![0-9])))?`, 'iy');
/** "this year", "last year", "the current year", "the year", "next fiscal year", "the previous fiscal year". */
const YEAR_DET_RE = /(this|last|next|the\s+(?:current|previous|past|last|next|coming|following)|the)\s+(fiscal\s+)?year(?![a-z])/iy;
const OF_RE = /\s+of\s+/iy;
const YEAR_AT_RE = new RegExp(YEAR_RE, 'y');

const expand = (two: string, century: number): number => (two.length === 2 ? century + +two : +two);

/** The fiscal year FISCAL_YEAR_RE matched: "FY2024-25" ends in 2025; "FY25" is 2025. */
function fiscalYearOf(m: RegExpExecArray): number {
  const first = expand(m[1], 2000);
  return m[2] ? expand(m[2], Math.floor(first / 100) * 100) : first;
}

const offsetOf = (det: string): number => {
  const d = det.toLowerCase().replace(/^the\s+/, '');
  return d === 'last' || d === 'previous' || d === 'past' ? -1 : d === 'next' || d === 'coming' || d === 'following' ? 1 : 0;
};

/** A year expression at `pos`: "2025", "fiscal 2025", "FY25", "this year", "the current fiscal year", "the year". */
function yearAt(text: string, pos: number): YearRef | undefined {
  const fy = stickyAt(FISCAL_YEAR_RE, text, pos);
  if (fy) return { end: pos + fy[0].length, year: fiscalYearOf(fy), fiscal: true };
  const y = stickyAt(YEAR_AT_RE, text, pos);
  if (y && looksLikeYear(text, pos, pos + 4)) return { end: pos + 4, year: +y[0] };
  const det = stickyAt(YEAR_DET_RE, text, pos);
  if (det) return { end: pos + det[0].length, yearOffset: offsetOf(det[1]), fiscal: det[2] !== undefined };
  return undefined;
}

/** "… of 2024", "… of this year", "… of fiscal 2025" after a quarter or half ending at `end`. */
function ofYear(text: string, end: number): YearRef | undefined {
  const of = stickyAt(OF_RE, text, end);
  return of ? yearAt(text, end + of[0].length) : undefined;
}

// ---- quarters ----

const QUARTER_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:the\\s+)?(?:fiscal[\\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th|current|latest|last|next|previous|this)[\\s-]+(?:fiscal\\s+)?)');

/** "the third quarter", "the fourth quarter of 2024", "the current quarter", "next year's first quarter". */
export function quarterAt(text: string, pos: number, wordEnd: number, floor: number): DateExpression[] {
  const q = before(QUARTER_BEFORE, text, pos, floor);
  if (!q) return [];
  const which = q.m[2].toLowerCase();
  const fiscal = /fiscal/i.test(q.m[1]);
  // "the third-quarter loss": as an adjective the article belongs to the noun, not to the date
  const article = /-\s*$/.test(q.m[1]) ? /^the\s+/i.exec(q.m[1]) : null;
  const start = q.start + (article ? article[0].length : 0);
  const quarter = ordinalValue(which);
  if (quarter !== undefined && quarter <= 4) {
    const y = ofYear(text, wordEnd);
    if (y) return [{ start, end: y.end, meaning: { kind: 'quarter', quarter, year: y.year, yearOffset: y.yearOffset, fiscal: fiscal || y.fiscal } }];
    return [{ start, end: wordEnd, meaning: { kind: 'quarter', quarter, fiscal } }];
  }
  const quarterOffset = which === 'current' || which === 'this' ? 0 : which === 'next' ? 1 : -1;
  return [{ start, end: wordEnd, meaning: { kind: 'quarter', quarterOffset, fiscal } }];
}

/** After "this year", "next year": "'s third quarter", "'s first half". */
const POSSESSIVE_PERIOD_AFTER_RE = /['’]s\s+(first|second|third|fourth|1st|2nd|3rd|4th)[\s-](quarter|half)(?![A-Za-z])/iy;

/** "next year's first quarter", "this year's second half": one period of the year counted from the reference's. */
export function possessivePeriodAfter(text: string, yearEnd: number, yearOffset: number): { end: number; meaning: DateMeaning } | undefined {
  const m = stickyAt(POSSESSIVE_PERIOD_AFTER_RE, text, yearEnd);
  const n = m ? ordinalValue(m[1]) : undefined;
  if (!m || n === undefined) return undefined;
  const end = yearEnd + m[0].length;
  if (m[2].toLowerCase() === 'quarter') return { end, meaning: { kind: 'quarter', quarter: n, yearOffset } };
  return n <= 2 ? { end, meaning: { kind: 'half', half: n, yearOffset } } : undefined;
}

// ---- the reporting periods of company results: "the year-ago quarter", "the 1988 third quarter" ----

/** A reporting period after a year or "year-ago": "third quarter", "quarter", "period", "nine months". */
const PERIOD_NOUN_AFTER_RE = /\s+(?:(first|second|third|fourth)[\s-]+)?(quarter|period|half|(?:six|nine)\s+months)(?![A-Za-z])/iy;
const PERIOD_THE_BEFORE = lookbehind('(?:^|[^A-Za-z])(the\\s+(?:(?:comparable|corresponding|same|latest)\\s+)?)');

/**
 * "the year-ago third quarter", "the comparable year-earlier period", "the 1988 quarter": a period of results counted
 * in a year, given (`year`) or one before the reference's; text[pos, yearEnd) is "1988" or "year-ago". The article
 * comes with it (as TimeBank has it); without a noun after, undefined.
 */
export function reportingPeriodAt(text: string, pos: number, yearEnd: number, floor: number, year?: number): DateExpression | undefined {
  const noun = stickyAt(PERIOD_NOUN_AFTER_RE, text, yearEnd);
  const the = noun && before(PERIOD_THE_BEFORE, text, pos, floor);
  if (!noun || !the) return undefined;
  const end = yearEnd + noun[0].length;
  const quarter = noun[1] && noun[2].toLowerCase() === 'quarter' ? ordinalValue(noun[1]) : undefined;
  const yearOffset = year === undefined ? -1 : undefined;
  const meaning: DateMeaning = quarter !== undefined
    ? { kind: 'quarter', quarter, year, yearOffset }
    : year !== undefined ? { kind: 'calendar', year } : { kind: 'shift', unit: 'year', offset: -1 };
  return { start: the.start, end, meaning };
}

// ---- half years ----

const HALF_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:the\\s+)?(first|second|latter|last|1st|2nd)\\s+)');

/** "the second half of this year", "the first half of 2025", "the latter half of fiscal 2024". */
export function halfAt(text: string, pos: number, wordEnd: number, floor: number): DateExpression[] {
  const h = before(HALF_BEFORE, text, pos, floor);
  const y = h && ofYear(text, wordEnd);
  if (!h || !y) return []; // "in the second half" of a match is no date
  const half = /^(?:latter|last)$/i.test(h.m[2]) ? 2 : ordinalValue(h.m[2]) ?? 1;
  return [{ start: h.start, end: y.end, meaning: { kind: 'half', half, year: y.year, yearOffset: y.yearOffset, fiscal: y.fiscal } }];
}

// ---- fiscal years ----

const FISCAL_DET_BEFORE = lookbehind('(?:^|[^A-Za-z])((this|last|next|the\\s+(?:current|previous|past|last|next|coming|following))\\s+)');
const FISCAL_YEAR_WORD_RE = /fiscal\s+year(?![a-z])/iy;

/** "fiscal 2025", "fiscal year 2024-25", "this fiscal year", "the current fiscal year"; the trigger is "fiscal". */
export function fiscalAt(text: string, pos: number, floor: number): DateExpression[] {
  const fy = stickyAt(FISCAL_YEAR_RE, text, pos);
  if (fy) return [{ start: pos, end: pos + fy[0].length, meaning: { kind: 'fiscalYear', year: fiscalYearOf(fy) } }];
  const word = stickyAt(FISCAL_YEAR_WORD_RE, text, pos);
  const det = word && before(FISCAL_DET_BEFORE, text, pos, floor);
  if (!word || !det) return []; // "the fiscal year" alone is the one the story is about, not one we can name
  return [{ start: det.start, end: pos + word[0].length, meaning: { kind: 'fiscalYear', yearOffset: offsetOf(det.m[2]) } }];
}

// ---- codes: Q4, H1, FY2025 ----

const QUARTER_CODE_RE = /Q([1-4])(?![0-9A-Za-z])/y;
const HALF_CODE_RE = /H([12])(?![0-9A-Za-z])/y;
/** After a code: " 2024", " of 2024", "'24", " FY25", " fiscal 2025". */
const CODE_YEAR_RE = new RegExp(`(?:\\s+(?:of\\s+)?(${YEAR_RE})|\\s*['’]([0-9]{2})(?![0-9])|\\s+((?:FY\\s?|fiscal\\s+)(?:${YEAR_RE}|[0-9]{2}(?![0-9]))))`, 'y');
/** A capitalised word right before a code makes it part of a name ("Audi Q4", "Form H1")… */
const NAME_BEFORE_CODE = /(?<=(?:^|[^A-Za-z])([A-Z][A-Za-z]*)\s+)/y;
/** …unless it is a word that starts a sentence or a phrase ("In Q4", "Its Q4 results"). */
const NOT_A_NAME = /^(?:In|By|For|During|Until|Since|After|Before|Through|From|Over|At|This|Last|Next|Its|Their|The|Our|His|Her|Of|And|Or|A)$/;

/** "Q4", "Q4 2024", "Q1 FY25", "H2 2025" (a half code needs its year: H1 is also a visa), "FY2025". */
export function codeAt(text: string, pos: number): DateExpression[] {
  if (text[pos] === 'F') {
    const fy = stickyAt(FISCAL_YEAR_RE, text, pos);
    return fy ? [{ start: pos, end: pos + fy[0].length, meaning: { kind: 'fiscalYear', year: fiscalYearOf(fy) } }] : [];
  }
  const quarter = text[pos] === 'Q';
  const m = stickyAt(quarter ? QUARTER_CODE_RE : HALF_CODE_RE, text, pos);
  if (!m) return [];
  const name = stickyAt(NAME_BEFORE_CODE, text, pos);
  if (name && !NOT_A_NAME.test(name[1])) return [];
  if (/^\s*[:)]/.test(text.slice(pos + 2, pos + 4))) return []; // "Q4:" numbers a question
  const y = stickyAt(CODE_YEAR_RE, text, pos + 2);
  const n = +m[1];
  let year: number | undefined, fiscal = false;
  if (y?.[1]) year = +y[1];
  else if (y?.[2]) year = 2000 + +y[2];
  else if (y?.[3]) {
    const fy = stickyAt(FISCAL_YEAR_RE, y[3], 0);
    if (fy) { year = fiscalYearOf(fy); fiscal = true; }
  }
  const end = y ? pos + 2 + y[0].length : pos + 2;
  if (quarter) return [{ start: pos, end, meaning: { kind: 'quarter', quarter: n, year, fiscal } }];
  return year === undefined ? [] : [{ start: pos, end, meaning: { kind: 'half', half: n, year, fiscal } }];
}

// ---- spans of years and sports seasons ----

/** The end of a year span after the first year: "-24", "–2024", "/24". */
const YEAR_SPAN_END_RE = /[-–/]((?:1[0-9]|20)[0-9]{2}|[0-9]{2})(?![0-9])/y;
const SEASON_AFTER_RE = /\s+season(?![A-Za-z])/iy;
const THE_BEFORE = lookbehind('(?:^|[^A-Za-z])(the\\s+)');

/**
 * A year text[pos, pos + 4) that goes on as a span of the next year ("2023-24", "2023/2024"), or that names a season
 * ("the 2024 season"): one date with the span's years. Undefined for a lone year or years further apart.
 */
export function yearSpanAt(text: string, pos: number, floor: number): DateExpression | undefined {
  const firstYear = +text.slice(pos, pos + 4);
  let end = pos + 4, lastYear = firstYear;
  const span = stickyAt(YEAR_SPAN_END_RE, text, end);
  if (span) {
    const last = expand(span[1], Math.floor(firstYear / 100) * 100);
    if (last !== firstYear + 1) return undefined;
    lastYear = last;
    end += span[0].length;
  }
  const season = stickyAt(SEASON_AFTER_RE, text, end);
  if (season) {
    const the = before(THE_BEFORE, text, pos, floor);
    return { start: the ? the.start : pos, end: end + season[0].length, meaning: spanMeaning(firstYear, lastYear) };
  }
  return span && span[1].length === 2 ? { start: pos, end, meaning: spanMeaning(firstYear, lastYear) } : undefined;
}

const spanMeaning = (firstYear: number, lastYear: number): DateMeaning =>
  firstYear === lastYear ? { kind: 'calendar', year: firstYear } : { kind: 'years', firstYear, lastYear };

/** Not "the last season": a series' final one. */
const SEASON_DET_BEFORE = lookbehind('(?:^|[^A-Za-z])((this|last|next|the\\s+(?:current|previous|past|next|coming|following)|this\\s+past|this\\s+coming)\\s+)');

/** "this season", "last season", "the coming season": a sports season counted from the reference's. */
export function sportsSeasonAt(text: string, pos: number, wordEnd: number, floor: number): DateExpression[] {
  const det = before(SEASON_DET_BEFORE, text, pos, floor);
  if (!det) return [];
  return [{ start: det.start, end: wordEnd, meaning: { kind: 'sportsSeason', offset: offsetOf(det.m[2].replace(/^this\s+/i, '')) } }];
}
