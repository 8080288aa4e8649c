// Does the sentence around a date talk about the future? Decides which "Tuesday" a bare weekday means.
// Heuristic: within the sentence, find the future marker ("will", "'ll", "plans to", "is scheduled to", "next")
// and the past-tense verb ("said", "was", "-ed") nearest to the date; the nearer one wins, past on a tie or when
// neither is found (news mostly reports what has happened).

const MARKER_RE =
  /\b(will|won['’]t|shall|going\s+to|plans?\s+to|planning\s+to|scheduled|expected\s+to|is\s+to|are\s+to|due\s+to|set\s+to|to\s+be\s+held|would|upcoming|next)\b|['’]ll\b|\b(was|were|had|did|said|told|met|went|came|left|began|took|gave|made|saw|held|spoke|got|became|found|won|lost|ran|sent|brought|thought|knew|wrote|[a-z]{2,}ed)\b/gi;

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

export function readsAsFuture(text: string, start: number, end: number): boolean {
  const [s, e] = sentenceBounds(text, start, end);
  const sentence = text.slice(s, e);
  let future = Infinity;
  let past = Infinity;
  MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER_RE.exec(sentence)) !== null) {
    const ms = s + m.index;
    const me = ms + m[0].length;
    if (me > start && ms < end) continue; // inside the date itself ("next Tuesday" is handled by its modifier)
    const distance = me <= start ? start - me : ms - end;
    if (m[2] !== undefined) past = Math.min(past, distance);
    else future = Math.min(future, distance);
  }
  return future < past;
}
