// Finds date expressions in text and says what each means (not yet placed on the calendar).
// One linear pass: a trigger scan (triggers.ts) stops only at words that can head a date (month and weekday names,
// numbers, "today", time units like "week"); a small parser then looks right of the trigger for the rest of the
// expression and a few words left of it for modifiers ("last", "the end of this"). Spans follow TimeML/GUM:
// no leading preposition ("on Friday" -> "Friday"), no possessive ("today's" -> "today"), durations and sets
// ("three years", "every week") are not dates, a range "Jan. 20 to Jan. 21" is two dates. A part of the day after a
// weekday or "yesterday" belongs to the date ("Tuesday night", "yesterday afternoon"), as the product's issue and the
// seed articles' gold have it (TimeBank mostly agrees; GUM leaves it out).
import {
  CARDINAL_RE, DAY_RE, MONTHS, MONTH_FULL_RE, MONTH_RE, ORDINAL_QUARTERS, SEASONS, TIME_RE,
  WEEKDAYS, YEAR_RE, ZONE_RE, cardinalValue,
} from './lexicon';
import type { DateExpression, DateMeaning, ShiftUnit } from './meaning';
import { nextTrigger } from './triggers';
import { looksLikeYear } from './year-context';

// ---- right-hand patterns, matched sticky at a position ----
const MONTH_DAY_RE = new RegExp(`(${MONTH_RE})\\s*(${DAY_RE})(?:(?:,\\s*|\\s+)(${YEAR_RE}))?`, 'iy');
const MONTH_YEAR_RE = new RegExp(`(${MONTH_RE}),?\\s+(?:of\\s+)?(${YEAR_RE})`, 'iy');
const MONTH_BARE_RE = new RegExp(`(${MONTH_FULL_RE})(?![a-z])`, 'iy');
const DAY_MONTH_RE = new RegExp(`(${DAY_RE})\\s+(?:of\\s+)?(${MONTH_RE})(?:,?\\s+(${YEAR_RE}))?`, 'iy');
const DAY_RANGE_END_RE = new RegExp(`\\s*[-–]\\s*(${DAY_RE})`, 'iy');
const TIME_AFTER_DATE_RE = new RegExp(`(?:,\\s*|\\s+)(${TIME_RE})(?:\\s*(${ZONE_RE}))?`, 'iy');
const ISO_RE = /([0-9]{4})([-/])([0-9]{2})\2([0-9]{2})(?![0-9])(?:(?:T|\s+)([01]?[0-9]|2[0-3]):([0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?)?/y;
const ZONE_AFTER_RE = new RegExp(`\\s*(${ZONE_RE})`, 'y');
const NUMERIC_DATE_RE = /([0-9]{1,2})([/.])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![0-9]|[/.][0-9])/y;
const DECADE_RE = /((?:1[0-9]|20)[0-9]0|[0-9]0)['’]?s(?![A-Za-z0-9])/y;
const TIME_ALONE_RE = new RegExp(`(${TIME_RE})(?:\\s*(${ZONE_RE}))?`, 'iy');
/** After a weekday, before its date: "Friday, July 21". */
const COMMA_SPACE_RE = /,?\s+/y;
const DEICTIC_RE = /(today|yesterday|tomorrow|tonight)(?![a-z])/iy;
/** A part of the day right after a day: "Tuesday night", "yesterday afternoon" (lower case: "Saturday Night Live" is a title). */
const PART_OF_DAY_AFTER_RE = /[ \t]+(?:morning|afternoon|evening|night)(?![A-Za-z])/y;

/** End of the day expression ending at `end`, with the part of the day that follows it, if any. */
function withPartOfDay(text: string, end: number): number {
  const m = stickyAt(PART_OF_DAY_AFTER_RE, text, end);
  return m ? end + m[0].length : end;
}
const AGO_RE = /\s+(ago|earlier)(?![a-z])/iy;
const YEAR_ADJ_RE = /year-(?:earlier|ago)(?![a-z])/iy;
const UNIT_END_RE = /(month|year|week)['’]s\s+end(?![a-z])|year-end(?![a-z])/iy;
/** Named days, capitalised as names (case-sensitive), optionally with a year: "Christmas 2015", "Election Day". */
const HOLIDAY_RE = new RegExp(
  `(Christmas(?:\\s+(?:Day|Eve))?|Thanksgiving(?:\\s+Day)?|Easter(?:\\s+Sunday)?|Halloween|New\\s+Year['’]s\\s+(?:Day|Eve)|Valentine['’]s\\s+Day|(?:Independence|Veterans|Boxing|Memorial|Labor|Mother['’]s|Father['’]s|Election)\\s+Day)(?![a-z])(?:,?\\s+(${YEAR_RE}))?`,
  'y',
);
/** A capitalised word right before a holiday name makes it part of a name ("Johnnie Christmas")… */
const NAME_BEFORE = /(?<=(?:^|[^A-Za-z])([A-Z][a-z]+)\s+)/y;
/** …unless it is a preposition or greeting starting the sentence ("On Christmas Eve", "Merry Christmas"). */
const NOT_A_NAME = /^(?:On|In|By|Before|After|Until|Since|At|For|Over|During|This|Last|Next|Merry|Happy|Through|Around)$/;
const OF_YEAR_RE = new RegExp(`(?:\\s+of)?\\s+(${YEAR_RE})`, 'iy');

// ---- left-hand modifiers: sticky lookbehinds at the trigger, so nothing is sliced; group 1 is the part of the
// expression that lies left of the trigger ----
const lookbehind = (body: string): RegExp => new RegExp(`(?<=${body})`, 'iy');
const WEEKDAY_MOD_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:this\\s+)?(last|next|this|coming|past|early|late|earlier|later)\\s+)');
const MONTH_MOD_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:earlier\\s+this\\s+|later\\s+this\\s+|(?:early|late|mid|last|next|this|coming|past)\\s+|mid-))');
/** Context that makes a bare month name a date: "in May", "by March", "June and July". */
const MONTH_CONTEXT_BEFORE = lookbehind(
  `(?:(?:^|[^A-Za-z])(?:in|since|until|till|by|through|throughout|during|from|before|after|early|late|mid|last|next|this|coming|past|end\\s+of|beginning\\s+of|middle\\s+of|start\\s+of|(?:${MONTH_FULL_RE})\\s+(?:and|or|to|through|and\\s+early|and\\s+late))\\s+|mid-)()`,
);
const DET_BEFORE = lookbehind(
  '(?:^|[^A-Za-z])((?:(?:the\\s+)?(end|beginning|start|middle|turn)\\s+of\\s+)?(?:(earlier|later|early|late)\\s+)?(the\\s+(?:past|last|next|coming|previous|current|following)|this\\s+(?:past|coming)|this|last|next|past|coming|previous|current|following|the)\\s+)',
);
const QUANT_BEFORE = lookbehind(`(?:^|[^A-Za-z0-9])((?:(?:almost|nearly|about|some|roughly|around)\\s+)?(${CARDINAL_RE})[\\s-]+)`);
const QUARTER_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|current|latest|last|next|previous|this)[\\s-]+)');
const CENTURY_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:the\\s+)?(?:([0-9]{1,2})(?:st|nd|rd|th)|(eighteenth|nineteenth|twentieth|twenty-first))[\\s-]+)');
const ORDINAL_CENTURIES: Record<string, number> = { eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21 };
const THE_BEFORE = lookbehind('(?:^|[^A-Za-z])(the\\s+)');
const TIME_CONTEXT_BEFORE = lookbehind('(?:^|[^A-Za-z])(?:at|by|until|till|from|to|around|about|before|after|since|between|and|as\\s+of)\\s+()');
/** "… the end of this month or the beginning of the next": the unit is elided after "next". */
const ELIDED_NEXT_RE = /\s+(?:or|and|to|until)\s+((?:the\s+)?(?:end|beginning|start|middle)\s+of\s+the\s+next)(?=\s*[,.;:)]|\s+(?:or|and)\b)/iy;

function stickyAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Matches a left-context lookbehind at `pos`; its group 1 must not reach back past `floor` (an earlier date). */
function before(re: RegExp, text: string, pos: number, floor: number): { start: number; m: RegExpExecArray } | undefined {
  const m = stickyAt(re, text, pos);
  if (!m) return undefined;
  const start = pos - (m[1] ?? '').length;
  return start >= floor ? { start, m } : undefined;
}

const isCapitalised = (word: string): boolean => word.charCodeAt(0) >= 65 && word.charCodeAt(0) <= 90;
const monthNumber = (word: string): number => {
  const w = word.toLowerCase();
  return MONTHS.get(w.endsWith('.') ? w.slice(0, -1) : w) ?? 0; // "Jan." -> "jan"
};
const dayNumber = (word: string): number => parseInt(word, 10);

interface Found { end: number; meaning: DateMeaning }

/** "Jan. 27", "January 16, 2016", "Jan. 18, 2016 17:05 KST", "Jan. 20-21" (the second day as its own date). */
function monthFirstDate(text: string, pos: number): { first: Found; rangeEnd?: { start: number; found: Found } } | undefined {
  const m = stickyAt(MONTH_DAY_RE, text, pos);
  if (!m || !isCapitalised(m[1])) return undefined;
  const month = monthNumber(m[1]);
  const day = dayNumber(m[2]);
  const year = m[3] ? +m[3] : undefined;
  const first = withTime(text, m.index + m[0].length, { kind: 'calendar', year, month, day });
  const r = stickyAt(DAY_RANGE_END_RE, text, m.index + m[0].length);
  if (r && !m[3] && dayNumber(r[1]) > day) {
    const start = r.index + r[0].length - r[1].length;
    return { first, rangeEnd: { start, found: { end: r.index + r[0].length, meaning: { kind: 'calendar', month, day: dayNumber(r[1]) } } } };
  }
  return { first };
}

/** "27 January 2016", "27th of January" */
function dayFirstDate(text: string, pos: number): Found | undefined {
  const m = stickyAt(DAY_MONTH_RE, text, pos);
  if (!m || !isCapitalised(m[2])) return undefined;
  return withTime(text, m.index + m[0].length, { kind: 'calendar', year: m[3] ? +m[3] : undefined, month: monthNumber(m[2]), day: dayNumber(m[1]) });
}

/** Extends a day-precision date with a directly following clock time ("Jan. 18, 2016, 17:05 KST"). */
function withTime(text: string, end: number, meaning: DateMeaning & { kind: 'calendar' }): Found {
  const t = stickyAt(TIME_AFTER_DATE_RE, text, end);
  if (t && (!t[2] || /^[A-Z+-]/.test(t[2]))) {
    const clock = parseClock(t[1]);
    if (clock) return { end: t.index + t[0].length, meaning: { ...meaning, ...clock } };
  }
  return { end, meaning };
}

function parseClock(s: string): { hour: number; minute: number } | undefined {
  const m = /^([0-9]{1,2})(?::([0-9]{2}))?(?::[0-9]{2})?\s?([ap])?/i.exec(s);
  if (!m) return undefined;
  let hour = +m[1];
  const minute = m[2] ? +m[2] : 0;
  const half = m[3]?.toLowerCase();
  if (half === 'p' && hour < 12) hour += 12;
  if (half === 'a' && hour === 12) hour = 0;
  return hour < 24 && minute < 60 ? { hour, minute } : undefined;
}

function monthAt(text: string, pos: number, floor: number): DateExpression[] {
  const md = monthFirstDate(text, pos);
  if (md) {
    const out: DateExpression[] = [{ start: pos, ...md.first }];
    if (md.rangeEnd) out.push({ start: md.rangeEnd.start, ...md.rangeEnd.found });
    return out;
  }
  const mod = before(MONTH_MOD_BEFORE, text, pos, floor);
  const start = mod ? mod.start : pos;
  const my = stickyAt(MONTH_YEAR_RE, text, pos);
  if (my && isCapitalised(my[1])) {
    return [{ start, end: my.index + my[0].length, meaning: { kind: 'calendar', year: +my[2], month: monthNumber(my[1]) } }];
  }
  const bare = stickyAt(MONTH_BARE_RE, text, pos);
  if (bare && isCapitalised(bare[1]) && before(MONTH_CONTEXT_BEFORE, text, pos, floor)) {
    const word = mod?.m[1].trim().toLowerCase();
    const relation = word === 'last' || word === 'past' ? 'last' : word === 'next' || word === 'coming' ? 'next' : undefined;
    return [{ start, end: pos + bare[0].length, meaning: { kind: 'calendar', month: monthNumber(bare[1]), relation } }];
  }
  return [];
}

/** A weekday text[pos, end) (the trigger: capitalised), alone or heading a full date ("Friday, July 21, 2017"). */
function weekdayAt(text: string, pos: number, end: number, floor: number): DateExpression[] {
  const comma = stickyAt(COMMA_SPACE_RE, text, end);
  if (comma) {
    const after = comma.index + comma[0].length;
    const md = monthFirstDate(text, after);
    if (md) return [{ start: pos, ...md.first }];
    const dm = dayFirstDate(text, after);
    if (dm) return [{ start: pos, ...dm }];
  }
  // "the next Tuesday" counts from the story's time, not the reference: the modifier stays outside
  const found = before(WEEKDAY_MOD_BEFORE, text, pos, floor);
  const mod = found && !before(THE_BEFORE, text, found.start, floor) ? found : undefined;
  const word = mod?.m[2].toLowerCase();
  const direction = word === 'last' || word === 'past' ? 'last' : word === 'next' || word === 'coming' ? 'next' : word === 'this' ? 'this' : 'tense';
  return [{ start: mod ? mod.start : pos, end: withPartOfDay(text, end), meaning: { kind: 'weekday', weekday: WEEKDAYS.get(text.slice(pos, end).toLowerCase()) ?? 1, direction } }];
}

/** Dates that start with the number text[pos, digitsEnd): ISO and numeric dates, "27 January", decades, times, years. */
function numberAt(text: string, pos: number, digitsEnd: number, floor: number): DateExpression[] {
  const len = digitsEnd - pos;
  const next = text[digitsEnd] ?? '';
  const prev = text[pos - 1] ?? ' ';
  if (len === 4 && (next === '-' || next === '/')) {
    const iso = stickyAt(ISO_RE, text, pos);
    if (iso && !/[0-9/.-]/.test(prev)) {
      const year = +iso[1], month = +iso[3], day = +iso[4];
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        let end = iso.index + iso[0].length;
        const meaning: DateMeaning = { kind: 'calendar', year, month, day };
        if (iso[5] !== undefined) {
          meaning.hour = +iso[5];
          meaning.minute = +iso[6];
          const z = stickyAt(ZONE_AFTER_RE, text, end);
          if (z) end = z.index + z[0].length;
        }
        return [{ start: pos, end, meaning }];
      }
    }
  }
  if (len <= 2 && (next === '/' || next === '.') && !/[0-9/.]/.test(prev)) {
    const num = stickyAt(NUMERIC_DATE_RE, text, pos);
    if (num) {
      let a = +num[1], b = +num[3];
      const year = num[4].length === 2 ? 2000 + +num[4] - (+num[4] > 50 ? 100 : 0) : +num[4];
      // US order (month/day) unless the first number cannot be a month; dotted dates are day.month.year.
      if (num[2] === '.' || a > 12) [a, b] = [b, a];
      if (a >= 1 && a <= 12 && b >= 1 && b <= 31) return [{ start: pos, end: num.index + num[0].length, meaning: { kind: 'calendar', year, month: a, day: b } }];
    }
  }
  if (len <= 2) {
    const dm = dayFirstDate(text, pos);
    if (dm) {
      const the = /(?:st|nd|rd|th)$|\bof\b/i.test(text.slice(pos, dm.end)) ? before(THE_BEFORE, text, pos, floor) : undefined;
      return [{ start: the ? the.start : pos, ...dm }];
    }
  }
  if ((len === 4 || (len === 2 && /['’]/.test(prev))) && /[s'’]/.test(next)) {
    const dec = stickyAt(DECADE_RE, text, pos);
    if (dec) {
      const decade = len === 4 ? +dec[1] : 1900 + +dec[1];
      const start = len === 2 ? pos - 1 : pos;
      const the = before(THE_BEFORE, text, start, floor);
      return [{ start: the ? the.start : start, end: dec.index + dec[0].length, meaning: { kind: 'decade', decade } }];
    }
  }
  if (len <= 2 && !/[0-9:.]/.test(prev) && mayBeClock(text, digitsEnd)) {
    const time = stickyAt(TIME_ALONE_RE, text, pos);
    if (time) {
      const zone = time[2] !== undefined && /^[A-Z+-]/.test(time[2]);
      const clock = parseClock(time[1]);
      const endsClean = !/^[:.]?[0-9]/.test(text.slice(time.index + time[0].length, time.index + time[0].length + 2));
      if (clock && endsClean && (zone || /[ap]/i.test(time[1]) || before(TIME_CONTEXT_BEFORE, text, pos, floor))) {
        return [{ start: pos, end: zone ? time.index + time[0].length : pos + time[1].length, meaning: { kind: 'time', ...clock } }];
      }
    }
  }
  if (len === 4 && looksLikeYear(text, pos, digitsEnd)) return [{ start: pos, end: digitsEnd, meaning: { kind: 'calendar', year: +text.slice(pos, digitsEnd) } }];
  return [];
}

/**
 * Whether the one or two digits ending at `digitsEnd` can be a clock time (TIME_ALONE_RE): they must be followed by
 * ":", or by "a"/"p" ("5pm"), or by one space and "a"/"p" ("5 p.m."). Spares the pattern after most small numbers.
 */
function mayBeClock(text: string, digitsEnd: number): boolean {
  const next = text[digitsEnd] ?? '';
  const half = (c: string): boolean => c === 'a' || c === 'p' || c === 'A' || c === 'P';
  return next === ':' || half(next) || (half(text[digitsEnd + 1] ?? '') && WHITE_SPACE_RE.test(next));
}
const WHITE_SPACE_RE = /^\s$/;

/**
 * False when a pattern "\s+(?:word|…)" cannot match at `pos` by the next one or two characters: no space there, or a
 * space and a letter that none of the words starts with (`initials`, lower case). Spares most calls to the pattern.
 */
function maySpaceThenWord(text: string, pos: number, initials: string): boolean {
  const c = text.charCodeAt(pos);
  if (c > 32 && c < 127) return false; // printable ASCII: not white space
  if (c !== 32) return true; // other white space, or beyond ASCII: the pattern decides
  const d = text.charCodeAt(pos + 1) | 32; // a letter in lower case
  return d < 97 || d > 122 || initials.includes(String.fromCharCode(d));
}

function deicticAt(text: string, pos: number): DateExpression[] {
  const m = stickyAt(DEICTIC_RE, text, pos);
  if (!m) return [];
  const word = m[1].toLowerCase();
  const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
  const end = word === 'tonight' ? pos + m[1].length : withPartOfDay(text, pos + m[1].length);
  return [{ start: pos, end, meaning: { kind: 'shift', unit: 'day', offset } }];
}

function holidayAt(text: string, pos: number): DateExpression[] {
  const m = stickyAt(HOLIDAY_RE, text, pos);
  if (!m) return [];
  const name = stickyAt(NAME_BEFORE, text, pos);
  if (name && !NOT_A_NAME.test(name[1])) return []; // "Johnnie Christmas": a surname
  const key = m[1].toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
  return [{ start: pos, end: pos + m[0].length, meaning: { kind: 'holiday', name: key, year: m[2] ? +m[2] : undefined } }];
}

const SHIFT_UNITS: Record<string, ShiftUnit> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week', weekend: 'weekend', month: 'month', months: 'month',
  year: 'year', years: 'year', decade: 'decade', decades: 'decade', century: 'century',
};

function offsetOfDeterminer(det: string): number | undefined {
  const d = det.toLowerCase().replace(/^(?:the|this)\s+(?=\S)/, '');
  if (d === 'this' || d === 'current' || d === 'the') return 0;
  if (d === 'last' || d === 'past' || d === 'previous') return -1;
  if (d === 'next' || d === 'coming' || d === 'following') return 1;
  return undefined;
}

/** Expressions headed by a unit word: "last week", "two weeks ago", "the end of this month", "the third quarter". */
function unitAt(text: string, pos: number, wordEnd: number, floor: number): DateExpression[] {
  const word = text.slice(pos, wordEnd).toLowerCase();
  const unit = SHIFT_UNITS[word];

  if (word === 'midnight' || word === 'noon' || word === 'midday') {
    return [{ start: pos, end: wordEnd, meaning: { kind: 'time', hour: word === 'midnight' ? 0 : 12, minute: 0 } }];
  }
  // "two weeks ago", "Seventeen years ago", "a year earlier", "24 hours ago"
  const ago = maySpaceThenWord(text, wordEnd, 'ae') ? stickyAt(AGO_RE, text, wordEnd) : null;
  if (ago) {
    const q = before(QUANT_BEFORE, text, pos, floor);
    const n = q ? cardinalValue(q.m[2]) : undefined;
    const singular = !word.endsWith('s');
    if (q && n !== undefined && (n === 1) === singular) {
      const end = ago.index + ago[0].length;
      const meaning = agoMeaning(word, n);
      if (meaning) return [{ start: q.start, end, meaning }];
    }
  }
  if (word === 'year') {
    const adj = stickyAt(YEAR_ADJ_RE, text, pos);
    if (adj) return [{ start: pos, end: pos + adj[0].length, meaning: { kind: 'shift', unit: 'year', offset: -1 } }];
  }
  if (word === 'quarter') {
    const q = before(QUARTER_BEFORE, text, pos, floor);
    if (!q) return [];
    const which = q.m[2].toLowerCase();
    const of = stickyAt(OF_YEAR_RE, text, wordEnd);
    const end = of ? of.index + of[0].length : wordEnd;
    const year = of ? +of[1] : undefined;
    // "the third-quarter loss": as an adjective the article belongs to the noun, not to the date
    const article = /-$/.test(q.m[1]) ? /^the\s+/i.exec(q.m[1]) : null;
    const start = q.start + (article ? article[0].length : 0);
    if (ORDINAL_QUARTERS[which]) return [{ start, end, meaning: { kind: 'quarter', quarter: ORDINAL_QUARTERS[which], year } }];
    const quarterOffset = which === 'current' || which === 'this' ? 0 : which === 'next' ? 1 : -1;
    return [{ start, end: wordEnd, meaning: { kind: 'quarter', quarterOffset } }];
  }
  if (word === 'century') {
    const c = before(CENTURY_BEFORE, text, pos, floor);
    if (c) {
      const ordinal = c.m[2] ? +c.m[2] : ORDINAL_CENTURIES[c.m[3].toLowerCase()];
      return [{ start: c.start, end: wordEnd, meaning: { kind: 'century', firstYear: (ordinal - 1) * 100 } }];
    }
  }
  if (SEASONS[word]) {
    const of = stickyAt(OF_YEAR_RE, text, wordEnd);
    const det = before(DET_BEFORE, text, pos, floor);
    if (of && looksLikeYear(text, of.index + of[0].length - 4, of.index + of[0].length)) {
      const the = det && /^the\s+$/i.test(det.m[1]) ? det.start : pos;
      return [{ start: the, end: of.index + of[0].length, meaning: { kind: 'season', season: SEASONS[word], yearOffset: 0, year: +of[1] } }];
    }
    const offset = det && !det.m[2] ? offsetOfDeterminer(det.m[4]) : undefined;
    if (det && offset !== undefined && !/^the$/i.test(det.m[4])) {
      return [{ start: det.start, end: wordEnd, meaning: { kind: 'season', season: SEASONS[word], yearOffset: offset } }];
    }
    return [];
  }
  if (word === 'morning' || word === 'afternoon' || word === 'evening' || word === 'night') {
    const det = before(DET_BEFORE, text, pos, floor);
    const d = det?.m[4].toLowerCase();
    if (det && !det.m[2] && !det.m[3] && (d === 'this' || (d === 'last' && word === 'night'))) {
      return [{ start: det.start, end: wordEnd, meaning: { kind: 'shift', unit: 'day', offset: d === 'last' ? -1 : 0 } }];
    }
    return [];
  }
  if (!unit || word.endsWith('s')) return [];
  // "month's end", "year-end"
  const after = text[wordEnd];
  const unitEnd = after === "'" || after === '’' || after === '-' ? stickyAt(UNIT_END_RE, text, pos) : null; // it goes on with 's or -end
  const det = before(DET_BEFORE, text, pos, floor);
  if (unitEnd) {
    const offset = det && !det.m[2] ? offsetOfDeterminer(det.m[4]) : 0;
    const start = det && offset !== undefined && !/^the$/i.test(det.m[4]) ? det.start : pos;
    return [{ start, end: pos + unitEnd[0].length, meaning: { kind: 'shift', unit, offset: offset ?? 0 } }];
  }
  if (!det) return [];
  const offset = offsetOfDeterminer(det.m[4]);
  if (offset === undefined) return [];
  const bareThe = /^the$/i.test(det.m[4]);
  if (bareThe && !det.m[2]) {
    // "the weekend" (GUM leaves out the article); "the year" alone is not a date.
    return unit === 'weekend' && !det.m[3] ? [{ start: pos, end: wordEnd, meaning: { kind: 'shift', unit, offset: 0 } }] : [];
  }
  if (unit === 'day') return []; // "this day", "the next day": anaphoric, not resolvable
  return [{ start: det.start, end: wordEnd, meaning: { kind: 'shift', unit, offset } }];
}

function agoMeaning(word: string, n: number): DateMeaning | undefined {
  const w = word.replace(/s$/, '');
  if (w === 'day') return { kind: 'shift', unit: 'day', offset: -n };
  if (w === 'week') return { kind: 'shift', unit: 'day', offset: -7 * n };
  if (w === 'hour') return { kind: 'shift', unit: 'day', offset: -Math.floor(n / 24) };
  if (w === 'month') return { kind: 'shift', unit: 'month', offset: -n };
  if (w === 'year') return { kind: 'shift', unit: 'year', offset: -n };
  if (w === 'decade') return { kind: 'shift', unit: 'year', offset: -10 * n };
  return undefined;
}

/** All date expressions in text order, non-overlapping. One pass, linear in the text length. */
export function findDateExpressions(text: string): DateExpression[] {
  const out: DateExpression[] = [];
  let floor = 0; // end of the last expression: nothing may start before it
  for (let t = nextTrigger(text, 0); t; t = nextTrigger(text, Math.max(t.end, floor))) {
    const pos = t.start;
    if (pos < floor) continue;
    let found: DateExpression[];
    switch (t.kind) {
      case 'month': found = monthAt(text, pos, floor); break;
      case 'weekday': found = weekdayAt(text, pos, t.end, floor); break;
      case 'number': found = numberAt(text, pos, t.end, floor); break;
      case 'deictic': found = deicticAt(text, pos); break;
      case 'unit': found = unitAt(text, pos, t.end, floor); break;
      case 'holiday': found = holidayAt(text, pos); break;
    }
    if (found.length === 0) continue;
    const last = found[found.length - 1];
    if (last.meaning.kind === 'shift') {
      const elided = maySpaceThenWord(text, last.end, 'oatu') ? stickyAt(ELIDED_NEXT_RE, text, last.end) : null;
      if (elided) {
        const end = elided.index + elided[0].length;
        found.push({ start: end - elided[1].length, end, meaning: { kind: 'shift', unit: last.meaning.unit, offset: 1 } });
      }
    }
    for (const f of found) {
      if (f.start < floor) continue;
      out.push(f);
      floor = f.end;
    }
  }
  return out;
}
