// Word lists for attributing quotations: reporting verbs, pronouns, determiners and the like. Lower-cased.

import { REPORTING_VERB_PARTICLES } from '../lexicon';

export { REPORTING_VERBS } from '../lexicon';

/** Verbs that report speech only with a particle or object: "pointed out", "went on", "put it". */
export const NEEDS_PARTICLE = REPORTING_VERB_PARTICLES;

/** Words that may sit between a subject and its reporting verb ("he also said", "Kerry has repeatedly said"). */
export const VERB_MODIFIERS: ReadonlySet<string> = new Set([
  'also', 'later', 'then', 'once', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'did',
  'does', 'do', 'may', 'might', 'should', 'must', 'just', 'previously', 'recently', 'repeatedly', 'again', 'often',
  'reportedly', 'publicly', 'privately', 'earlier', 'further', 'simply', 'only', 'still', 'even', 'been', 'not',
  'never', 'already', 'flatly', 'separately', 'frequently', 'famously', 'angrily', 'bluntly', 'quickly',
]);

export const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);
/** Pronouns and relatives that can stand as a source. */
export const SOURCE_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who', 'you']);

/** Words that open a descriptive noun phrase ("the ministry", "a senior official", "one questioner"). */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'one',
  'another', 'some', 'many', 'several', 'most', 'other', 'both', 'each', 'two', 'three', 'four', 'five', 'few', 'all',
  'no', 'any', 'such',
]);

/** Function words that cannot belong to a source noun phrase: a phrase stops when it meets one. */
export const PHRASE_BREAKERS: ReadonlySet<string> = new Set([
  'and', 'or', 'but', 'if', 'when', 'while', 'as', 'because', 'since', 'that', 'which', 'what', 'whom', 'whose', 'where',
  'on', 'in', 'at', 'to', 'for', 'with', 'from', 'by', 'of', 'about', 'after', 'before', 'during', 'than', 'into',
  'over', 'under', 'between', 'through', 'against', 'without', 'within', 'via', 'per', 'so', 'then', 'there', 'here',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'not', 'has', 'have', 'had', 'it', 'also', 'later', 'how', 'why',
  'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'last', 'next', 'this', 'earlier', 'recently', 'repeatedly', 'again', 'too', 'just', 'once', 'now',
]);

/** Honorifics and titles written before a name; kept inside the source phrase ("Mr. Obama", "Gov. Mike Pence"). */
export const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'gov', 'sen', 'rep', 'lt', 'gen', 'col', 'capt', 'sgt', 'adm', 'maj', 'rev',
  'st', 'sir', 'dame', 'lord', 'lady', 'president', 'governor', 'senator', 'representative', 'secretary', 'minister',
  'mayor', 'judge', 'justice', 'professor', 'ambassador', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope',
  'general', 'admiral', 'colonel', 'captain', 'sheriff', 'speaker', 'chairman', 'chairwoman', 'coach',
]);
/** Lower-case particles inside names ("Bill de Blasio", "Ludwig van Beethoven"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'al', 'la', 'le',
  'du', 'da', 'dos', 'del', 'di', 'ibn', 'ter', 'y', 'el']);

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gov', 'sen', 'rep', 'lt', 'gen', 'col', 'capt', 'sgt', 'adm', 'maj', 'rev', 'st',
  'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'mt', 'ft', 'fig', 'approx', 'dept', 'univ', 'ave',
]);

/** Titles that tell a person's gender, for resolving "he"/"she". */
export const MALE_TITLES: ReadonlySet<string> = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'chairman']);
export const FEMALE_TITLES: ReadonlySet<string> = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess',
  'chairwoman']);
