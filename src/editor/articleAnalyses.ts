// One analysis per open article, cached per document version and per the reader's corrections it was made with.
// Work happens only for documents the user opened; edits re-analyse after a debounce (a newer edit cancels the
// pending one); huge or binary documents are skipped with one clear message each.
import * as vscode from 'vscode';
import { analyze, type Analysis, type AnalyzeOptions } from '../analysis';
import { textLooksBinary } from '../analysis/input';
import { Disposable } from './disposable';
import { readSettings, SECTION } from './settings';

export interface ArticleAnalysis {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly analysis: Analysis;
  /** The corrections the analysis respects (see correctionsKey). */
  readonly corrections: string;
}

/** The options an article is analysed with: the reader's corrections from its sidecar (readerView.analysisOptionsFor). */
export type AnalysisOptionsSource = (uri: vscode.Uri) => AnalyzeOptions;

const correctionsKey = (options: AnalyzeOptions) => (options.corrections ? JSON.stringify(options.corrections) : '');

const ARTICLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata', 'memfs']);

/** True for documents we analyse: plain text from the workspace, not output panels, logs or git views. */
export function isArticle(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'plaintext' && ARTICLE_SCHEMES.has(doc.uri.scheme);
}

/** Why a text is not analysed, or undefined when it is. */
function refusalOf(text: string, maxFileSizeMB: number): string | undefined {
  if (text.length > maxFileSizeMB * 1024 * 1024) {
    return `is larger than ${maxFileSizeMB} MB (setting newsAnnotator.maxFileSizeMB), so it is not highlighted or indexed`;
  }
  if (textLooksBinary(text)) return 'looks like a binary file, so it is not highlighted or indexed';
  return undefined;
}

export class ArticleAnalyses extends Disposable {
  private readonly cache = new Map<string, ArticleAnalysis>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly skipped = new Map<string, { reason: string; version: number }>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  private optionsFor: AnalysisOptionsSource = () => ({});

  /** Fires after an article's analysis was replaced (edit settled, corrections changed) or dropped (closed). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length > 0) this.schedule(e.document); }));
    this.register(vscode.workspace.onDidCloseTextDocument(doc => this.forget(doc.uri)));
    this.register(vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${SECTION}.maxFileSizeMB`)) this.skipped.clear(); }));
    this.register(vscode.workspace.onDidOpenTextDocument(doc => { if (!isArticle(doc)) this.forget(doc.uri); })); // language changed
    this.register({ dispose: () => { for (const t of this.pending.values()) clearTimeout(t); } });
  }

  /** Where the reader's corrections come from (the annotations, wired in extension.ts). */
  setOptionsSource(source: AnalysisOptionsSource): void { this.optionsFor = source; }

  /**
   * The reader's corrections of an article may have changed (a person added, a name retyped): analyse it again now if
   * they did, and tell listeners.
   */
  correctionsChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    const hit = this.cache.get(key);
    if (!hit || hit.corrections === correctionsKey(this.optionsFor(uri))) return;
    this.cache.delete(key);
    this.changed.fire(uri);
  }

  /** The analysis of the document's current version, computing it now if needed; undefined if skipped. */
  get(doc: vscode.TextDocument): Analysis | undefined {
    return this.entry(doc)?.analysis;
  }

  private entry(doc: vscode.TextDocument): ArticleAnalysis | undefined {
    if (!isArticle(doc)) return undefined;
    const key = doc.uri.toString();
    const options = this.optionsFor(doc.uri);
    const corrections = correctionsKey(options);
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version && hit.corrections === corrections) return hit;
    if (this.skipped.get(key)?.version === doc.version) return undefined; // refused already, no second look
    const text = doc.getText();
    const refusal = refusalOf(text, readSettings(doc.uri).maxFileSizeMB);
    if (refusal) { this.cache.delete(key); this.warnOnce(doc, refusal); return undefined; }
    this.skipped.delete(key);
    const t0 = Date.now();
    const entry: ArticleAnalysis = { uri: doc.uri, version: doc.version, analysis: analyze(text, options), corrections };
    const ms = Date.now() - t0;
    if (ms > 200) this.log.info(`analysed ${vscode.workspace.asRelativePath(doc.uri)} (${text.length} chars) in ${ms} ms`);
    this.cache.set(key, entry);
    return entry;
  }

  /**
   * The analysis once edits have settled: at once when it is current, else after the debounce that a newer edit
   * restarts. Resolves undefined when the request is cancelled first (a newer request has replaced it).
   */
  settled(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Analysis | undefined> {
    const hit = this.cache.get(doc.uri.toString());
    if ((hit && hit.version === doc.version) || !this.pending.has(doc.uri.toString())) return Promise.resolve(this.get(doc));
    return new Promise(resolve => {
      const subs: vscode.Disposable[] = []; // this wait's own listeners, gone when it ends
      const done = (a: Analysis | undefined) => { subs.forEach(d => d.dispose()); resolve(a); };
      subs.push(this.onDidChange(uri => { if (uri.toString() === doc.uri.toString()) done(this.get(doc)); }));
      if (token) subs.push(token.onCancellationRequested(() => done(undefined)));
    });
  }

  /** An edit of the document is waiting out the debounce: its analysis is about to be replaced (onDidChange tells). */
  isPending(uri: vscode.Uri): boolean {
    return this.pending.has(uri.toString());
  }

  /** The last analysis computed for the uri, whatever its version (for cross-article views). */
  peek(uri: vscode.Uri): ArticleAnalysis | undefined {
    return this.cache.get(uri.toString());
  }

  /** Every open article, analysed (skipped ones excluded). */
  all(): ArticleAnalysis[] {
    return vscode.workspace.textDocuments.map(doc => this.entry(doc)).filter((e): e is ArticleAnalysis => e !== undefined);
  }

  /** Records the refusal of this version; tells the user once per document and reason. */
  private warnOnce(doc: vscode.TextDocument, reason: string): void {
    const key = doc.uri.toString();
    const told = this.skipped.get(key)?.reason === reason;
    this.skipped.set(key, { reason, version: doc.version });
    if (told) return;
    const name = vscode.workspace.asRelativePath(doc.uri);
    this.log.warn(`${name} ${reason}`);
    void vscode.window.showWarningMessage(`News Annotator: ${name} ${reason}.`);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isArticle(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (doc.isClosed) return;
      this.get(doc);
      this.changed.fire(doc.uri);
    }, readSettings(doc.uri).analysisDelayMs));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.skipped.delete(key);
    if (this.cache.delete(key)) this.changed.fire(uri);
  }
}
