// What the whole article says about each capitalised word, from every place it occurs, so that a bare one-word
// mention is read in one sense through the article ("one sense per discourse"): "Barrick" after "Barrick Gold Corp",
// "Barrick shares" or "Barrick said it" is the company wherever the text says no more; "Doboj" after "the town of
// Doboj" is a place. A mention's own strong evidence ("Mr Barrick", "Barrick's wife") still makes it a person.
import type { ScannedText } from './runs';
import { Context, type ContextWords, Word } from './vocabulary';

// The word and context bits by their short names.
const { CORPORATE_SUFFIX, GAZETTEER_PLACE, GIVEN, NON_NAME, THING_PREFIX, TITLE } = Word;
const { FIRM_HEAD, ORGANISATION_NOUN, ORGANISATION_POSSESSION, PLACE_LEAD } = Context;

/** What the classifier knows of a run that the senses need. */
export interface RunFacts {
  /** Run r is a firm by its own context ("Barrick Gold Corp", "Ernst & Young"). */
  isFirmRun(r: number): boolean;
  /** Run r stands where a place does ("in Doboj", "the town of Doboj"). */
  isInPlaceContext(r: number): boolean;
  /** An apposition after run r describes an organisation ("Foxconn, the Taiwanese manufacturer"). */
  isDescribedAsOrganisation(r: number): boolean;
}

/** Why a word is not a person's name in this article. */
export type Sense = 'organisation' | 'place' | 'thing';

export class NameSenses {
  private readonly organisations = new Set<number>();
  /** Words of firms' names ("Barrick" of "Barrick Gold Corp"): organisations unless a person's surname too. */
  private readonly firmStems = new Set<number>();
  private readonly places = new Set<number>();
  /** Names of named things: "Katrina" of "Hurricane Katrina". */
  private readonly things = new Set<number>();

  constructor(text: string, private readonly scanned: ScannedText, private readonly flagsOfWord: Int32Array,
    private readonly contextWords: ContextWords, facts: RunFacts) {
    const s = scanned;
    for (let r = 0; r < s.runCount; r++) {
      const first = s.runFirst[r], end = s.runEnd[r];
      if (end - first >= 2) {
        // "In Sofia: Levski Sofia 1": a sentence's capitalised place lead and a name.
        if (end - first === 2 && !s.runPossessive[r] && (contextWords.bits(s.tokenStart[first], s.tokenEnd(first)) & PLACE_LEAD)) this.places.add(s.tokenWord[first + 1]);
        if (facts.isFirmRun(r)) this.addFirmStem(first, end);
        // "Hurricane Katrina … Katrina killed hundreds".
        if (this.flagsOfWord[s.tokenWord[first]] & THING_PREFIX) for (let k = first + 1; k < end; k++) this.things.add(s.tokenWord[k]);
        continue;
      }
      const word = s.tokenWord[first];
      if (this.isOrganisationContext(r) || facts.isDescribedAsOrganisation(r)) this.organisations.add(word);
      else if (facts.isInPlaceContext(r)) this.places.add(word);
    }
  }

  /**
   * The sense that keeps `word` from being a person's one-word name here, or null. `inFullName`: the article names a
   * person with it ("Donald Trump", "Victoria Hale"), so a firm or a place named so ("Trump Organization", "in
   * Victoria") does not make it the firm's or the place's name wherever the text says no more.
   */
  senseOf(word: number, inFullName: boolean): Sense | null {
    if (this.organisations.has(word) || (!inFullName && this.firmStems.has(word))) return 'organisation';
    if (this.things.has(word)) return 'thing';
    // A place's context says a word is a place; a name that is also a place needs the gazetteer to say so too.
    return !inFullName && this.places.has(word) && (this.flagsOfWord[word] & GAZETTEER_PLACE) !== 0 ? 'place' : null;
  }

  /** The article puts `word` where a place stands ("in Sofia"), whatever the gazetteer says. */
  isPlace(word: number): boolean { return this.places.has(word); }

  /** The words of a firm's name that may stand for it alone: not given names, titles or company words ("Barrick" of "Barrick Gold Corp"). */
  private addFirmStem(first: number, end: number): void {
    const words = this.scanned.tokenWord;
    for (let k = first; k < end; k++) if (this.flagsOfWord[words[k]] & TITLE) return;
    for (let k = first; k < end; k++) {
      const f = this.flagsOfWord[words[k]];
      if (!(f & (GIVEN | NON_NAME | CORPORATE_SUFFIX))) this.firmStems.add(words[k]);
    }
  }

  /**
   * One-word run r reads as an organisation: "Zenith shares", "Zenith's stock", "carmaker Zenith". ("Zenith said it
   * would" does not tell: "Rifkind said it was for the home secretary".)
   */
  private isOrganisationContext(r: number): boolean {
    const s = this.scanned, cw = this.contextWords;
    const start = s.runStart(r), stop = s.runStop(r);
    if (cw.before(start) & ORGANISATION_NOUN) return true;
    if (s.runPossessive[r]) return (cw.after(stop + 2) & ORGANISATION_POSSESSION) !== 0;
    return (cw.after(stop) & FIRM_HEAD) !== 0;
  }
}
