// One article made ready for export: its text decoded, its sidecar read and placed on the text as the editor places
// it on open, the analyzer run with the reader's corrections, and the merged view of both (readerView) that every
// format writes. Pure: the CLI and the editor command read the bytes, this decides what they mean.
import { analyze } from '../analysis';
import { decodeArticle } from '../analysis/input';
import { readSidecar, reanchorDocument } from '../annotations';
import { analysisOptionsFor, readerView, type ReaderView, type ViewItem } from '../entities/readerView';
import { wholeCharacters } from './offsets';

export interface ArticleFile {
  /** Path relative to the export's root, '/'-separated: names the article in every format and its files in a target folder. */
  readonly name: string;
  /** The article's URI (the W3C target's source). */
  readonly uri: string;
  /** How messages name the article (e.g. its path as the user gave it); `name` when absent. */
  readonly displayPath?: string;
  readonly bytes: Uint8Array;
  /** The sidecar's bytes, undefined when the article has none. */
  readonly sidecar: Uint8Array | undefined;
  /** How messages name the sidecar (e.g. its path as the user gave it). */
  readonly sidecarName: string;
}

export interface ExportArticle {
  readonly name: string;
  readonly uri: string;
  readonly displayPath: string;
  /** The decoded text, without a byte-order mark: the text every UTF-16 offset of the view indexes. */
  readonly text: string;
  /** The file starts with a UTF-8 byte-order mark (brat counts it as a character). */
  readonly bom: boolean;
  readonly view: ReaderView;
  /** Things to tell the user that do not stop the export (a sidecar naming another article). */
  readonly warnings: readonly string[];
}

export type LoadResult = { ok: true; article: ExportArticle } | { ok: false; error: string };

export interface LoadOptions {
  /** Resolve relative dates against this day when the article states none (YYYY-MM-DD). */
  readonly referenceDate?: string;
}

const hasBom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** The article ready to export, or why it cannot be (not text; a sidecar that cannot be read, named with its line). */
export function loadArticle(file: ArticleFile, options: LoadOptions = {}): LoadResult {
  const displayPath = file.displayPath ?? file.name;
  const decoded = decodeArticle(file.bytes);
  if (!decoded.ok) return { ok: false, error: `${displayPath}: ${decoded.reason}` };
  const articleFileName = file.name.slice(file.name.lastIndexOf('/') + 1);
  const state = readSidecar(file.sidecar, file.sidecarName, articleFileName);
  if (!state.readable) return { ok: false, error: `${state.error.message} — ${displayPath} not exported` };
  const doc = state.document ? reanchorDocument(state.document, decoded.text).document : undefined;
  const analysis = analyze(decoded.text, analysisOptionsFor(doc, { referenceDate: options.referenceDate }));
  return {
    ok: true,
    article: {
      name: file.name, uri: file.uri, displayPath, text: decoded.text, bom: hasBom(file.bytes), view: onWholeCharacters(readerView(analysis, doc), decoded.text),
      warnings: state.exists ? state.warnings : [],
    },
  };
}

/** The view with every shown item's span on whole characters (wholeCharacters), its text re-read: once, for every format. */
function onWholeCharacters(view: ReaderView, text: string): ReaderView {
  let moved = false;
  const items = view.items.map(item => {
    const [start, end] = wholeCharacters(text, item.start, item.end);
    if (start === item.start && end === item.end) return item;
    moved = true;
    return { ...item, start, end, text: text.slice(start, end) };
  });
  return moved ? { ...view, items: items.sort((x, y) => x.start - y.start || x.end - y.end) } : view;
}

/** What an item is called in every format: its type, or the reader's label. */
export function typeName(item: ViewItem): string {
  return item.type === 'label' ? item.label ?? 'label' : item.type;
}

/** One line per orphaned annotation, for the user to hear about it (it is exported with its last known text). */
export function orphanReports(article: ExportArticle): string[] {
  return article.view.orphans.map(o => `${article.displayPath}: orphaned ${typeName(o)} annotation exported with its last known text ${JSON.stringify(o.text)} (its words are no longer in the article)`);
}
