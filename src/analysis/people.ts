// People: person-name mentions (titles excluded) and their grouping into entities with canonical names.
// Two passes over the capitalised runs of the article: the first accepts runs with evidence of their own
// (given name, title, speech verb, apposition, role noun…); the second accepts runs made only of names the
// article already uses for a person ("Kerry" once "John Kerry" is found, anywhere in the article).
// Runs and spans are kept as token indexes in typed arrays; the only objects made are the mentions and entities.
import { PERSON, RunClassifier, UNSURE } from './people/classify';
import { DenseIds } from './people/dense';
import { linkMentions, NameSpans } from './people/entities';
import { type ScannedText, scanText } from './people/runs';
import { int32Scratch } from './people/scratch';
import type { PersonReason } from './people/reasons';
import { NameSenses } from './people/senses';
import { Vocabulary, Word } from './people/vocabulary';
import type { PeopleCorrections, PersonEntity, PersonMention } from './types';

export interface PeopleResult {
  persons: PersonMention[];
  people: Map<string, PersonEntity>;
}

// Shared across calls so a word's list look-ups are done once; emptied after a call once it grows large.
const vocabulary = new Vocabulary();
const VOCABULARY_LIMIT = 200_000;
const FOUND = int32Scratch(), UNSURE_RUNS = int32Scratch();
const KNOWN = new DenseIds(), FULL_NAME_PARTS = new DenseIds();
/** Evidence in the mention itself, which what the article says of the word elsewhere does not overrule. */
const MENTION_EVIDENCE: ReadonlySet<PersonReason> = new Set(['title', 'kinship', 'role-noun', 'reader', 'initials']);

export function findPeople(text: string, corrections?: PeopleCorrections): PeopleResult {
  const scanned = scanText(text, vocabulary);
  const corrected = corrections && (corrections.persons?.length || corrections.notPersons?.length)
    ? new CorrectedNames(text, scanned, corrections) : undefined;
  const classifier = new RunClassifier(text, scanned, vocabulary);
  const runCount = scanned.runCount;
  // Name tokens [coreFirst, coreEnd) of the runs found person, by the first pass and by the second: pairs in run order.
  const found = FOUND.take(2 * runCount);
  let foundCount = 0;
  /** Why each range of `found` is a person, by pair number (foundCount / 2). */
  const reasons: PersonReason[] = [];
  /** Word ids of the name parts found so far. */
  const known = KNOWN;
  known.clear();
  /** 1 for the runs the first pass found unsure of. */
  const unsure = UNSURE_RUNS.take(runCount);
  classifier.findFirms();
  // Whether a run is a thing is asked only of runs found person: the checks read the words around the run.
  for (let r = 0; r < runCount; r++) {
    const forced = corrected?.personIn(r);
    if (forced) {
      reasons[foundCount >> 1] = 'reader';
      found[foundCount++] = forced.first;
      found[foundCount++] = forced.end;
      continue;
    }
    const verdict = classifier.classifyRun(r);
    if (verdict === PERSON) {
      if (corrected?.isNotPerson(classifier.coreFirst, classifier.coreEnd)) continue;
      const reason = classifier.reason as PersonReason;
      if (classifier.isThingRun(r)) continue;
      reasons[foundCount >> 1] = reason;
      found[foundCount++] = classifier.coreFirst;
      found[foundCount++] = classifier.coreEnd;
    } else if (verdict === UNSURE) unsure[r] = 1;
  }
  // One sense per discourse: a one-word name found on weak evidence of its own is dropped where the article says the
  // word names an organisation or a place ("Barrick" of "Barrick shares"); full names stay, and their surnames are
  // people's names even where a firm or a place is named so ("Trump" of "Donald Trump" and "Trump Organization").
  const senses = new NameSenses(text, scanned, vocabulary.flags, classifier.contextWords, classifier);
  const fullNameParts = FULL_NAME_PARTS;
  fullNameParts.clear();
  for (let i = 0; i < foundCount; i += 2) {
    if (found[i + 1] - found[i] >= 2) for (let k = found[i]; k < found[i + 1]; k++) fullNameParts.add(scanned.tokenWord[k]);
  }
  const overruled = (first: number, end: number, reason: PersonReason): boolean => {
    if (MENTION_EVIDENCE.has(reason)) return false;
    // "In Sofia: Levski Sofia (Bulgaria) 1": two words read as a name only by their shape, the last of them a place
    // of this article: a club named after its town.
    if (end - first === 2) return reason === 'name-shape' && senses.isPlace(scanned.tokenWord[first + 1]);
    if (end - first !== 1) return false;
    const word = scanned.tokenWord[first];
    return senses.senseOf(word, fullNameParts.has(word)) !== null;
  };
  let kept = 0;
  for (let i = 0; i < foundCount; i += 2) {
    if (overruled(found[i], found[i + 1], reasons[i >> 1])) continue;
    reasons[kept >> 1] = reasons[i >> 1];
    found[kept++] = found[i];
    found[kept++] = found[i + 1];
    for (let k = found[i]; k < found[i + 1]; k++) if (classifier.namePart(k)) known.add(scanned.tokenWord[k]);
  }
  foundCount = kept;
  reasons.length = kept >> 1;
  const firstPassEnd = foundCount;
  // Second pass: unsure runs made of names the article uses for people, and those names in capitals (headlines,
  // bylines: "GREER HOMER LIFTS TEXAS" after "Rusty Greer"), linked as their usual spelling.
  const capitals = new CapitalisedNames(scanned, vocabulary, known);
  for (let r = 0; r < runCount; r++) {
    const byline = classifier.bylineNames(r);
    if (byline.length > 0) {
      for (let b = 0; b < byline.length; b += 2) {
        reasons[foundCount >> 1] = 'byline';
        found[foundCount++] = byline[b];
        found[foundCount++] = byline[b + 1];
      }
      continue;
    }
    if (capitals.isCapitalsRun(r)) {
      if (classifier.isDateline(r)) continue;
      for (let k = scanned.runFirst[r]; k < scanned.runEnd[r];) {
        const end = capitals.knownNameEnd(k, scanned.runEnd[r]);
        if (end > k) {
          reasons[foundCount >> 1] = 'known-name';
          found[foundCount++] = k;
          found[foundCount++] = end;
        }
        k = Math.max(end, k + 1);
      }
      continue;
    }
    if (!unsure[r] || classifier.classifyWithKnownNames(r, known) !== PERSON || classifier.isThingRun(r)) continue;
    if (corrected?.isNotPerson(classifier.coreFirst, classifier.coreEnd) || overruled(classifier.coreFirst, classifier.coreEnd, 'known-name')) continue;
    reasons[foundCount >> 1] = 'known-name';
    found[foundCount++] = classifier.coreFirst;
    found[foundCount++] = classifier.coreEnd;
  }
  const result = linkMentions(nameSpans(scanned, classifier, found, reasons, firstPassEnd, foundCount, capitals), text, vocabulary.texts);
  // Emptied after the call that grew it past the limit, not before the next one: one long text of new words (4 MB of
  // names: 40 MB of vocabulary) would otherwise stay in memory until something else is analysed.
  if (vocabulary.size > VOCABULARY_LIMIT) vocabulary.reset();
  return result;
}

/**
 * The spans of the token ranges found[0, firstPassEnd) and found[firstPassEnd, foundCount) (pairs, each list in
 * text order), merged in text order.
 */
function nameSpans(scanned: ScannedText, classifier: RunClassifier, found: Int32Array, reasons: readonly PersonReason[],
  firstPassEnd: number, foundCount: number, capitals: CapitalisedNames): NameSpans {
  const spans = new NameSpans(foundCount >> 1, scanned.runFirst[scanned.runCount]);
  let a = 0, b = firstPassEnd;
  while (a < firstPassEnd || b < foundCount) {
    // Token order is text order; runs never share tokens.
    const fromFirst = b === foundCount || (a < firstPassEnd && found[a] <= found[b]);
    const i = fromFirst ? a : b;
    if (fromFirst) a += 2; else b += 2;
    const coreFirst = found[i], coreEnd = found[i + 1];
    spans.add(scanned.tokenStart[coreFirst], scanned.tokenEnd(coreEnd - 1), reasons[i >> 1]);
    for (let k = coreFirst; k < coreEnd; k++) if (classifier.namePart(k)) spans.addPart(capitals.usualSpelling(scanned.tokenWord[k]));
  }
  return spans;
}

/** The reader's corrections as token ranges of one scanned article. */
class CorrectedNames {
  /** Added people's names, each as its words. */
  private readonly persons: string[][];
  private readonly notPersons: Set<string>;

  constructor(private readonly text: string, private readonly scanned: ScannedText, corrections: PeopleCorrections) {
    const words = (name: string) => name.trim().split(/\s+/).filter(w => w.length > 0);
    // Longest first, so "Jane Roe-Smith" wins over "Jane" where both were added.
    this.persons = (corrections.persons ?? []).map(words).filter(w => w.length > 0).sort((a, b) => b.length - a.length);
    this.notPersons = new Set((corrections.notPersons ?? []).map(n => words(n).join(' ')));
  }

  private tokenText(k: number): string { return this.text.slice(this.scanned.tokenStart[k], this.scanned.tokenEnd(k)); }

  /** Tokens [first, end) spell a name the reader says is not a person. */
  isNotPerson(first: number, end: number): boolean {
    if (this.notPersons.size === 0 || end <= first) return false;
    let name = this.tokenText(first);
    for (let k = first + 1; k < end; k++) name += ' ' + this.tokenText(k);
    return this.notPersons.has(name);
  }

  /** The tokens of run r that spell a name the reader added as a person, or undefined. */
  personIn(r: number): { first: number; end: number } | undefined {
    const s = this.scanned;
    for (const name of this.persons) {
      for (let k = s.runFirst[r]; k + name.length <= s.runEnd[r]; k++) {
        let i = 0;
        while (i < name.length && this.tokenText(k + i) === name[i]) i++;
        if (i === name.length) return { first: k, end: k + name.length };
      }
    }
    return undefined;
  }
}

/**
 * Names the article uses for people, written in capitals elsewhere: "GREER" for "Greer". A run all in capitals is a
 * headline or a byline, where capitals say nothing of names; only the article's own names are found there.
 */
class CapitalisedNames {
  /**
   * Lower-case spelling of each known name word → its word id; made at the first run in capitals, as most articles
   * have few and a text of names without one (4 MB of them: a quarter of its analysis) needs none.
   */
  private byLower: Map<string, number> | undefined;
  /** Word id of a name in capitals → word id of its usual spelling. */
  private readonly usual = new Map<number, number>();

  constructor(private readonly scanned: ScannedText, private readonly vocabulary: Vocabulary, private readonly known: DenseIds) {}

  private knownByLower(): Map<string, number> {
    if (this.byLower) return this.byLower;
    const { scanned, vocabulary, known } = this;
    const byLower = this.byLower = new Map<string, number>();
    for (let r = 0; r < scanned.runCount; r++) {
      for (let k = scanned.runFirst[r]; k < scanned.runEnd[r]; k++) {
        const w = scanned.tokenWord[k];
        if (known.has(w) && !(vocabulary.flags[w] & Word.ALL_CAPS)) byLower.set(vocabulary.lowers[w], w);
      }
    }
    return byLower;
  }

  isCapitalsRun(r: number): boolean {
    const s = this.scanned;
    for (let k = s.runFirst[r]; k < s.runEnd[r]; k++) if (!(this.vocabulary.flags[s.tokenWord[k]] & Word.ALL_CAPS)) return false;
    return this.knownByLower().size > 0;
  }

  /** End of the known names in capitals from token k on (k itself if none). */
  knownNameEnd(k: number, end: number): number {
    let e = k;
    while (e < end) {
      const w = this.scanned.tokenWord[e];
      const usual = this.knownByLower().get(this.vocabulary.lowers[w]);
      if (usual === undefined) break;
      this.usual.set(w, usual);
      e++;
    }
    return e;
  }

  usualSpelling(word: number): number { return this.usual.get(word) ?? word; }
}
