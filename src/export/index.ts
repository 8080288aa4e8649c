// Public surface of the exporters (pure, no vscode): which files an export writes, for the CLI and the editor command.
import { orphanReports, type ExportArticle } from './article';
import { bratAnnotations, bratConfig, bratCopyText, bratCounting, BratTypes, CONF_FILE } from './brat';
import { ENTITY_COLUMNS, entityRows, QUOTE_COLUMNS, quoteRows, toCsv } from './csv';
import { jsonlLine } from './jsonl';
import { w3cAnnotations, w3cCollection, w3cLine } from './w3c';

export { loadArticle, orphanReports, type ArticleFile, type ExportArticle, type LoadOptions, type LoadResult } from './article';
export { labelsOfConfig, CONF_FILE } from './brat';
export { parseBrat, importBrat, type BratImportResult, type BratProblem } from './bratImport';

export type ExportFormat = 'brat' | 'w3c' | 'csv' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['brat', 'w3c', 'csv', 'jsonl'];

export interface ExportSettings {
  readonly format: ExportFormat;
  /** csv: the quote sheet (article, publication date, speaker, quote, offsets) instead of every entity. */
  readonly quotes?: boolean;
  /** w3c: one Annotation per line instead of one AnnotationCollection. */
  readonly lines?: boolean;
  /** brat: the article's text is written beside its .ann (into a target folder), rather than the .ann beside the article. */
  readonly copyText?: (article: ExportArticle) => boolean;
}

/** A file of the export: one of an article's (named in the article's folder) or the export's own. */
export type ExportOutput =
  | { readonly of: 'article'; readonly article: ExportArticle; readonly fileName: string; readonly content: string }
  | { readonly of: 'export'; readonly fileName: string; readonly content: string };

/** The article's file name without its last extension ("news/story.txt" → "story"). */
export function stemOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The file the export writes for all articles, for formats that write one (brat writes annotation.conf). */
export function exportFileName(settings: ExportSettings): string {
  switch (settings.format) {
    case 'brat': return CONF_FILE;
    case 'w3c': return settings.lines ? 'annotations.w3c.jsonl' : 'annotations.jsonld';
    case 'csv': return settings.quotes ? 'quotes.csv' : 'annotations.csv';
    case 'jsonl': return 'annotations.jsonl';
  }
}

export function exportOutputs(articles: readonly ExportArticle[], settings: ExportSettings): ExportOutput[] {
  const whole = (content: string): ExportOutput => ({ of: 'export', fileName: exportFileName(settings), content });
  switch (settings.format) {
    case 'brat': {
      const types = BratTypes.of(articles);
      const out: ExportOutput[] = [];
      for (const article of articles) {
        const copied = settings.copyText?.(article) ?? false;
        const stem = stemOf(article.name);
        out.push({ of: 'article', article, fileName: `${stem}.ann`, content: bratAnnotations(article, types, bratCounting(article.bom, copied)) });
        if (copied) out.push({ of: 'article', article, fileName: `${stem}.txt`, content: bratCopyText(article.text) });
      }
      return [...out, whole(bratConfig(types))];
    }
    case 'w3c': {
      const annotations = articles.flatMap(w3cAnnotations);
      return [whole(settings.lines ? annotations.map(a => w3cLine(a) + '\n').join('') : JSON.stringify(w3cCollection(annotations), null, 2) + '\n')];
    }
    case 'csv':
      return [whole(settings.quotes ? toCsv(QUOTE_COLUMNS, articles.flatMap(quoteRows)) : toCsv(ENTITY_COLUMNS, articles.flatMap(entityRows)))];
    case 'jsonl':
      return [whole(articles.map(a => jsonlLine(a) + '\n').join(''))];
  }
}

/** What the user should hear about the exported articles: orphans exported with their last text, sidecar warnings. */
export function exportReports(articles: readonly ExportArticle[]): string[] {
  return articles.flatMap(a => [...a.warnings, ...orphanReports(a)]);
}
