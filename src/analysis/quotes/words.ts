// The word lists the quote and speaker rules read, as sets, from the lexicon's data files (src/analysis/lexicon).
// Lower case throughout.
import { lexicon, REPORTING_VERB_PARTICLES, REPORTING_VERBS, wordSet } from '../lexicon';

export { REPORTING_VERB_PARTICLES, REPORTING_VERBS };

/** Reporting verbs that also report alone at a clause's end, without their particle: “…,” the article read. */
export const REPORTING_VERBS_CLAUSE_FINAL = wordSet(lexicon.reportingVerbsClauseFinal);
/** Reporting verbs whose object is the words said: said “no”, chanted “USA!”. */
export const VERBS_OF_WORDS = wordSet(lexicon.verbsOfWords);
export const BE_FORMS = wordSet(lexicon.beForms);
export const AUXILIARIES = wordSet(lexicon.auxiliaries);
/** Words between a source and its reporting verb ("he also said", "Kerry has repeatedly said", "she was told"). */
export const REPORTING_VERB_MODIFIERS: ReadonlySet<string> = new Set([
  ...lexicon.reportingVerbModifiers.entries, ...lexicon.auxiliaries.entries, ...lexicon.beForms.entries,
]);

export const SOURCE_PRONOUNS = wordSet(lexicon.sourcePronouns);
export const FIRST_AND_SECOND_PERSON = wordSet(lexicon.firstAndSecondPerson);
export const MALE_PRONOUNS = wordSet(lexicon.malePronouns);
export const FEMALE_PRONOUNS = wordSet(lexicon.femalePronouns);
export const DETERMINERS = wordSet(lexicon.determiners);
export const PHRASE_BREAKERS = wordSet(lexicon.phraseBreakers);
/** Titles and honorifics before a name ("Mr.", "Gov.", "Secretary"): the people rules' list. */
export const PERSON_TITLES = wordSet(lexicon.personTitles);
export const MALE_TITLES = wordSet(lexicon.maleTitles);
export const FEMALE_TITLES = wordSet(lexicon.femaleTitles);
export const NAME_PARTICLES = wordSet(lexicon.nameParticles);
/** Abbreviations whose period does not end a sentence: titles and name suffixes ("Mr.", "Jr."), and the others ("Inc.", "Sept."). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...lexicon.abbreviations.entries, ...lexicon.titleAbbreviations.entries.map(e => e.toLowerCase()),
]);
export const TIME_ADVERBIAL_OPENERS = wordSet(lexicon.timeAdverbialOpeners);
/** Nouns that close a short time adverbial: weekdays, months and "week", "year", "morning"… */
export const TIME_NOUNS: ReadonlySet<string> = new Set([
  ...lexicon.timeNouns.entries, ...lexicon.weekdayNames.entries, ...lexicon.monthNames.entries,
]);
export const TITLE_MINOR_WORDS = wordSet(lexicon.titleMinorWords);
export const ELISIONS = wordSet(lexicon.elisions);
/** One or two lower-case words, space-separated: "named", "known as", "the title". */
export const NAMING_CUES = wordSet(lexicon.namingCues);
