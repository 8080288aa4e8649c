// Attribution: the words around a quotation that say who said it — “…,” Zhao said / “…,” said Tong Zhao, a fellow … /
// Kerry said: “…” / “…,” according to X / “…” ― Name. Returns the source's surface span; resolving it to a person
// entity is speakers.ts's job. Every search is confined to a bounded window around the quotation.
import {
  ABBREVIATIONS, BE_FORMS, DETERMINERS, NAME_PARTICLES, PHRASE_BREAKERS, REPORTING_VERB_MODIFIERS, REPORTING_VERB_PARTICLES,
  PERSON_TITLES, REPORTING_VERBS, REPORTING_VERBS_CLAUSE_FINAL, SOURCE_PRONOUNS, TIME_ADVERBIAL_OPENERS, TIME_NOUNS,
} from './words';
import { FNV_OFFSET, FNV_PRIME, HashSet32 } from '../text/hashing';
import { isCapitalized, isQuoteMarkToken, sentenceStart, TokenWindow, type Token } from './tokens';
import type { Line } from './pairing';

// One reusable window per kind of search (none calls another while its tokens are in use).
const afterWindow = new TokenWindow();
const beforeWindow = new TokenWindow();
const tailWindow = new TokenWindow();

export interface Attribution {
  /** The source as written: "Zhao", "he", "the ministry", "Foreign ministry spokeswoman Hua Chunying". */
  sourceStart: number;
  sourceEnd: number;
  /** Where the attribution sits relative to the quotation. */
  position: 'after' | 'before';
  /** End of the attribution's verb phrase (after) or the quotation start (before). */
  cueEnd: number;
}

export interface QuoteSpan {
  start: number;
  end: number;
}

/** How far around a quotation attribution is searched, in characters and tokens. */
const AFTER_WINDOW = 160;
const BEFORE_WINDOW = 300;
const MAX_SUBJECT_TOKENS = 14;
/** Words a split quotation's attribution may trail after its verb: “…,” Lee warned in Salem, Ore., on Friday. “…” */
const MAX_SPLIT_TAIL_TOKENS = 8;

/**
 * Reporting verb at tokens[i] (with its particle when it needs one): index after the verb phrase, or -1.
 * Verbs are lower-case mid-sentence; a capitalised one ("Says", "States") is a name or a headline word.
 */
export function reportingVerbEnd(tokens: Token[], i: number, allowCapital = false): number {
  const t = tokens[i];
  if (!t || !t.word || !REPORTING_VERBS.has(t.lower)) return -1;
  if (!allowCapital && t.text[0] !== t.lower[0]) return -1;
  const particles = REPORTING_VERB_PARTICLES.get(t.lower);
  if (!particles) return i + 1;
  const next = tokens[i + 1];
  if (next && particles.has(next.lower)) return i + 2;
  return REPORTING_VERBS_CLAUSE_FINAL.has(t.lower) && (!next || /^[.,;]$/.test(next.text)) ? i + 1 : -1;
}

const isModifier = (t: Token): boolean => t.word && (REPORTING_VERB_MODIFIERS.has(t.lower) || (/ly$/.test(t.lower) && t.text === t.lower && t.text.length > 3));
const isNamePart = (t: Token): boolean => isCapitalized(t) || (t.word && NAME_PARTICLES.has(t.lower));
const isPossessive = (t: Token): boolean => t.word && /[’']s$|s[’']$/.test(t.text) && t.text.length > 2;
/** A period that belongs to an abbreviation or initial ("Mr.", "D.", "U.S.") rather than ending a sentence. */
const isAbbreviationPeriod = (tokens: Token[], j: number): boolean => tokens[j]?.text === '.' && j > 0 &&
  tokens[j - 1].word && tokens[j - 1].end === tokens[j].start &&
  (/^\p{Lu}$/u.test(tokens[j - 1].text) || ABBREVIATIONS.has(tokens[j - 1].lower));
const isSentenceStop = (tokens: Token[], j: number): boolean => !tokens[j].word && /^[.!?;]$/.test(tokens[j].text) && !isAbbreviationPeriod(tokens, j);

const isTimeNoun = (t: Token): boolean => t.word && (TIME_NOUNS.has(t.lower) || /^\d{4}$/.test(t.text));

/** Skips a parenthetical "(R-Wis.)" ending at tokens[k]; returns the index before it. */
function skipParenthetical(tokens: Token[], k: number, floor: number): number {
  if (k < floor || tokens[k].text !== ')') return k;
  for (let j = k - 1; j >= floor && k - j < 8; j--) if (tokens[j].text === '(') return j - 1;
  return k;
}

/**
 * The noun phrase ending at tokens[k] (inclusive), not reaching before `floor`: a pronoun, a name run with its titles
 * and leading descriptors ("Foreign ministry spokeswoman Hua Chunying"), or a determiner phrase ("the ministry").
 * Returns the index of its first token, or -1 when tokens[k] cannot end a source phrase.
 */
function phraseStartingBefore(tokens: Token[], k: number, floor: number): number {
  if (k < floor) return -1;
  const last = tokens[k];
  if (!last.word) return -1;
  if (SOURCE_PRONOUNS.has(last.lower)) return k;
  if (PHRASE_BREAKERS.has(last.lower) || DETERMINERS.has(last.lower) || REPORTING_VERBS.has(last.lower)) return -1;
  let start = k;
  if (isCapitalized(last)) {
    // A name run: capitalised words, particles, initials and abbreviated titles with their periods.
    for (let j = k - 1; j >= floor; j--) {
      const t = tokens[j];
      if (isAbbreviationPeriod(tokens, j)) continue;
      if (isNamePart(t) && !PHRASE_BREAKERS.has(t.lower) && !DETERMINERS.has(t.lower)) { start = j; continue; }
      break;
    }
  }
  // Leading descriptors back to a determiner, a possessive or the clause start ("the mayor", "Clinton’s campaign").
  for (let j = start - 1; j >= floor && start - j <= 5; j--) {
    const t = tokens[j];
    if (!t.word) return /^[,:;—–(]$/.test(t.text) || isCapitalized(last) ? start : -1;
    if (DETERMINERS.has(t.lower)) return j;
    if (PHRASE_BREAKERS.has(t.lower) || REPORTING_VERBS.has(t.lower) || isModifier(t)) {
      return isCapitalized(last) || start < k ? start : -1;
    }
    if (isPossessive(t)) {
      let s = j;
      while (s - 1 >= floor && (isNamePart(tokens[s - 1]) || isAbbreviationPeriod(tokens, s - 1))) s--;
      return s;
    }
  }
  // Reached the clause start: the whole run is the subject ("Analysts said", "Foreign ministry spokeswoman Hua …").
  if (start - floor <= 5) return floor;
  return isCapitalized(last) ? start : -1;
}

/** Last token index of the noun phrase starting at tokens[i], as in an inverted “…,” said Tong Zhao, a fellow … */
function phraseEndingAfter(tokens: Token[], i: number): number {
  const head = tokens[i];
  if (!head || !head.word) return -1;
  if (SOURCE_PRONOUNS.has(head.lower)) return i;
  let end = -1;
  for (let j = i; j < tokens.length && j - i < 14; j++) {
    const t = tokens[j];
    if (isAbbreviationPeriod(tokens, j) && tokens[j + 1] && (isNamePart(tokens[j + 1]) || joinsTitles(tokens, j + 1))) continue;
    if (joinsTitles(tokens, j)) continue;
    if (!t.word || PHRASE_BREAKERS.has(t.lower) || (j > i && REPORTING_VERBS.has(t.lower) && t.text === t.lower)) break;
    end = j;
  }
  return end;
}

/** An "and" between two titles of one person: "former Gov. and party Chairman Ed Rendell". */
const joinsTitles = (tokens: Token[], j: number): boolean => tokens[j]?.lower === 'and' && j > 0 &&
  (PERSON_TITLES.has(tokens[j - 1].lower) || isAbbreviationPeriod(tokens, j - 1)) && tokens[j + 1] !== undefined && isCapitalized(tokens[j + 1]);

const NOUN_FOLLOWERS = new Set([...BE_FORMS, 'of', 'will', 'would', 'has', 'had', 'can', 'could', 'that']);
/** A reporting word used as a noun: "a tweet", "Mr. Obama's remarks", "her mental state is", "the report of". */
function usedAsNoun(tokens: Token[], v: number): boolean {
  const before = tokens[v - 1], after = tokens[v + 1];
  if (before && before.word && (DETERMINERS.has(before.lower) || isPossessive(before))) return true;
  return !!after && after.word && NOUN_FOLLOWERS.has(after.lower) && after.lower !== 'that' && !/(ed|s)$/.test(tokens[v].lower);
}

/** The subject of the reporting verb at tokens[v]: skips auxiliaries, time adverbials and an appositive. */
function subjectOfVerb(tokens: Token[], v: number, floor: number): [number, number] | null {
  let k = v - 1;
  for (;;) {
    while (k >= floor && isModifier(tokens[k])) k--;
    // "who in 2010 said", "Kerry on Tuesday said"
    if (k - 1 >= floor && isTimeNoun(tokens[k]) && TIME_ADVERBIAL_OPENERS.has(tokens[k - 1].lower)) k -= 2;
    else break;
  }
  if (k < floor) return null;
  k = skipParenthetical(tokens, k, floor);
  if (k < floor) return null;
  if (tokens[k].text === ',') {
    // "Tong Zhao, an associate with …, said": the subject is the phrase before the appositive.
    for (let j = k - 1; j > floor && k - j <= 30; j--) {
      if (tokens[j].text !== ',') continue;
      const end = skipParenthetical(tokens, j - 1, floor);
      const s = phraseStartingBefore(tokens, end, floor);
      return s >= 0 ? [s, end] : null;
    }
    return null;
  }
  const s = phraseStartingBefore(tokens, k, floor);
  return s >= 0 ? [s, k] : null;
}

/** True when the quotation's words end with clause punctuation (“…,” / “…?” / “…—”) or a comma follows it. */
function endsClause(text: string, q: QuoteSpan): boolean {
  let i = q.end - 1;
  while (i > q.start && /["”’'»]/.test(text[i])) i--;
  return /[,?!—–\-…:]/.test(text[i]) || text[q.end] === ',';
}

/** Whether tokens[from, to) are words ending, before any modifiers, in a capitalised one: "member Flea (also)". */
function endsWithName(tokens: Token[], from: number, to: number): boolean {
  let last = to - 1;
  while (last >= from && isModifier(tokens[last])) last--;
  return last >= from && isCapitalized(tokens[last]) && tokens.slice(from, to).every(t => t.word);
}

/** True when the sentence ends within a few tokens after `i` ("… he said Tuesday."). */
function sentenceEndsSoon(tokens: Token[], i: number): boolean {
  for (let j = i; j < tokens.length && j - i <= 4; j++) if (isSentenceStop(tokens, j)) return true;
  return i >= tokens.length;
}

/**
 * Attributions already looked for in one text, by the quotation's span and its paragraph: findQuotes asks about the
 * short quotations and about each quotation followed by another in its paragraph, and attributeSpeakers then asks
 * about the same quotations again. Holds no text, only results.
 */
export class AttributionMemo {
  private readonly after = new Map<number, { lineEnd: number; found: Attribution | null }>();
  private readonly before = new Map<number, { lineStart: number; found: Attribution | null }>();

  /** `lines`: the text's paragraph lines, which the quote search that fills this memo split. */
  constructor(readonly lines: Line[]) {}

  /** One number per span; undefined (no memo) past 2^26 characters, where it would no longer be unique. */
  private static key(q: QuoteSpan): number | undefined {
    return q.end < 0x4000000 ? q.start * 0x4000000 + q.end : undefined;
  }

  attributionAfter(text: string, q: QuoteSpan, lineEnd: number): Attribution | null {
    const key = AttributionMemo.key(q);
    const known = key === undefined ? undefined : this.after.get(key);
    if (known && known.lineEnd === lineEnd) return known.found;
    const found = attributionAfter(text, q, lineEnd);
    if (key !== undefined) this.after.set(key, { lineEnd, found });
    return found;
  }

  attributionBefore(text: string, q: QuoteSpan, lineStart: number): Attribution | null {
    const key = AttributionMemo.key(q);
    const known = key === undefined ? undefined : this.before.get(key);
    if (known && known.lineStart === lineStart) return known.found;
    const found = attributionBefore(text, q, lineStart);
    if (key !== undefined) this.before.set(key, { lineStart, found });
    return found;
  }
}

/** Attribution after the quotation: “…,” Zhao said / “…,” said Zhao / “…,” according to X / “…” ― Name. */
function attributionAfter(text: string, q: QuoteSpan, lineEnd: number): Attribution | null {
  const tokens = afterWindow.read(text, q.end, Math.min(lineEnd, q.end + AFTER_WINDOW), MAX_SUBJECT_TOKENS + 12);
  let i = 0;
  while (tokens[i]?.text === ',') i++;
  const first = tokens[i];
  if (!first) return null;
  const found = (s: number, e: number, cueEnd: number): Attribution =>
    ({ sourceStart: tokens[s].start, sourceEnd: tokens[e].end, position: 'after', cueEnd });
  // Signature line: “…” ― Sonya Herridge
  if (/^[―—–-]$/.test(first.text)) {
    const e = phraseEndingAfter(tokens, i + 1);
    const rest = tokens.slice(e + 1);
    if (e > i && isCapitalized(tokens[i + 1]) && rest.every(t => t.text === '.')) return found(i + 1, e, tokens[e].end);
    return null;
  }
  if (first.lower === 'according' && tokens[i + 1]?.lower === 'to') {
    const e = phraseEndingAfter(tokens, i + 2);
    return e >= i + 2 ? found(i + 2, e, tokens[e].end) : null;
  }
  const clauseEnds = endsClause(text, q);
  const afterTail = invertedAfterTail(tokens, i);
  const inverted = afterTail >= 0 ? afterTail : reportingVerbEnd(tokens, i);
  if (inverted >= 0) {
    const e = phraseEndingAfter(tokens, inverted);
    // “…,” said X / “…” said X. / “…” said X, a spokesman: the source ends the sentence or an appositive follows it.
    const closes = clauseEnds || sentenceEndsSoon(tokens, e + 1) || (tokens[e + 1]?.text === ',' && isCapitalized(tokens[inverted]));
    return e >= inverted && closes ? found(inverted, e, tokens[inverted - 1].end) : null;
  }
  // “…,” Lee, a senior campaign adviser, said Thursday
  const head = tokens[i];
  const bareNoun = head.word && !PHRASE_BREAKERS.has(head.lower) && !REPORTING_VERBS.has(head.lower); // "officials said"
  if (!(isCapitalized(head) || SOURCE_PRONOUNS.has(head.lower) || DETERMINERS.has(head.lower) || bareNoun)) return null;
  for (let v = i + 1; v < tokens.length && v - i <= MAX_SUBJECT_TOKENS; v++) {
    if (isSentenceStop(tokens, v) || isQuoteMarkToken(tokens[v])) return null;
    const verbEnd = reportingVerbEnd(tokens, v);
    if (verbEnd < 0) continue;
    if (!clauseEnds && !sentenceEndsSoon(tokens, verbEnd)) return null;
    // A lower-case head reports alone ("officials said") or as a role before a name ("band member Flea said").
    if (!isCapitalized(head) && !SOURCE_PRONOUNS.has(head.lower) && !DETERMINERS.has(head.lower) &&
      tokens.slice(i + 1, v).some(t => !isModifier(t)) && !endsWithName(tokens, i + 1, v)) return null;
    let headEnd = v - 1;
    while (headEnd > i && isModifier(tokens[headEnd])) headEnd--;
    for (let j = i; j < headEnd; j++) if (tokens[j].text === ',' || tokens[j].text === '(') { headEnd = j - 1; break; }
    if (headEnd < i) return null;
    const s = phraseStartingBefore(tokens, headEnd, i);
    return s >= 0 ? found(s, headEnd, tokens[verbEnd - 1].end) : null;
  }
  return null;
}

/** Words of a tail that may stand between a quotation and an inverted attribution: “…” about the deal, said X. */
const MAX_TAIL_TOKENS = 8;

/**
 * An inverted attribution after a short tail that continues the quoted clause: “We’re extremely happy” about the
 * decision, said Jo Hart. Returns the index after the reporting verb, or -1.
 */
function invertedAfterTail(tokens: Token[], i: number): number {
  const first = tokens[i];
  if (!first?.word || first.text !== first.lower || REPORTING_VERBS.has(first.lower)) return -1;
  for (let c = i + 1; c < tokens.length && c - i <= MAX_TAIL_TOKENS; c++) {
    const t = tokens[c];
    if (isSentenceStop(tokens, c) || isQuoteMarkToken(t) || (t.word && REPORTING_VERBS.has(t.lower))) return -1;
    if (t.text !== ',') continue;
    const v = reportingVerbEnd(tokens, c + 1);
    return v >= 0 && isCapitalized(tokens[v] ?? t) ? v : -1;
  }
  return -1;
}

/**
 * The subject at the start of a clause ("Governor Lee is unveiling …", "In a statement, the company said …"):
 * an introductory phrase up to the first comma is skipped. Returns [first, last] token indices or null.
 */
function clauseSubject(tokens: Token[], end: number): [number, number] | null {
  let s = 0;
  const opener = tokens[0];
  if (opener?.word && (PHRASE_BREAKERS.has(opener.lower) || /(ing|ed|ly)$/.test(opener.lower))) {
    const comma = tokens.findIndex((t, i) => i < end && t.text === ',');
    if (comma < 0) return null;
    s = comma + 1;
  }
  const head = tokens[s];
  if (!head || !head.word || !(isCapitalized(head) || SOURCE_PRONOUNS.has(head.lower) || DETERMINERS.has(head.lower))) return null;
  let e = phraseEndingAfter(tokens, s);
  if (isCapitalized(head)) e = nameEnd(tokens, s, e);
  return e >= s && e < end ? [s, e] : null;
}

/**
 * Where a clause subject headed by a capital ends within tokens[s..e]: at the name, with a lower-case descriptor only
 * between capitalised words and one noun after a possessive ("President Clinton released …" → "President Clinton",
 * "Band member Flea shared …" → "Band member Flea", "Cruz’s lawyers relied …" → "Cruz’s lawyers", "Kerpen needled the
 * CNN …" → "Kerpen"); the first other lower-case word starts its verb phrase.
 */
function nameEnd(tokens: Token[], s: number, e: number): number {
  let last = s;
  for (let j = s + 1; j <= e; j++) {
    const t = tokens[j];
    if (isCapitalized(t) || isAbbreviationPeriod(tokens, j)) { last = j; continue; }
    if (isPossessive(tokens[j - 1]) && j - 1 === last) { last = j; continue; }
    const next = tokens[j + 1];
    if (/ed$/.test(t.lower) || j === e || !next || !isCapitalized(next)) break;
  }
  return last;
}

// Any reporting verb, "according to" or a colon: a cheap test that spares tokenizing windows with none of them.
// Each word of the window looked up by the hash of its lower case among the reporting verbs' hashes: one pass, no
// strings made, not a regular expression of every verb tried at every position. A hash collision only costs a
// closer look.
const HINT_HASHES = (() => {
  const set = new HashSet32();
  for (const w of [...REPORTING_VERBS, 'according']) set.add(lowerHash(w, 0, w.length));
  return set;
})();
function lowerHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (text.charCodeAt(i) | 32), FNV_PRIME);
  return h === 0 ? 1 : h;
}
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigitOrUnderscore = (c: number): boolean => (c >= 48 && c <= 57) || c === 95;
function mayHoldAttribution(text: string, from: number, to: number): boolean {
  for (let i = from; i < to;) {
    const c = text.charCodeAt(i);
    if (c === 58) return true; // ':'
    if (!isAsciiLetter(c)) { i++; continue; }
    // The word's lower-case hash as it is read (lowerHash in the same pass).
    let h = Math.imul(FNV_OFFSET ^ (c | 32), FNV_PRIME), j = i + 1;
    for (let d = text.charCodeAt(j); j < to && isAsciiLetter(d); d = text.charCodeAt(++j)) h = Math.imul(h ^ (d | 32), FNV_PRIME);
    // A whole word, as \b would bound it: no digit or underscore joined on either side.
    if (HINT_HASHES.has(h === 0 ? 1 : h) && !isDigitOrUnderscore(text.charCodeAt(i - 1)) && !isDigitOrUnderscore(text.charCodeAt(j))) return true;
    i = j;
  }
  return false;
}

/** Attribution before the quotation in its sentence: Kerry said: “…” / X told reporters “…” / X called it “…”. */
function attributionBefore(text: string, q: QuoteSpan, lineStart: number): Attribution | null {
  const from = sentenceStart(text, Math.max(lineStart, q.start - BEFORE_WINDOW), q.start);
  if (!mayHoldAttribution(text, from, q.start)) return null;
  const tokens = beforeWindow.read(text, from, q.start);
  const found = (first: number, last: number): Attribution =>
    ({ sourceStart: tokens[first].start, sourceEnd: tokens[last].end, position: 'before', cueEnd: q.start });
  // Sentence-initial inversion: Said Ellis: “…” / Said Jo Hart, who grew up here, “…”
  const initial = reportingVerbEnd(tokens, 0, true);
  const lastText = tokens[tokens.length - 1]?.text;
  const named = tokens[initial] && (isCapitalized(tokens[initial]) || DETERMINERS.has(tokens[initial].lower));
  if (initial > 0 && named && (lastText === ':' || (lastText === ',' && isCapitalized(tokens[0])))) {
    const e = phraseEndingAfter(tokens, initial);
    if (e >= initial) return found(initial, e);
  }
  let verbWithoutSubject = -1;
  for (let v = tokens.length - 1; v >= 0; v--) {
    const t = tokens[v];
    if (t.lower === 'according' && tokens[v + 1]?.lower === 'to') {
      const e = phraseEndingAfter(tokens, v + 2);
      if (e >= v + 2) return found(v + 2, e);
      continue;
    }
    if (reportingVerbEnd(tokens, v) < 0 || usedAsNoun(tokens, v)) continue;
    let aux = v - 1;
    while (aux >= 0 && isModifier(tokens[aux]) && !BE_FORMS.has(tokens[aux].lower)) aux--;
    const afterBe = aux >= 0 && BE_FORMS.has(tokens[aux].lower);
    if (afterBe && /(ed|en)$/.test(t.lower)) continue; // passive: "were admitted"
    if (t.lower.endsWith('ing') && !afterBe) {
      // "a video of Lee saying …": a participle right after a name or pronoun reports for it; otherwise
      // ("…, adding that …", "tweets accusing …") for the clause's subject.
      const before = tokens[v - 1];
      if (before && (isCapitalized(before) || SOURCE_PRONOUNS.has(before.lower))) {
        const s = phraseStartingBefore(tokens, v - 1, 0);
        if (s >= 0) return found(s, v - 1);
      }
      if (verbWithoutSubject < 0) verbWithoutSubject = v;
      continue;
    }
    const subject = subjectOfVerb(tokens, v, 0);
    if (subject) return found(subject[0], subject[1]);
    if (verbWithoutSubject < 0) verbWithoutSubject = v;
  }
  // A verb with no subject of its own ("to accuse …", "while chanting, …") or a colon lead-in ("… message: “…”")
  // reports for the clause's subject.
  const colon = tokens[tokens.length - 1]?.text === ':';
  if (verbWithoutSubject >= 0 || colon) {
    const subject = clauseSubject(tokens, verbWithoutSubject >= 0 ? verbWithoutSubject : tokens.length - 1);
    if (subject) return found(subject[0], subject[1]);
  }
  return null;
}

/** The attribution of one quotation in its own sentence, after it first (the usual news order), else before it. */
export function findAttribution(text: string, q: QuoteSpan, lineStart: number, lineEnd: number,
  memo: AttributionMemo): Attribution | null {
  return memo.attributionAfter(text, q, lineEnd) ?? memo.attributionBefore(text, q, lineStart);
}

/** A lead-in ending the previous paragraph and introducing this one: "Kerry said:" / "In a statement, the company said:". */
export function leadInAttribution(text: string, prevLineStart: number, prevLineEnd: number,
  memo: AttributionMemo): Attribution | null {
  if (text[prevLineEnd - 1] !== ':') return null;
  return memo.attributionBefore(text, { start: prevLineEnd, end: prevLineEnd }, prevLineStart);
}

/**
 * True when `next` continues `prev` across its attribution: “We will win,” she said, “and soon.” — `prev` ends a clause,
 * its attribution follows it, and at most a short tail ("in Salem, Ore., on Friday.") precedes `next`.
 */
export function isSplitByAttribution(text: string, prev: QuoteSpan, next: QuoteSpan, lineEnd: number,
  memo: AttributionMemo): boolean {
  if (!endsClause(text, prev)) return false;
  const a = memo.attributionAfter(text, prev, lineEnd);
  if (!a || a.cueEnd > next.start) return false;
  const tail = tailWindow.read(text, a.cueEnd, next.start);
  if (tail.length > MAX_SPLIT_TAIL_TOKENS || tail.some(isQuoteMarkToken)) return false;
  if (tail.some((_t, i) => reportingVerbEnd(tail, i) >= 0)) return false;
  const last = tail[tail.length - 1];
  if (last && !/^[,.:;—–]$/.test(last.text)) return false;
  // A next quotation with an attribution of its own is a new one: “…,” Reuters reported. “…,” the bank said.
  return !(last?.text === '.' && memo.attributionAfter(text, next, lineEnd));
}
