// The analyzer's hand-made word lists, one JSON data file per list in this folder, each fact in one list (see
// README.md here). Each file is {"description", "entries": [...]}; this module turns them into the sets the rules read.
import abbreviations from './abbreviations.json';
import asianSurnames from './asian-surnames.json';
import attributiveHeads from './attributive-heads.json';
import authoredWorks from './authored-works.json';
import auxiliaries from './auxiliaries.json';
import beForms from './be-forms.json';
import clauseOpeners from './clause-openers.json';
import corporateSuffixes from './corporate-suffixes.json';
import countedNounEndings from './counted-noun-endings.json';
import countedNouns from './counted-nouns.json';
import countryAliases from './country-aliases.json';
import countryLeads from './country-leads.json';
import dateLeadWords from './date-lead-words.json';
import descriptionEnds from './description-ends.json';
import determiners from './determiners.json';
import elisions from './elisions.json';
import femalePronouns from './female-pronouns.json';
import femaleTitles from './female-titles.json';
import firmHeads from './firm-heads.json';
import firmsNamedAfterPeople from './firms-named-after-people.json';
import firstAndSecondPerson from './first-and-second-person.json';
import futureMarkers from './future-markers.json';
import givenNamesAlsoWords from './given-names-also-words.json';
import holidays from './holidays.json';
import identifierNouns from './identifier-nouns.json';
import kinshipNouns from './kinship-nouns.json';
import malePronouns from './male-pronouns.json';
import maleTitles from './male-titles.json';
import monthAbbreviationsUndotted from './month-abbreviations-undotted.json';
import monthAbbreviations from './month-abbreviations.json';
import monthNames from './month-names.json';
import nameParticlesInsideRuns from './name-particles-inside-runs.json';
import nameParticles from './name-particles.json';
import namePrefixes from './name-prefixes.json';
import namedThingPrefixes from './named-thing-prefixes.json';
import namingCues from './naming-cues.json';
import nonNameWords from './non-name-words.json';
import numberWords from './number-words.json';
import ordinalWords from './ordinal-words.json';
import organisationNouns from './organisation-nouns.json';
import organisationPossessions from './organisation-possessions.json';
import partsOfDay from './parts-of-day.json';
import pastMarkers from './past-markers.json';
import personParticiples from './person-participles.json';
import personTitles from './person-titles.json';
import personVerbs from './person-verbs.json';
import phraseBreakers from './phrase-breakers.json';
import placeLeads from './place-leads.json';
import possessiveThingHeads from './possessive-thing-heads.json';
import publicationLabels from './publication-labels.json';
import quantityPhrases from './quantity-phrases.json';
import reportingVerbForms from './reporting-verb-forms.json';
import reportingVerbModifiers from './reporting-verb-modifiers.json';
import reportingVerbParticles from './reporting-verb-particles.json';
import reportingVerbsClauseFinal from './reporting-verbs-clause-final.json';
import reportingVerbs from './reporting-verbs.json';
import roleNouns from './role-nouns.json';
import roleWords from './role-words.json';
import saintPrefixes from './saint-prefixes.json';
import seasons from './seasons.json';
import settlementNouns from './settlement-nouns.json';
import sourcePronouns from './source-pronouns.json';
import speechAuxiliaries from './speech-auxiliaries.json';
import streetSuffixes from './street-suffixes.json';
import tensWords from './tens-words.json';
import thingPronouns from './thing-pronouns.json';
import thingSuffixes from './thing-suffixes.json';
import thingWords from './thing-words.json';
import timeAdverbialOpeners from './time-adverbial-openers.json';
import timeNouns from './time-nouns.json';
import timeZones from './time-zones.json';
import titleAbbreviations from './title-abbreviations.json';
import titleMinorWords from './title-minor-words.json';
import updateLabels from './update-labels.json';
import verbsOfWords from './verbs-of-words.json';
import weekdayAbbreviations from './weekday-abbreviations.json';
import weekdayNames from './weekday-names.json';
import workNouns from './work-nouns.json';
import workplaceRoles from './workplace-roles.json';

/** A word list as written in its data file. */
export interface WordListFile {
  readonly description: string;
  readonly entries: readonly string[];
}

export const wordSet = (list: WordListFile): ReadonlySet<string> => new Set(list.entries);

/** A regular-expression alternation of the words, each with a capital first letter, the longest first (no groups). */
export const capitalisedAlternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map(w => w[0].toUpperCase() + w.slice(1)).join('|');

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

/**
 * Reporting verbs that report speech only with a particle or object after them ("pointed out", "went on", "put it"),
 * and those words: verb → the words that may follow it.
 */
export const REPORTING_VERB_PARTICLES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const byVerb = new Map<string, Set<string>>();
  for (const entry of reportingVerbParticles.entries) {
    const [verb, particle] = entry.split(' ');
    let particles = byVerb.get(verb);
    if (!particles) byVerb.set(verb, particles = new Set());
    particles.add(particle);
  }
  return byVerb;
})();

/** Every list of this folder, by the camel-case form of its file name ("person-titles.json" → lexicon.personTitles). */
export const lexicon = {
  abbreviations,
  asianSurnames,
  attributiveHeads,
  authoredWorks,
  auxiliaries,
  beForms,
  clauseOpeners,
  corporateSuffixes,
  countedNounEndings,
  countedNouns,
  countryAliases,
  countryLeads,
  dateLeadWords,
  descriptionEnds,
  determiners,
  elisions,
  femalePronouns,
  femaleTitles,
  firmHeads,
  firmsNamedAfterPeople,
  firstAndSecondPerson,
  futureMarkers,
  givenNamesAlsoWords,
  holidays,
  identifierNouns,
  kinshipNouns,
  malePronouns,
  maleTitles,
  monthAbbreviations,
  monthAbbreviationsUndotted,
  monthNames,
  namedThingPrefixes,
  nameParticles,
  nameParticlesInsideRuns,
  namePrefixes,
  namingCues,
  nonNameWords,
  numberWords,
  ordinalWords,
  organisationNouns,
  organisationPossessions,
  partsOfDay,
  pastMarkers,
  personParticiples,
  personTitles,
  personVerbs,
  phraseBreakers,
  placeLeads,
  possessiveThingHeads,
  publicationLabels,
  quantityPhrases,
  reportingVerbForms,
  reportingVerbModifiers,
  reportingVerbParticles,
  reportingVerbs,
  reportingVerbsClauseFinal,
  roleNouns,
  roleWords,
  saintPrefixes,
  seasons,
  settlementNouns,
  sourcePronouns,
  speechAuxiliaries,
  streetSuffixes,
  tensWords,
  thingPronouns,
  thingSuffixes,
  thingWords,
  timeAdverbialOpeners,
  timeNouns,
  timeZones,
  titleAbbreviations,
  titleMinorWords,
  updateLabels,
  verbsOfWords,
  weekdayAbbreviations,
  weekdayNames,
  workNouns,
  workplaceRoles,
} satisfies Record<string, WordListFile>;
