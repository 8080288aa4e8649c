// Does the sentence around a date talk about the past or the future? Decides which "Tuesday" a bare weekday means
// and which year a "Feb. 9" without one is in.
// Heuristic: the tense marker nearest before the date in its sentence decides (the verb usually precedes its
// date adverbial: "met on Tuesday", "will meet on Tuesday"); failing that, the first one after it ("On Tuesday, he
// will…"); failing both, no tense (the caller decides: news mostly reports what has happened). Future markers: "will", "'ll", "plans to",
// "is scheduled to", "next"…; past markers: "said", "was", irregular past forms and "-ed" words (the lists are in
// ../lexicon: future-markers, past-markers).
import { lexicon } from '../lexicon';

/** A list's phrases as one alternation: any space between words, either apostrophe. */
const alternation = (phrases: readonly string[]): string =>
  [...phrases].sort((a, b) => b.length - a.length).map(p => p.replace(/ /g, '\\s+').replace(/'/g, "['’]")).join('|');
const FUTURE = lexicon.futureMarkers.entries;
/** Group 2 is set for a past marker; a match without it is a future one. "'ll" starts with no word boundary. */
const MARKER_RE = new RegExp(
  `\\b(${alternation(FUTURE.filter(f => !f.startsWith("'")))})\\b|(?:${alternation(FUTURE.filter(f => f.startsWith("'")))})\\b|\\b(${alternation(lexicon.pastMarkers.entries)}|[a-z]{2,}ed)\\b`,
  'gi',
);

const SENTENCE_WINDOW = 300;

/** . ! ? or a line break */
const isSentenceEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 10;

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let s = start;
  const minS = Math.max(0, start - SENTENCE_WINDOW);
  while (s > minS && !isSentenceEnd(text.charCodeAt(s - 1))) s--;
  let e = end;
  const maxE = Math.min(text.length, end + SENTENCE_WINDOW);
  while (e < maxE && !isSentenceEnd(text.charCodeAt(e))) e++;
  return [s, e];
}

export type Tense = 'past' | 'future';

/** The tense of the sentence around text[start, end), or undefined when it has no tense marker. */
export function sentenceTense(text: string, start: number, end: number): Tense | undefined {
  const [s, e] = sentenceBounds(text, start, end);
  const sentence = text.slice(s, e);
  let before: boolean | undefined; // tense of the nearest marker before the date
  let after: boolean | undefined; // tense of the nearest marker after it
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER_RE.exec(sentence)) !== null) {
    const ms = s + m.index;
    const me = ms + m[0].length;
    const future = m[2] === undefined;
    if (me <= start) before = future;
    else if (ms >= end) { after = future; break; }
  }
  const future = before ?? after;
  return future === undefined ? undefined : future ? 'future' : 'past';
}
