// The data of the Sources and Timeline panel for a set of articles (the active one, or all open ones): who speaks
// (quoteSources.ts) and when things happen (timeline.ts), both read from each article's reader view, so the reader's
// decisions and speakers set by hand count as everywhere else. Pure: the panel only draws it, exports only print it.
import { summarizeSources, type ArticleViewInput, type SourcesSummary } from './quoteSources';
import { buildTimeline, type Timeline } from './timeline';

export type { ArticleViewInput } from './quoteSources';

export interface SourcesTimeline {
  /** The articles, in the order given: ids and the names to show. */
  readonly articles: readonly { readonly id: string; readonly name: string }[];
  readonly sources: SourcesSummary;
  readonly timeline: Timeline;
}

export function sourcesTimeline(articles: readonly ArticleViewInput[]): SourcesTimeline {
  return {
    articles: articles.map(a => ({ id: a.id, name: a.name })),
    sources: summarizeSources(articles),
    timeline: buildTimeline(articles),
  };
}
