// Which mentions the entity views and navigation treat as the same thing, across articles. Pure: no vscode.
//
// linkPeople is the one place that decides cross-article identity of people; the tree, references, highlights,
// definition and next/previous occurrence all go through it.
import { linkAcrossArticles } from '../analysis/linking';
import type { Analysis, DateMention, QuoteMention } from '../analysis/types';

export interface LinkedName {
  /** Cross-article key of the person (stable while the articles agree: derived from the canonical name). */
  readonly key: string;
  /** The canonical full name shared by all the articles that name this person. */
  readonly name: string;
}

/** Article key → (that article's local PersonEntity id → the person across articles). */
export type PeopleLinks = Map<string, Map<string, LinkedName>>;

export type PeopleLinker = (articles: readonly { readonly key: string; readonly analysis: Analysis }[]) => PeopleLinks;

/**
 * Cross-article identity of people, from src/analysis/linking.ts: the same full name is one person; an article
 * that only says "Kerry" joins "John Kerry" when exactly one full name in the open articles fits. A one-word name
 * that fits several full names stays on its own in its own article; its key then names that article (not its
 * position in the list), so it is stable when other articles come and go.
 */
export const linkPeople: PeopleLinker = articles => {
  const links = linkAcrossArticles(articles.map(a => a.analysis));
  const out: PeopleLinks = new Map();
  articles.forEach((article, i) => {
    const mine = new Map<string, LinkedName>();
    for (const [localId, globalId] of links.byArticle[i]) {
      const person = links.persons.get(globalId);
      const at = globalId.lastIndexOf('@');
      const key = at > 0 ? `${globalId.slice(0, at)}@${article.key}` : globalId;
      mine.set(localId, { key, name: person?.name ?? article.analysis.people.get(localId)?.name ?? localId });
    }
    out.set(article.key, mine);
  });
  return out;
};

/** Dates group by resolved calendar value; unresolved ones by their wording. */
export function dateKey(d: Pick<DateMention, 'value' | 'text'>): string {
  return d.value !== undefined ? `=${d.value}` : `~${normalise(d.text)}`;
}

export const UNKNOWN_SPEAKER_KEY = '?';
/** Quoted terms (titles, names, scare quotes) are listed under Quotes apart from the speakers, under this key. */
export const TERMS_KEY = '~terms';

/** A quote's speaker when it is not a person: the source the article names ("the ministry"), else unknown. */
export function sourceOf(q: Pick<QuoteMention, 'speakerText'>): { key: string; name: string } {
  const source = q.speakerText?.trim();
  return source ? { key: `source:${normalise(source)}`, name: source } : { key: UNKNOWN_SPEAKER_KEY, name: 'Unknown speaker' };
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
