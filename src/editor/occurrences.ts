// The questions editor navigation asks, answered over the open articles without vscode: which entity is under the
// cursor, all its mentions across articles (rejected ones left out), the next or previous one from a place, and
// where a person is first named in full. People are matched across articles by linkPeople (src/entities/identity.ts).
import type { Analysis, DateMention, PersonMention } from '../analysis/types';
import { mentionAt } from '../analysis/query';
import { dateKey, type PeopleLinks } from '../entities/identity';
import type { RejectedSet } from '../entities/userAnnotations';

export interface NavArticle {
  /** The document URI as a string. */
  readonly key: string;
  readonly analysis: Analysis;
  readonly rejected?: RejectedSet;
}

/** An entity navigation can move through: a person (cross-article key) or a date value. */
export type NavTarget =
  | { readonly kind: 'person'; readonly key: string; readonly name: string }
  | { readonly kind: 'date'; readonly key: string; readonly name: string };

export interface NavOccurrence {
  readonly article: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** People: the full name is spelt out. */
  readonly fullName: boolean;
}

/** The person or date under an offset (a name inside a quote counts; a quote alone does not), unless rejected. */
export function targetAt(article: NavArticle, links: PeopleLinks, offset: number): NavTarget | undefined {
  const m = mentionAt(article.analysis, offset);
  if (!m || article.rejected?.has(m)) return undefined;
  if (m.type === 'person') {
    const linked = links.get(article.key)?.get(m.entityId);
    const name = linked?.name ?? article.analysis.people.get(m.entityId)?.name ?? m.text;
    return { kind: 'person', key: linked?.key ?? `${article.key}#${m.entityId}`, name };
  }
  if (m.type === 'date') return { kind: 'date', key: dateKey(m), name: m.value ?? m.text };
  return undefined;
}

/** The target's mentions in one article, in text order. */
export function mentionsIn(article: NavArticle, links: PeopleLinks, target: NavTarget): NavOccurrence[] {
  const a = article.analysis, out: NavOccurrence[] = [];
  const keep = (m: PersonMention | DateMention, fullName: boolean) => {
    if (!article.rejected?.has(m)) out.push({ article: article.key, start: m.start, end: m.end, text: m.text, fullName });
  };
  if (target.kind === 'date') {
    for (const d of a.dates) if (dateKey(d) === target.key) keep(d, false);
    return out;
  }
  const mine = links.get(article.key);
  const entityIds = new Set<string>();
  for (const e of a.people.values()) if ((mine?.get(e.id)?.key ?? `${article.key}#${e.id}`) === target.key) entityIds.add(e.id);
  if (entityIds.size === 0) return out;
  for (const p of a.persons) if (entityIds.has(p.entityId)) keep(p, p.fullName);
  return out;
}

/** Every mention of the target, article by article in the given order. */
export function mentionsAcross(articles: readonly NavArticle[], links: PeopleLinks, target: NavTarget): NavOccurrence[] {
  return articles.flatMap(a => mentionsIn(a, links, target));
}

/**
 * The mention after (or before) a place, moving on to the next article when this one has no more, and wrapping
 * around at the end (`wrapped`). `articles` gives the order; the place is an article and an offset in it (a mention's start
 * when the cursor is on one, so that mention itself is skipped).
 */
export function step(list: readonly NavOccurrence[], articles: readonly string[], at: { article: string; offset: number }, direction: 1 | -1): { occurrence: NavOccurrence; index: number; wrapped: boolean } | undefined {
  if (list.length === 0) return undefined;
  const order = new Map(articles.map((k, i) => [k, i]));
  const here = order.get(at.article) ?? -1;
  const compare = (o: NavOccurrence) => ((order.get(o.article) ?? -1) - here) || (o.start - at.offset);
  if (direction === 1) {
    const index = list.findIndex(o => compare(o) > 0);
    return index >= 0 ? { occurrence: list[index], index, wrapped: false } : { occurrence: list[0], index: 0, wrapped: true };
  }
  for (let index = list.length - 1; index >= 0; index--) if (compare(list[index]) < 0) return { occurrence: list[index], index, wrapped: false };
  return { occurrence: list[list.length - 1], index: list.length - 1, wrapped: true };
}

/**
 * Where a person is introduced: the first full-name mention in the current article, else the first one in the
 * other articles (in order). Undefined for dates, or when the person is never named in full.
 */
export function definitionOf(current: NavArticle, others: readonly NavArticle[], links: PeopleLinks, target: NavTarget): NavOccurrence | undefined {
  if (target.kind !== 'person') return undefined;
  for (const article of [current, ...others.filter(a => a.key !== current.key)]) {
    const first = mentionsIn(article, links, target).find(m => m.fullName);
    if (first) return first;
  }
  return undefined;
}
