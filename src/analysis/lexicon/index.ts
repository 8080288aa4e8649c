// The analyzer's hand-made word lists, one JSON data file per list in this folder, each fact in one list (see
// README.md here). Each file is {"description", "entries": [...]}; this module turns them into the sets the rules read.
import abbreviations from './abbreviations.json';
import auxiliaries from './auxiliaries.json';
import beForms from './be-forms.json';
import determiners from './determiners.json';
import elisions from './elisions.json';
import femalePronouns from './female-pronouns.json';
import firstAndSecondPerson from './first-and-second-person.json';
import femaleTitles from './female-titles.json';
import malePronouns from './male-pronouns.json';
import maleTitles from './male-titles.json';
import nameParticles from './name-particles.json';
import namingCues from './naming-cues.json';
import phraseBreakers from './phrase-breakers.json';
import reportingVerbForms from './reporting-verb-forms.json';
import reportingVerbModifiers from './reporting-verb-modifiers.json';
import reportingVerbParticles from './reporting-verb-particles.json';
import reportingVerbs from './reporting-verbs.json';
import reportingVerbsClauseFinal from './reporting-verbs-clause-final.json';
import sourcePronouns from './source-pronouns.json';
import timeAdverbialOpeners from './time-adverbial-openers.json';
import timeNouns from './time-nouns.json';
import titleMinorWords from './title-minor-words.json';
import titles from './titles.json';
import verbsOfWords from './verbs-of-words.json';

/** A word list as written in its data file. */
export interface WordListFile {
  readonly description: string;
  readonly entries: readonly string[];
}

export const wordSet = (list: WordListFile): ReadonlySet<string> => new Set(list.entries);

/** -s, -ed and -ing forms of a regular verb's base form: "warn" → warns, warned, warning; "deny" → denies, denied. */
export function inflectVerb(base: string): string[] {
  const forms = [base];
  if (/(s|sh|ch|x|z)$/.test(base)) forms.push(base + 'es');
  else if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ies');
  else forms.push(base + 's');
  if (base.endsWith('e')) forms.push(base + 'd', base.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ied', base + 'ing');
  else forms.push(base + 'ed', base + 'ing');
  return forms;
}

/** Every form of the verbs that report speech ("said", "warns", "told"): quotes' attributions and people's evidence. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([...reportingVerbs.entries.flatMap(inflectVerb), ...reportingVerbForms.entries]);

/** Reporting verbs that report speech only with the word after them, by verb form: "pointed" → {out}, "read" → {a, the}. */
export const REPORTING_VERB_PARTICLES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const phrase of reportingVerbParticles.entries) {
    const [verb, particle] = phrase.split(' ');
    const set = map.get(verb) ?? new Set<string>();
    set.add(particle);
    map.set(verb, set);
  }
  return map;
})();

/** Reporting verbs that report speech only with a particle or object: "pointed out", "went on", "put it". */
export const VERBS_NEEDING_PARTICLE: ReadonlySet<string> = new Set(REPORTING_VERB_PARTICLES.keys());
/** Those of them that also report alone at a clause's end: “…,” the article read. */
export const REPORTING_VERBS_CLAUSE_FINAL = wordSet(reportingVerbsClauseFinal);
export const BE_FORMS = wordSet(beForms);
export const AUXILIARIES = wordSet(auxiliaries);
/** Words between a source and its reporting verb ("he also said", "Kerry has repeatedly said", "she was told"). */
export const REPORTING_VERB_MODIFIERS: ReadonlySet<string> = new Set([...reportingVerbModifiers.entries, ...auxiliaries.entries, ...beForms.entries]);

export const SOURCE_PRONOUNS = wordSet(sourcePronouns);
export const FIRST_AND_SECOND_PERSON = wordSet(firstAndSecondPerson);
export const MALE_PRONOUNS = wordSet(malePronouns);
export const FEMALE_PRONOUNS = wordSet(femalePronouns);
export const DETERMINERS = wordSet(determiners);
export const PHRASE_BREAKERS = wordSet(phraseBreakers);
export const TITLES = wordSet(titles);
export const MALE_TITLES = wordSet(maleTitles);
export const FEMALE_TITLES = wordSet(femaleTitles);
export const NAME_PARTICLES = wordSet(nameParticles);
export const ABBREVIATIONS = wordSet(abbreviations);
export const TIME_ADVERBIAL_OPENERS = wordSet(timeAdverbialOpeners);
export const TIME_NOUNS = wordSet(timeNouns);
export const TITLE_MINOR_WORDS = wordSet(titleMinorWords);
export const ELISIONS = wordSet(elisions);
/** One or two lower-case words, space-separated: "named", "known as", "the title". */
export const NAMING_CUES = wordSet(namingCues);
/** Reporting verbs whose object is the words said: said “no”, chanted “USA!”. */
export const VERBS_OF_WORDS = wordSet(verbsOfWords);

/** Every list file of this folder by name, for the tests that check the lists themselves. */
export const WORD_LIST_FILES: Readonly<Record<string, WordListFile>> = {
  abbreviations,
  auxiliaries,
  'be-forms': beForms,
  determiners,
  elisions,
  'female-pronouns': femalePronouns,
  'first-and-second-person': firstAndSecondPerson,
  'female-titles': femaleTitles,
  'male-pronouns': malePronouns,
  'male-titles': maleTitles,
  'name-particles': nameParticles,
  'naming-cues': namingCues,
  'phrase-breakers': phraseBreakers,
  'reporting-verb-forms': reportingVerbForms,
  'reporting-verb-modifiers': reportingVerbModifiers,
  'reporting-verb-particles': reportingVerbParticles,
  'reporting-verbs': reportingVerbs,
  'reporting-verbs-clause-final': reportingVerbsClauseFinal,
  'source-pronouns': sourcePronouns,
  'time-adverbial-openers': timeAdverbialOpeners,
  'time-nouns': timeNouns,
  'title-minor-words': titleMinorWords,
  titles,
  'verbs-of-words': verbsOfWords,
};
