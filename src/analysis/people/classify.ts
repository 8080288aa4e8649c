// Decides which capitalised runs name a person, and which part of the run is the name: leading titles, roles,
// nationalities and common words are evidence, not part of the span ("US Secretary of State John Kerry" →
// "John Kerry"). Runs that end like an organisation, place or publication, or that modify a thing named after
// someone ("the Trump administration"), are things.
// Works on token indexes into a ScannedText and on word bits from the Vocabulary: no per-token strings.
import type { WordSet } from './dense';
import { FirmContext, nameKey } from './firms';
import { isLetter, isSpace, isWhiteSpace } from '../text/chars';
import type { ScannedText } from './runs';
import { uint8Scratch } from './scratch';
import type { NotPersonReason, PersonReason } from './reasons';
import type { RunFacts } from './senses';
import { Context, ContextWords, type Vocabulary, Word } from './vocabulary';
import { ORGANISATIONS, PLACES, SPEECH_AUXILIARIES, SPEECH_VERBS } from './words';

// The word and context bits by their short names.
const {
  ALL_CAPS, ASIAN_SURNAME, CAPITALS, COMMON, COUNTRY, INITIALS, GIVEN, GIVEN_ALSO_WORD, NAME, NAME_PARTICLE, NON_NAME, PARTICLE, PHRASE_FIRST, PHRASE_SECOND,
  GAZETTEER_PLACE, GIVEN_IF_SURNAME, PLACE, PLACE_OR_ORG, ROLE, SAINT_PREFIX, STRICT_NON_NAME, POSSESSIVE_THING_HEAD, SYLLABIC, THING_PREFIX, THING_SUFFIX, THING_WORD, TITLE, WORD_NON_NAME,
} = Word;
const {
  ATTRIBUTIVE_HEAD, AUTHORED_WORK, DATE_LEAD, DESCRIPTION_END: DESCRIPTION_END_WORD, KINSHIP_NOUN, ORGANISATION_NOUN, PERSON_PARTICIPLE,
  COUNTRY_LEAD, PERSON_VERB, PLACE_LEAD, ROLE_NOUN, SETTLEMENT_NOUN, SPEECH_AUXILIARY, SPEECH_VERB, WORK_NOUN,
} = Context;

export const UNSURE = 0;
export const PERSON = 1;
/** An organisation, place, publication or thing named after a person: never a person mention. */
export const THING = 2;
/**
 * UNSURE: not a person on its own evidence; may still be one if the article names the same person elsewhere.
 */
export type Verdict = typeof UNSURE | typeof PERSON | typeof THING;

const alternation = (s: ReadonlySet<string>): string => [...s].sort((a, b) => b.length - a.length).join('|');
// "Tong Zhao, an associate with …, said": a speech verb after an aside. Sticky: matched at the name's end.
const SPEECH_AFTER_ASIDE_RE = new RegExp(
  `,[^,.;:"“”\\n]{1,90},\\s+(?:(?:${alternation(SPEECH_AUXILIARIES)}) )?(?:${alternation(SPEECH_VERBS)})\\b`, 'uy');
// "Tong Zhao, an associate", "Thomas Sam, 42, and", "Devocht, who had told".
// "Lubarskij (50th minute)", "Nilis 42nd, Cocu 54th": the minute of a goal after a scorer's name. Sticky: at the name's end.
// After a dateline's place: a comma, a date, a dash or the agency.
const DATELINE_END_RE = /(?:,| \d| [-–—]| \()/y;
const NO_NAMES: number[] = [];
const SCORER_MINUTE_RE = /(?: \(| )\d{1,3}(?:st|nd|rd|th)(?: minute| min\b|[,;)]| pen)/y;
const APPOSITION_RE = /,[ \u00a0](?:a|an|the|who|whose|one of|\d{1,3}(?:,| and\b))[ \u00a0]/uy;

const COMMA = 44, HYPHEN = 45, LOWER_S = 115;
/** Words after the head of a description: "an associate [with …]", "the maker [of …]", "the firm [that …]". */
const DESCRIPTION_END = DATE_LEAD | DESCRIPTION_END_WORD;
const isAsciiWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** Spaces and opening quotes/brackets that may stand between a sentence end and its first word. */
const isOpener = (c: number): boolean =>
  c === 32 || c === 0xa0 || c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40 || c === 91;
/** . ! ? : ; … and a line end. */
const isSentenceEnd = (c: number): boolean =>
  c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 0x2026 || c === 10;
const isClosingQuote = (c: number): boolean => c === 34 || c === 0x201d || c === 0x2019 || c === 39;

const FIRM_OF_RUN = uint8Scratch();
/** Values of firmOfRun. */
const UNDECIDED = 0, FIRM = 1, NOT_FIRM = 2;
/** A yes/no worked out only when needed. */
const NO = 0, YES = 1, UNKNOWN_YET = 2;

/** Judges the runs of one scanned article. */
export class RunClassifier implements RunFacts {
  /** The name inside the run of the last PERSON verdict: tokens [coreFirst, coreEnd). */
  coreFirst = 0;
  coreEnd = 0;
  /** Why the last verdict was reached (a PersonReason after PERSON). */
  reason: PersonReason | NotPersonReason = 'no-evidence';
  /** Whether stripName removed a person title. */
  private titled = false;
  private readonly flagsOfWord: Int32Array;
  private readonly firms: FirmContext;
  /** The context bits of the words around runs. */
  readonly contextWords: ContextWords;
  /** nameKey of the firms the article names ("Goldman Sachs" of "Goldman Sachs Group Inc"), from findFirms. */
  private readonly firmNames = new Set<string>();
  /** Per run, from findFirms: FIRM or NOT_FIRM for runs of two words or more, UNDECIDED for one-word runs. */
  private readonly firmOfRun: Uint8Array;

  constructor(private readonly text: string, private readonly scanned: ScannedText, private readonly vocabulary: Vocabulary) {
    this.flagsOfWord = vocabulary.flags;
    this.contextWords = new ContextWords(text, vocabulary);
    this.firms = new FirmContext(text, scanned, vocabulary.flags, this.contextWords);
    this.firmOfRun = FIRM_OF_RUN.take(scanned.runCount);
  }

  /**
   * Before any run is classified: which runs of two words or more are firms by their context, and their names, so
   * classifyRun rejects the firms' other mentions ("Goldman Sachs said" after "Goldman Sachs Group Inc"). A one-word
   * run names no firm elsewhere (see stemKey): whether it is a firm is asked with isThingRun, like the other checks.
   */
  findFirms(): void {
    const s = this.scanned;
    const firmOfRun = this.firmOfRun;
    for (let r = 0; r < s.runCount; r++) {
      if (s.runEnd[r] - s.runFirst[r] < 2) continue;
      if (!this.firms.isFirm(r)) { firmOfRun[r] = NOT_FIRM; continue; }
      firmOfRun[r] = FIRM;
      const key = this.firms.stemKey(r);
      if (key !== null) this.firmNames.add(key);
    }
  }

  /**
   * Run r as a whole is an organisation, place, publication or thing named after a person, and so never a person
   * mention. Asked only of runs about to be found person: most runs never are, and these checks look up the words
   * around the run.
   */
  isThingRun(r: number): boolean {
    const firm = this.firmOfRun[r];
    if (firm === FIRM || (firm === UNDECIDED && this.firms.isFirm(r))) {
      this.reason = 'firm';
      return true;
    }
    return this.isThing(r);
  }

  isFirmRun(r: number): boolean { return this.firmOfRun[r] === FIRM; }

  isDescribedAsOrganisation(r: number): boolean {
    const s = this.scanned;
    if (s.runPossessive[r]) return false;
    const after = s.runStop(r);
    if (this.text.charCodeAt(after) !== COMMA) return false;
    APPOSITION_RE.lastIndex = after;
    return APPOSITION_RE.test(this.text) && this.isOrganisationDescribedAt(APPOSITION_RE.lastIndex);
  }

  private flags(k: number): number { return this.flagsOfWord[this.scanned.tokenWord[k]]; }
  private has(k: number, bits: number): boolean { return (this.flagsOfWord[this.scanned.tokenWord[k]] & bits) !== 0; }
  private lower(k: number): string { return this.vocabulary.lowers[this.scanned.tokenWord[k]]; }
  private phrase(first: number, end: number): string {
    let s = this.lower(first);
    for (let k = first + 1; k < end; k++) s += ' ' + this.lower(k);
    return s;
  }
  /** Tokens [first, end), two or more, spell a multi-word place or organisation name. */
  private isPlaceOrOrganisation(first: number, end: number): boolean {
    // Most runs fail on their second word: no phrase is built for them.
    if (!this.has(first + 1, PHRASE_SECOND)) return false;
    const p = this.phrase(first, end);
    return PLACES.has(p) || ORGANISATIONS.has(p);
  }
  /** Tokens [first, end) are the people of a multi-word place: "Sri Lankan(s)", "Sierra Leonean", "Costa Rican". */
  private isDemonymOfPlace(first: number, end: number): boolean {
    let last = this.lower(end - 1);
    if (last.endsWith('s')) last = last.slice(0, -1);
    const stem = end - first >= 3 ? this.phrase(first, end - 1) : this.lower(first);
    for (const cut of [1, 2]) if (last.length > cut + 2 && PLACES.has(`${stem} ${last.slice(0, -cut)}`)) return true;
    return false;
  }

  // Look-ups of words around runs may add them to the vocabulary and so replace its arrays: read them afresh. (Every
  // token's word was added during the scan, so flagsOfWord, taken after it, holds the bits of all tokens.)
  private wordBits(start: number, end: number): number {
    const id = this.vocabulary.id(this.text, start, end);
    return this.vocabulary.flags[id];
  }
  private contextBits(start: number, end: number): number { return this.contextWords.bits(start, end); }

  /** A word that is not a name by itself: strict non-names, common English words and words the article writes in lower case. */
  private isNonNameWord(k: number): boolean {
    const f = this.flags(k);
    if (f & STRICT_NON_NAME) return true;
    if (f & NAME) return false;
    return (f & COMMON) !== 0 || this.scanned.lowerCaseWordHashes.has(this.vocabulary.lowerHashes[this.scanned.tokenWord[k]]);
  }

  /** Index of the last person title in [first, end) that has a word after it ("Turkish President Recep…"), or -1. */
  private lastTitleIndex(first: number, end: number): number {
    for (let k = end - 2; k >= first; k--) if (this.has(k, TITLE)) return k;
    return -1;
  }

  /** True when run r as a whole is an organisation, place, publication or a thing named after a person. */
  private isThing(r: number): boolean {
    const s = this.scanned;
    // The name's end, before trailing words the name does not take ("No Jennifer Lopez News Today").
    const end = this.coreEnd;
    // After a person title only the name is left to judge: "Commission President Ursula von der Leyen".
    const title = this.lastTitleIndex(s.runFirst[r], end);
    const from = title < 0 ? s.runFirst[r] : title + 1;
    this.reason = 'named-thing';
    // "Hurricane Katrina"; "Megan's Law", "Alzheimer's Disease".
    if (end - from >= 2 && this.has(from, THING_PREFIX)) return true;
    if (s.runPossessive[r] && r + 1 < s.runCount && s.runStart(r + 1) === s.runStop(r) + 3 && s.runEnd[r + 1] - s.runFirst[r + 1] === 1
      && this.has(s.runFirst[r + 1], POSSESSIVE_THING_HEAD)) return true;
    if (end - from >= 2) {
      this.reason = 'organisation';
      if (this.has(end - 1, THING_SUFFIX) || this.has(from, SAINT_PREFIX)) return true;
      for (let k = from; k < end; k++) if (this.has(k, THING_WORD)) return true;
      if (this.has(from, PHRASE_FIRST) && this.isPlaceOrOrganisation(from, end)) return true;
    }
    this.reason = 'attributive';
    if (!s.runPossessive[r] && this.isAttributiveHeadAt(s.runStop(r))) return true;
    // "the novel Angel Catbird", "the film Maria Full of Grace": a title of a work (of two words or more: in
    // "in his book Obama wrote" the name is the writer's).
    this.reason = 'work-title';
    if (end - s.runFirst[r] >= 2 && (this.contextWords.before(s.runStart(r)) & WORK_NOUN) !== 0) return true;
    // “Jane Eyre”, "Maria Full of Grace": a name of two words or more that a quotation is made of is a work's title.
    return end - s.runFirst[r] >= 2 && this.isWholeQuotation(r);
  }

  /** Run r fills a quotation: an opening mark right before it and a closing one at its end, or past a few words ("Maria Full of Grace"). */
  private isWholeQuotation(r: number): boolean {
    const text = this.text, s = this.scanned;
    const open = text.charCodeAt(s.runStart(r) - 1);
    if (open !== 0x201c && open !== 34) return false;
    // The title may go on past the run in words of any case: "Maria Full of Grace", "Pride and Prejudice".
    const limit = Math.min(text.length, s.runStop(r) + 40);
    for (let i = s.runStop(r); i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x201d || c === 34) return i === s.runStop(r) || !/[.!?,;:]/.test(text.slice(s.runStop(r), i));
      if (c === 10 || c === 0x201c) return false;
    }
    return false;
  }

  /** A lower-case noun right after a name that makes the name a modifier: "the Trump administration". */
  private isAttributiveHeadAt(pos: number): boolean {
    const text = this.text;
    if (!isSpace(text.charCodeAt(pos))) return false;
    const c = text.charCodeAt(pos + 1);
    if (!(c >= 97 && c <= 122)) return false;
    let e = pos + 2;
    while (e < text.length && isLetter(text.charCodeAt(e))) e++;
    return e - pos - 1 <= 14 && (this.contextBits(pos + 1, e) & ATTRIBUTIVE_HEAD) !== 0;
  }

  /** Length of a multi-word place or organisation name starting at token i ("United States", "Los Angeles"), or 0. */
  private nameOfThingAt(i: number, end: number): number {
    if (!this.has(i, PHRASE_FIRST)) return 0;
    for (let n = Math.min(3, end - i - 1); n >= 2; n--) if (this.isPlaceOrOrganisation(i, i + n)) return n;
    return 0;
  }

  /** Before pos: nothing but spaces and opening quotes/brackets back to a sentence end, a line start or the text start. */
  private isSentenceStart(pos: number): boolean {
    const text = this.text;
    let i = pos - 1;
    while (i >= 0 && isOpener(text.charCodeAt(i))) i--;
    if (i < 0 || isSentenceEnd(text.charCodeAt(i))) return true;
    // A closing quote after a sentence end: “… over.” Then …
    if (!isClosingQuote(text.charCodeAt(i)) || i === 0) return false;
    const c = text.charCodeAt(i - 1);
    return c === 46 || c === 33 || c === 63 || c === COMMA;
  }

  /**
   * Removes leading titles and descriptors (roles, nationalities, places, acronyms; common words only at a sentence
   * start, where every word is capitalised), and trailing non-name words ("… Image") from tokens [first, end).
   * Tokens whose word is in `known` are names of this article and are kept. After a person title only further
   * titles and role words are removed ("Professor Cres Eastman" keeps "Cres"). Sets coreFirst, coreEnd, titled.
   */
  private stripName(first: number, end: number, known: WordSet | null): void {
    const words = this.scanned.tokenWord;
    // Whatever precedes the last title describes the office: "Turkish President", "Commission President".
    const title = this.lastTitleIndex(first, end);
    let i = first;
    if (title >= 0) {
      i = title;
      for (let k = first; k <= title; k++) if (known !== null && known.has(words[k])) { i = first; break; }
    }
    let titled = false;
    // Whether the run opens a sentence: looked up only when a word's fate depends on it (most runs never ask).
    let sentenceStart = i === first ? UNKNOWN_YET : NO;
    while (i < end) {
      if (known !== null && known.has(words[i])) break;
      const f = this.flags(i);
      const hasNext = i + 1 < end;
      if (hasNext && (f & TITLE)) { titled = true; i++; continue; }
      // "President de Gaulle", "De la Fuente": particles right before the surname belong to the name.
      if ((f & (PARTICLE | NAME_PARTICLE)) && this.particlesBeforeName(i, end)) break;
      if (f & (PARTICLE | ROLE)) { i++; continue; }
      if (titled) break;
      // "Park Joo-ho", "Oh Se-hoon": a family name that is also an English word.
      if (hasNext && (f & ASIAN_SURNAME) && this.has(i + 1, SYLLABIC)) break;
      // "Kent County Republican", "Oxford University researcher Jane Roe": a word and a thing's last word name a thing.
      const thingLength = this.nameOfThingAt(i, end) || (i + 2 < end && this.has(i + 1, THING_SUFFIX) && !this.has(i, TITLE) ? 2 : 0);
      if (thingLength > 0) { i += thingLength; sentenceStart = NO; continue; }
      // "Will Smith", "June Carter": a given name that is also a word, before a name from the lists.
      if ((f & GIVEN_ALSO_WORD) && hasNext && this.has(i + 1, NAME)) break;
      if (f & STRICT_NON_NAME) { i++; continue; }
      // "Frank Messina", "Rusty Greer": a given name that is also a word, before a word that is not one.
      if ((f & GIVEN_IF_SURNAME) && hasNext && this.mayBeSurname(i + 1)) break;
      // A common word is capitalised by the sentence start, or stands alone ("the Church"); mid-run it may be a name.
      if (this.isNonNameWord(i) && (!hasNext || sentenceStart === YES
        || (sentenceStart === UNKNOWN_YET && (sentenceStart = this.isSentenceStart(this.scanned.tokenStart[first]) ? YES : NO) === YES))) {
        i++;
        sentenceStart = NO;
        continue;
      }
      break;
    }
    let e = end;
    // Trailing particles and non-name words ("… Image"), unless known or a surname that is also a word ("Theresa May").
    while (e > i) {
      const k = e - 1;
      const trailing = this.has(k, PARTICLE)
        || (this.has(k, NON_NAME) && !(known !== null && known.has(words[k])) && !this.isSurnameAlsoWord(k, i));
      if (!trailing) break;
      e--;
    }
    this.coreFirst = i;
    this.coreEnd = e;
    this.titled = titled;
  }

  /** Tokens from i on are particles and then, last in [i, end), a name word: "de Gaulle", "van den Berg". */
  private particlesBeforeName(i: number, end: number): boolean {
    let k = i;
    while (k < end && this.has(k, PARTICLE | NAME_PARTICLE)) k++;
    return k === end - 1 && k > i && !this.has(k, STRICT_NON_NAME | COMMON | THING_SUFFIX);
  }

  /**
   * Token k may be a surname after a given name that is also a word: a listed name, or a word that is not common
   * English ("Frank Okoro", "Jay Hammond"; not "Hope Springs").
   */
  private mayBeSurname(k: number): boolean {
    return this.has(k, NAME) || (!this.isNonNameWord(k) && !this.has(k, WORD_NON_NAME));
  }

  /** "Theresa May": token k is a given name that is also a word, right after a given name (from `first` on). */
  private isSurnameAlsoWord(k: number, first: number): boolean {
    return k > first && this.has(k, GIVEN_ALSO_WORD) && (this.flags(k - 1) & (GIVEN | GIVEN_ALSO_WORD)) === GIVEN;
  }

  /** "Islamic Relations Alia Salem" → "Alia Salem": a given name followed by more name starts the name. */
  private startAtGivenName(first: number, end: number): number {
    for (let k = first + 1; k < end - 1; k++) {
      if (!this.has(k, GIVEN)) continue;
      for (let j = first; j < k; j++) if (!this.has(j, STRICT_NON_NAME | COMMON)) return first;
      return k;
    }
    return first;
  }

  private isNamePart(k: number): boolean { return !this.has(k, PARTICLE | NAME_PARTICLE); }

  /**
   * Whether the words around the run say it is a person. With `speechCounts` false a speech verb is not enough
   * (organisations speak too: "UC Davis said", "AS Roma said").
   */
  private contextEvidence(r: number, first: number, end: number, speechCounts = true): PersonReason | null {
    const s = this.scanned;
    if (end === s.runEnd[r] && !s.runPossessive[r]) {
      const after = s.tokenEnd(end - 1);
      SCORER_MINUTE_RE.lastIndex = after;
      if (end - first === 1 && SCORER_MINUTE_RE.test(this.text)) return 'scorer';
      if (this.text.charCodeAt(after) === COMMA) {
        APPOSITION_RE.lastIndex = after;
        const apposition = APPOSITION_RE.test(this.text);
        // "Foxconn, the Taiwanese manufacturer, said": described as an organisation, whatever follows.
        if (apposition && this.isOrganisationDescribedAt(APPOSITION_RE.lastIndex)) return null;
        if (apposition) return 'apposition';
        SPEECH_AFTER_ASIDE_RE.lastIndex = after;
        if (speechCounts && SPEECH_AFTER_ASIDE_RE.test(this.text)) return 'speech-or-person-verb';
      } else if (speechCounts && this.isSpeechVerbAfter(after)) return 'speech-or-person-verb';
    }
    if (end === s.runEnd[r] && s.runPossessive[r] && (this.contextWords.after(s.tokenEnd(end - 1) + 2) & KINSHIP_NOUN)) return 'kinship';
    if (first !== s.runFirst[r]) return null;
    const start = s.tokenStart[first];
    if (speechCounts && this.isSpeechBefore(start)) return 'speech-or-person-verb';
    if (this.isRoleNounBefore(start)) return 'role-noun';
    if (this.isAfterPlacePossessive(start)) return 'place-possessive';
    return this.isAuthorBefore(start) ? 'author' : null;
  }

  /** PERSON with its reason, or UNSURE when there is none. */
  private personIf(reason: PersonReason | null): Verdict {
    if (reason === null) return this.notPerson(UNSURE, 'no-evidence');
    this.reason = reason;
    return PERSON;
  }

  private notPerson(verdict: typeof UNSURE | typeof THING, reason: NotPersonReason): Verdict {
    this.reason = reason;
    return verdict;
  }

  /**
   * "Foxconn, the Taiwanese manufacturer, said": the description that starts at pos (after ", the ") ends in a noun
   * for an organisation. Its head is the last word before the first comma, full stop or preposition.
   */
  private isOrganisationDescribedAt(pos: number): boolean {
    const text = this.text;
    const limit = Math.min(text.length, pos + 80);
    let head = 0;
    for (let i = pos; i < limit;) {
      const c = text.charCodeAt(i);
      if (!isLetter(c)) {
        if (c === 32 || c === 0xa0 || c === HYPHEN || c === 39 || c === 0x2019) { i++; continue; }
        break;
      }
      let end = i + 1;
      while (end < limit && (isLetter(text.charCodeAt(end)) || text.charCodeAt(end) === HYPHEN)) end++;
      const bits = end - i <= 16 ? this.contextBits(i, end) : 0;
      // "Kowalczyk, the company said, will lead": an attribution, not a description.
      if (bits & SPEECH_VERB) return false;
      if (bits & DESCRIPTION_END) break;
      head = bits;
      i = end;
    }
    return (head & (ORGANISATION_NOUN | SETTLEMENT_NOUN)) !== 0;
  }

  /** "a paper by AS Heagle", "written by Chimamanda Adichie": a written work (or its making) and "by" right before pos. */
  private isAuthorBefore(pos: number): boolean {
    const text = this.text;
    if (!isSpace(text.charCodeAt(pos - 1)) || !text.startsWith('by', pos - 3) || !isSpace(text.charCodeAt(pos - 4))) return false;
    return (this.contextWords.before(pos - 3) & AUTHORED_WORK) !== 0;
  }

  /**
   * Tokens k, k + 1 can be given names written as capitals without dots and a surname: "JK Rowling", "AS Heagle". Not
   * when the capitals name a place, organisation or office ("UK", "BBC", "MP"), a lone capital is a word ("A", "I"),
   * or the next word is not a name by itself ("US President", "BBC News", "EU Commission").
   */
  private isInitialsAndSurname(k: number): boolean {
    const f = this.flags(k);
    if (!(f & CAPITALS) || (f & (PLACE_OR_ORG | TITLE | ROLE))) return false;
    if (this.scanned.tokenEnd(k) - this.scanned.tokenStart[k] === 1 && (f & (NON_NAME | COMMON))) return false;
    return !this.has(k + 1, TITLE | THING_SUFFIX | THING_WORD | PLACE_OR_ORG) && !this.isNonNameWord(k + 1);
  }

  /** "Brazil’s Neymar", "France’s Macron": a place’s possessive right before the name. */
  private isAfterPlacePossessive(pos: number): boolean {
    const text = this.text;
    if (!isSpace(text.charCodeAt(pos - 1)) || text.charCodeAt(pos - 2) !== LOWER_S) return false;
    const apostrophe = text.charCodeAt(pos - 3);
    if (apostrophe !== 39 && apostrophe !== 0x2019) return false;
    const end = pos - 3;
    let start = end;
    while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
    return start < end && (this.wordBits(start, end) & PLACE) !== 0;
  }

  /**
   * "Zhao said", "Kerry has said", "Heagle died", "Okafor was arrested": white space, then a speech verb or a verb
   * only people take, after an optional auxiliary (or "was"/"is" before a participle) and one space.
   */
  private isSpeechVerbAfter(pos: number): boolean {
    const text = this.text;
    if (!isWhiteSpace(text.charCodeAt(pos))) return false;
    let start = pos + 1;
    while (isWhiteSpace(text.charCodeAt(start))) start++;
    let end = start;
    while (isLetter(text.charCodeAt(end))) end++;
    if (end === start || end - start > 16) return false;
    const bits = this.contextBits(start, end);
    const passive = (end - start === 3 && text.startsWith('was', start)) || (end - start === 2 && text.startsWith('is', start));
    if (((bits & SPEECH_AUXILIARY) || passive) && text.charCodeAt(end) === 32) {
      const verbStart = end + 1;
      let verbEnd = verbStart;
      while (isLetter(text.charCodeAt(verbEnd))) verbEnd++;
      const wanted = passive ? PERSON_PARTICIPLE : SPEECH_VERB | PERSON_VERB;
      if (verbEnd > verbStart && verbEnd - verbStart <= 16 && (this.contextBits(verbStart, verbEnd) & wanted)) {
        return !isAsciiWordChar(text.charCodeAt(verbEnd));
      }
    }
    return (bits & (SPEECH_VERB | PERSON_VERB)) !== 0 && !isAsciiWordChar(text.charCodeAt(end));
  }

  /** "said Zhao", "according to Lim Sung-nam": a speech verb or "according to", then one space. */
  private isSpeechBefore(pos: number): boolean {
    const text = this.text;
    if (!isSpace(text.charCodeAt(pos - 1))) return false;
    if (pos >= 13 && text.startsWith('according to', pos - 13)) return true;
    const end = pos - 1;
    let start = end;
    while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
    if (start === end || (start > 0 && isAsciiWordChar(text.charCodeAt(start - 1)))) return false;
    return (this.contextBits(start, end) & SPEECH_VERB) !== 0;
  }

  /** "spokeswoman Hua Chunying", "the Afghan team's coach, Alireza Mehraban", "his wife Manju Sam". */
  private isRoleNounBefore(pos: number): boolean {
    const text = this.text;
    if (!isSpace(text.charCodeAt(pos - 1))) return false;
    let end = pos - 1;
    if (text.charCodeAt(end - 1) === COMMA) end--;
    let start = end;
    while (start > 0 && (isLetter(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === HYPHEN)) start--;
    if (start === end || end - start > 16) return false;
    if (this.contextBits(start, end) & ROLE_NOUN) return true;
    return text.charCodeAt(end - 1) === LOWER_S && end - 1 > start && (this.contextBits(start, end - 1) & ROLE_NOUN) !== 0;
  }

  /**
   * Run r opens a dateline: capitals at a line start before a comma, a date or a dash ("CALCUTTA 1996-08-27",
   * "TAIBE, Israel", "LISBON —"). It names the place the story was filed from.
   */
  isDateline(r: number): boolean {
    const s = this.scanned, text = this.text;
    const start = s.runStart(r);
    if (start > 0 && text.charCodeAt(start - 1) !== 10) return false;
    for (let k = s.runFirst[r]; k < s.runEnd[r]; k++) if (!this.has(k, ALL_CAPS)) return false;
    DATELINE_END_RE.lastIndex = s.runStop(r);
    return DATELINE_END_RE.test(text);
  }

  /**
   * The names of a byline in capitals ("BY JANE ROE AND TOM LEE", "BY ANA RUIZ, TOM LEE", "By Ana Ruiz and TOM LEE"), as
   * token ranges [first, end) in pairs: runs all in capitals on a line that opens with "BY" or "By", cut at "AND", each piece of two to four words
   * that opens with a given name. Empty for any other run.
   */
  bylineNames(r: number): number[] {
    const s = this.scanned, text = this.text;
    const first = s.runFirst[r], end = s.runEnd[r];
    if (!this.has(first, ALL_CAPS)) return NO_NAMES;
    let lineStart = s.runStart(r);
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    if (!text.startsWith('BY ', lineStart) && !text.startsWith('By ', lineStart)) return NO_NAMES;
    for (let k = first; k < end; k++) if (!this.has(k, ALL_CAPS)) return NO_NAMES;
    const names: number[] = [];
    let from = this.lower(first) === 'by' ? first + 1 : first;
    for (let k = from; k <= end; k++) {
      if (k < end && this.lower(k) !== 'and') continue;
      if (k - from >= 2 && k - from <= 4 && this.has(from, GIVEN)) names.push(from, k);
      from = k + 1;
    }
    return names;
  }

  /** Run r is all its line holds. */
  private isWholeLine(r: number): boolean {
    const text = this.text, start = this.scanned.runStart(r), stop = this.scanned.runStop(r);
    return (start === 0 || text.charCodeAt(start - 1) === 10) && (stop === text.length || text.charCodeAt(stop) === 10 || text.charCodeAt(stop) === 13);
  }

  /** Run r reads as a place: after "in", "near"…, after "the town of", or before ", " and another place ("Victoria, British Columbia"). */
  isInPlaceContext(r: number): boolean {
    const s = this.scanned, text = this.text;
    // "from Lauck's material", "fun at Dole's comparison": a possessive names what follows.
    if (s.runPossessive[r]) return false;
    const start = s.runStart(r);
    const before = this.contextWords.before(start);
    // "flew to Jordan", "returned from Britain": a country after "to" or "from".
    if ((before & PLACE_LEAD) || ((before & COUNTRY_LEAD) && s.runEnd[r] - s.runFirst[r] === 1 && this.has(s.runFirst[r], COUNTRY))) return true;
    // "the town of Doboj": "of" and a settlement noun before it.
    if (text.startsWith('of', start - 3) && isSpace(text.charCodeAt(start - 1)) && (this.contextWords.before(start - 3) & SETTLEMENT_NOUN)) return true;
    const stop = s.runStop(r);
    if (text.charCodeAt(stop) !== COMMA || !isSpace(text.charCodeAt(stop + 1)) || r + 1 >= s.runCount || s.runStart(r + 1) !== stop + 2) return false;
    const next = s.runFirst[r + 1], nextEnd = s.runEnd[r + 1];
    return this.has(next, PLACE | GAZETTEER_PLACE) || (nextEnd - next >= 2 && this.has(next, PHRASE_FIRST) && this.isPlaceOrOrganisation(next, nextEnd));
  }

  /** "the Church", "the Sea Org": a determiner before a bare capitalised run marks a thing more often than a person. */
  private isAfterDeterminer(r: number): boolean {
    const text = this.text;
    const pos = this.scanned.runStart(r);
    if (!isSpace(text.charCodeAt(pos - 1))) return false;
    const end = pos - 1;
    let start = end;
    while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
    const n = end - start;
    if (n === 1) return text.charCodeAt(start) === 97; // a
    if (n === 2) return text.startsWith('an', start);
    return n === 3 && (text.startsWith('the', start) || text.startsWith('The', start));
  }

  /**
   * First pass: a verdict on run r from its own words and its immediate context; PERSON says nothing of whether the
   * run is a thing (isThingRun).
   */
  classifyRun(r: number): Verdict {
    const s = this.scanned;
    const runFirst = s.runFirst[r];
    this.stripName(runFirst, s.runEnd[r], null);
    const end = this.coreEnd;
    const first = this.startAtGivenName(this.coreFirst, end);
    this.coreFirst = first;
    // "a paper by AS Heagle", "author JK Rowling": given names written as capitals without dots, stripped above like an
    // acronym, are part of the name when a surname alone ends the run and the context tells of a person — more than a
    // speech verb, which a university or a club ("UC Davis said", "AS Roma said") takes as well.
    if (end - first === 1 && first > runFirst && end === s.runEnd[r] && this.isInitialsAndSurname(first - 1)) {
      const initials = first - 1, opensRun = initials === runFirst;
      if (this.firmNames.size > 0 && this.firmNames.has(nameKey(s.tokenWord, initials, end))) return this.notPerson(THING, 'firm');
      if (!(opensRun && this.isAfterDeterminer(r)) && this.contextEvidence(r, initials, end, false) !== null) {
        this.coreFirst = initials;
        return this.personIf('initials');
      }
    }
    let firstPart = -1, lastPart = -1, partCount = 0;
    for (let k = first; k < end; k++) {
      if (!this.isNamePart(k)) continue;
      if (firstPart < 0) firstPart = k;
      lastPart = k;
      partCount++;
    }
    if (partCount === 0) return this.notPerson(UNSURE, 'common-words');
    const lastFlags = this.flags(lastPart);
    // A name ends with a name word: "the Los Angeles Sheriff", "a Booker Prize-winner", "Washington D.C." are not people.
    if ((lastFlags & (WORD_NON_NAME | INITIALS)) || ((lastFlags & TITLE) && !(lastFlags & NAME))) return this.notPerson(UNSURE, 'ends-with-non-name');
    if (end - first === 1 ? this.has(first, PLACE_OR_ORG)
      : this.has(first, PHRASE_FIRST) && (this.isPlaceOrOrganisation(first, end) || this.isDemonymOfPlace(first, end))) {
      return this.notPerson(THING, 'place');
    }
    if (this.firmNames.size > 0 && end - first >= 2 && this.firmNames.has(nameKey(s.tokenWord, first, end))) return this.notPerson(THING, 'firm');
    // "General Assembly", "Singer Cup": a title before a thing's word or a place is no person's.
    if (this.titled) {
      if (end - first === 1 && this.has(first, THING_SUFFIX | PLACE_OR_ORG | COUNTRY)) return this.notPerson(UNSURE, 'ends-with-non-name');
      return this.personIf('title');
    }
    // A country or city of the gazetteer is a place where the text treats it as one ("in Sofia", "the town of Doboj",
    // "Victoria, British Columbia"), and not a person on its own evidence otherwise unless it is also a name: the
    // article may still name a person so ("Kazuo Sakai … Sakai said"), which the second pass finds.
    if (end - first === 1 && this.has(first, GAZETTEER_PLACE)) {
      if (first === runFirst && end === s.runEnd[r] && this.isInPlaceContext(r)) return this.notPerson(THING, 'place');
      if (this.has(first, COUNTRY) && !this.has(first, NAME)) return this.notPerson(UNSURE, 'place');
    }
    if (partCount >= 2) {
      let restStrict = false, restNonName = false, restAllNonName = true, anySyllabic = this.has(firstPart, SYLLABIC);
      for (let k = firstPart + 1; k < end; k++) {
        if (!this.isNamePart(k)) continue;
        // A name may end with a place ("Todd Woodbridge", "Valeska Paris") or a word that is also a given name ("Theresa May").
        const lastMayBeName = k === lastPart && (this.isSurnameAlsoWord(k, firstPart) || !this.has(k, WORD_NON_NAME));
        if (this.has(k, STRICT_NON_NAME) && !lastMayBeName) restStrict = true;
        if (this.isNonNameWord(k)) restNonName = true;
        else restAllNonName = false;
        if (this.has(k, SYLLABIC)) anySyllabic = true;
      }
      const firstFlags = this.flags(firstPart);
      // "Will Smith" needs a listed name after "Will"; "Martina Navratilova" needs no more than a given name first.
      const givenFirst = (firstFlags & GIVEN) !== 0 ? !(firstFlags & GIVEN_ALSO_WORD) || this.has(firstPart + 1, NAME)
        : (firstFlags & GIVEN_IF_SURNAME) !== 0 && this.mayBeSurname(firstPart + 1);
      // "the Royal Albert Hall", "a Victoria Station bench": a determiner, and a common word at the end, name a thing.
      if (this.isNonNameWord(lastPart) && !this.isSurnameAlsoWord(lastPart, firstPart) && this.isAfterDeterminer(r)) {
        return this.notPerson(UNSURE, 'no-evidence');
      }
      if (givenFirst && !restStrict) return this.personIf('given-name');
      // "C. White", "D.A. Weibring": initials, then a surname that may well be a common word — not an item of a list
      // lettered A., B., C. that fills its line.
      if (firstFlags & INITIALS) {
        if (this.isWholeLine(r)) return this.notPerson(UNSURE, 'no-evidence');
        if (!this.has(lastPart, WORD_NON_NAME | NON_NAME | THING_SUFFIX | TITLE) && !this.has(firstPart + 1, PLACE_OR_ORG | GAZETTEER_PLACE)) {
          return this.personIf('initials-and-surname');
        }
      }
      if ((firstFlags & ASIAN_SURNAME) && !restNonName) return this.personIf('asian-surname');
      if (anySyllabic && !restNonName) return this.personIf('syllabic-name');
      if (first === runFirst && this.isAfterDeterminer(r)) return this.notPerson(UNSURE, 'no-evidence');
      // Mid-sentence capitalised words ending in a word that is neither common English nor a place: "Dries Mertens".
      if (!this.isNonNameWord(lastPart) && !restStrict && !(firstFlags & STRICT_NON_NAME)) return this.personIf('name-shape');
      // Context alone does not make a person of common words: "wrote One Hundred Years".
      if (restAllNonName && this.isNonNameWord(firstPart)) return this.notPerson(UNSURE, 'common-words');
      return this.personIf(this.contextEvidence(r, first, end));
    }
    // "Ministry", "Council": a word that ends names of institutions is not a one-word name.
    if (this.isNonNameWord(firstPart) || this.has(firstPart, THING_SUFFIX | THING_WORD)) return this.notPerson(UNSURE, 'common-words');
    if (this.isAfterDeterminer(r)) return this.notPerson(UNSURE, 'no-evidence');
    return this.personIf(this.contextEvidence(r, first, end));
  }

  /** Second pass: an unsure run is a person when its name part consists of names (word ids) the article already uses. */
  classifyWithKnownNames(r: number, known: WordSet): Verdict {
    const s = this.scanned;
    // Its name part must be known words: most unsure runs ("The", "But") have none, and need no stripping.
    let anyKnown = false;
    for (let k = s.runFirst[r]; k < s.runEnd[r] && !anyKnown; k++) anyKnown = known.has(s.tokenWord[k]);
    if (!anyKnown) return this.notPerson(UNSURE, 'no-evidence');
    this.stripName(s.runFirst[r], s.runEnd[r], known);
    let parts = 0;
    for (let k = this.coreFirst; k < this.coreEnd; k++) {
      if (!this.isNamePart(k)) continue;
      if (!known.has(s.tokenWord[k])) return this.notPerson(UNSURE, 'no-evidence');
      parts++;
    }
    // "May" is Theresa May's, but not in "in May" or "May 5"; "JK" of "JK Rowling" names no one alone.
    const only = this.coreFirst;
    if (parts === 1 && this.coreEnd - only === 1 && this.has(only, GIVEN_ALSO_WORD) && this.isDateLike(only)) return this.notPerson(UNSURE, 'common-words');
    if (parts === 1 && this.coreEnd - only === 1 && this.has(only, CAPITALS)) return this.notPerson(UNSURE, 'common-words');
    return parts > 0 ? this.personIf('known-name') : this.notPerson(UNSURE, 'common-words');
  }

  /** Token k reads as a month: after "in", "since", "last"…, or before a number. */
  private isDateLike(k: number): boolean {
    const s = this.scanned;
    if (this.contextWords.before(s.tokenStart[k]) & DATE_LEAD) return true;
    const next = this.text.charCodeAt(s.tokenEnd(k) + 1);
    return isSpace(this.text.charCodeAt(s.tokenEnd(k))) && next >= 48 && next <= 57;
  }

  /** Whether token k is part of the name proper (not a particle such as "von"). */
  namePart(k: number): boolean { return this.isNamePart(k); }
}
