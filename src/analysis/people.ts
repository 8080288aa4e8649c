// People: person-name mentions (titles excluded) and their grouping into entities with canonical names.
// Two passes over the capitalised runs of the article: the first accepts runs with evidence of their own
// (given name, title, speech verb, apposition, role noun…); the second accepts runs made only of names the
// article already uses for a person ("Kerry" once "John Kerry" is found, anywhere in the article).
import { type ArticleContext, classifyRun, classifyWithKnownNames, nameParts } from './people/classify';
import { linkMentions, type NameSpan } from './people/entities';
import { type Run, scanText, type Token } from './people/runs';
import type { PersonEntity, PersonMention } from './types';

export interface PeopleResult {
  persons: PersonMention[];
  people: Map<string, PersonEntity>;
}

const toSpan = (core: Token[]): NameSpan => ({
  start: core[0].start,
  end: core[core.length - 1].end,
  parts: nameParts(core).map(t => t.text),
});

export function findPeople(text: string): PeopleResult {
  const { runs, lowerCaseWordHashes } = scanText(text);
  const ctx: ArticleContext = { text, lowerCaseWordHashes };
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
