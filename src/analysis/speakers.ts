// Speakers: who said each quote, from the attribution around it ("Zhao said", "said Kerry", "he said"), resolved to a
// person entity when the source is a person's name or a pronoun referring to one. Organisations and unnamed sources
// ("the ministry", "officials") keep their surface text with a null speakerId.
import { capitalisedAlternation, lexicon, wordSet } from './lexicon';
import type { QuoteSearch } from './quotes';
import { findAttribution, leadInAttribution, type Attribution, type AttributionMemo } from './quotes/attribution';
import { FEMALE_PRONOUNS, MALE_PRONOUNS, SOURCE_PRONOUNS } from './quotes/words';
import { onlySpaceBetween, type Line } from './quotes/pairing';
import { sentenceStart } from './quotes/tokens';
import { NewSpeakers } from './quotes/newSpeakers';
import { Salience, type Gender } from './quotes/salience';
import { firstAtOrAfter } from './quotes/topic';
import type { PersonEntity, PersonMention, QuoteMention } from './types';

/** Text after a quotation's attribution that still lets the next paragraph's quotation continue it. */
const MAX_TAIL_AFTER_QUOTE = 80;

interface Piece {
  quote: QuoteMention;
  line: number;
}

/**
 * Fills speakerId / speakerText of each quotation found, in place. A person first met as a quotation's source ("said
 * Jane Roe-Smith") joins `people`; the person mentions are returned with theirs among them, in text order.
 * `notPersons`: names the reader said are not people, never made people here.
 */
export function attributeSpeakers(text: string, found: QuoteSearch, persons: PersonMention[],
  people: Map<string, PersonEntity>, notPersons?: readonly string[]): PersonMention[] {
  const { attributions: memo } = found;
  const quotes = found.quotes.filter(q => q.kind === 'quotation'); // terms have no speaker
  if (quotes.length === 0) return persons;
  const lines = memo.lines;
  const groups = groupPieces(quotes, lines);
  const salience = new Salience(text, persons, insideAny(quotes), people);
  const newSpeakers = new NewSpeakers(text, persons, people, notPersons);
  const resolver = new SourceResolver(text, persons, people, salience, newSpeakers);
  let previous: { pieces: Piece[]; speakerText: string | null; speakerId: string | null } | null = null;
  for (const pieces of groups) {
    const attribution = attributionOf(text, lines, pieces, memo);
    let speakerText: string | null = null, speakerId: string | null = null;
    if (attribution) {
      speakerText = text.slice(attribution.sourceStart, attribution.sourceEnd);
      speakerId = resolver.resolve(attribution.sourceStart, attribution.sourceEnd, lines[pieces[0].line].start);
      if (speakerId) salience.addSpeaker(attribution.sourceStart, speakerId);
    } else if (previous && continuesPrevious(text, lines, previous.pieces, pieces)) {
      speakerText = previous.speakerText;
      speakerId = previous.speakerId;
    } else {
      // A paragraph of quotation after one whose last sentence has someone speak: “Trump spoke briefly.” / “We …”
      const lead = leadInSpeaker(text, lines, pieces[0], salience);
      if (lead) ({ speakerText, speakerId } = lead);
    }
    const referent = attribution && speakerId === null ? referentOf(text, attribution.sourceStart, attribution.sourceEnd, persons) : undefined;
    for (const p of pieces) {
      p.quote.speakerText = speakerText;
      p.quote.speakerId = speakerId;
      if (referent) p.quote.speakerReferent = referent;
    }
    previous = { pieces, speakerText, speakerId };
  }
  return newSpeakers.merged();
}

const THING_PRONOUNS = wordSet(lexicon.thingPronouns);
const SENTENCE_BREAKS = '.!?\n';
// A capitalised name of one or more words ("North Korea", "Ministry of Foreign Affairs").
const NAME_RUN_RE = /\p{Lu}[\p{L}’'.-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}’'.-]*)*/gu;
// Capitalised by the sentence, not by a name: "While North Korea promised".
const OPENERS = new RegExp(`^(?:${capitalisedAlternation(lexicon.clauseOpeners.entries)})\\s+`);

/**
 * The name a source "it" or "they" stands for: the last capitalised name before it in its sentence, outside quote
 * marks and not a person's ("While North Korea promised in the statement to “…,” it also said" → "North Korea").
 */
function referentOf(text: string, sourceStart: number, sourceEnd: number, persons: readonly PersonMention[]): string | undefined {
  if (!THING_PRONOUNS.has(text.slice(sourceStart, sourceEnd).toLowerCase())) return undefined;
  // Back to the last stop or line break, but no further than a bounded window: a long run of such quotes with no
  // stop in it is not read back again for each one.
  const floor = Math.max(0, sourceStart - MAX_LEAD_IN_SENTENCE);
  let start = sourceStart;
  while (start > floor && !SENTENCE_BREAKS.includes(text[start - 1])) start--;
  // What quotations say is not the sentence's subject.
  const sentence = text.slice(start, sourceStart).replace(/[“"][^”"]*[”"]/g, m => ' '.repeat(m.length));
  let found: RegExpExecArray | undefined;
  for (let m; (m = NAME_RUN_RE.exec(sentence)) !== null;) found = m;
  NAME_RUN_RE.lastIndex = 0;
  if (!found) return undefined;
  const name = found[0].replace(OPENERS, '');
  const at = start + found.index + found[0].length - name.length;
  if (!/^\p{Lu}/u.test(name)) return undefined;
  const last = firstAtOrAfter(persons, at + name.length) - 1; // the last person mention starting before the name ends
  if (last >= 0 && persons[last].end > at) return undefined;
  // Taken from the article rather than the window where it can be: V8 makes a longer name a slice of the string it
  // came from, and a slice of the window would keep all of it alive with the result (25 times the text on a run of
  // such quotes). Not where a quotation inside the run was blanked out.
  const spelled = text.slice(at, at + name.length);
  return spelled === name ? spelled : name;
}

/** Quotes with their line, gathered by group in text order. */
function groupPieces(quotes: QuoteMention[], lines: Line[]): Piece[][] {
  const sorted = [...quotes].sort((a, b) => a.start - b.start);
  const byGroup = new Map<number, Piece[]>();
  let l = 0;
  for (const q of sorted) {
    while (l + 1 < lines.length && lines[l].end < q.start) l++;
    const list = byGroup.get(q.group);
    if (list) list.push({ quote: q, line: l }); else byGroup.set(q.group, [{ quote: q, line: l }]);
  }
  return [...byGroup.values()];
}

/** The first attribution found for any piece, or a lead-in ending the paragraph before the first piece. */
function attributionOf(text: string, lines: Line[], pieces: Piece[], memo: AttributionMemo): Attribution | null {
  for (const p of pieces) {
    const line = lines[p.line];
    const a = findAttribution(text, p.quote, line.start, line.end, memo);
    if (a) return a;
  }
  const first = pieces[0];
  if (first.line > 0 && onlySpaceBetween(text, lines[first.line].start, first.quote.start)) {
    const prev = lines[first.line - 1];
    return leadInAttribution(text, prev.start, prev.end, memo);
  }
  return null;
}

/** The person speaking in the last sentence of the paragraph before a quotation that opens its own paragraph. */
function leadInSpeaker(text: string, lines: Line[], first: Piece, salience: Salience): { speakerText: string; speakerId: string } | null {
  if (first.line === 0 || !onlySpaceBetween(text, lines[first.line].start, first.quote.start)) return null;
  const prev = lines[first.line - 1];
  const from = sentenceStart(text, Math.max(prev.start, prev.end - MAX_LEAD_IN_SENTENCE), prev.end - 1); // before its own stop
  const speaker = salience.reportingSubjectIn(from, prev.end);
  return speaker && { speakerText: text.slice(speaker.start, speaker.end), speakerId: speaker.entityId };
}

/** How far back the sentence that leads a quotation paragraph in is read. */
const MAX_LEAD_IN_SENTENCE = 400;

/**
 * An unattributed quotation continues the previous one's speaker when it follows it in the same paragraph, or opens
 * the next paragraph right after a paragraph that ended with the previous quotation and its attribution.
 */
function continuesPrevious(text: string, lines: Line[], previous: Piece[], current: Piece[]): boolean {
  const last = previous[previous.length - 1], first = current[0];
  if (first.line === last.line) return true;
  if (first.line !== last.line + 1) return false;
  const opensParagraph = onlySpaceBetween(text, lines[first.line].start, first.quote.start);
  return opensParagraph && lines[last.line].end - last.quote.end <= MAX_TAIL_AFTER_QUOTE;
}

/** A predicate telling whether a position lies inside one of the quotes (quotes sorted by start). */
function insideAny(quotes: QuoteMention[]): (pos: number) => boolean {
  const spans = [...quotes].sort((a, b) => a.start - b.start);
  return (pos: number) => {
    let lo = 0, hi = spans.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].start <= pos) lo = mid + 1; else hi = mid; }
    return lo > 0 && pos < spans[lo - 1].end;
  };
}

/** Maps a source span to a person entity: a name that heads the source, or a pronoun resolved by salience. */
class SourceResolver {
  private readonly starts: number[];

  constructor(private readonly text: string, private readonly persons: PersonMention[],
    private readonly people: Map<string, PersonEntity>, private readonly salience: Salience,
    private readonly newSpeakers: NewSpeakers) {
    this.starts = persons.map(p => p.start);
  }

  resolve(start: number, end: number, paragraphStart: number): string | null {
    const source = this.text.slice(start, end);
    const lower = source.toLowerCase();
    if (SOURCE_PRONOUNS.has(lower) && (MALE_PRONOUNS.has(lower) || FEMALE_PRONOUNS.has(lower))) return this.salience.resolvePronoun(start, pronounGender(lower), paragraphStart);
    if (lower === 'who') return this.salience.resolvePronoun(start, 'unknown', paragraphStart);
    if (SOURCE_PRONOUNS.has(lower)) return null; // "they", "it", "we": not one person
    const head = this.headPerson(start, end);
    if (head) return this.people.has(head.entityId) ? head.entityId : null;
    return this.newSpeakers.personAt(start, end);
  }

  /** The person mention heading the source: the last one inside it that is not a possessive ("Clinton’s campaign"). */
  private headPerson(start: number, end: number): PersonMention | null {
    let lo = 0, hi = this.starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.starts[mid] < end) lo = mid + 1; else hi = mid; }
    for (let i = lo - 1; i >= 0 && this.persons[i].end > start; i--) {
      const p = this.persons[i];
      const after = this.text.slice(p.end, end);
      if (/^[’']s?\b/.test(after) || /^\s+\p{Ll}/u.test(after)) return null; // possessive or a following head noun
      return p;
    }
    return null;
  }
}

const pronounGender = (p: string): Gender => (MALE_PRONOUNS.has(p) ? 'male' : FEMALE_PRONOUNS.has(p) ? 'female' : 'unknown');
