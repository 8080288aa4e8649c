// Whom a paragraph is about, for resolving a "he"/"she" source: "Governor Dana Ruiz toured the towns. She met Ellen
// Tran at a shelter. “…,” she told reporters." — the pronoun goes to Ruiz, the subject the paragraph keeps returning
// to, not to Tran, the nearest woman named. Read from the paragraph's structure: who stands as a sentence's subject
// (more in its first sentence), whom a sentence opened by "He"/"She" continues, who spoke in it, and who was the
// latest subject before the pronoun.
import type { PersonMention } from '../types';
import type { Gender } from './salience';
import { sentenceStart } from './tokens';
import { REPORTING_VERBS, SOURCE_PRONOUNS } from './words';

/** What the topic is read from: the article's person mentions and what the salience knows about them. */
export interface TopicView {
  readonly text: string;
  /** Person mentions in text order. */
  readonly persons: readonly PersonMention[];
  isQuoted(position: number): boolean;
  /** Whether mention i is followed by a verb (after an appositive): "Ruiz toured", "Tran, a manager, said". */
  hasVerbAfter(i: number): boolean;
  compatible(entityId: string, gender: Gender): boolean;
  /** Speakers of the quotations attributed so far in text[from, to), in text order. */
  speakersIn(from: number, to: number): { position: number; entityId: string }[];
}

/** How much of a pronoun's paragraph before it is read. */
const TOPIC_WINDOW = 2000;
/** Points: a subject in the paragraph's first sentence, a later subject or a speaker, any other mention, a sentence
 * continued by "He"/"She", and the latest subject before the pronoun. */
const FIRST_SUBJECT = 3, SUBJECT = 2, MENTION = 1, CONTINUED = 2, LAST_SUBJECT = 3;

// "He"/"She" as a clause's subject: opening a sentence or a paragraph, or after the comma ending an opening phrase.
const MALE_SUBJECT = /(?:^|[.!?]["”’')]*\s+)(He)\b|,\s+(he)\s+\p{Ll}/gmu;
const FEMALE_SUBJECT = /(?:^|[.!?]["”’')]*\s+)(She)\b|,\s+(she)\s+\p{Ll}/gmu;
const ANY_SUBJECT = /(?:^|[.!?]["”’')]*\s+)(He|She)\b|,\s+(he|she)\s+\p{Ll}/gmu;

/**
 * The person the paragraph before `position` is about, among those of a compatible gender it has as a subject or a
 * speaker (a person it only mentions is never the topic on that alone); ties go to the later one. Null when the
 * paragraph has none, and the caller looks further back.
 */
export function paragraphTopic(view: TopicView, position: number, gender: Gender, paragraphStart: number): string | null {
  const { text, persons } = view;
  const from = Math.max(paragraphStart, position - TOPIC_WINDOW);
  const scores = new Map<string, number>();
  const subjects = new Set<string>();
  let leader: string | null = null, best = 0; // the subject or speaker scoring highest so far
  let lastSubject: string | null = null; // the latest subject before the pronoun
  const credit = (entityId: string, points: number, asSubject: boolean): void => {
    const score = (scores.get(entityId) ?? 0) + points;
    scores.set(entityId, score);
    if (asSubject) subjects.add(entityId);
    if (subjects.has(entityId) && score >= best) { best = score; leader = entityId; }
  };
  const pronouns = pronounSubjects(view, from, position, gender);
  const speakers = view.speakersIn(from, position).filter(s => view.compatible(s.entityId, gender));
  let k = 0, sp = 0, firstSentence = -1;
  const catchUp = (upTo: number): void => {
    for (; k < pronouns.length && pronouns[k] < upTo; k++) {
      if (!leader) continue;
      lastSubject = leader;
      credit(leader, CONTINUED, true);
    }
    for (; sp < speakers.length && speakers[sp].position < upTo; sp++) credit(speakers[sp].entityId, SUBJECT, true);
  };
  for (let i = firstAtOrAfter(persons, from); i < persons.length && persons[i].start < position; i++) {
    const p = persons[i];
    catchUp(p.start);
    if (view.isQuoted(p.start) || !view.compatible(p.entityId, gender) || isAttributive(text, persons, i)) continue;
    const start = sentenceStart(text, from, p.start);
    if (firstSentence < 0) firstSentence = start;
    const subject = view.hasVerbAfter(i) && standsAsSubject(text, start, p.start);
    credit(p.entityId, subject ? (start === firstSentence ? FIRST_SUBJECT : SUBJECT) : MENTION, subject);
    if (subject) lastSubject = p.entityId;
  }
  catchUp(position);
  if (lastSubject) credit(lastSubject, LAST_SUBJECT, true);
  return leader;
}

/** Index of the first person mention that starts at or after `from` (persons are in text order). */
export function firstAtOrAfter(persons: readonly PersonMention[], from: number): number {
  let lo = 0, hi = persons.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (persons[mid].start < from) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Positions of the "he"/"she" subjects (of `gender`; both when unknown) in text[from, to), outside quotations. */
function pronounSubjects(view: TopicView, from: number, to: number, gender: Gender): number[] {
  const out: number[] = [];
  const re = gender === 'male' ? MALE_SUBJECT : gender === 'female' ? FEMALE_SUBJECT : ANY_SUBJECT;
  const window = view.text.slice(from, to); // the search stops at the window's end
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const at = from + (m[1] !== undefined ? m.index + m[0].length - m[1].length : m.index + m[0].indexOf(m[2]));
    if (!view.isQuoted(at)) out.push(at);
  }
  return out;
}

/**
 * Whether a mention at `at` stands where its sentence's subject does: at its start or right after a comma ending an
 * opening phrase or clause ("On Monday, Ruiz …", "When Maddow asked, Clinton …"), perhaps after a short descriptor with
 * no verb and no subject of its own ("Governor Dana Ruiz", "On the topic, chapter president Luis Osuna"). "She met
 * Ellen Tran" does not.
 */
function standsAsSubject(text: string, sentence: number, at: number): boolean {
  const before = text.slice(sentence, at);
  const words = before.slice(before.lastIndexOf(',') + 1).match(/[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length === 0) return true;
  if (words.length > 4 || SOURCE_PRONOUNS.has(words[0]!.toLowerCase())) return false;
  return !words.some(w => w === w.toLowerCase() && (REPORTING_VERBS.has(w) || /ed$/.test(w)));
}

/** A mention that only qualifies the next one: "Obama consultant Cornell Belcher", "Clinton’s aide Huma Abedin". */
function isAttributive(text: string, persons: readonly PersonMention[], i: number): boolean {
  const next = persons[i + 1];
  if (!next || next.start - persons[i].end > 40) return false;
  return /^(?:[’']s?)?\s+(?:\p{Ll}[\p{L}-]*\s+){1,3}$/u.test(text.slice(persons[i].end, next.start));
}
