// People: person-name mentions (titles excluded) and their grouping into entities with canonical names.
// Two passes over the capitalised runs of the article: the first accepts runs with evidence of their own
// (given name, title, speech verb, apposition, role noun…); the second accepts runs made only of names the
// article already uses for a person ("Kerry" once "John Kerry" is found, anywhere in the article).
import { PERSON as PERSON_VERDICT, RunClassifier, UNSURE as UNSURE_VERDICT } from './people/classify';
import { linkMentions, type NameSpan } from './people/entities';
import { scanText } from './people/runs';
import { Vocabulary } from './people/vocabulary';
import type { PersonEntity, PersonMention } from './types';

export interface PeopleResult {
  persons: PersonMention[];
  people: Map<string, PersonEntity>;
}

// Shared across calls so a word's list look-ups are done once; emptied between calls once it grows large.
const vocabulary = new Vocabulary();
const VOCABULARY_LIMIT = 200_000;
// Imports bound once to locals: in the file-by-file build (out/) every use of an imported name is a getter call.
const PERSON = PERSON_VERDICT, UNSURE = UNSURE_VERDICT;

export function findPeople(text: string): PeopleResult {
  if (vocabulary.size > VOCABULARY_LIMIT) vocabulary.reset();
  const scanned = scanText(text, vocabulary);
  const classifier = new RunClassifier(text, scanned, vocabulary);
  const spans: NameSpan[] = [];
  /** Word ids of the name parts found so far. */
  const known = new Set<number>();
  const unsure: number[] = [];
  const nameSpan = (): NameSpan => {
    const parts: string[] = [];
    for (let k = classifier.coreFirst; k < classifier.coreEnd; k++) {
      if (classifier.namePart(k)) parts.push(vocabulary.texts[scanned.tokenWord[k]]);
    }
    return { start: scanned.tokenStart[classifier.coreFirst], end: scanned.tokenEnd(classifier.coreEnd - 1), parts };
  };
  const things = classifier.findThings();
  for (let r = 0; r < scanned.runCount; r++) {
    if (things[r]) continue;
    const verdict = classifier.classifyRun(r);
    if (verdict === PERSON) {
      spans.push(nameSpan());
      for (let k = classifier.coreFirst; k < classifier.coreEnd; k++) {
        if (classifier.namePart(k)) known.add(scanned.tokenWord[k]);
      }
    } else if (verdict === UNSURE) unsure.push(r);
  }
  const spansOfKnownNames: NameSpan[] = [];
  for (const r of unsure) if (classifier.classifyWithKnownNames(r, known) === PERSON) spansOfKnownNames.push(nameSpan());
  return linkMentions(mergeInTextOrder(spans, spansOfKnownNames), text);
}

/** Two lists of spans, each in text order, as one list in text order. */
function mergeInTextOrder(a: NameSpan[], b: NameSpan[]): NameSpan[] {
  if (b.length === 0) return a;
  const out: NameSpan[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) out.push(a[i].start <= b[j].start ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
