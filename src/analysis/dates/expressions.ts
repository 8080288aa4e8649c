// Finds date expressions in text and says what each means (not yet placed on the calendar).
// One linear pass: a trigger scan (triggers.ts) stops only at words that can head a date (month and weekday names,
// holidays, numbers, "today", time units like "week", codes like "Q4"); a small parser then looks right of the
// trigger for the rest of the expression and a few words left of it for modifiers ("last", "the end of this").
// Spans follow TimeML: no leading preposition ("on Friday" -> "Friday"), no possessive ("today's" -> "today").
// Durations and sets ("three years", "every Thursday") are not dates, a range "Jan. 20 to Jan. 21" is two dates.
// As the product's issue and the seed articles' gold have it: modifiers belong to the date ("late 2023", "the end of
// March", "later this month"); a part of the day after a weekday or "yesterday" belongs to the date ("Tuesday
// night"; TimeBank mostly agrees, GUM leaves it out); a clock time is a date only attached to one ("7pm Friday",
// "March 3, 2025 at 9:30 am"; the corpora also mark bare times).
import { type Clock, clockAfter, clockAt, mayBeClock } from './clock';
import { HOLIDAY_NAMES, holidayKey } from './holidays';
import {
  CARDINAL_RE, DAY_RE, MONTHS, MONTH_FULL_RE, MONTH_RE, MONTH_WITH_DAY_RE, ORDINAL_WORDS, PARTS_OF_DAY, SEASONS, WEEKDAYS, WEEKDAY_NAMES, YEAR_RE,
  ZONE_RE, cardinalValue, ordinalValue,
} from './lexicon';
import { type Found, before, isCapitalised, lookbehind, stickyAt } from './match';
import type { DateExpression, DateMeaning, Relation, ShiftUnit } from './meaning';
import { codeAt, fiscalAt, halfAt, possessivePeriodAfter, quarterAt, reportingPeriodAt, sportsSeasonAt, yearSpanAt } from './periods';
import { type Trigger, nextTrigger, triggerAt } from './triggers';
import { looksLikeYear } from './year-context';

// ---- right-hand patterns, matched sticky at a position ----
const MONTH_DAY_RE = new RegExp(`(${MONTH_WITH_DAY_RE})\\s*(${DAY_RE})(?:(?:,\\s*|\\s+)(${YEAR_RE}))?`, 'iy');
const MONTH_YEAR_RE = new RegExp(`(${MONTH_RE}),?\\s+(?:of\\s+)?(${YEAR_RE})`, 'iy');
const MONTH_BARE_RE = new RegExp(`(${MONTH_FULL_RE})(?![a-z])`, 'iy');
const DAY_MONTH_RE = new RegExp(`(${DAY_RE})\\s+(?:of\\s+)?(${MONTH_WITH_DAY_RE})(?:,?\\s+(${YEAR_RE}))?`, 'iy');
const DAY_RANGE_END_RE = new RegExp(`\\s*[-–]\\s*(${DAY_RE})`, 'iy');
/** "June last year", "March 3 of next year": the year counted from the reference's. */
const RELATIVE_YEAR_AFTER_RE = /(?:,?\s+of)?\s+(this|last|next)\s+year(?![A-Za-z'’])/iy;
/** "Friday last week", "Tuesday of next week". */
const RELATIVE_WEEK_AFTER_RE = /(?:\s+of)?\s+(this|last|next)\s+week(?![A-Za-z'’])/iy;
const ISO_RE = /([0-9]{4})([-/])([0-9]{2})\2([0-9]{2})(?![0-9])(?:(?:T|\s+)([01]?[0-9]|2[0-3]):([0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?)?/y;
const ZONE_AFTER_RE = new RegExp(`\\s*(?:${ZONE_RE})`, 'y');
const NUMERIC_DATE_RE = /([0-9]{1,2})([/.])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![0-9]|[/.][0-9])/y;
const DECADE_RE = /((?:1[0-9]|20)[0-9]0|[0-9]0)['’]?s(?![A-Za-z0-9])/y;
/** After a weekday, before its date: "Friday, July 21", "Wed 9 Oct 2024"; after an abbreviation also "Thu. Oct 10". */
const COMMA_SPACE_RE = /,?\s+/y;
const ABBREVIATION_SPACE_RE = /\.?,?\s+/y;
const DEICTIC_RE = /(today|yesterday|tomorrow|tonight)(?![a-z])/iy;
/**
 * A part of the day right after a day: "Tuesday night", "yesterday afternoon", "TOMORROW NIGHT". Capitalised after a
 * day that is not, it is left out ("on Saturday Night as crowds…"), and with another capitalised word after it, it
 * makes a title ("Saturday Night Live", "The Saturday Evening Post"): no date at all.
 */
const PART_OF_DAY_AFTER_RE = new RegExp(`[ \\t]+(${[...PARTS_OF_DAY.keys()].join('|')})(s?)(?![A-Za-z])`, 'iy');
const TITLE_WORD_AFTER_RE = /[ \t]+[A-Z][a-z]/y;
/** Between a clock time and the day after it: "7pm Friday", "14:05 GMT, 3 March 2025". */
const TIME_TO_DAY_RE = /\s*,\s*|\s+/y;
const AGO_RE = /\s+(ago|earlier)(?![a-z])/iy;
const YEAR_ADJ_RE = /year-(?:earlier|ago)(?![a-z])/iy;
const UNIT_END_RE = /(month|year|week)['’]s\s+end(?![a-z])|year-end(?![a-z])/iy;
const SEASON_WORD_RE = new RegExp(`(${[...SEASONS.keys()].join('|')})(?![A-Za-z])`, 'iy');
const OF_YEAR_RE = new RegExp(`(?:\\s+of)?\\s+(${YEAR_RE})`, 'iy');

/** Holiday names as the list writes them ("Christmas Eve", "Eid al-Fitr"; either apostrophe), optionally with a year. */
const HOLIDAY_RE = new RegExp(
  `(${[...HOLIDAY_NAMES].sort((a, b) => b.length - a.length).map(holidayPattern).join('|')})(?![A-Za-z])(?:,?\\s+(${YEAR_RE}))?`,
  'y',
);
function holidayPattern(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+');
}
/** A capitalised word right before a holiday name makes it part of a name ("Johnnie Christmas")… */
const NAME_BEFORE = /(?<=(?:^|[^A-Za-z])([A-Z][a-z]+)\s+)/y;
/** A capitalised word right after a holiday name makes it part of a name too ("Easter Island"). */
const NAME_AFTER = /[ \t]+[A-Z][a-z]/y;
/** …unless it is a preposition, determiner or greeting starting the sentence ("On Christmas Eve", "Merry Christmas"). */
const NOT_A_NAME = /^(?:On|In|By|Before|After|Until|Since|At|For|Over|During|This|Last|Next|Merry|Happy|Through|Around)$/;

// ---- left-hand modifiers: sticky lookbehinds at the trigger, so nothing is sliced; group 1 is the part of the
// expression that lies left of the trigger ----
const RELATION_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:this\\s+)?(last|next|this|coming|past)\\s+)');
/** Context that makes a bare month name a date: "in May", "by March", "June and July". */
const MONTH_CONTEXT_BEFORE = lookbehind(
  `(?:(?:^|[^A-Za-z])(?:in|for|since|until|till|by|through|throughout|during|from|before|after|early|late|mid|last|next|this|coming|past|end\\s+of|beginning\\s+of|middle\\s+of|start\\s+of|(?:${MONTH_FULL_RE})\\s+(?:and|or|to|through|and\\s+early|and\\s+late))\\s+|mid-)()`,
);
const DET_BEFORE = lookbehind(
  '(?:^|[^A-Za-z])((?:(?:the\\s+)?(end|beginning|start|middle|turn)\\s+of\\s+)?(?:(earlier|later|early|late)\\s+)?(the\\s+(?:past|last|next|coming|previous|current|following)|this\\s+(?:past|coming)|this|last|next|past|coming|previous|current|following|the)\\s+)',
);
const QUANT_BEFORE = lookbehind(`(?:^|[^A-Za-z0-9])((?:(?:almost|nearly|about|some|roughly|around)\\s+)?(${CARDINAL_RE})[\\s-]+)`);
/** Longest ordinal first: in a lookbehind "first" would match the end of "twenty-first". */
const CENTURY_BEFORE = lookbehind(`(?:^|[^A-Za-z])((?:the\\s+)?([0-9]{1,2}(?:st|nd|rd|th)|${[...ORDINAL_WORDS].sort((a, b) => b.length - a.length).join('|')})[\\s-]+)`);
const THE_BEFORE = lookbehind('(?:^|[^A-Za-z])(the\\s+)');
/** "early", "late", "mid" before a month, year, decade, century or season: "late 2023", "mid-March", "the early 1980s". */
const EARLY_LATE_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:early|late|mid)[\\s-]+|mid-)');
/** "early", "late", "earlier", "later" before a day: "late Friday", "late yesterday", "earlier today". */
const DAY_MODIFIER_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:early|late|earlier|later)\\s+)');
/** Before "today" only "earlier", "later": in "went home early today" the adverb goes with the verb. */
const TODAY_MODIFIER_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:earlier|later)\\s+)');
/** A position in a period: "the end of March", "the beginning of 2025", "the middle of the 1990s". */
const POSITION_BEFORE = lookbehind('(?:^|[^A-Za-z])((?:the\\s+)?(?:very\\s+)?(?:end|beginning|start|middle)\\s+of\\s+)');
/** A set, not a date: "every Thursday", "each summer", "every other Friday". */
const HABITUAL_BEFORE = lookbehind('(?:^|[^A-Za-z])(?:every|each)\\s+(?:other\\s+|single\\s+)?()');
/** "… the end of this month or the beginning of the next": the unit is elided after "next". */
const ELIDED_NEXT_RE = /\s+(?:or|and|to|until)\s+((?:the\s+)?(?:end|beginning|start|middle)\s+of\s+the\s+next)(?=\s*[,.;:)]|\s+(?:or|and)\b)/iy;

const monthNumber = (word: string): number => {
  const w = word.toLowerCase();
  return MONTHS.get(w.endsWith('.') ? w.slice(0, -1) : w) ?? 0; // "Jan." -> "jan"
};
const dayNumber = (word: string): number => parseInt(word, 10);
const relationOf = (word: string | undefined): Relation | undefined =>
  word === 'last' || word === 'past' ? 'last' : word === 'next' || word === 'coming' ? 'next' : word === 'this' ? 'this' : undefined;
const offsetOfRelation = (word: string): number => (word.toLowerCase() === 'last' ? -1 : word.toLowerCase() === 'next' ? 1 : 0);

/** The meaning with a clock time: a day with a time, or a time within the day it already has. */
const timed = (day: DateMeaning, clock: Clock): DateMeaning => ({ kind: 'timed', day, hour: clock.hour, minute: clock.minute });

/** Extends a day expression ending at `end` with a clock time right after it ("Jan. 18, 2016, 17:05 KST", "Friday at 7pm"). */
function withTime(text: string, end: number, meaning: DateMeaning): Found {
  const clock = clockAfter(text, end);
  return clock ? { end: clock.end, meaning: timed(meaning, clock) } : { end, meaning };
}

/** Extends a day expression with a part of the day after it ("Tuesday night"), then with a time; undefined for "Tuesday nights" (a set). */
function withPartOfDay(text: string, start: number, end: number, meaning: DateMeaning): Found | undefined {
  let m = stickyAt(PART_OF_DAY_AFTER_RE, text, end);
  if (m && isCapitalised(m[1])) {
    const shouting = text.slice(start, end) === text.slice(start, end).toUpperCase();
    if (!shouting && stickyAt(TITLE_WORD_AFTER_RE, text, end + m[0].length)) return undefined; // "Saturday Night Live"
    if (!shouting) m = null;
  }
  if (m && m[2]) return undefined; // "Tuesday nights": a set
  const found = m ? { end: end + m[0].length, meaning: { kind: 'partOfDay', day: meaning, part: PARTS_OF_DAY.get(m[1].toLowerCase())! } as const } : { end, meaning };
  return withTime(text, found.end, found.meaning);
}

/** "Jan. 27", "January 16, 2016", "Jan. 18, 2016 17:05 KST", "June 3 last year", "Jan. 20-21" (the second day as its own date). */
function monthFirstDate(text: string, pos: number): { first: Found; rangeEnd?: { start: number; found: Found } } | undefined {
  const m = stickyAt(MONTH_DAY_RE, text, pos);
  if (!m || !isCapitalised(m[1])) return undefined;
  const month = monthNumber(m[1]);
  const day = dayNumber(m[2]);
  const meaning: DateMeaning & { kind: 'calendar' } = { kind: 'calendar', year: m[3] ? +m[3] : undefined, month, day };
  let end = m.index + m[0].length;
  const r = stickyAt(DAY_RANGE_END_RE, text, end);
  if (r && !m[3] && dayNumber(r[1]) > day) {
    const start = r.index + r[0].length - r[1].length;
    return { first: { end, meaning }, rangeEnd: { start, found: { end: r.index + r[0].length, meaning: { kind: 'calendar', month, day: dayNumber(r[1]) } } } };
  }
  if (!m[3]) end = withRelativeYear(text, end, meaning);
  return { first: withTime(text, end, meaning) };
}

/** "27 January 2016", "27th of January", "3 March last year" */
function dayFirstDate(text: string, pos: number): Found | undefined {
  const m = stickyAt(DAY_MONTH_RE, text, pos);
  if (!m || !isCapitalised(m[2])) return undefined;
  const meaning: DateMeaning & { kind: 'calendar' } = { kind: 'calendar', year: m[3] ? +m[3] : undefined, month: monthNumber(m[2]), day: dayNumber(m[1]) };
  const end = m[3] ? m.index + m[0].length : withRelativeYear(text, m.index + m[0].length, meaning);
  return withTime(text, end, meaning);
}

/** Takes "this/last/next year" after a yearless month or day into it ("June last year"); returns the new end. */
function withRelativeYear(text: string, end: number, meaning: DateMeaning & { kind: 'calendar' }): number {
  const y = stickyAt(RELATIVE_YEAR_AFTER_RE, text, end);
  if (!y) return end;
  meaning.yearOffset = offsetOfRelation(y[1]);
  return end + y[0].length;
}

function monthAt(text: string, pos: number, floor: number): DateExpression[] {
  const md = monthFirstDate(text, pos);
  if (md) {
    const out: DateExpression[] = [{ start: pos, ...md.first }];
    if (md.rangeEnd) out.push({ start: md.rangeEnd.start, ...md.rangeEnd.found });
    return out;
  }
  const my = stickyAt(MONTH_YEAR_RE, text, pos);
  if (my && isCapitalised(my[1])) {
    return [{ start: pos, end: my.index + my[0].length, meaning: { kind: 'calendar', year: +my[2], month: monthNumber(my[1]) } }];
  }
  const bare = stickyAt(MONTH_BARE_RE, text, pos);
  if (!bare || !isCapitalised(bare[1])) return [];
  const meaning: DateMeaning & { kind: 'calendar' } = { kind: 'calendar', month: monthNumber(bare[1]) };
  const end = withRelativeYear(text, pos + bare[0].length, meaning);
  if (meaning.yearOffset === undefined && !before(MONTH_CONTEXT_BEFORE, text, pos, floor)) return [];
  const mod = before(RELATION_BEFORE, text, pos, floor);
  const relation = relationOf(mod?.m[2].toLowerCase());
  if (relation === 'last' || relation === 'next') meaning.relation = relation;
  return [{ start: mod ? mod.start : pos, end, meaning }];
}

/** A weekday text[pos, end) (the trigger: capitalised), alone or heading a full date ("Friday, July 21, 2017"). */
function weekdayAt(text: string, pos: number, end: number, floor: number): DateExpression[] {
  const word = text.slice(pos, end).toLowerCase();
  const abbreviation = !WEEKDAY_NAMES.includes(word);
  const comma = stickyAt(abbreviation ? ABBREVIATION_SPACE_RE : COMMA_SPACE_RE, text, end);
  if (comma) {
    const after = comma.index + comma[0].length;
    const md = monthFirstDate(text, after);
    if (md) return [{ start: pos, ...md.first }];
    const dm = dayFirstDate(text, after);
    if (dm) return [{ start: pos, ...dm }];
  }
  if (abbreviation) return []; // an abbreviation ("Wed", "Sun") only heads a full date
  // "the next Tuesday" counts from the story's time, not the reference: the modifier stays outside
  const found = before(RELATION_BEFORE, text, pos, floor);
  const mod = found && !before(THE_BEFORE, text, found.start, floor) ? found : undefined;
  const meaning: DateMeaning & { kind: 'weekday' } = { kind: 'weekday', weekday: WEEKDAYS.get(word) ?? 1, direction: relationOf(mod?.m[2].toLowerCase()) ?? 'tense' };
  let dayEnd = end;
  const week = mod ? null : stickyAt(RELATIVE_WEEK_AFTER_RE, text, end);
  if (week) {
    meaning.weekOffset = offsetOfRelation(week[1]);
    dayEnd += week[0].length;
  }
  const f = withPartOfDay(text, pos, dayEnd, meaning);
  return f ? [{ start: mod ? mod.start : pos, ...f }] : [];
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
        let meaning: DateMeaning = { kind: 'calendar', year, month, day };
        if (iso[5] !== undefined) {
          meaning = timed(meaning, { end, hour: +iso[5], minute: +iso[6] });
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
    const clock = clockAt(text, pos);
    if (clock) return timeThenDay(text, pos, clock);
  }
  if (len === 4 && looksLikeYear(text, pos, digitsEnd)) {
    const span = yearSpanAt(text, pos, floor) ?? reportingPeriodAt(text, pos, digitsEnd, floor, +text.slice(pos, digitsEnd));
    if (span) return [span];
    return [{ start: pos, end: digitsEnd, meaning: { kind: 'calendar', year: +text.slice(pos, digitsEnd) } }];
  }
  return [];
}

/**
 * A clock time at text[pos, clock.end) followed by the day it is on ("7pm Friday", "10 p.m. Wednesday", "14:05 GMT,
 * 3 March 2025", "noon today"): one date. A bare time is none.
 */
function timeThenDay(text: string, pos: number, clock: Clock): DateExpression[] {
  const link = stickyAt(TIME_TO_DAY_RE, text, clock.end);
  if (!link) return [];
  const at = clock.end + link[0].length;
  const t = triggerAt(text, at);
  if (!t || t.kind === 'unit' || t.kind === 'code') return [];
  const day = parseAt(text, t, at)[0];
  if (!day || day.start !== at || !isDay(day.meaning)) return [];
  const inner = day.meaning.kind === 'timed' ? day.meaning.day : day.meaning; // "5 p.m. EST Nov. 9, 2016 17:00": the first time
  return [{ start: pos, end: day.end, meaning: timed(inner, clock) }];
}

/** Whether a meaning is (at most) one day, which a clock time can be attached to. */
function isDay(m: DateMeaning): boolean {
  switch (m.kind) {
    case 'calendar': return m.day !== undefined;
    case 'weekday': case 'holiday': return true;
    case 'shift': return m.unit === 'day';
    case 'partOfDay': case 'timed': return isDay(m.day);
    default: return false;
  }
}

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
  const end = pos + m[1].length;
  const day: DateMeaning = { kind: 'shift', unit: 'day', offset };
  const f = word === 'tonight' ? withTime(text, end, { kind: 'partOfDay', day, part: 'NI' }) : withPartOfDay(text, pos, end, day);
  return f ? [{ start: pos, ...f }] : [];
}

function holidayAt(text: string, pos: number, floor: number): DateExpression[] {
  const m = stickyAt(HOLIDAY_RE, text, pos);
  if (!m) return [];
  const name = stickyAt(NAME_BEFORE, text, pos);
  if (name && !NOT_A_NAME.test(name[1])) return []; // "Johnnie Christmas": a surname
  if (!m[2] && stickyAt(NAME_AFTER, text, pos + m[0].length)) return []; // "Easter Island", "Christmas Island"
  const mod = m[2] ? undefined : before(RELATION_BEFORE, text, pos, floor);
  const meaning: DateMeaning = { kind: 'holiday', name: holidayKey(m[1]), year: m[2] ? +m[2] : undefined, relation: relationOf(mod?.m[2].toLowerCase()) };
  return [{ start: mod ? mod.start : pos, ...withTime(text, pos + m[0].length, meaning) }];
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

/** A season word at `pos`: "next spring", "the summer of 2012", "summer 2024", "in the winter", "last fall". */
function seasonAt(text: string, pos: number, wordEnd: number, floor: number): DateExpression[] {
  const season = SEASONS.get(text.slice(pos, wordEnd).toLowerCase())!;
  const of = stickyAt(OF_YEAR_RE, text, wordEnd);
  const det = before(DET_BEFORE, text, pos, floor);
  if (of && looksLikeYear(text, of.index + of[0].length - 4, of.index + of[0].length)) {
    const the = det && /^the\s+$/i.test(det.m[1]) ? det.start : pos;
    return [{ start: the, end: of.index + of[0].length, meaning: { kind: 'season', season, yearOffset: 0, year: +of[1] } }];
  }
  if (!det) {
    // "late summer": early/late/mid say it is this year's (the modifier itself is read for every date)
    return !isCapitalised(text, pos) && before(EARLY_LATE_BEFORE, text, pos, floor) ? [{ start: pos, end: wordEnd, meaning: { kind: 'season', season, yearOffset: 0 } }] : [];
  }
  const offset = offsetOfDeterminer(det.m[4]);
  if (offset === undefined) return [];
  if (/^the$/i.test(det.m[4]) && !det.m[2] && !seasonOfTheYear(text, pos, wordEnd, det.start, floor)) return [];
  return [{ start: det.start, end: wordEnd, meaning: { kind: 'season', season, yearOffset: offset } }];
}

/** Before "the summer": a preposition of time ("in the summer", "over the winter"); "the fall of Rome" is no date. */
const SEASON_CONTEXT_BEFORE = lookbehind('(?:^|[^A-Za-z])(?:in|during|over|through|throughout|by|until|till|since|before|after|for|this|from|to|into|until)\\s+()');
/** After "the summer": the end of the phrase, not a noun it modifies ("the summer heat") or an "of" ("the fall of"). */
const SEASON_END_AFTER = /(?=\s*(?:[,.;:!?)"”]|$)|\s+(?:and|or|when|while|as|before|after|until|with|to|in|at|on|that|which|because|but|he|she|they|we|it|i|the|a|his|her|their|its|our)\b)/iy;

function seasonOfTheYear(text: string, pos: number, wordEnd: number, theStart: number, floor: number): boolean {
  if (isCapitalised(text, pos)) return false; // "the Spring Festival", "the Fall" of a series
  return !!before(SEASON_CONTEXT_BEFORE, text, theStart, floor) && !!stickyAt(SEASON_END_AFTER, text, wordEnd);
}

/** Expressions headed by a unit word: "last week", "two weeks ago", "the end of this month", "the third quarter". */
function unitAt(text: string, pos: number, wordEnd: number, floor: number): DateExpression[] {
  const word = text.slice(pos, wordEnd).toLowerCase();
  const unit = SHIFT_UNITS[word];

  if (word === 'midnight' || word === 'noon' || word === 'midday') {
    const clock = clockAt(text, pos);
    return clock ? timeThenDay(text, pos, clock) : [];
  }
  if (word === 'quarter') return quarterAt(text, pos, wordEnd, floor);
  if (word === 'half') return halfAt(text, pos, wordEnd, floor);
  if (word === 'fiscal') return fiscalAt(text, pos, floor);
  if (word === 'season') return sportsSeasonAt(text, pos, wordEnd, floor);
  if (SEASONS.has(word)) return seasonAt(text, pos, wordEnd, floor);
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
    if (adj) {
      const period = reportingPeriodAt(text, pos, pos + adj[0].length, floor);
      return [period ?? { start: pos, end: pos + adj[0].length, meaning: { kind: 'shift', unit: 'year', offset: -1 } }];
    }
  }
  if (word === 'century') {
    const c = before(CENTURY_BEFORE, text, pos, floor);
    const ordinal = c ? ordinalValue(c.m[2]) : undefined;
    if (c && ordinal) return [{ start: c.start, end: wordEnd, meaning: { kind: 'century', firstYear: (ordinal - 1) * 100 } }];
  }
  const part = PARTS_OF_DAY.get(word);
  if (part) {
    const det = before(DET_BEFORE, text, pos, floor);
    const d = det?.m[4].toLowerCase();
    if (det && !det.m[2] && !det.m[3] && (d === 'this' || (d === 'last' && word === 'night'))) {
      const meaning: DateMeaning = { kind: 'partOfDay', day: { kind: 'shift', unit: 'day', offset: d === 'last' ? -1 : 0 }, part };
      return [{ start: det.start, ...withTime(text, wordEnd, meaning) }];
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
  const period = unit === 'year' && !det.m[2] && !det.m[3] ? possessivePeriodAfter(text, wordEnd, offset) : undefined;
  if (period) return [{ start: det.start, ...period }];
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

/** The expressions a parser reads at trigger `t` (nothing may start before `floor`). */
function parseAt(text: string, t: Trigger, floor: number): DateExpression[] {
  const pos = t.start;
  switch (t.kind) {
    case 'month': return monthAt(text, pos, floor);
    case 'weekday': return weekdayAt(text, pos, t.end, floor);
    case 'number': return numberAt(text, pos, t.end, floor);
    case 'deictic': return deicticAt(text, pos);
    case 'unit': return unitAt(text, pos, t.end, floor);
    case 'holiday': return holidayAt(text, pos, floor);
    case 'code': return codeAt(text, pos);
  }
}

// ---- modifiers read for every expression found ----

/** A meaning without its attached part of day or time. */
const dayOf = (m: DateMeaning): DateMeaning => (m.kind === 'timed' || m.kind === 'partOfDay' ? dayOf(m.day) : m);

/** Which left modifiers a meaning takes: "early/late/mid" for periods, also "earlier/later" for days, "the end of" for periods. */
function modifiersOf(m: DateMeaning): { earlyLate: boolean; day: boolean; position: boolean } {
  switch (m.kind) {
    case 'calendar': return m.day === undefined ? { earlyLate: true, day: false, position: true } : { earlyLate: false, day: false, position: false };
    case 'decade': case 'century': case 'season': case 'years': case 'fiscalYear':
      return { earlyLate: true, day: false, position: true };
    case 'quarter': case 'half': return { earlyLate: true, day: false, position: true };
    case 'weekday': return { earlyLate: false, day: true, position: false };
    case 'shift': return { earlyLate: false, day: m.unit === 'day', position: false };
    default: return { earlyLate: false, day: false, position: false };
  }
}

/**
 * The start of expression `e` with the modifiers before it that belong to it: "late 2023", "the early 1980s",
 * "mid-March", "late yesterday", "the end of March", "the beginning of the 1990s". Nothing before `floor`.
 */
function modifiedStart(text: string, e: DateExpression, floor: number): number {
  const kinds = modifiersOf(dayOf(e.meaning));
  let start = e.start;
  if (kinds.earlyLate) {
    const m = before(EARLY_LATE_BEFORE, text, start, floor);
    if (m) start = m.start;
    // "the" comes with "late" where the date itself takes one: "the late 1970s", not "the late 2023 album"
    const the = m && (e.meaning.kind === 'decade' || e.meaning.kind === 'century') ? before(THE_BEFORE, text, start, floor) : undefined;
    if (the) start = the.start;
  } else if (kinds.day) {
    const today = /^today/i.test(text.slice(start, start + 5));
    const m = before(today ? TODAY_MODIFIER_BEFORE : DAY_MODIFIER_BEFORE, text, start, floor);
    if (m) start = m.start;
  }
  if (kinds.position) {
    const m = before(POSITION_BEFORE, text, start, floor);
    if (m) start = m.start;
  }
  return start;
}

/** All date expressions in text order, non-overlapping. One pass, linear in the text length. */
export function findDateExpressions(text: string): DateExpression[] {
  const out: DateExpression[] = [];
  forEachDateExpression(text, e => out.push(e));
  return out;
}

/**
 * Each date expression in text order, as findDateExpressions, handed over as it is found: one who keeps only what it
 * makes of them lets them die young (text of dates back to back held every expression until the last: 16× the text
 * at its peak, 10× handed over).
 */
export function forEachDateExpression(text: string, visit: (e: DateExpression) => void): void {
  let lastEnd = 0; // end of the last expression handed over
  let floor = 0; // end of the last expression: nothing may start before it
  for (let t = nextTrigger(text, 0); t; t = nextTrigger(text, Math.max(t.end, floor))) {
    if (t.start < floor) continue;
    const found = parseAt(text, t, floor);
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
      floor = f.end;
      if (stickyAt(HABITUAL_BEFORE, text, f.start)) continue; // "every Thursday": a set
      visit({ ...f, start: modifiedStart(text, f, lastEnd) });
      lastEnd = f.end;
    }
  }
}
