// Hand-made word lists for the people rules: titles and roles, organisation/place words, name particles and
// name-bearing surnames that the generated lexicon lacks. Everything is lower case; look-ups use Sets (WordLists for
// the large generated lists).
import { cities, countries, givenNames as englishGivenNames, givenNamesAlsoWords } from '../data/gazetteer.generated';
import { commonWords, demonyms, givenNames, organisations, places, surnames } from '../data/lexicon.generated';
import { lexicon, REPORTING_VERB_PARTICLES, REPORTING_VERBS, wordSet } from '../lexicon';
import { WordList } from './wordlist';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));
/** The generated lists are sorted and separated by single spaces: searched in place (see WordList). */
const generatedWords = (s: string): WordList => new WordList(s);
const phrases = (s: string): Set<string> => new Set(s.split('|'));

export const GIVEN_NAMES = generatedWords(givenNames);
export const SURNAMES = generatedWords(surnames);
/** The world's countries and cities (generated from registry data packages): see GAZETTEER_PLACES for one-word ones. */
const GAZETTEER = [...countries.split('|'), ...lexicon.countryAliases.entries, ...cities.split('|')];
/**
 * Place names of one word from the gazetteer: "Doboj", "Sakai", "Sofia". Weaker evidence than PLACES: many are also
 * names ("Sakai", "Victoria", "Lincoln"), so they make a run a place only in a place's context (see classify.ts).
 */
export const GAZETTEER_PLACES: ReadonlySet<string> = new Set(GAZETTEER.filter(p => !p.includes(' ')));
/** Countries of one word ("Jordan", "Britain"): metonyms for their governments ("Britain said"), so a speech verb does not make them people. */
export const COUNTRIES: ReadonlySet<string> = new Set([...countries.split('|'), ...lexicon.countryAliases.entries].filter(p => !p.includes(' ')));
/** Multi-word place names, from compromise's lexicon and the gazetteer ("los angeles", "veliko tarnovo"). */
export const PLACES = new Set([...phrases(places), ...GAZETTEER.filter(p => p.includes(' '))]);
/** English given names beyond compromise's (generated from registry data packages). */
export const ENGLISH_GIVEN_NAMES: ReadonlySet<string> = new Set(englishGivenNames.split('|'));
/** English given names that are also English words ("Frank", "Bill", "Rose"): given names where a surname follows. */
export const GIVEN_NAMES_IF_SURNAME: ReadonlySet<string> = new Set(givenNamesAlsoWords.split('|'));
/**
 * Well-known firms named after people, as the run scanner writes them (lower case, one space between words). The
 * generated organisation list has many such names already ("goldman sachs", "dow jones"); these are the ones it
 * lacks. Firms joined by "&" ("Ernst & Young") are found by the "&" itself.
 */
export const FIRMS_NAMED_AFTER_PEOPLE = wordSet(lexicon.firmsNamedAfterPeople);

export const ORGANISATIONS = new Set([...phrases(organisations), ...FIRMS_NAMED_AFTER_PEOPLE]);
export const DEMONYMS = generatedWords(demonyms);

/** Words written before a name that say the bearer is a person: they are evidence, never part of the span. */
export const PERSON_TITLES = wordSet(lexicon.personTitles);

/** Capitalised words that often precede a name inside a role phrase ("Foreign Affairs Wang Yi") and are not names. */
export const ROLE_WORDS = wordSet(lexicon.roleWords);

/** Last words of organisation, place and publication names: a run ending so is a thing, not a person. */
export const THING_SUFFIXES = wordSet(lexicon.thingSuffixes);

/** Words that, anywhere in a capitalised run, make it the name of an organisation or institution. */
export const THING_WORDS = wordSet(lexicon.thingWords);

/** Lower-case nouns after a name that make it a modifier of a thing named after the person ("the Trump administration"). */
export const ATTRIBUTIVE_HEADS = wordSet(lexicon.attributiveHeads);

/**
 * Last words of company names: a run ending so names a firm, and the words before them ("Goldman Sachs" of
 * "Goldman Sachs Group Inc") name it too elsewhere in the article.
 */
export const CORPORATE_SUFFIXES = wordSet(lexicon.corporateSuffixes);

/** Lower-case nouns after a run that make it a firm: "Morgan Stanley analysts", "a Lazard banker". */
export const FIRM_HEADS = wordSet(lexicon.firmHeads);

/** People who work somewhere: "an economist at Morgan Stanley" names a workplace, not a person. */
export const WORKPLACE_ROLES = wordSet(lexicon.workplaceRoles);

/** Given names that are also function words or months, so NON_NAME_WORDS holds them: "Will Smith", "Theresa May". */
export const GIVEN_NAMES_ALSO_WORDS = wordSet(lexicon.givenNamesAlsoWords);

/** Words before which a capitalised month-like name is a date, not a person: "in May", "since June". */
export const DATE_LEAD_WORDS = wordSet(lexicon.dateLeadWords);

/** Lower-case nouns (not also verbs: "shows", "plays") before a title of a work: "the novel Angel Catbird", "the film Maria Full of Grace". */
export const WORK_NOUNS = wordSet(lexicon.workNouns);

/** First words of names of places and churches named after saints: "San Diego", "Santo Spirito", "São Paulo". */
export const SAINT_PREFIXES = wordSet(lexicon.saintPrefixes);

/** Words that end the noun phrase of a description (with DATE_LEAD_WORDS): "an associate [with] the centre". */
export const DESCRIPTION_ENDS = wordSet(lexicon.descriptionEnds);

/** Heads of an apposition that describe an organisation: "Foxconn, the Taiwanese manufacturer, said". */
export const ORGANISATION_NOUNS = wordSet(lexicon.organisationNouns);
export const PLACE_LEADS = wordSet(lexicon.placeLeads);
export const NAMED_THING_PREFIXES = wordSet(lexicon.namedThingPrefixes);
export const POSSESSIVE_THING_HEADS = wordSet(lexicon.possessiveThingHeads);
export const COUNTRY_LEADS = wordSet(lexicon.countryLeads);
export const ORGANISATION_POSSESSIONS = wordSet(lexicon.organisationPossessions);
export const SETTLEMENT_NOUNS = wordSet(lexicon.settlementNouns);

/**
 * Written works and the participles of making them, before "by" and their author: "a paper by AS Heagle", "a novel
 * written by Chimamanda Adichie". Not studies or reports: institutions author those as often as people.
 */
export const AUTHORED_WORKS = wordSet(lexicon.authoredWorks);

/** Lower-case relatives after a possessive name: "Okonkwo’s wife". */
export const KINSHIP_NOUNS = wordSet(lexicon.kinshipNouns);

/** Lower-case name particles that may sit between the parts of one name ("Ursula von der Leyen"). */
export const NAME_PARTICLES = wordSet(lexicon.nameParticles);

/**
 * Common East Asian family names, written first ("Xi Jinping", "Kim Jong-un", "Tsai Ing-wen"). A general
 * population list, so names like these are recognised without a given-name list for each language.
 */
export const ASIAN_SURNAMES = wordSet(lexicon.asianSurnames);

/**
 * Verbs of saying as evidence of a person: "X said", "said X". The finite forms of the one list of reporting verbs
 * (shared with the quote rules): not base forms, whose name is their object ("to urge Beijing"), nor -ing forms ("the
 * Municipality of Livorno asking"), nor verbs that report speech only with a particle ("went on", "put it").
 */
const isBaseForm = (v: string): boolean => REPORTING_VERBS.has(v + 's') || REPORTING_VERBS.has(v + 'es');
export const SPEECH_VERBS: ReadonlySet<string> = new Set([...REPORTING_VERBS]
  .filter(v => !v.endsWith('ing') && !isBaseForm(v) && !REPORTING_VERB_PARTICLES.has(v)));

/** Words that may stand between a name and its speech verb: "Kerry has said", "Zhao also told". */
export const SPEECH_AUXILIARIES = wordSet(lexicon.speechAuxiliaries);

/** Verbs (and words) after a name that only people take: "Heagle died", "Devocht himself". */
export const PERSON_VERBS = wordSet(lexicon.personVerbs);

/** Participles after "was"/"is" that only people take: "Heagle was born", "Okafor was arrested". */
export const PERSON_PARTICIPLES = wordSet(lexicon.personParticiples);

/** Lower-case role nouns just before a name ("spokeswoman Hua Chunying", "his wife Manju Sam"). */
export const ROLE_NOUNS = wordSet(lexicon.roleNouns);

/** Capitalised sentence openers and connectives the lexicon may lack; never names on their own. */
export const NON_NAME_WORDS = wordSet(lexicon.nonNameWords);

export const COMMON_WORDS = generatedWords(commonWords);
