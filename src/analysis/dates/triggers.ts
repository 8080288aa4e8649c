// The words that can head a date expression (month and weekday names, "today", time units like "week", named days)
// and numbers, found by one regular expression tried at every word start.

export type TriggerKind = 'month' | 'weekday' | 'number' | 'deictic' | 'unit' | 'holiday';

export interface Trigger {
  kind: TriggerKind;
  start: number;
  /** End of the trigger (of the digits for a number, of "Year's" for "New Year's"). */
  end: number;
}

/**
 * Names head a date only when capitalised (the parsers check: "may" and "march" are verbs), so they are looked for
 * only with a capital first letter; the rest of a name and the other words in any case ("MAY 5", "Last WEEK").
 */
const NAMES: Partial<Record<TriggerKind, string>> = {
  month: 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
  weekday: 'monday tuesday wednesday thursday friday saturday sunday',
  holiday: 'christmas thanksgiving easter halloween independence veterans boxing memorial labor election',
};
const WORDS: Partial<Record<TriggerKind, string>> = {
  deictic: 'today yesterday tomorrow tonight',
  unit: 'day days week weeks weekend weekends month months year years hour hours quarter decade decades century summer winter spring autumn fall morning afternoon evening night midnight noon midday',
};
/** Named days that head a date only with what follows them; in any case, as they keep "Year" from being read alone. */
const HOLIDAY_PHRASES = ["new year's", "valentine's", "mother's", "father's"];

const KIND_OF_WORD = new Map<string, TriggerKind>();
for (const list of [NAMES, WORDS]) {
  for (const [kind, words] of Object.entries(list)) for (const w of words.split(' ')) KIND_OF_WORD.set(w, kind as TriggerKind);
}
const wordsOf = (list: Partial<Record<TriggerKind, string>>): string[] => Object.values(list).flatMap(words => words.split(' '));

/** A character as a case-insensitive expression would match it; in phrases, any space and either apostrophe. */
const anyCase = (c: string): string => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c === ' ' ? '\\s+' : c === "'" ? "['’]" : c);

/**
 * A regular-expression alternation of `words` written as a trie ("ju(?:ne|ly)" for "june|july"). V8 tries an
 * alternation's branches one after another at every word start: with one branch per first letter instead of one per
 * word, a word that is no trigger fails after a few tests.
 */
function trie(words: string[], letter: (c: string, first: boolean) => string, first = true): string {
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
const anyCased = trie([...wordsOf(WORDS), ...HOLIDAY_PHRASES], anyCase);
// No i flag: it would make every name match in lower case too.
const TRIGGER_RE = new RegExp(`\\b(?:[0-9]+|(?:${capitalised}|${anyCased})(?![A-Za-z]))`, 'g');

/** The first trigger that starts at a word boundary at or after `from`, or undefined. */
export function nextTrigger(text: string, from: number): Trigger | undefined {
  TRIGGER_RE.lastIndex = from;
  const m = TRIGGER_RE.exec(text);
  if (!m) return undefined;
  const start = m.index, end = start + m[0].length;
  const c = m[0].charCodeAt(0);
  if (c >= 48 && c <= 57) return { kind: 'number', start, end };
  return { kind: KIND_OF_WORD.get(m[0].toLowerCase()) ?? 'holiday', start, end }; // not a word: a holiday phrase
}
