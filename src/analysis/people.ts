// People: person-name mentions (titles excluded) and their grouping into entities with canonical names.
// Two passes over the capitalised runs of the article: the first accepts runs with evidence of their own
// (given name, title, speech verb, apposition, role noun…); the second accepts runs made only of names the
// article already uses for a person ("Kerry" once "John Kerry" is found, anywhere in the article).
import { type ArticleContext, classifyRun, classifyWithKnownNames, nameParts } from './people/classify';
import { linkMentions, type NameSpan } from './people/entities';
import { findRuns, type Run, type Token } from './people/runs';
import type { PersonEntity, PersonMention } from './types';

export interface PeopleResult {
  persons: PersonMention[];
  people: Map<string, PersonEntity>;
}

// 32-bit FNV-1a over UTF-16 code units: lets the lower-case scan below compare words without allocating them.
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;
const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 39 || c >= 0xc0;

/**
 * The capitalised words of the runs that the article also writes in lower case ("Iodine" / "iodine"). One
 * character scan; a word is sliced out only when its hash matches a wanted word's.
 */
function lowerCaseUses(text: string, runs: Run[]): Set<string> {
  const wanted = new Map<number, string[]>();
  for (const r of runs) {
    for (const t of r.tokens) {
      const h = hashRange(t.lower, 0, t.lower.length);
      const bucket = wanted.get(h);
      if (!bucket) wanted.set(h, [t.lower]);
      else if (!bucket.includes(t.lower)) bucket.push(t.lower);
    }
  }
  const found = new Set<string>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) { i++; continue; }
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    if (!isLowerAscii(c)) continue;
    const bucket = wanted.get(hashRange(text, start, i));
    if (bucket) {
      const word = text.slice(start, i);
      if (bucket.includes(word)) found.add(word);
    }
  }
  return found;
}

const toSpan = (core: Token[]): NameSpan => ({
  start: core[0].start,
  end: core[core.length - 1].end,
  parts: nameParts(core).map(t => t.text),
});

export function findPeople(text: string): PeopleResult {
  const runs = findRuns(text);
  const ctx: ArticleContext = { text, lowerCaseWords: lowerCaseUses(text, runs) };
  const spans: NameSpan[] = [];
  const known = new Set<string>();
  const unsure: Run[] = [];
  for (const run of runs) {
    const v = classifyRun(run, ctx);
    if (v.kind === 'person') {
      const span = toSpan(v.core);
      spans.push(span);
      for (const p of span.parts) known.add(p);
    } else if (v.kind === 'unsure') unsure.push(run);
  }
  for (const run of unsure) {
    const v = classifyWithKnownNames(run, ctx, known);
    if (v.kind === 'person') spans.push(toSpan(v.core));
  }
  return linkMentions(spans, text);
}
