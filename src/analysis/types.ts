// The analysis contract: what the analyzer finds in an article. Offsets are UTF-16 code-unit indices into the
// analysed text (JavaScript string indices), end exclusive, so `text.slice(start, end) === mention.text`.
// Pure data: no vscode import anywhere under src/analysis.

import type { PersonReason } from './people/reasons';

export type MentionType = 'person' | 'date' | 'quote';

export interface Span {
  start: number;
  end: number;
}

export interface PersonMention extends Span {
  type: 'person';
  text: string;
  /** Id of the PersonEntity this mention refers to (see Analysis.people). */
  entityId: string;
  /** True when the mention spells out the full name (e.g. "John Kerry"), false for "Kerry". */
  fullName: boolean;
  /** Which evidence made it a person (see PERSON_REASONS in people/reasons.ts): "title", "known-name"… */
  reason?: PersonReason;
}

export interface DateMention extends Span {
  type: 'date';
  text: string;
  /**
   * Resolved calendar value in ISO-8601-like form (TimeML's where ISO has none) at the precision the text gives:
   * - a day "2016-01-27", with a clock time "2016-01-27T17:05" ("7pm Friday"), with a part of the day "2016-01-27TNI"
   *   ("Tuesday night", "this morning": MO, AF, EV, NI);
   * - a week "2016-W03", a weekend "2016-W03-WE", a month "2016-01", a quarter "2016-Q3", a half year "2016-H2",
   *   a season "2016-SU" (SP, SU, FA, WI), a year "2016", a decade "199X", a century "19XX";
   * - a fiscal year "FY2025" (named by the calendar year it ends in: "fiscal 2025", "FY2024-25"), its quarters and
   *   halves "FY2025-Q1", "FY2025-H2";
   * - a span of years "2023/2024" ("2023-24", "the 2023-24 season").
   * Modifiers keep the value of what they modify: "late 2023" is "2023", "the end of March" is "2016-03".
   * Undefined when it cannot be resolved: relative with no publication date known, a sports season without its
   * years ("this season"), a holiday of a lunar calendar without its year ("Diwali"; with one, the year).
   */
  value?: string;
  /** True for expressions whose value depends on the publication date ("Tuesday", "last week"). */
  relative: boolean;
}

/**
 * What a quoted span is: someone's words (attributed or not), or a term set in quote marks — the title of a work, a
 * scare-quoted word, a nickname. Both are shown; only quotations have speakers.
 */
export type QuoteKind = 'quotation' | 'term';

export interface QuoteMention extends Span {
  type: 'quote';
  /** The quotation including its marks. */
  text: string;
  kind: QuoteKind;
  /** PersonEntity id of who said it, or null when unknown or not a person (an organisation, "officials"). */
  speakerId: string | null;
  /** The surface text the article uses for the source, e.g. "Zhao", "he", "the ministry"; null if none found. */
  speakerText: string | null;
  /**
   * When the source is "it" or "they", the name it stands for, the nearest before it in its sentence ("While North
   * Korea promised …, it also said" → "North Korea"); absent otherwise or when none is found.
   */
  speakerReferent?: string;
  /** Pieces of one quotation split by its attribution share a group number. */
  group: number;
}

export type Mention = PersonMention | DateMention | QuoteMention;

export interface PersonEntity {
  /** Stable id within one analysis: derived from the canonical name (e.g. "person:john-kerry"). */
  id: string;
  /** Canonical full name, e.g. "John Kerry". */
  name: string;
  /** Indices into Analysis.persons of this entity's mentions, in text order. */
  mentions: number[];
}

export interface Analysis {
  /** Person mentions in text order. */
  persons: PersonMention[];
  dates: DateMention[];
  quotes: QuoteMention[];
  /** Person entities by id. */
  people: Map<string, PersonEntity>;
  /** Publication date found in the article (ISO "YYYY-MM-DD"), used to resolve relative dates. */
  publicationDate?: string;
}

export interface AnalyzeOptions {
  /** Fallback reference date ("YYYY-MM-DD") when the article does not state its publication date. */
  referenceDate?: string;
  /** The reader's corrections of who is a person in this article: they win over the analyzer's own evidence. */
  corrections?: PeopleCorrections;
}

/** Names as written (white space inside collapsed to one space; compared case-sensitively). */
export interface PeopleCorrections {
  /**
   * Names that are not people here ("Ford" retyped as an organisation): a capitalised run whose name is exactly one
   * of these is not a person mention, so it is not linked either ("Henry Ford" stays a person, a bare "Ford" does not).
   */
  notPersons?: readonly string[];
  /** Names the reader marked as people: a mention wherever they occur, and their parts link later mentions ("Roe"). */
  persons?: readonly string[];
}
