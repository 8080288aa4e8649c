// Cross-article person linking: which PersonEntities of several open articles are the same person.
// Pure function over the analyses; it returns a mapping and never changes them. The entity tree and
// "go to references across articles" read it.
//
// Rules, in order:
//   1. Entities with the same multi-word canonical name are one person ("John Kerry" in two articles).
//   2. A one-word entity (an article that only says "Kerry") joins the multi-word person whose last word
//      — or, failing that, any word ("Xi" of "Xi Jinping") — it is, when exactly one such person exists
//      among all the articles. Two different full names sharing the word ("John Kerry", "Mary Kerry")
//      make it ambiguous: it stays on its own, in its own article only (id suffixed "@<article index>"),
//      and the two full names are never merged.
//   3. One-word entities that match no full name anywhere are joined across articles by the same word.
import { personId } from './people/entities';
import type { Analysis } from './types';

/** One person across articles. */
export interface LinkedPerson {
  /** Global id, derived from the canonical name like the per-article ids ("person:john-kerry"). */
  id: string;
  /** Canonical full name. */
  name: string;
  /** The per-article entities that are this person. */
  members: { article: number; entityId: string }[];
}

export interface CrossArticleLinks {
  /** Global persons by global id. */
  persons: Map<string, LinkedPerson>;
  /** For each analysis (same index as the input), its local entity id → global person id. */
  byArticle: Map<string, string>[];
}

const words = (name: string): string[] => name.split(/\s+/).filter(w => w.length > 0);

export function linkAcrossArticles(analyses: readonly Analysis[]): CrossArticleLinks {
  const persons = new Map<string, LinkedPerson>();
  const byArticle = analyses.map(() => new Map<string, string>());
  const join = (article: number, entityId: string, name: string, id = personId(name)): void => {
    let p = persons.get(id);
    if (!p) { p = { id, name, members: [] }; persons.set(id, p); }
    p.members.push({ article, entityId });
    byArticle[article].set(entityId, id);
  };

  // Rule 1: full names, and an index of their words for rule 2.
  const lastWordOf = new Map<string, Set<string>>();
  const anyWordOf = new Map<string, Set<string>>();
  const index = (map: Map<string, Set<string>>, word: string, name: string): void => {
    let s = map.get(word);
    if (!s) { s = new Set(); map.set(word, s); }
    s.add(name);
  };
  analyses.forEach((a, article) => {
    for (const e of a.people.values()) {
      const ws = words(e.name);
      if (ws.length < 2) continue;
      join(article, e.id, e.name);
      const canonical = persons.get(personId(e.name))!.name;
      index(lastWordOf, ws[ws.length - 1], canonical);
      for (const w of ws) index(anyWordOf, w, canonical);
    }
  });

  // Rules 2 and 3: one-word entities.
  analyses.forEach((a, article) => {
    for (const e of a.people.values()) {
      const ws = words(e.name);
      if (ws.length !== 1) continue;
      const candidates = lastWordOf.get(ws[0]) ?? anyWordOf.get(ws[0]);
      if (!candidates) join(article, e.id, e.name);
      else if (candidates.size === 1) join(article, e.id, [...candidates][0]);
      else join(article, e.id, e.name, `${personId(e.name)}@${article}`);
    }
  });
  return { persons, byArticle };
}
