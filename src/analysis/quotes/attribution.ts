// Attribution: the words around a quotation that say who said it — “…,” Zhao said / “…,” said Tong Zhao, a fellow … /
// Kerry said: “…” / “…,” according to X / “…” ― Name. Returns the source's surface span; resolving it to a person
// entity is speakers.ts's job. Every search is confined to a bounded window around the quotation.
import {
  DETERMINERS, NAME_PARTICLES, NEEDS_PARTICLE, PHRASE_BREAKERS, REPORTING_VERBS, SOURCE_PRONOUNS, TITLES, VERB_MODIFIERS,
} from './lexicon';
import { isCapitalized, isQuoteMarkToken, sentenceEnd, sentenceStart, tokenize, type Token } from './tokens';

export interface Attribution {
  /** The source as written: "Zhao", "he", "the ministry", "Foreign ministry spokeswoman Hua Chunying". */
  sourceStart: number;
  sourceEnd: number;
  /** Where the attribution sits relative to the quotation. */
  position: 'after' | 'before';
  /** Start and end of the whole attribution (source, verb and the words between), to tell what a split leaves out. */
  cueStart: number;
  cueEnd: number;
}

export interface QuoteSpan {
  start: number;
  end: number;
}

/** How far around a quotation attribution is searched. */
const AFTER_WINDOW = 160;
const BEFORE_WINDOW = 400;
const MAX_SUBJECT_TOKENS = 14;

/** Reporting verb at tokens[i] (with its particle when it needs one): index after the verb phrase, or -1. */
export function reportingVerbEnd(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t || !t.word || !REPORTING_VERBS.has(t.lower)) return -1;
  const particles = NEEDS_PARTICLE.get(t.lower);
  if (!particles) return i + 1;
  const next = tokens[i + 1];
  return next && particles.has(next.lower) ? i + 2 : -1;
}

const TIME_PREPOSITIONS = new Set(['in', 'on', 'last', 'this', 'earlier', 'late']);
const isTimeWord = (t: Token): boolean => t.word && (/^\d{4}$/.test(t.text) ||
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|evening|night|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(t.lower));
const isNamePart = (t: Token): boolean => isCapitalized(t) || (t.word && NAME_PARTICLES.has(t.lower));
const isPossessive = (t: Token): boolean => t.word && /[’']s?$/.test(t.text) && t.text.length > 2;

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
  k = skipParenthetical(tokens, k, floor);
  if (k < floor) return -1;
  const last = tokens[k];
  if (!last.word) return -1;
  if (SOURCE_PRONOUNS.has(last.lower)) return k;
  if (PHRASE_BREAKERS.has(last.lower) || DETERMINERS.has(last.lower) || REPORTING_VERBS.has(last.lower)) return -1;
  let start = k;
  // A name run: capitalised words, particles, initials and abbreviated titles with their periods.
  if (isCapitalized(last)) {
    for (let j = k - 1; j >= floor; j--) {
      const t = tokens[j];
      if (t.text === '.' && j - 1 >= floor && isCapitalized(tokens[j - 1])) continue;
      if (isNamePart(t) && !PHRASE_BREAKERS.has(t.lower) && !DETERMINERS.has(t.lower)) { start = j; continue; }
      break;
    }
  }
  // Leading descriptors back to a determiner, a possessive or the clause start ("the mayor", "Clinton’s campaign").
  for (let j = start - 1; j >= floor && start - j <= 5; j--) {
    const t = tokens[j];
    if (!t.word) return t.text === ',' || t.text === ':' || t.text === '—' ? start : (isCapitalized(last) ? start : -1);
    if (DETERMINERS.has(t.lower)) return j;
    if (PHRASE_BREAKERS.has(t.lower) || REPORTING_VERBS.has(t.lower) || VERB_MODIFIERS.has(t.lower)) {
      return isCapitalized(last) || start < k ? start : -1;
    }
    if (isPossessive(t)) {
      let s = j;
      while (s - 1 >= floor && isNamePart(tokens[s - 1])) s--;
      return s;
    }
  }
  // Reached the clause start: the whole run is the subject ("Analysts said", "Foreign ministry spokeswoman Hua …").
  if (start - floor <= 5) return floor;
  return isCapitalized(last) ? start : -1;
}

/** Last token index of the noun phrase that starts at tokens[i], for an inverted "said Tong Zhao, a fellow …". */
function phraseEndingAfter(tokens: Token[], i: number): number {
  let end = -1;
  for (let j = i; j < tokens.length && j - i < 10; j++) {
    const t = tokens[j];
    if (t.text === '.' && end === j - 1 && /^\p{Lu}\p{L}{0,3}$/u.test(tokens[j - 1].text) && tokens[j + 1] && isCapitalized(tokens[j + 1])) continue;
    if (!t.word) break;
    if (PHRASE_BREAKERS.has(t.lower) && !(j === i && SOURCE_PRONOUNS.has(t.lower))) break;
    if (j === i && SOURCE_PRONOUNS.has(t.lower)) return j;
    end = j;
  }
  return end;
}

/** The subject of the reporting verb at tokens[v]: skips auxiliaries and an appositive between them. */
function subjectOfVerb(tokens: Token[], v: number, floor: number): [number, number] | null {
  let k = v - 1;
  for (;;) {
    while (k >= floor && tokens[k].word && VERB_MODIFIERS.has(tokens[k].lower)) k--;
    // A time adverbial between subject and verb: "who in 2010 said", "Kerry on Tuesday said".
    if (k - 1 >= floor && TIME_PREPOSITIONS.has(tokens[k - 1].lower) && isTimeWord(tokens[k])) k -= 2;
    else break;
  }
  if (k < floor) return null;
  if (tokens[k].text === ',') {
    // "Tong Zhao, an associate with …, said": the subject is the phrase before the appositive.
    for (let j = k - 1; j > floor && k - j <= 30; j--) {
      if (tokens[j].text !== ',') continue;
      const s = phraseStartingBefore(tokens, j - 1, floor);
      if (s >= 0) return [s, j - 1];
      break;
    }
    return null;
  }
  const s = phraseStartingBefore(tokens, k, floor);
  return s >= 0 ? [s, k] : null;
}

const contentEndsClause = (text: string, q: QuoteSpan): boolean => {
  let i = q.end - 1;
  while (i > q.start && /["”’'»]/.test(text[i])) i--;
  return /[,?!—–\-…:]/.test(text[i]);
};

/** Attribution after the quotation: “…,” Zhao said / “…,” said Zhao / “…,” according to X / “…” ― Name. */
function attributionAfter(text: string, q: QuoteSpan, lineEnd: number): Attribution | null {
  const tokens = tokenize(text, q.end, Math.min(lineEnd, q.end + AFTER_WINDOW));
  let i = 0;
  const clauseEnds = contentEndsClause(text, q) || tokens[0]?.text === ',';
  while (tokens[i] && (tokens[i].text === ',')) i++;
  const first = tokens[i];
  if (!first) return null;
  const at = (s: number, e: number, cueEnd: number): Attribution => ({ sourceStart: tokens[s].start, sourceEnd: tokens[e].end, position: 'after', cueStart: q.end, cueEnd });
  // Signature line: “…” ― Sonya Herridge
  if (/^[―—–-]$/.test(first.text)) {
    const e = phraseEndingAfter(tokens, i + 1);
    if (e > i && isCapitalized(tokens[i + 1]) && (e + 1 >= tokens.length || /^[.]$/.test(tokens[e + 1].text) && e + 2 >= tokens.length)) {
      return at(i + 1, e, tokens[e].end);
    }
    return null;
  }
  if (first.lower === 'according' && tokens[i + 1]?.lower === 'to') {
    const e = phraseEndingAfter(tokens, i + 2);
    return e >= i + 2 ? at(i + 2, e, tokens[e].end) : null;
  }
  const inverted = reportingVerbEnd(tokens, i);
  if (inverted >= 0) {
    const e = phraseEndingAfter(tokens, inverted);
    return e >= inverted ? at(inverted, e, tokens[e].end) : null;
  }
  // “…,” Flynn, a top Trump surrogate, said Thursday
  for (let v = i + 1; v < tokens.length && v - i <= MAX_SUBJECT_TOKENS; v++) {
    const t = tokens[v];
    if (!t.word && /[.!?;“”"‘]/.test(t.text)) return null;
    const verbEnd = reportingVerbEnd(tokens, v);
    if (verbEnd < 0) continue;
    if (!clauseEnds && !sentenceEndsSoon(tokens, verbEnd)) return null;
    let headEnd = v - 1;
    while (headEnd > i && tokens[headEnd].word && VERB_MODIFIERS.has(tokens[headEnd].lower)) headEnd--;
    for (let j = i; j < headEnd; j++) if (tokens[j].text === ',' || tokens[j].text === '(') { headEnd = j - 1; break; }
    if (headEnd < i) return null;
    const head = tokens[i];
    if (!(isCapitalized(head) || SOURCE_PRONOUNS.has(head.lower) || DETERMINERS.has(head.lower))) return null;
    const s = phraseStartingBefore(tokens, headEnd, i);
    return s >= 0 ? at(s, headEnd, tokens[verbEnd - 1].end) : null;
  }
  return null;
}

/** True when the sentence ends within a few tokens after `i` ("… he said Tuesday."). */
function sentenceEndsSoon(tokens: Token[], i: number): boolean {
  for (let j = i; j < tokens.length && j - i <= 4; j++) if (/^[.!?]$/.test(tokens[j].text)) return true;
  return i >= tokens.length;
}

/**
 * The subject at the start of a clause ("President Obama is rolling out …", "In a statement, Peabody said …"):
 * an introductory phrase up to the first comma is skipped. Returns [first, last] token indices or null.
 */
function clauseSubject(tokens: Token[], end: number): [number, number] | null {
  let s = 0;
  if (tokens[0]?.word && PHRASE_BREAKERS.has(tokens[0].lower)) {
    const comma = tokens.findIndex((t, i) => i < end && t.text === ',');
    if (comma < 0) return null;
    s = comma + 1;
  }
  const head = tokens[s];
  if (!head || !head.word || !(isCapitalized(head) || SOURCE_PRONOUNS.has(head.lower) || DETERMINERS.has(head.lower))) return null;
  const e = phraseEndingAfter(tokens, s);
  return e >= s && e < end ? [s, e] : null;
}

/** Attribution before the quotation in its sentence: Kerry said: “…” / X told reporters “…” / X called it “…”. */
function attributionBefore(text: string, q: QuoteSpan, lineStart: number): Attribution | null {
  const from = sentenceStart(text, Math.max(lineStart, q.start - BEFORE_WINDOW), q.start);
  const tokens = tokenize(text, from, q.start);
  const found = (first: number, last: number): Attribution =>
    ({ sourceStart: tokens[first].start, sourceEnd: tokens[last].end, position: 'before', cueStart: tokens[first].start, cueEnd: q.start });
  let verbWithoutSubject = -1;
  for (let v = tokens.length - 1; v >= 0; v--) {
    const t = tokens[v];
    if (t.lower === 'according' && tokens[v + 1]?.lower === 'to') {
      const e = phraseEndingAfter(tokens, v + 2);
      if (e >= v + 2) return found(v + 2, e);
      continue;
    }
    if (reportingVerbEnd(tokens, v) < 0) continue;
    if (v > 0 && tokens[v - 1].word && DETERMINERS.has(tokens[v - 1].lower)) continue; // "a tweet", "the report"
    // A participle after a comma ("…, adding that …") reports for the clause's subject: keep looking left.
    if (t.lower.endsWith('ing') && v > 0 && tokens[v - 1].text === ',') { verbWithoutSubject = v; continue; }
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
export function findAttribution(text: string, q: QuoteSpan, lineStart: number, lineEnd: number): Attribution | null {
  return attributionAfter(text, q, lineEnd) ?? attributionBefore(text, q, lineStart);
}

/**
 * A lead-in ending the previous paragraph and introducing this one: "Kerry said:" / "In a statement, Peabody said:".
 */
export function leadInAttribution(text: string, prevLineStart: number, prevLineEnd: number): Attribution | null {
  if (text[prevLineEnd - 1] !== ':') return null;
  const a = attributionBefore(text, { start: prevLineEnd - 1, end: prevLineEnd }, prevLineStart);
  return a && { ...a, cueEnd: prevLineEnd };
}

/** True when `text[from,to)` holds nothing but an attribution and punctuation (what separates a split quotation). */
export function onlyAttributionBetween(text: string, from: number, to: number): boolean {
  const tokens = tokenize(text, from, to);
  if (tokens.length === 0 || tokens.length > MAX_SUBJECT_TOKENS + 6) return false;
  if (tokens.some(isQuoteMarkToken)) return false;
  return tokens.some((_t, i) => reportingVerbEnd(tokens, i) >= 0) || tokens.some((t, i) => t.lower === 'according' && tokens[i + 1]?.lower === 'to');
}

export { sentenceEnd };
