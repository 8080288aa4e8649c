// Why the people rules decided what they did about a capitalised run: one code per verdict, kept on each person
// mention (PersonMention.reason) so that a test, a hover or a reader can see which evidence won.

/** Why a run is a person. */
export const PERSON_REASONS = [
  /** A person title or honorific before the name: "Secretary of State John Kerry", "Mr Kerry", "Sheikh Hasina". */
  'title',
  /** Given names written as capitals, with a person's context: "a paper by AS Heagle". */
  'initials',
  /** Initials with dots, then a surname: "C. White", "J.R.R. Tolkien". */
  'initials-and-surname',
  /** A goal's minute after a one-word name, as in results: "Lubarskij (50th minute)", "Nilis 42nd,". */
  'scorer',
  /** A given name first, then more name: "Martina Navratilova". */
  'given-name',
  /** An East Asian family name first: "Xi Jinping". */
  'asian-surname',
  /** A syllable-style hyphenated given name: "Kim Jong-un". */
  'syllabic-name',
  /** Capitalised words mid-sentence ending in a word that is neither common English nor a place: "Dries Mertens". */
  'name-shape',
  /** An apposition that describes a person: "Tong Zhao, an associate…", "Thomas Sam, 42,". */
  'apposition',
  /** A verb of saying or one only people take, before or after: "said Zhao", "Heagle died". */
  'speech-or-person-verb',
  /** A relative after the possessive: "Okonkwo’s wife". */
  'kinship',
  /** A lower-case role noun before: "spokeswoman Hua Chunying". */
  'role-noun',
  /** A place's possessive before: "Brazil’s Neymar". */
  'place-possessive',
  /** The author of a written work: "a novel by Chimamanda Adichie". */
  'author',
  /** Every name word is one the article already uses for a person: "Kerry" after "John Kerry". */
  'known-name',
  /** A byline in capitals: "BY JANE ROE AND TOM LEE". */
  'byline',
  /** The reader marked the name as a person. */
  'reader',
] as const;
export type PersonReason = typeof PERSON_REASONS[number];

/** Why a run is not a person (THING: never; UNSURE: not on its own evidence). */
export const NOT_PERSON_REASONS = [
  'no-evidence',
  'common-words',
  'ends-with-non-name',
  'place',
  'organisation',
  'firm',
  'work-title',
  'attributive',
  'named-thing',
  'reader',
] as const;
export type NotPersonReason = typeof NOT_PERSON_REASONS[number];
