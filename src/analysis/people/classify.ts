// Decides which capitalised runs name a person, and which part of the run is the name: leading titles, roles,
// nationalities and common words are evidence, not part of the span ("US Secretary of State John Kerry" →
// "John Kerry"). Runs that end like an organisation, place or publication, or that modify a thing named after
// someone ("the Trump administration"), are things.
import { hashRange, type Run, type Token } from './runs';
import {
  ASIAN_SURNAMES, ATTRIBUTIVE_HEADS, COMMON_WORDS, DEMONYMS, GIVEN_NAMES, NAME_PARTICLES, NON_NAME_WORDS, ORGANISATIONS,
  PERSON_TITLES, PLACES, ROLE_NOUNS, ROLE_WORDS, SPEECH_VERBS, SURNAMES, THING_SUFFIXES, THING_WORDS,
} from './words';

export type Verdict =
  | { kind: 'person'; core: Token[] }
  /** Not a person on its own evidence; may still be one if the article names the same person elsewhere. */
  | { kind: 'unsure' }
  /** An organisation, place, publication or thing named after a person: never a person mention. */
  | { kind: 'thing' };

/** What the classifier knows about the whole article. */
export interface ArticleContext {
  text: string;
  /** Hashes of the words the article also writes in lower case ("iodine"): common words, not names. */
  lowerCaseWordHashes: Set<number>;
}

const alternation = (s: Set<string>): string => [...s].sort((a, b) => b.length - a.length).join('|');
const SPEECH = alternation(SPEECH_VERBS);
// "Zhao said", "Tong Zhao, an associate with …, said", "Kerry has said".
const SPEECH_AFTER_RE = new RegExp(
  `^(?:,[^,.;:"“”\\n]{1,90},)?\\s+(?:has |had |have |also |then |later |previously |once |reportedly |again |further )?(?:${SPEECH})\\b`, 'u');
// "said Zhao", "according to Lim Sung-nam".
const SPEECH_BEFORE_RE = new RegExp(`(?:\\b(?:${SPEECH})|according to)[ \\u00a0]$`, 'u');
// "Tong Zhao, an associate", "Thomas Sam, 42, and", "Devocht, who had told".
const APPOSITION_RE = /^,[ \u00a0](?:a|an|the|who|whose|one of|\d{1,3}(?:,| and\b))[ \u00a0]/u;
// "spokeswoman Hua Chunying", "the Afghan team's coach, Alireza Mehraban", "his wife Manju Sam".
const ROLE_BEFORE_RE = new RegExp(`(?<![\\p{L}\\p{M}\\-])(?:${alternation(ROLE_NOUNS)})s?,?[ \\u00a0]$`, 'u');
// "the Church", "the Sea Org": a determiner before a bare capitalised run marks a thing more often than a person.
const DETERMINER_BEFORE_RE = /(?<![\p{L}\p{M}])(?:the|The|a|an)[ \u00a0]$/u;
const NEXT_WORD_RE = /^[ \u00a0]([\p{Ll}][\p{L}\p{M}]*)/u;
// A syllable-style hyphenated given name: "Jong-un", "Ing-wen", "Sung-nam".
const SYLLABIC_HYPHEN_RE = /^\p{Lu}\p{Ll}{1,5}-\p{L}\p{Ll}{0,5}$/u;
const ACRONYM_RE = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}&]+$/u;
// Endings of abstract nouns, adjectives and agent nouns that names rarely have ("Relations", "Scientologist").
const NON_NAME_ENDING_RE = /(?:ish|ese|amic|olic|ntic|stic|ific|etic|onic|tions?|sions?|ments?|ness|isms?|ists?|ities|ity|ships?|ology|ologies|ful|ives?|ical|ians|ances|ences)$/;
const HYPHEN_TAIL_RE = /[-‐–](\p{Ll}+)$/u;

/** "UN", "NASA", "U.S.": two or more capitals (digits and & allowed after the first), or dotted capitals. */
function isAcronym(t: Token): boolean {
  const s = t.text;
  if (s.length < 2 || s === t.lower) return false;
  return s !== s[0] + t.lower.slice(1) && ACRONYM_RE.test(s);
}
const isNameWord = (l: string): boolean =>
  GIVEN_NAMES.has(l) || SURNAMES.has(l) || (ASIAN_SURNAMES.has(l) && !COMMON_WORDS.has(l));

/** Words that never name a person by themselves, even mid-sentence: roles, nationalities' acronyms, places… */
function isStrictNonName(t: Token): boolean {
  const l = t.lower;
  if (NON_NAME_WORDS.has(l) || ROLE_WORDS.has(l) || DEMONYMS.has(l) || isAcronym(t) || t.text.length === 1) return true;
  if (isNameWord(l)) return false;
  if (PLACES.has(l) || ORGANISATIONS.has(l)) return true;
  const tail = HYPHEN_TAIL_RE.exec(l);
  if (tail && tail[1].length >= 4 && COMMON_WORDS.has(tail[1])) return true; // "Beijing-based", "Prize-winner"
  return l.length >= 6 && NON_NAME_ENDING_RE.test(l);
}

/** A word that is not a name by itself: strict non-names plus common English words and words the article writes in lower case. */
function isNonNameWord(t: Token, ctx: ArticleContext): boolean {
  if (isStrictNonName(t)) return true;
  if (isNameWord(t.lower)) return false;
  return COMMON_WORDS.has(t.lower) || ctx.lowerCaseWordHashes.has(hashRange(t.lower, 0, t.lower.length));
}

/** Non-name by the word's own form or lists, places and organisations aside ("Valeska Paris" ends with a name). */
const isWordNonName = (t: Token): boolean =>
  isStrictNonName(t) && !((PLACES.has(t.lower) || ORGANISATIONS.has(t.lower)) && !ROLE_WORDS.has(t.lower) && !DEMONYMS.has(t.lower));

const baseForm = (l: string): string => l.replace(/\.$/, '');
const isThingSuffix = (l: string): boolean =>
  THING_SUFFIXES.has(baseForm(l)) || (l.endsWith('s') && THING_SUFFIXES.has(l.slice(0, -1)));

/** True when the run as a whole is an organisation, place, publication or a thing named after a person. */
export function isThing(run: Run, text: string): boolean {
  // After a person title only the name is left to judge: "Commission President Ursula von der Leyen".
  const title = lastTitleIndex(run.tokens);
  const toks = title < 0 ? run.tokens : run.tokens.slice(title + 1);
  if (toks.length >= 2 && isThingSuffix(toks[toks.length - 1].lower)) return true;
  if (toks.length >= 2 && toks.some(t => THING_WORDS.has(t.lower))) return true;
  if (toks.length >= 2 && PHRASE_FIRST_WORDS.has(toks[0].lower)) {
    const whole = toks.map(t => t.lower).join(' ');
    if (ORGANISATIONS.has(whole) || PLACES.has(whole)) return true;
  }
  if (!run.possessive) {
    const next = NEXT_WORD_RE.exec(text.slice(run.end, run.end + 30));
    if (next && ATTRIBUTIVE_HEADS.has(next[1])) return true;
  }
  return false;
}

/** Index of the last person title that has a word after it ("Turkish President Recep…" → 1), or -1. */
function lastTitleIndex(tokens: Token[]): number {
  for (let k = tokens.length - 2; k >= 0; k--) if (PERSON_TITLES.has(tokens[k].lower)) return k;
  return -1;
}

/** Length of a multi-word place or organisation name starting at token i ("United States", "Los Angeles"), or 0. */
const PHRASE_FIRST_WORDS = new Set([...PLACES, ...ORGANISATIONS].filter(p => p.includes(' ')).map(p => p.split(' ')[0]));
function nameOfThingAt(tokens: Token[], i: number): number {
  if (!PHRASE_FIRST_WORDS.has(tokens[i].lower)) return 0;
  for (let n = Math.min(3, tokens.length - i - 1); n >= 2; n--) {
    const phrase = tokens.slice(i, i + n).map(t => t.lower).join(' ');
    if (PLACES.has(phrase) || ORGANISATIONS.has(phrase)) return n;
  }
  return 0;
}

// Before a run: nothing but spaces and opening quotes/brackets back to a sentence end, a line start or the text start.
const OPENERS = ' \u00a0"“‘\'([';
const SENTENCE_ENDS = '.!?:;…\n';
function isSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && OPENERS.includes(text[i])) i--;
  if (i < 0 || SENTENCE_ENDS.includes(text[i])) return true;
  // A closing quote after a sentence end: “… over.” Then …
  return '"”’\''.includes(text[i]) && i > 0 && '.!?,'.includes(text[i - 1]);
}

/**
 * Removes leading titles and descriptors (roles, nationalities, places, acronyms; common words only at a sentence
 * start, where every word is capitalised), and trailing non-name words ("… Image"). `keep` protects tokens already
 * known to be names in this article. After a person title only further titles and role words are removed
 * ("Professor Cres Eastman" keeps "Cres"). Returns the remaining tokens and whether a title was removed.
 */
export function stripName(tokens: Token[], ctx: ArticleContext, keep: (t: Token) => boolean): { core: Token[]; titled: boolean } {
  // Whatever precedes the last title describes the office: "Turkish President", "Commission President".
  const title = lastTitleIndex(tokens);
  let i = title >= 0 && !tokens.slice(0, title + 1).some(keep) ? title : 0;
  let titled = false;
  let sentenceStart = i === 0 && isSentenceStart(ctx.text, tokens[0].start);
  while (i < tokens.length) {
    const t = tokens[i];
    if (keep(t)) break;
    const next = tokens[i + 1];
    if (next && PERSON_TITLES.has(t.lower)) { titled = true; i++; continue; }
    if (t.particle || ROLE_WORDS.has(t.lower)) { i++; continue; }
    if (titled) break;
    // "Park Joo-ho", "Oh Se-hoon": a family name that is also an English word.
    if (next && ASIAN_SURNAMES.has(t.lower) && SYLLABIC_HYPHEN_RE.test(next.text)) break;
    const thingLength = nameOfThingAt(tokens, i);
    if (thingLength > 0) { i += thingLength; sentenceStart = false; continue; }
    if (isStrictNonName(t)) { i++; continue; }
    // A common word is capitalised by the sentence start, or stands alone ("the Church"); mid-run it may be a name.
    if ((sentenceStart || !next) && isNonNameWord(t, ctx)) { i++; sentenceStart = false; continue; }
    break;
  }
  let end = tokens.length;
  while (end > i && (tokens[end - 1].particle || (NON_NAME_WORDS.has(tokens[end - 1].lower) && !keep(tokens[end - 1])))) end--;
  return { core: tokens.slice(i, end), titled };
}

/** "Islamic Relations Alia Salem" → "Alia Salem": a given name followed by more name starts the name. */
function startAtGivenName(core: Token[]): Token[] {
  for (let k = 1; k < core.length - 1; k++) {
    if (GIVEN_NAMES.has(core[k].lower)) {
      return core.slice(0, k).every(t => isStrictNonName(t) || COMMON_WORDS.has(t.lower)) ? core.slice(k) : core;
    }
  }
  return core;
}

function hasContextEvidence(run: Run, core: Token[], text: string): boolean {
  const coreEnd = core[core.length - 1].end;
  const after = text.slice(coreEnd, coreEnd + 120);
  const before = text.slice(Math.max(0, core[0].start - 40), core[0].start);
  if (coreEnd === run.end && !run.possessive && (SPEECH_AFTER_RE.test(after) || APPOSITION_RE.test(after))) return true;
  return core[0].start === run.start && (SPEECH_BEFORE_RE.test(before) || ROLE_BEFORE_RE.test(before));
}

const afterDeterminer = (run: Run, text: string): boolean =>
  DETERMINER_BEFORE_RE.test(text.slice(Math.max(0, run.start - 4), run.start));

export const nameParts = (core: Token[]): Token[] => core.filter(t => !t.particle && !NAME_PARTICLES.has(t.lower));

/** First pass: a verdict on a run from its own words and its immediate context. */
export function classifyRun(run: Run, ctx: ArticleContext): Verdict {
  const text = ctx.text;
  if (isThing(run, text)) return { kind: 'thing' };
  const stripped = stripName(run.tokens, ctx, () => false);
  const core = startAtGivenName(stripped.core);
  const parts = nameParts(core);
  if (parts.length === 0) return { kind: 'unsure' };
  const first = parts[0];
  const last = parts[parts.length - 1];
  // A name ends with a name word: "the Los Angeles Sheriff", "a Booker Prize-winner" are not people.
  if (isWordNonName(last) || (PERSON_TITLES.has(last.lower) && !isNameWord(last.lower))) return { kind: 'unsure' };
  const phrase = core.length === 1 ? core[0].lower : PHRASE_FIRST_WORDS.has(core[0].lower) ? core.map(t => t.lower).join(' ') : '';
  if (PLACES.has(phrase) || ORGANISATIONS.has(phrase)) return { kind: 'thing' };
  if (stripped.titled) return { kind: 'person', core };
  if (parts.length >= 2) {
    const rest = parts.slice(1);
    if (GIVEN_NAMES.has(first.lower) && rest.every(t => !isStrictNonName(t))) return { kind: 'person', core };
    const restAreNames = rest.every(t => !isNonNameWord(t, ctx));
    if (ASIAN_SURNAMES.has(first.lower) && restAreNames) return { kind: 'person', core };
    if (parts.some(t => SYLLABIC_HYPHEN_RE.test(t.text)) && restAreNames) return { kind: 'person', core };
    if (afterDeterminer(run, text) && core[0] === run.tokens[0]) return { kind: 'unsure' };
    // Mid-sentence capitalised words ending in a word that is neither common English nor a place: "Dries Mertens".
    if (!isNonNameWord(last, ctx) && !parts.some(isStrictNonName)) return { kind: 'person', core };
    return hasContextEvidence(run, core, text) ? { kind: 'person', core } : { kind: 'unsure' };
  }
  if (isNonNameWord(first, ctx) || afterDeterminer(run, text)) return { kind: 'unsure' };
  return hasContextEvidence(run, core, text) ? { kind: 'person', core } : { kind: 'unsure' };
}

/** Second pass: an unsure run is a person when its name part consists of names the article already uses. */
export function classifyWithKnownNames(run: Run, ctx: ArticleContext, known: Set<string>): Verdict {
  const { core } = stripName(run.tokens, ctx, t => known.has(t.text));
  const parts = nameParts(core);
  if (parts.length === 0 || !parts.every(t => known.has(t.text))) return { kind: 'unsure' };
  return { kind: 'person', core };
}
