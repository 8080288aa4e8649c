// The words the people rules look at, interned: each distinct spelling gets a small integer id and, computed once
// when first seen, bit sets of what the word lists say about it (given name, title, place…) and about a run next to
// it ("said", "administration", "analysts"). Tokens carry ids, so
// the rules test bits instead of building a substring and a lower-case copy per token and probing a dozen Sets.
// Ids are found from a range of the text without allocating (a hash of the code units, then a compare).
import {
  ASIAN_SURNAMES, ATTRIBUTIVE_HEADS, COUNTRIES, COUNTRY_LEADS, AUTHORED_WORKS, COMMON_WORDS, CORPORATE_SUFFIXES, DATE_LEAD_WORDS, DEMONYMS, DESCRIPTION_ENDS,
  ENGLISH_GIVEN_NAMES, FIRM_HEADS, GIVEN_NAMES_IF_SURNAME, GAZETTEER_PLACES, GIVEN_NAMES, NAMED_THING_PREFIXES, POSSESSIVE_THING_HEADS, GIVEN_NAMES_ALSO_WORDS, KINSHIP_NOUNS, NAME_PARTICLES, NON_NAME_WORDS, ORGANISATION_NOUNS,
  ORGANISATION_POSSESSIONS, ORGANISATIONS, PERSON_PARTICIPLES, PERSON_TITLES, PERSON_VERBS, PLACE_LEADS, PLACES, ROLE_NOUNS, SETTLEMENT_NOUNS, ROLE_WORDS, SAINT_PREFIXES,
  SPEECH_AUXILIARIES, SPEECH_VERBS, SURNAMES, THING_SUFFIXES, THING_WORDS, WORK_NOUNS, WORKPLACE_ROLES,
} from './words';
import { lexicon, wordSet } from '../lexicon';
import { isLetter, isSpace } from '../text/chars';
import { hashRange, slotTable } from '../text/hashing';

/** What a word is, as bits (from its lower-case form unless noted): read for the words of capitalised runs. */
export const Word = {
  GIVEN: 1 << 0,
  /** A given name, a surname, or an East Asian family name that is not also a common word. */
  NAME: 1 << 1,
  ASIAN_SURNAME: 1 << 2,
  COMMON: 1 << 3,
  /** Sentence openers and function words (NON_NAME_WORDS). */
  NON_NAME: 1 << 4,
  ROLE: 1 << 5,
  TITLE: 1 << 6,
  /** A one-word place or organisation name. */
  PLACE_OR_ORG: 1 << 7,
  /** A one-word place name. */
  PLACE: 1 << 8,
  /** First word of a multi-word place or organisation name ("united" of "united states"). */
  PHRASE_FIRST: 1 << 9,
  THING_SUFFIX: 1 << 10,
  THING_WORD: 1 << 11,
  /** Last words of company names ("Inc", "Group", "Holdings"). */
  CORPORATE_SUFFIX: 1 << 12,
  SAINT_PREFIX: 1 << 13,
  /** Never a name by itself, even mid-sentence: roles, nationalities, acronyms, places, abstract-noun endings… */
  STRICT_NON_NAME: 1 << 14,
  /** STRICT_NON_NAME for a reason other than being a place or organisation ("Valeska Paris" ends with a name). */
  WORD_NON_NAME: 1 << 15,
  /** A given name that is also a function word or month ("Will", "May"): GIVEN, yet strict when alone. */
  GIVEN_ALSO_WORD: 1 << 16,
  /** A lower-case name particle written exactly so ("von", "de", "bin"): part of a span, never a name part. */
  PARTICLE: 1 << 17,
  /** Any name particle, whatever its case ("Van" in "Dries Van Mertens"): not a name part. */
  NAME_PARTICLE: 1 << 18,
  /** A syllable-style hyphenated given name, exact spelling: "Jong-un", "Sung-nam". */
  SYLLABIC: 1 << 19,
  /** Second word of a multi-word place or organisation name ("states" of "united states"). */
  PHRASE_SECOND: 1 << 20,
  /** One to three capital letters, exact spelling: an acronym ("UN", "BBC") or initials without dots ("JK", "AS"). */
  CAPITALS: 1 << 21,
  /** A one-word country or city from the gazetteer: a place in a place's context ("in Sofia"), perhaps a name elsewhere. */
  GAZETTEER_PLACE: 1 << 22,
  /** A one-word country name: "Britain", "Jordan". */
  COUNTRY: 1 << 23,
  /** Initials, exact spelling: "C.", "D.A.", "J.R.R." (not "U.S.", a place). */
  INITIALS: 1 << 24,
  /** Written in capitals, two letters or more: "GREER", "JOHNSON" (headlines, bylines). */
  ALL_CAPS: 1 << 25,
  /** Before a name that is then a thing's: "Hurricane Katrina". */
  THING_PREFIX: 1 << 26,
  /** After a name's possessive, a thing's name: "Megan's Law". */
  POSSESSIVE_THING_HEAD: 1 << 27,
  /** A given name that is also an English word ("Frank", "Bill", "Rose"): a given name where an uncommon word follows. */
  GIVEN_IF_SURNAME: 1 << 28,
} as const;

/**
 * What a word says about a capitalised run next to it, as bits: read for the lower-case words around runs. Exact
 * spellings unless noted.
 */
export const Context = {
  /** "said Zhao", "Zhao said". */
  SPEECH_VERB: 1 << 0,
  /** "Kerry has said", "Zhao also told". */
  SPEECH_AUXILIARY: 1 << 1,
  /** Verbs and words only people take after their name: "died", "himself". */
  PERSON_VERB: 1 << 2,
  /** After "was"/"is": "born", "arrested". */
  PERSON_PARTICIPLE: 1 << 3,
  /** "spokeswoman Hua Chunying", "his wife Manju Sam". */
  ROLE_NOUN: 1 << 4,
  /** "the Trump administration". */
  ATTRIBUTIVE_HEAD: 1 << 5,
  /** "Morgan Stanley analysts". */
  FIRM_HEAD: 1 << 6,
  /** Jobs, singular or plural, before "at" and a workplace: "an economist at Morgan Stanley". */
  WORKPLACE_ROLE: 1 << 7,
  /** Words before a month, any case: "in", "since", "In". */
  DATE_LEAD: 1 << 8,
  /** "the novel Angel Catbird". */
  WORK_NOUN: 1 << 9,
  /** "Foxconn, the Taiwanese manufacturer". */
  ORGANISATION_NOUN: 1 << 10,
  /** "Okonkwo’s wife". */
  KINSHIP_NOUN: 1 << 11,
  /** Words after the head of a description: "of", "with", "that", "who". */
  DESCRIPTION_END: 1 << 12,
  /** A written work or the making of one, before "by" and its author: "a paper by", "written by". */
  AUTHORED_WORK: 1 << 13,
  /** Right before a place name, any case: "in", "near", "In". */
  PLACE_LEAD: 1 << 14,
  /** A settlement or territory: "the town of Doboj", "Taibe, an Arab town". */
  SETTLEMENT_NOUN: 1 << 15,
  /** After an organisation's possessive: "Zenith's stock", "Barrick's board". */
  ORGANISATION_POSSESSION: 1 << 16,
  /** Before a country (not any place): "to Jordan", "from Britain". */
  COUNTRY_LEAD: 1 << 17,
} as const;

/** Lower-case particles that sit inside a run between capitalised words ("Ursula von der Leyen"). */
export const PARTICLES = wordSet(lexicon.nameParticlesInsideRuns);

// A syllable-style hyphenated given name: "Jong-un", "Ing-wen", "Sung-nam".
const SYLLABIC_HYPHEN_RE = /^\p{Lu}\p{Ll}{1,5}-\p{L}\p{Ll}{0,5}$/u;
const ACRONYM_RE = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}&]+$/u;
// Endings of abstract nouns, adjectives and agent nouns that names rarely have ("Relations", "Scientologist").
// Not the -ist of Nordic and Scottish surnames: "Enqvist", "Engquist", "McCoist".
const NON_NAME_ENDING_RE = /(?:ish|ese|amic|olic|ntic|stic|ific|etic|onic|tions?|sions?|ments?|ness|isms?|(?<![qvo]|qu)ists?|ities|ity|ships?|ology|ologies|ful|ives?|ical|ians|ances|ences)$/;
const HYPHEN_TAIL_RE = /[-‐–](\p{Ll}+)$/u;
const CAPITALS_RE = /^\p{Lu}{1,3}$/u;
const INITIALS_RE = /^(?:\p{Lu}\.){1,3}$/u;
const ALL_CAPS_RE = /^\p{Lu}[\p{Lu}'’-]*\p{Lu}$/u;
/** A capital and lower-case letters only: "Kerry", "Zhao". */
const PLAIN_WORD_RE = /^\p{Lu}\p{Ll}+$/u;

/** Words that start a multi-word place or organisation name. */
const MULTI_WORD_NAMES = [...PLACES, ...ORGANISATIONS].filter(p => p.includes(' ')).map(p => p.split(' '));
export const PHRASE_FIRST_WORDS = new Set(MULTI_WORD_NAMES.map(words => words[0]));
/** Words that are second in a multi-word place or organisation name: a run whose second word is not one names neither. */
const PHRASE_SECOND_WORDS = new Set(MULTI_WORD_NAMES.map(words => words[1]));

/** "UN", "NASA", "U.S.": two or more capitals (digits and & allowed after the first), or dotted capitals. */
function isAcronym(s: string, lower: string): boolean {
  if (s.length < 2 || s === lower) return false;
  return s !== s[0] + lower.slice(1) && ACRONYM_RE.test(s);
}

/** The lists a lower-case word can be in, as bits of one number (see LISTED). */
const In = {
  GIVEN: 1 << 0, SURNAME: 1 << 1, ASIAN_SURNAME: 1 << 2, COMMON: 1 << 3, DEMONYM: 1 << 4, PLACE: 1 << 5, ORGANISATION: 1 << 6,
  GAZETTEER_PLACE: 1 << 7, COUNTRY: 1 << 8, GIVEN_ALSO_WORD: 1 << 9, SAINT_PREFIX: 1 << 10, NON_NAME: 1 << 11, ROLE: 1 << 12,
  TITLE: 1 << 13, PHRASE_FIRST: 1 << 14, PHRASE_SECOND: 1 << 15, THING_SUFFIX: 1 << 16, THING_WORD: 1 << 17,
  NAME_PARTICLE: 1 << 18, CORPORATE_SUFFIX: 1 << 19, THING_PREFIX: 1 << 20, GIVEN_IF_SURNAME: 1 << 21, POSSESSIVE_THING_HEAD: 1 << 22,
} as const;

/**
 * Every list's lower-case words with the bits of the lists they are in: a word new to the vocabulary is looked up once,
 * not once per list (classifyWord runs for every new word, which dominates the cost of text not seen before).
 */
const LISTED = ((): Map<string, number> => {
  const listed = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number) => { for (const w of words) listed.set(w, (listed.get(w) ?? 0) | bit); };
  mark(GIVEN_NAMES.words(), In.GIVEN);
  mark(ENGLISH_GIVEN_NAMES, In.GIVEN);
  mark(SURNAMES.words(), In.SURNAME);
  mark(ASIAN_SURNAMES, In.ASIAN_SURNAME);
  mark(COMMON_WORDS.words(), In.COMMON);
  mark(DEMONYMS.words(), In.DEMONYM);
  mark([...PLACES].filter(p => !p.includes(' ')), In.PLACE);
  mark([...ORGANISATIONS].filter(p => !p.includes(' ')), In.ORGANISATION);
  mark(GAZETTEER_PLACES, In.GAZETTEER_PLACE);
  mark(COUNTRIES, In.COUNTRY);
  mark(GIVEN_NAMES_ALSO_WORDS, In.GIVEN_ALSO_WORD);
  mark(SAINT_PREFIXES, In.SAINT_PREFIX);
  mark(NON_NAME_WORDS, In.NON_NAME);
  mark(ROLE_WORDS, In.ROLE);
  mark(PERSON_TITLES, In.TITLE);
  mark(PHRASE_FIRST_WORDS, In.PHRASE_FIRST);
  mark(PHRASE_SECOND_WORDS, In.PHRASE_SECOND);
  mark(THING_SUFFIXES, In.THING_SUFFIX);
  mark(THING_WORDS, In.THING_WORD);
  mark(NAME_PARTICLES, In.NAME_PARTICLE);
  mark(CORPORATE_SUFFIXES, In.CORPORATE_SUFFIX);
  mark(NAMED_THING_PREFIXES, In.THING_PREFIX);
  mark(GIVEN_NAMES_IF_SURNAME, In.GIVEN_IF_SURNAME);
  mark(POSSESSIVE_THING_HEADS, In.POSSESSIVE_THING_HEAD);
  return listed;
})();

const listsOf = (l: string): number => LISTED.get(l) ?? 0;

/** The bits of a word, from the word lists and its form. */
export function classifyWord(s: string): number {
  const l = s.toLowerCase();
  const inLists = listsOf(l);
  const has = (bit: number) => (inLists & bit) !== 0;
  // A plural ("Serbs") or an abbreviation's dot ("Corp.") reads as the word it is made of.
  const base = l.endsWith('s') ? listsOf(l.slice(0, -1)) : l.endsWith('.') ? listsOf(l.slice(0, -1)) : 0;
  const given = has(In.GIVEN), common = has(In.COMMON);
  const demonym = has(In.DEMONYM) || (l.endsWith('s') && (base & In.DEMONYM) !== 0);
  const name = given || has(In.SURNAME) || (has(In.ASIAN_SURNAME) && !common);
  const placeOrOrg = has(In.PLACE | In.ORGANISATION);
  let f = 0;
  if (given) f |= Word.GIVEN;
  if (has(In.GIVEN_ALSO_WORD)) f |= Word.GIVEN | Word.GIVEN_ALSO_WORD;
  if (has(In.SAINT_PREFIX)) f |= Word.SAINT_PREFIX;
  if (has(In.PLACE)) f |= Word.PLACE;
  if (has(In.GAZETTEER_PLACE)) f |= Word.GAZETTEER_PLACE;
  if (has(In.COUNTRY)) f |= Word.COUNTRY;
  if (name) f |= Word.NAME;
  if (has(In.ASIAN_SURNAME)) f |= Word.ASIAN_SURNAME;
  if (common) f |= Word.COMMON;
  if (has(In.NON_NAME)) f |= Word.NON_NAME;
  if (has(In.ROLE)) f |= Word.ROLE;
  if (has(In.TITLE)) f |= Word.TITLE;
  if (placeOrOrg) f |= Word.PLACE_OR_ORG;
  if (has(In.PHRASE_FIRST)) f |= Word.PHRASE_FIRST;
  if (has(In.PHRASE_SECOND)) f |= Word.PHRASE_SECOND;
  if (has(In.THING_SUFFIX) || (base & In.THING_SUFFIX)) f |= Word.THING_SUFFIX;
  if (has(In.THING_WORD)) f |= Word.THING_WORD;
  if (PARTICLES.has(s)) f |= Word.PARTICLE;
  if (has(In.NAME_PARTICLE)) f |= Word.NAME_PARTICLE;
  if (has(In.CORPORATE_SUFFIX)) f |= Word.CORPORATE_SUFFIX;
  if (has(In.THING_PREFIX)) f |= Word.THING_PREFIX;
  if (has(In.GIVEN_IF_SURNAME) && !given) f |= Word.GIVEN_IF_SURNAME;
  if (has(In.POSSESSIVE_THING_HEAD)) f |= Word.POSSESSIVE_THING_HEAD;
  // Forms: most words are a capital and lower-case letters, which none of these patterns matches.
  const plainForm = PLAIN_WORD_RE.test(s);
  if (!plainForm) {
    if (SYLLABIC_HYPHEN_RE.test(s)) f |= Word.SYLLABIC;
    if (ALL_CAPS_RE.test(s)) f |= Word.ALL_CAPS;
  }
  if (s.length <= 3 && CAPITALS_RE.test(s)) f |= Word.CAPITALS;
  // Never a name: roles, nationalities, acronyms, single letters; places and organisations unless also a name.
  // Initials ("J.R.R.") look like a dotted acronym; places and organisations among them ("U.S.") stay acronyms.
  const initials = !plainForm && INITIALS_RE.test(s) && !placeOrOrg && !has(In.GAZETTEER_PLACE);
  if (initials) f |= Word.INITIALS;
  const byForm = has(In.NON_NAME | In.ROLE) || demonym || (!plainForm && isAcronym(s, l) && !initials) || s.length === 1;
  let strict = byForm;
  if (!strict && !name) {
    const tail = plainForm ? null : HYPHEN_TAIL_RE.exec(l);
    strict = placeOrOrg
      || (tail !== null && tail[1].length >= 4 && (listsOf(tail[1]) & In.COMMON) !== 0) // "Beijing-based", "Prize-winner"
      || (l.length >= 6 && NON_NAME_ENDING_RE.test(l));
  }
  if (strict) f |= Word.STRICT_NON_NAME;
  // A name may end with a place ("Valeska Paris") or a month ("Theresa May"), never with another non-name word.
  if (strict && !(placeOrOrg && !has(In.ROLE) && !demonym) && !has(In.GIVEN_ALSO_WORD)) f |= Word.WORD_NON_NAME;
  return f;
}

/** The context bits of a word, from the word lists. */
export function classifyContextWord(s: string): number {
  const l = s.toLowerCase();
  let f = 0;
  if (DATE_LEAD_WORDS.has(l)) f |= Context.DATE_LEAD;
  if (WORK_NOUNS.has(s)) f |= Context.WORK_NOUN;
  if (ORGANISATION_NOUNS.has(s)) f |= Context.ORGANISATION_NOUN;
  if (KINSHIP_NOUNS.has(s)) f |= Context.KINSHIP_NOUN;
  if (AUTHORED_WORKS.has(s)) f |= Context.AUTHORED_WORK;
  if (DESCRIPTION_ENDS.has(s)) f |= Context.DESCRIPTION_END;
  if (SPEECH_VERBS.has(s)) f |= Context.SPEECH_VERB;
  if (ROLE_NOUNS.has(s)) f |= Context.ROLE_NOUN;
  if (ATTRIBUTIVE_HEADS.has(s)) f |= Context.ATTRIBUTIVE_HEAD;
  if (SPEECH_AUXILIARIES.has(s)) f |= Context.SPEECH_AUXILIARY;
  if (FIRM_HEADS.has(s)) f |= Context.FIRM_HEAD;
  // Any case: "Analysts at Barclays said" opens a sentence.
  if (WORKPLACE_ROLES.has(l) || (l.endsWith('s') && WORKPLACE_ROLES.has(l.slice(0, -1)))) f |= Context.WORKPLACE_ROLE;
  if (PERSON_VERBS.has(s)) f |= Context.PERSON_VERB;
  if (PERSON_PARTICIPLES.has(s)) f |= Context.PERSON_PARTICIPLE;
  if (PLACE_LEADS.has(l)) f |= Context.PLACE_LEAD;
  if (COUNTRY_LEADS.has(s)) f |= Context.COUNTRY_LEAD;
  if (SETTLEMENT_NOUNS.has(s)) f |= Context.SETTLEMENT_NOUN;
  if (ORGANISATION_POSSESSIONS.has(s)) f |= Context.ORGANISATION_POSSESSION;
  return f;
}

/**
 * text.slice(start, end) as a string that does not keep `text` alive. V8 makes a slice of 13 characters or more a view
 * into the whole text: kept in the shared vocabulary (or another cache), it would keep every article it came from in
 * memory. Slicing a fresh concatenation makes V8 copy the characters into a string of their own.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  return end - start < 13 ? text.slice(start, end) : (' ' + text.slice(start, end)).slice(1);
}

const INITIAL_WORDS = 1024;

/** Interned spellings with their bits. Grows with the distinct words seen; `reset` empties it. */
export class Vocabulary {
  /** Spelling of each id. */
  readonly texts: string[] = [];
  /** Lower-case spelling of each id. */
  readonly lowers: string[] = [];
  /** Word bits of each id. */
  flags = new Int32Array(INITIAL_WORDS);
  /** Context bits of each id. */
  contexts = new Int32Array(INITIAL_WORDS);
  /** hashRange of each id's lower-case form, to ask whether the article writes the word in lower case. */
  lowerHashes = new Int32Array(INITIAL_WORDS);
  private hashes = new Int32Array(INITIAL_WORDS);
  private slots = new Int32Array(2 * INITIAL_WORDS);

  get size(): number { return this.texts.length; }

  /** Forgets every word, and gives back the arrays grown for them. */
  reset(): void {
    this.texts.length = 0;
    this.lowers.length = 0;
    this.flags = new Int32Array(INITIAL_WORDS);
    this.contexts = new Int32Array(INITIAL_WORDS);
    this.lowerHashes = new Int32Array(INITIAL_WORDS);
    this.hashes = new Int32Array(INITIAL_WORDS);
    this.slots = new Int32Array(2 * INITIAL_WORDS);
  }

  /** Id of the spelling text[start, end), added if new. */
  id(text: string, start: number, end: number): number {
    const h = hashRange(text, start, end);
    const len = end - start;
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (let s = this.slots[i]; s !== 0; i = (i + 1) & mask, s = this.slots[i]) {
      const id = s - 1;
      if (this.hashes[id] === h && sameSpelling(this.texts[id], text, start, len)) return id;
    }
    return this.add(detachedSlice(text, start, end), h, i);
  }

  private add(s: string, h: number, slot: number): number {
    const id = this.texts.length;
    if (id === this.flags.length) {
      this.flags = grown(this.flags);
      this.contexts = grown(this.contexts);
      this.lowerHashes = grown(this.lowerHashes);
      this.hashes = grown(this.hashes);
    }
    this.texts.push(s);
    this.hashes[id] = h;
    this.flags[id] = classifyWord(s);
    this.contexts[id] = classifyContextWord(s);
    const lower = s.toLowerCase();
    this.lowers.push(lower);
    this.lowerHashes[id] = hashRange(lower, 0, lower.length);
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = slotTable(this.hashes, this.texts.length, this.slots.length * 2);
  }
}

function sameSpelling(s: string, text: string, start: number, len: number): boolean {
  if (s.length !== len) return false;
  for (let k = 0; k < len; k++) if (s.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Context bits of the words of one text, remembering the last look-up: the checks on a run ask about the word
 * after it (or before it) several times in a row, and each look-up hashes and compares the word.
 */
export class ContextWords {
  private lastStart = -1;
  private lastEnd = -1;
  private lastBits = 0;

  constructor(private readonly text: string, private readonly vocabulary: Vocabulary) {}

  /** Context bits of the word text[start, end). The look-up may grow the vocabulary: its arrays are read after it. */
  bits(start: number, end: number): number {
    if (start === this.lastStart && end === this.lastEnd) return this.lastBits;
    const id = this.vocabulary.id(this.text, start, end);
    this.lastStart = start;
    this.lastEnd = end;
    this.lastBits = this.vocabulary.contexts[id];
    return this.lastBits;
  }

  /** Context bits of the word that ends one space before pos ("said" of "said Zhao"), or 0. */
  before(pos: number): number {
    const text = this.text;
    if (!isSpace(text.charCodeAt(pos - 1))) return 0;
    const end = pos - 1;
    let start = end;
    while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
    return start < end && end - start <= 16 ? this.bits(start, end) : 0;
  }

  /** Context bits of the word that starts one space after pos ("said" of "Zhao said"), or 0. */
  after(pos: number): number {
    const text = this.text;
    if (!isSpace(text.charCodeAt(pos))) return 0;
    let end = pos + 1;
    while (isLetter(text.charCodeAt(end))) end++;
    return end > pos + 1 && end - pos <= 17 ? this.bits(pos + 1, end) : 0;
  }
}

