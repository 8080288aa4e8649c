// People first met in an attribution: "said Jane Roe-Smith", "Rep. Ann Ortiz said", "Band member Flea said" — a name
// heading a quotation's source that the people pass did not find. Being the source of a quotation says the name is
// an agent; what makes it a person rather than an organisation is the name itself (a given name first, a title or a
// role noun before it, "who" after it) or the article (a person already named so, "Mark Cuban" for "Cuban"), and
// nothing saying otherwise (an organisation or place of that name, an organisation's last word, capitals throughout).
import type { PersonEntity, PersonMention } from '../types';
import { personId } from '../people/entities';
import type { PersonReason } from '../people/reasons';
import {
  COUNTRIES, ENGLISH_GIVEN_NAMES, GAZETTEER_PLACES, GIVEN_NAMES, ORGANISATION_NOUNS, ORGANISATIONS, PERSON_TITLES, PLACES,
  ROLE_WORDS, THING_SUFFIXES, THING_WORDS,
} from '../people/words';
import { DETERMINERS, NAME_PARTICLES } from './words';

/** At most this many words in a name met in an attribution. */
const MAX_NAME_WORDS = 4;
/** Occurrences of a one-word name looked at for its full name elsewhere in the article ("Mark Cuban" for "Cuban"), and
 * how far before and after it they are looked for. */
const MAX_OCCURRENCES = 50, FULL_NAME_BEFORE = 20000, FULL_NAME_AFTER = 5000;

interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[’'.\-][\p{L}\p{M}\p{N}]+)*\.?/gu;
const isCapital = (w: Word): boolean => /^\p{Lu}/u.test(w.text);
const isAllCaps = (w: Word): boolean => w.text.length > 1 && w.text === w.text.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(w.text);
const bare = (w: Word): string => w.lower.replace(/\.$/, '');
const isGiven = (lower: string): boolean => GIVEN_NAMES.has(lower) || ENGLISH_GIVEN_NAMES.has(lower);

function wordsOf(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const re = new RegExp(WORD.source, 'gu');
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const e = Math.min(end, m.index + m[0].length);
    out.push({ start: m.index, end: e, text: text.slice(m.index, e), lower: text.slice(m.index, e).toLowerCase() });
  }
  return out;
}

export class NewSpeakers {
  /** The people found here, by id, and their mentions (kept apart until merged into the analysis). */
  private readonly added = new Map<string, PersonEntity>();
  private readonly mentions: PersonMention[] = [];
  private readonly mentioned = new Set<number>();
  private readonly refused: ReadonlySet<string>;
  /** Entities by their name and by the last word of it, built on first need. */
  private byName: Map<string, PersonEntity> | undefined;
  private byLastWord: Map<string, PersonEntity> | undefined;

  constructor(private readonly text: string, private readonly persons: PersonMention[],
    private readonly people: Map<string, PersonEntity>, notPersons: readonly string[] = []) {
    this.refused = new Set(notPersons);
  }

  /**
   * The person heading the source text[start, end) when it is a name the people pass did not find, added as a mention
   * (and an entity when new); null when the source is not such a name.
   */
  personAt(start: number, end: number): string | null {
    const words = wordsOf(this.text, start, end);
    if (words.length === 0 || words[words.length - 1].end !== trimEnd(this.text, start, end)) return null;
    // The name: the capitalised words ending the source (with particles inside), after its titles.
    let first = words.length;
    while (first > 0 && (isCapital(words[first - 1]) || (first < words.length && NAME_PARTICLES.has(words[first - 1].lower)))) first--;
    let titled = false;
    while (first < words.length - 1 && (PERSON_TITLES.has(bare(words[first])) || ROLE_WORDS.has(bare(words[first])))) { first++; titled = true; }
    const name = words.slice(first);
    if (name.length === 0 || name.length > MAX_NAME_WORDS || !isCapital(name[0])) return null;
    const before = first > 0 ? words[first - 1] : undefined;
    if (before && PERSON_TITLES.has(bare(before))) titled = true;
    // A role noun right before the name ("Band member Flea"): not a determiner, an organisation's noun or an adjective of roles.
    const described = before !== undefined && !isCapital(before) && !DETERMINERS.has(before.lower) &&
      !ORGANISATION_NOUNS.has(before.lower) && !ROLE_WORDS.has(before.lower) && !PERSON_TITLES.has(bare(before));
    const nameStart = name[0].start, nameEnd = name[name.length - 1].end;
    const written = this.text.slice(nameStart, nameEnd);
    if (this.overlapsMention(nameStart, nameEnd) || !this.couldBePerson(name, written)) return null;
    const known = this.knownEntity(written, name.length);
    if (known) return this.addMention(known, nameStart, nameEnd, known.name === written, 'known-name');
    const who = /^,\s+who\b/.test(this.text.slice(end, end + 8));
    const given = name.length >= 2 && isGiven(name[0].lower);
    if (name.length === 1) {
      // The article's own full name outweighs a town of that name in the gazetteer ("Al Gore" for "Gore said").
      const full = this.fullNameElsewhere(name[0]);
      if (full) return this.addMention(this.entity(full), nameStart, nameEnd, false, 'speech-or-person-verb');
      if (!(titled || described || who) || GAZETTEER_PLACES.has(name[0].lower)) return null;
    } else if (!(given || titled || described || who)) return null;
    return this.addMention(this.entity(written), nameStart, nameEnd, name.length >= 2, 'speech-or-person-verb');
  }

  /** No evidence that the name is an organisation or a place. */
  private couldBePerson(name: Word[], written: string): boolean {
    if (this.refused.has(written)) return false;
    const lower = name.map(w => w.lower).join(' ');
    if (ORGANISATIONS.has(lower) || PLACES.has(lower)) return false;
    if (name.length === 1 && COUNTRIES.has(lower)) return false;
    if (name.some(w => isAllCaps(w) || THING_WORDS.has(w.lower))) return false;
    const last = bare(name[name.length - 1]);
    return !THING_SUFFIXES.has(last) && !PERSON_TITLES.has(last); // "the Foreign Ministry", "former Pennsylvania Gov." 
  }

  /** Whether a person mention the people pass found overlaps text[start, end) (persons are in text order). */
  private overlapsMention(start: number, end: number): boolean {
    let lo = 0, hi = this.persons.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.persons[mid].end <= start) lo = mid + 1; else hi = mid; }
    return lo < this.persons.length && this.persons[lo].start < end;
  }

  /** An entity already named so, or whose name ends with this one-word name ("Kerry" → John Kerry). */
  private knownEntity(written: string, words: number): PersonEntity | undefined {
    if (!this.byName || !this.byLastWord) {
      this.byName = new Map();
      this.byLastWord = new Map();
      for (const e of this.people.values()) this.index(e);
    }
    return this.byName.get(written) ?? (words === 1 ? this.byLastWord.get(written) : undefined);
  }

  private index(e: PersonEntity): void {
    if (!this.byName || !this.byLastWord) return;
    if (!this.byName.has(e.name)) this.byName.set(e.name, e);
    const space = e.name.lastIndexOf(' ');
    if (space > 0 && !this.byLastWord.has(e.name.slice(space + 1))) this.byLastWord.set(e.name.slice(space + 1), e);
  }

  /**
   * "Mark Cuban" for "Cuban": the word after a given name elsewhere in the article — in the stretch of text around
   * it (a long text holds many articles, and looking through all of it for each name would cost its length each time).
   */
  private fullNameElsewhere(word: Word): string | null {
    const text = this.text;
    const to = Math.min(text.length, word.end + FULL_NAME_AFTER);
    let seen = 0;
    for (let i = text.indexOf(word.text, Math.max(0, word.start - FULL_NAME_BEFORE)); i >= 0 && i < to && seen < MAX_OCCURRENCES;
      i = text.indexOf(word.text, i + 1), seen++) {
      if (/[\p{L}\p{N}]/u.test(text[i + word.text.length] ?? '')) continue;
      const m = /(\p{Lu}[\p{Ll}’'-]+) $/u.exec(text.slice(Math.max(0, i - 24), i));
      if (m && isGiven(m[1].toLowerCase()) && !PERSON_TITLES.has(m[1].toLowerCase())) return `${m[1]} ${word.text}`;
    }
    return null;
  }

  private entity(name: string): PersonEntity {
    const id = personId(name);
    let e = this.added.get(id) ?? this.people.get(id);
    if (!e) {
      e = { id, name, mentions: [] };
      this.added.set(id, e);
      this.people.set(id, e);
      this.index(e);
    }
    return e;
  }

  private addMention(entity: PersonEntity, start: number, end: number, fullName: boolean, reason: PersonReason): string {
    if (!this.mentioned.has(start)) {
      this.mentioned.add(start);
      this.mentions.push({ type: 'person', start, end, text: this.text.slice(start, end), entityId: entity.id, fullName, reason });
    }
    return entity.id;
  }

  /**
   * The person mentions with the ones found here, in text order, and every entity's mention indices renumbered to
   * match (the people map is updated in place).
   */
  merged(): PersonMention[] {
    const persons = this.persons;
    if (this.mentions.length === 0) return persons;
    const merged = [...persons.map((p, i) => ({ p, old: i })), ...this.mentions.map(p => ({ p, old: -1 }))]
      .sort((a, b) => a.p.start - b.p.start);
    const renumbered = new Int32Array(persons.length);
    merged.forEach(({ p, old }, i) => { if (old >= 0) renumbered[old] = i; });
    for (const e of this.people.values()) e.mentions = e.mentions.map(i => renumbered[i]);
    merged.forEach(({ p, old }, i) => { if (old < 0) this.people.get(p.entityId)!.mentions.push(i); });
    for (const e of this.people.values()) e.mentions.sort((a, b) => a - b);
    return merged.map(m => m.p);
  }
}

/** End of text[start, end) without trailing white space and punctuation. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && !/[\p{L}\p{M}\p{N}.]/u.test(text[e - 1])) e--;
  return e;
}
