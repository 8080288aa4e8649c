// The analyzer's hand-made word lists, one JSON data file per list in this folder, each fact in one list (see
// README.md here). Each file is {"description", "entries": [...]}; this module turns them into the sets the rules read.
import { DATE_WORD_LISTS } from './dates';
import reportingVerbForms from './reporting-verb-forms.json';
import reportingVerbs from './reporting-verbs.json';

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

/** Reporting verbs that report speech only with a particle or object: "pointed out", "went on", "put it". */
export const VERBS_NEEDING_PARTICLE: ReadonlySet<string> = new Set(['point', 'points', 'pointed', 'pointing', 'go', 'goes', 'went', 'put', 'puts', 'read', 'reads', 'begin', 'began']);

/** Every list file of this folder by name, for the tests that check the lists themselves. */
export const WORD_LIST_FILES: Readonly<Record<string, WordListFile>> = {
  'reporting-verbs': reportingVerbs,
  'reporting-verb-forms': reportingVerbForms,
  ...DATE_WORD_LISTS,
};

export { DATE_WORD_LISTS };
