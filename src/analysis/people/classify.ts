// Decides which capitalised runs name a person, and which part of the run is the name: leading titles, roles,
// nationalities and common words are evidence, not part of the span ("US Secretary of State John Kerry" →
// "John Kerry"). Runs that end like an organisation, place or publication, or that modify a thing named after
// someone ("the Trump administration"), are things.
import type { Run, Token } from './runs';
import {
  ASIAN_SURNAMES, ATTRIBUTIVE_HEADS, COMMON_WORDS, GIVEN_NAMES, NAME_PARTICLES, NON_NAME_WORDS, ORGANISATIONS,
  PERSON_TITLES, PLACES, ROLE_NOUNS, ROLE_WORDS, SPEECH_VERBS, SURNAMES, THING_SUFFIXES, THING_WORDS,
} from './words';

export type Verdict =
  | { kind: 'person'; core: Token[] }
  /** Not a person on its own evidence; may still be one if the article names the same person elsewhere. */
  | { kind: 'unsure' }
  /** An organisation, place, publication or thing named after a person: never a person mention. */
  | { kind: 'thing' };

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
const NEXT_WORD_RE = /^[ \u00a0]([\p{Ll}][\p{L}\p{M}]*)/u;
// A syllable-style hyphenated given name: "Jong-un", "Ing-wen", "Sung-nam".
const SYLLABIC_HYPHEN_RE = /^\p{Lu}\p{Ll}{1,5}-\p{L}\p{Ll}{0,5}$/u;
const ACRONYM_RE = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}&]+$/u;

const isAcronym = (t: Token): boolean => ACRONYM_RE.test(t.text);
const isNameWord = (l: string): boolean => GIVEN_NAMES.has(l) || SURNAMES.has(l) || ASIAN_SURNAMES.has(l);
/** A word that is not a name by itself: common English, role words, nationalities, places, acronyms. */
const isNonNameWord = (t: Token): boolean =>
  NON_NAME_WORDS.has(t.lower) || isAcronym(t) || ROLE_WORDS.has(t.lower) ||
  ((COMMON_WORDS.has(t.lower) || PLACES.has(t.lower) || ORGANISATIONS.has(t.lower)) && !isNameWord(t.lower));

/** True when the run as a whole is an organisation, place, publication or a thing named after a person. */
export function isThing(run: Run, text: string): boolean {
  const toks = run.tokens;
  const last = toks[toks.length - 1];
  if (toks.length >= 2 && THING_SUFFIXES.has(last.lower.replace(/\.$/, ''))) return true;
  if (toks.length >= 2 && toks.some(t => THING_WORDS.has(t.lower))) return true;
  const whole = toks.map(t => t.lower).join(' ');
  if (toks.length >= 2 && (ORGANISATIONS.has(whole) || PLACES.has(whole))) return true;
  if (!run.possessive) {
    const next = NEXT_WORD_RE.exec(text.slice(run.end, run.end + 30));
    if (next && ATTRIBUTIVE_HEADS.has(next[1])) return true;
  }
  return false;
}

/**
 * Removes leading titles and descriptors. `keep` protects tokens already known to be names in this article.
 * Returns the remaining tokens and whether a person title was among the removed ones.
 */
export function stripLeading(tokens: Token[], keep: (t: Token) => boolean): { core: Token[]; titled: boolean } {
  let i = 0;
  let titled = false;
  while (i < tokens.length) {
    const t = tokens[i];
    if (keep(t)) break;
    const hasMore = i + 1 < tokens.length;
    if (hasMore && PERSON_TITLES.has(t.lower)) { titled = true; i++; continue; }
    if (t.particle || isNonNameWord(t)) { i++; continue; }
    break;
  }
  let end = tokens.length;
  while (end > i && tokens[end - 1].particle) end--;
  return { core: tokens.slice(i, end), titled };
}

function hasContextEvidence(run: Run, core: Token[], text: string): boolean {
  const coreEnd = core[core.length - 1].end;
  const after = text.slice(coreEnd, coreEnd + 120);
  const before = text.slice(Math.max(0, core[0].start - 40), core[0].start);
  if (coreEnd === run.end && !run.possessive && (SPEECH_AFTER_RE.test(after) || APPOSITION_RE.test(after))) return true;
  return core[0].start === run.start && (SPEECH_BEFORE_RE.test(before) || ROLE_BEFORE_RE.test(before));
}

const nameParts = (core: Token[]): Token[] => core.filter(t => !t.particle && !NAME_PARTICLES.has(t.lower));

/** First pass: a verdict on a run from its own words and its immediate context. */
export function classifyRun(run: Run, text: string): Verdict {
  if (isThing(run, text)) return { kind: 'thing' };
  const { core, titled } = stripLeading(run.tokens, () => false);
  if (core.length === 0) return { kind: 'unsure' };
  if (titled) return { kind: 'person', core };
  const parts = nameParts(core);
  const first = parts[0].lower;
  const last = parts[parts.length - 1].lower;
  if (parts.length >= 2) {
    const restAreNames = parts.slice(1).every(t => !isNonNameWord(t));
    if (GIVEN_NAMES.has(first) && restAreNames) return { kind: 'person', core };
    if (ASIAN_SURNAMES.has(first) && restAreNames) return { kind: 'person', core };
    if (parts.some(t => SYLLABIC_HYPHEN_RE.test(t.text)) && restAreNames) return { kind: 'person', core };
    if (SURNAMES.has(last) && !isNonNameWord(parts[0])) return { kind: 'person', core };
    if (parts.every(t => !isNonNameWord(t))) return { kind: 'person', core };
    return hasContextEvidence(run, core, text) ? { kind: 'person', core } : { kind: 'unsure' };
  }
  if (isNonNameWord(parts[0])) return { kind: 'unsure' };
  return hasContextEvidence(run, core, text) ? { kind: 'person', core } : { kind: 'unsure' };
}

/** Second pass: an unsure run is a person when its name part consists of names the article already uses. */
export function classifyWithKnownNames(run: Run, known: Set<string>): Verdict {
  const { core } = stripLeading(run.tokens, t => known.has(t.text));
  const parts = nameParts(core);
  if (parts.length === 0 || !parts.every(t => known.has(t.text))) return { kind: 'unsure' };
  return { kind: 'person', core };
}

export { nameParts };
