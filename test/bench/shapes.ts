// Adversarial texts for the growth table: shapes that a naive linking, pairing or lookup structure makes
// super-linear, each generated to any size. Names are made from syllables, so every surname is new and no
// lexicon knows it; sentences use speech verbs, so the analyzer takes the names for people.
import { seededRandom } from '../support/random';

export interface Shape {
  name: string;
  /** What the shape stresses. */
  about: string;
  /**
   * A text of at least `bytes` UTF-8 bytes (and at most one unit more). Variants differ in their names, so each
   * measured run can be text the analyzer has not seen (its caches are keyed on words and names).
   */
  make(bytes: number, variant?: number): string;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dor', 'bel', 'nu', 'sha', 'gri', 'pol', 'ter', 'yan', 'fi', 'quo'];

/** Names of one variant start here: variants share no name (16 variants of a million names each). */
const VARIANT_STRIDE = 1 << 20;
const NAME_SYLLABLES = 6;

/** A distinct capitalised pseudo-name for every n < 16^6: n in base 16 over the syllables, six of them. */
export function pseudoName(n: number): string {
  let s = '';
  for (let k = 0, rest = n; k < NAME_SYLLABLES; k++, rest = Math.floor(rest / 16)) s = SYLLABLES[rest % 16] + s;
  return s[0].toUpperCase() + s.slice(1);
}

/** Repeats unit(i) for i = 0, 1, … until the text reaches `bytes` (unit texts are ASCII unless said otherwise). */
function grow(bytes: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += Buffer.byteLength(u, 'utf8');
  }
  return parts.join('');
}

const GIVEN_15 = ['John', 'Mary', 'David', 'Sarah', 'Michael', 'Anna', 'James', 'Laura', 'Peter', 'Maria', 'Thomas',
  'Emma', 'Paul', 'Julia', 'Mark'];

export const SHAPES: Shape[] = [
  {
    name: 'one first name, many surnames',
    about: 'full names sharing a first name ("John A… said. John B… said.")',
    make: (bytes, v = 0) => grow(bytes, i => `John ${pseudoName(v * VARIANT_STRIDE + i)} said the plan would work.${i % 8 === 7 ? '\n\n' : ' '}`),
  },
  {
    name: '15 first names, unique surnames',
    about: 'a few first names, each with a long chain of surnames',
    make: (bytes, v = 0) => grow(bytes, i => `${GIVEN_15[i % 15]} ${pseudoName(v * VARIANT_STRIDE + i)} said it was over.${i % 8 === 7 ? '\n\n' : ' '}`),
  },
  {
    name: 'many given names, one surname',
    about: 'full names sharing a surname ("Ann Smith", "Bob Smith", …) and short mentions of it',
    make: (bytes, v = 0) => grow(bytes, i => `${pseudoName(v * VARIANT_STRIDE + i)} Smith said no. Smith left.${i % 8 === 7 ? '\n\n' : ' '}`),
  },
  {
    name: 'short mentions of many people',
    about: 'surnames alone after their full names, across the whole text',
    make: (bytes, v = 0) => grow(bytes, i => `${GIVEN_15[i % 15]} ${pseudoName(v * VARIANT_STRIDE + i)} arrived. ${pseudoName(v * VARIANT_STRIDE + Math.floor(i / 2))} said so.${i % 6 === 5 ? '\n\n' : ' '}`),
  },
  {
    name: 'thousands of quotes',
    about: 'attributed quotations, each with a speaker to resolve',
    make: (bytes, v = 0) => grow(bytes, i => `“We will not stop now,” said ${GIVEN_15[i % 15]} ${pseudoName(v * VARIANT_STRIDE + i % 500)}. ${i % 4 === 3 ? '\n\n' : ''}`),
  },
  {
    name: 'quotes said by "it", no stop',
    about: 'quotations whose source is "it", in one sentence that never ends (what "it" stands for is looked for before each)',
    make: (bytes, v = 0) => grow(bytes, i => `${pseudoName(v * VARIANT_STRIDE + i)} and “we will go,” it said, and `),
  },
  {
    name: 'quote marks only',
    about: 'nothing but quote marks, straight and curly',
    make: bytes => grow(bytes, i => (i % 3 === 0 ? '"' : i % 3 === 1 ? '“' : '”')),
  },
  {
    name: 'opening marks only',
    about: 'curly opening marks that never close, on one line (a pairing that never comes to rest)',
    make: bytes => grow(bytes, () => '“'),
  },
  {
    name: 'straight marks only',
    about: 'straight double marks, one byte each, on one line',
    make: bytes => grow(bytes, () => '"'),
  },
  {
    name: 'unclosed quotes',
    about: 'opening quote marks that never close, one per paragraph',
    make: (bytes, v = 0) => grow(bytes, i => `“This goes on and on, said ${GIVEN_15[i % 15]} ${pseudoName(v * VARIANT_STRIDE + i)}.\n\n`),
  },
  {
    name: 'one giant line',
    about: 'news prose with no line break at all',
    make: (bytes, v = 0) => {
      const random = seededRandom(7 + v);
      return grow(bytes, i => `${GIVEN_15[i % 15]} ${pseudoName(v * VARIANT_STRIDE + Math.floor(random() * 5000))} told reporters on Jan. ${1 + (i % 28)}, 2016, that “talks went well” last Tuesday. `);
    },
  },
  {
    name: 'dense dates',
    about: 'calendar and relative dates back to back',
    make: bytes => grow(bytes, i => `On Jan. ${1 + (i % 28)}, ${1990 + (i % 30)}, and last Tuesday, the end of this month and ${1 + (i % 12)}/${1 + (i % 28)}/2016. `),
  },
  {
    name: 'one capitalised run',
    about: 'capitalised words without end (a name run that never stops)',
    make: (bytes, v = 0) => grow(bytes, i => `${pseudoName(v * VARIANT_STRIDE + i)} `),
  },
];
