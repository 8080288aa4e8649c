// Salience for resolving "he"/"she" sources: which person the narrative was last talking about. A person counts as
// salient where they are a clause subject ("Kerry said", "Zhao did not think") or a quotation's speaker; "he"
// resolves to the most recent salient person of a compatible gender.
import type { PersonEntity, PersonMention } from '../types';
import { DETERMINERS, FEMALE_TITLES, MALE_TITLES, PHRASE_BREAKERS, REPORTING_VERBS } from './words';
import { femaleGivenNames, maleGivenNames } from './given-names.generated';
import { isWhiteSpace } from '../text/chars';
import { LazyTokens } from './tokens';
import { paragraphTopic, type TopicView } from './topic';

export type Gender = 'male' | 'female' | 'unknown';

interface SalienceEvent {
  position: number;
  entityId: string;
  /** Speakers and subjects of reporting verbs outrank other subjects. */
  reporting: boolean;
}

const MALE_NAMES = new Set(maleGivenNames.split(' '));
const FEMALE_NAMES = new Set(femaleGivenNames.split(' '));

/**
 * Gender each entity's mentions reveal: an honorific ("Mr. Obama", "Mrs. Clinton") first, else the usual gender of the
 * canonical name's given name ("Hillary Clinton"). Entities with neither stay unknown and match both pronouns.
 */
export function knownGenders(text: string, persons: PersonMention[], people: Map<string, PersonEntity>): Map<string, Gender> {
  const out = new Map<string, Gender>();
  for (const p of persons) {
    if (out.has(p.entityId)) continue;
    const title = wordBefore(text, p.start);
    if (!title) continue;
    const g: Gender = MALE_TITLES.has(title) ? 'male' : FEMALE_TITLES.has(title) ? 'female' : 'unknown';
    if (g !== 'unknown' && !out.has(p.entityId)) out.set(p.entityId, g);
  }
  for (const [id, entity] of people) {
    if (out.has(id)) continue;
    const space = entity.name.indexOf(' ');
    const given = (space < 0 ? entity.name : entity.name.slice(0, space)).toLowerCase();
    if (MALE_NAMES.has(given)) out.set(id, 'male');
    else if (FEMALE_NAMES.has(given)) out.set(id, 'female');
  }
  return out;
}

/** How far before a name its title is looked for ("Mrs. ", "Lord "). */
const TITLE_WINDOW = 8;

/** A Latin letter, or the Kelvin sign (which lower-cases to one). */
const isTitleLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x212A;

/**
 * The lower-cased word before `start` in the TITLE_WINDOW characters before it, written as letters, an optional
 * period and white space ("Mr. Obama", "Lady Gaga"); undefined when none.
 */
function wordBefore(text: string, start: number): string | undefined {
  const floor = Math.max(0, start - TITLE_WINDOW);
  let end = start;
  while (end > floor && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  if (end === start) return undefined;
  if (end > floor && text.charCodeAt(end - 1) === 46) end--;
  let begin = end;
  while (begin > floor && isTitleLetter(text.charCodeAt(begin - 1))) begin--;
  return begin < end ? text.slice(begin, end).toLowerCase() : undefined;
}

/** How far back (in characters) a pronoun's referent is searched. */
const LOOK_BACK = 6000;

/** Index of the last item whose position is before `position` (items sorted by position), or -1. */
function lastBefore(items: { position: number }[], position: number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].position < position) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

const AUXILIARY = /^(also|later|then|has|had|have|would|will|did|does|was|is|not|never|once|repeatedly|recently)$/;
/** How far after a person mention its verb is looked for. */
const VERB_WINDOW = 200;

export class Salience {
  /**
   * Clause subjects in text order, and the gender each entity's mentions reveal: found on the first pronoun to
   * resolve (many articles attribute every quotation by name and never need them).
   */
  private subjects: SalienceEvent[] | undefined;
  private genders: Map<string, Gender> = new Map();
  /** Each person mention's role in its clause (found with the subjects). */
  private roles: ('reporting' | 'subject' | 'none')[] = [];
  /**
   * Speakers, added as quotations are attributed, in text order (after subjects at the same position). Kept apart
   * from `subjects` so that adding one costs no more than the speakers after it, which are few (quotations are
   * attributed in text order), instead of every subject after it.
   */
  private readonly speakers: SalienceEvent[] = [];
  private readonly personPositions: { position: number }[];
  /** The tokens after the person mention being looked at (subjectRole), one reader reused for every mention. */
  private readonly window: LazyTokens;

  constructor(private readonly text: string, private readonly persons: PersonMention[], private readonly isQuoted: (pos: number) => boolean,
    private readonly people: Map<string, PersonEntity>) {
    this.window = new LazyTokens(text, 0, 0);
    this.personPositions = persons.map(p => ({ position: p.start }));
  }

  private subjectsAndGenders(): SalienceEvent[] {
    if (this.subjects) return this.subjects;
    const subjects: SalienceEvent[] = [];
    this.roles = this.persons.map(p => (this.isQuoted(p.start) ? 'none' : this.subjectRole(p)));
    this.persons.forEach((p, i) => {
      const role = this.roles[i];
      if (role !== 'none') subjects.push({ position: p.start, entityId: p.entityId, reporting: role === 'reporting' });
    });
    this.genders = knownGenders(this.text, this.persons, this.people);
    return (this.subjects = subjects);
  }

  /** Whether the mention is followed by a verb (after an optional appositive): "Kerry said", "Zhao, a fellow…, said". */
  private subjectRole(p: PersonMention): 'reporting' | 'subject' | 'none' {
    const next = this.text.charCodeAt(p.end);
    if (next === 0x2019 || next === 39) { // possessive: "Kerry’s trip"
      if (/^[’']s?\b/.test(this.text.slice(p.end, p.end + 2))) return 'none';
    }
    const tokens = this.window;
    tokens.restart(p.end, p.end + VERB_WINDOW);
    let i = 0;
    if (tokens.at(0)?.text === ',') {
      let close = 1;
      for (let t = tokens.at(close); t && t.text !== ',' && !/^[.;:!?]$/.test(t.text); t = tokens.at(close)) close++;
      if (tokens.at(close)?.text !== ',') return 'none';
      i = close + 1;
    }
    for (let t = tokens.at(i); t && AUXILIARY.test(t.lower) && i < 4; t = tokens.at(i)) {
      if (REPORTING_VERBS.has(tokens.at(i + 1)?.lower ?? '')) { i++; break; }
      i++;
    }
    const t = tokens.at(i);
    if (!t || !t.word || !/^\p{Ll}/u.test(t.text)) return 'none';
    if (REPORTING_VERBS.has(t.lower)) return 'reporting';
    if (PHRASE_BREAKERS.has(t.lower) || DETERMINERS.has(t.lower)) return i > 0 ? 'subject' : 'none';
    return 'subject';
  }

  /** The last person mention in text[from, to), outside quotations, that is the subject of a reporting verb. */
  reportingSubjectIn(from: number, to: number): PersonMention | null {
    const subjects = this.subjectsAndGenders();
    for (let i = lastBefore(subjects, to); i >= 0 && subjects[i].position >= from; i--) {
      if (!subjects[i].reporting || !this.people.has(subjects[i].entityId)) continue;
      const p = this.persons[lastBefore(this.personPositions, subjects[i].position + 1)];
      if (p && p.start === subjects[i].position) return p;
    }
    return null;
  }

  /** Records a quotation's speaker, the most salient kind of mention. */
  addSpeaker(position: number, entityId: string): void {
    let i = this.speakers.length;
    while (i > 0 && this.speakers[i - 1].position > position) i--;
    this.speakers.splice(i, 0, { position, entityId, reporting: true });
  }

  /** Subjects and speakers before `position`, latest first (at one position, speakers first, later ones first). */
  private latestBefore(position: number): () => SalienceEvent | undefined {
    const subjects = this.subjectsAndGenders();
    let s = lastBefore(subjects, position), k = lastBefore(this.speakers, position);
    return () => {
      const subject = s >= 0 ? subjects[s] : undefined, speaker = k >= 0 ? this.speakers[k] : undefined;
      if (speaker && (!subject || speaker.position >= subject.position)) { k--; return speaker; }
      s--;
      return subject;
    };
  }

  /** Learns an entity's gender from a pronoun resolved to it. */
  private compatible(entityId: string, gender: Gender): boolean {
    const g = this.genders.get(entityId) ?? 'unknown';
    return gender === 'unknown' || g === 'unknown' || g === gender;
  }

  /**
   * The person a pronoun at `position` refers to: the one its paragraph is about (paragraphTopic); in a paragraph that
   * names nobody compatible, the most recent reporting subject or speaker before it; else the most recent person
   * mentioned. Null when none is compatible.
   */
  resolvePronoun(position: number, gender: Gender, paragraphStart: number): string | null {
    this.subjectsAndGenders(); // genders too, before compatible() asks
    const topic = paragraphTopic(this.topicView, position, gender, paragraphStart);
    if (topic) return this.learn(topic, gender);
    let reporting: SalienceEvent | undefined, local: SalienceEvent | undefined;
    const floor = position - LOOK_BACK;
    const previous = this.latestBefore(position);
    for (let e = previous(); e && e.position >= floor; e = previous()) {
      if (!this.compatible(e.entityId, gender)) continue;
      if (!local && e.position >= paragraphStart) local = e;
      if (e.reporting) { reporting = e; break; }
    }
    let chosen = local && (!reporting || local.position > reporting.position) ? local : reporting;
    // A person whose gender is known to match outranks an earlier choice of unknown gender ("Dana Reyes had a
    // question for the mayor. “…,” she said.").
    if (chosen && gender !== 'unknown' && this.genders.get(chosen.entityId) === undefined) {
      const later = this.latestBefore(position);
      for (let e = later(); e && e.position > chosen.position; e = later()) {
        if (this.genders.get(e.entityId) === gender) { chosen = e; break; }
      }
    }
    if (chosen) return this.learn(chosen.entityId, gender);
    for (let i = lastBefore(this.personPositions, position); i >= 0; i--) {
      const p = this.persons[i];
      if (p.start < floor) break;
      if (this.compatible(p.entityId, gender)) return this.learn(p.entityId, gender);
    }
    return null;
  }

  /** What paragraphTopic reads of this salience (made on first use). */
  private view: TopicView | undefined;
  private get topicView(): TopicView {
    return this.view ??= {
      text: this.text,
      persons: this.persons,
      isQuoted: (pos: number) => this.isQuoted(pos),
      hasVerbAfter: (i: number) => this.roles[i] !== 'none',
      compatible: (entityId: string, gender: Gender) => this.compatible(entityId, gender),
      speakersIn: (from: number, to: number) => this.speakers.slice(lastBefore(this.speakers, from) + 1, lastBefore(this.speakers, to) + 1),
    };
  }

  private learn(entityId: string, gender: Gender): string | null {
    if (!this.people.has(entityId)) return null;
    if (gender !== 'unknown' && !this.genders.has(entityId)) this.genders.set(entityId, gender);
    return entityId;
  }
}
