// The words that can head a date expression (month and weekday names, holiday names, "today", time units like
// "week"), numbers and period codes ("Q4", "FY2025"), found by one regular expression tried at every word start.
import { HOLIDAY_NAMES, holidayKey } from './holidays';
import { MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS } from './lexicon';

export type TriggerKind = 'month' | 'weekday' | 'number' | 'deictic' | 'unit' | 'holiday' | 'code';

export interface Trigger {
  kind: TriggerKind;
  start: number;
  /** End of the trigger (of the digits for a number, of the whole name for "New Year's Day"). */
  end: number;
}

/**
 * Names head a date only when capitalised (the parsers check: "may" and "march" are verbs), so they are looked for
 * only with a capital first letter; the rest of a name and the other words in any case ("MAY 5", "Last WEEK").
 * Holidays are whole names ("New Year's Day", not "New"), so a capitalised word that only starts one is no trigger.
 */
const NAMES: Partial<Record<TriggerKind, readonly string[]>> = {
  month: [...MONTHS.keys()],
  weekday: [...WEEKDAYS.keys()],
  holiday: HOLIDAY_NAMES,
};
const WORDS: Partial<Record<TriggerKind, readonly string[]>> = {
  deictic: ['today', 'yesterday', 'tomorrow', 'tonight'],
  unit: [
    'day', 'days', 'week', 'weeks', 'weekend', 'weekends', 'month', 'months', 'year', 'years', 'hour', 'hours', 'quarter',
    'half', 'decade', 'decades', 'century', 'season', 'fiscal', 'midnight', 'noon', 'midday', ...SEASONS.keys(), ...PARTS_OF_DAY.keys(),
  ],
};

const KIND_OF_WORD = new Map<string, TriggerKind>();
for (const list of [NAMES, WORDS]) {
  for (const [kind, words] of Object.entries(list)) for (const w of words) KIND_OF_WORD.set(w.toLowerCase(), kind as TriggerKind);
}
const wordsOf = (list: Partial<Record<TriggerKind, readonly string[]>>): string[] => Object.values(list).flat();

/** A character as a case-insensitive expression would match it; in names, any space and either apostrophe. */
const anyCase = (c: string): string =>
  /[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c === ' ' ? '\\s+' : c === "'" ? "['’]" : c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * A regular-expression alternation of `words` written as a trie ("ju(?:ne|ly)" for "june|july"). V8 tries an
 * alternation's branches one after another at every word start: with one branch per first letter instead of one per
 * word, a word that is no trigger fails after a few tests. Longer words win: the branch that ends a word is optional.
 */
function trie(words: readonly string[], letter: (c: string, first: boolean) => string, first = true): string {
  const byFirst = new Map<string, string[]>();
  let includesEmpty = false;
  for (const w of words) {
    if (w === '') includesEmpty = true;
    else byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w.slice(1)]);
  }
  const branches = [...byFirst].map(([c, rests]) => letter(c, first) + trie(rests, letter, false));
  if (branches.length === 0) return '';
  const alternation = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  return includesEmpty ? `(?:${alternation})?` : alternation;
}

const capitalised = trie(wordsOf(NAMES), (c, first) => (first ? c.toUpperCase() : anyCase(c)));
const anyCased = trie(wordsOf(WORDS), anyCase);
/** Quarter and half codes ("Q4", "H1") and fiscal years ("FY2025", "FY 25"), upper case. */
const CODE = 'Q[1-4]|H[12]|FY(?=\\s?[0-9]{2})';
// No i flag: it would make every name match in lower case too.
const TRIGGER_SOURCE = `\\b(?:[0-9]+|(?:${CODE}|${capitalised}|${anyCased})(?![A-Za-z]))`;
const TRIGGER_RE = new RegExp(TRIGGER_SOURCE, 'g');
const TRIGGER_AT_RE = new RegExp(TRIGGER_SOURCE, 'y');

const SPACE_OR_APOSTROPHE_RE = /[\s’]/;

/** The first trigger that starts at a word boundary at or after `from`, or undefined. */
export function nextTrigger(text: string, from: number): Trigger | undefined {
  return triggerOf(TRIGGER_RE, text, from);
}

/** The trigger that starts exactly at `pos`, or undefined. */
export function triggerAt(text: string, pos: number): Trigger | undefined {
  return triggerOf(TRIGGER_AT_RE, text, pos);
}

function triggerOf(re: RegExp, text: string, from: number): Trigger | undefined {
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return undefined;
  const start = m.index, end = start + m[0].length;
  const c = m[0].charCodeAt(0);
  if (c >= 48 && c <= 57) return { kind: 'number', start, end };
  const word = m[0].toLowerCase();
  const kind = KIND_OF_WORD.get(SPACE_OR_APOSTROPHE_RE.test(word) ? holidayKey(word) : word); // a holiday's name
  return { kind: kind ?? 'code', start, end };
}
