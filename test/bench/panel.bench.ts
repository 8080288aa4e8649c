// Benchmark of the Sources and Timeline panel's data: what the extension host computes each time the panel updates
// (the reader's views, sources, timeline, sentences) and the size of the message it posts to the webview, for one
// large article and for "all open articles" over 500 articles of about 5 KB. The analyses themselves are not timed
// here (the analyzer's section measures them); Copy as Markdown is timed for the large article.
import { analyze, type Analysis } from '../../src/analysis';
import { readerView } from '../../src/entities/readerView';
import { sourcesTimeline, type ArticleViewInput } from '../../src/entities/sourcesTimeline';
import { sourcesTimelineMarkdown } from '../../src/entities/sourcesTimelineMarkdown';
import { syntheticArticle, type SourceDoc } from './corpus';
import { formatSize, measure, utf8Bytes } from './measure';

const OPEN_ARTICLES = 500;
const ARTICLE_BYTES = 5 * 1024;

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

type Input = ArticleViewInput & { readonly analysis: Analysis };

function inputs(texts: readonly string[]): Input[] {
  return texts.map((text, i) => {
    const analysis = analyze(text);
    return { id: `file:///bench/article-${i}.txt`, name: `article-${i}.txt`, text, analysis, view: readerView(analysis, undefined) };
  });
}

/** Lines of the report: one per workload. */
export function benchPanel(sources: SourceDoc[], large: { name: string; text: string }): string[] {
  const many = inputs(Array.from({ length: OPEN_ARTICLES }, (_, i) => syntheticArticle(sources, { targetBytes: ARTICLE_BYTES, seed: 5000 + i })));
  const one = inputs([large.text]);
  const lines: string[] = [];
  for (const [label, articles] of [[`${large.name} article`, one], [`${OPEN_ARTICLES} open articles of ~5 KB`, many]] as const) {
    const bytes = articles.reduce((n, a) => n + utf8Bytes(a.text), 0);
    // An update: each view read again (as ReaderViews does for a changed article), then the panel's data and its message.
    const update = () => JSON.stringify(sourcesTimeline(articles.map(a => ({ ...a, view: readerView(a.analysis, undefined) }))));
    const t = measure(update, { warmup: 2, reps: 9, budgetMs: 10_000 });
    const model = sourcesTimeline(articles);
    const message = utf8Bytes(JSON.stringify(model));
    lines.push(`${label} (${formatSize(bytes)}): update ${ms(t.medianMs)} median (CPU ${ms(t.medianCpuMs)}); ${model.sources.quotes} quotes, ${model.sources.sources.length} sources, `
      + `${model.timeline.placed + model.timeline.unplaced} dates; message to the webview ${formatSize(message)}`);
    if (articles === one) {
      const md = measure(() => sourcesTimelineMarkdown(model), { warmup: 1, reps: 5, budgetMs: 5_000 });
      lines.push(`${label}: Copy as Markdown ${ms(md.medianMs)} (${formatSize(utf8Bytes(sourcesTimelineMarkdown(model)))})`);
    }
  }
  return lines;
}
