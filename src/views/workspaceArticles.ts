// Every .txt file of the workspace as an article for the Entities view, when the user turns on
// newsAnnotator.tree.includeWorkspaceFiles. Files are read, decoded and analysed one at a time in the background,
// yielding to the editor between files, under a cancellable progress notification; file watchers keep them current.
// Each is listed as the reader sees it: analysed with the corrections of its sidecar, decisions applied.
import * as vscode from 'vscode';
import { analyze } from '../analysis';
import { decodeArticle } from '../analysis/input';
import { fileNameOf, MAX_SIDECAR_BYTES, readSidecar, reanchorDocument, SIDECAR_SUFFIX, sidecarPathFor } from '../annotations';
import { readFileAtMost, readSidecarFile, sidecarStateOf, sidecarUriFor, UnreadableFileError } from '../editor/annotations/sidecarFiles';
import { readSettings } from '../editor/settings';
import { analysisOptionsFor, readerView } from '../entities/readerView';
import type { ArticleSnapshot } from './entityIndex';
import type { ClosedArticles } from './entityTree';

const INCLUDE = '**/*.txt';
const MAX_FILES = 5000;

const yieldToEditor = () => new Promise<void>(resolve => setTimeout(resolve, 0));

export class WorkspaceArticles implements ClosedArticles, vscode.Disposable {
  private readonly snapshots = new Map<string, ArticleSnapshot>();
  /** The file watchers while the setting is on. */
  private watchers: vscode.Disposable | undefined;
  private run: vscode.CancellationTokenSource | undefined;

  /** `changed` is told about every article that was read, re-read or dropped. */
  constructor(private readonly changed: (uri: string) => void, private readonly log: vscode.LogOutputChannel) {}

  get enabled(): boolean { return this.watchers !== undefined; }

  get(uri: string): ArticleSnapshot | undefined {
    return this.snapshots.get(uri);
  }

  /** The indexed (closed) articles' uris. */
  keys(): string[] { return [...this.snapshots.keys()]; }

  /** Starts watching and indexes every file once; resolves when done or cancelled. */
  async enable(): Promise<void> {
    if (!this.watchers) {
      const articles = vscode.workspace.createFileSystemWatcher(INCLUDE);
      const sidecars = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
      const articleOf = (sidecar: vscode.Uri) => [...this.snapshots.keys()].find(k => sidecarPathFor(vscode.Uri.parse(k).path) === sidecar.path);
      const reread = (sidecar: vscode.Uri) => { const k = articleOf(sidecar); if (k) void this.read(vscode.Uri.parse(k)); };
      this.watchers = vscode.Disposable.from(articles, sidecars,
        articles.onDidCreate(uri => void this.read(uri)),
        articles.onDidChange(uri => void this.read(uri)),
        articles.onDidDelete(uri => this.drop(uri.toString())),
        sidecars.onDidCreate(reread), sidecars.onDidChange(reread), sidecars.onDidDelete(reread),
      );
    }
    await this.indexAll();
  }

  disable(): void {
    this.run?.cancel();
    this.watchers?.dispose();
    this.watchers = undefined;
    for (const key of [...this.snapshots.keys()]) this.drop(key);
  }

  /** Reads every file again (the Refresh button). */
  async indexAll(): Promise<void> {
    this.run?.cancel();
    const run = this.run = new vscode.CancellationTokenSource();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'News Annotator: indexing workspace articles', cancellable: true }, async (progress, token) => {
      token.onCancellationRequested(() => run.cancel());
      const files = (await vscode.workspace.findFiles(INCLUDE, undefined, MAX_FILES, run.token))
        .filter(uri => !/[\\/]node_modules[\\/]/.test(uri.path))
        .sort((a, b) => (a.path < b.path ? -1 : 1));
      if (files.length === MAX_FILES) this.log.warn(`indexing the first ${MAX_FILES} .txt files of the workspace only`);
      const seen = new Set(files.map(f => f.toString()));
      for (const key of [...this.snapshots.keys()]) if (!seen.has(key)) this.drop(key);
      const t0 = Date.now();
      let done = 0;
      for (const uri of files) {
        if (run.token.isCancellationRequested) break;
        await this.read(uri);
        done++;
        progress.report({ increment: 100 / files.length, message: `${done}/${files.length} ${vscode.workspace.asRelativePath(uri)}` });
        await yieldToEditor(); // typing and scrolling stay responsive while a large folder is indexed
      }
      this.log.info(`indexed ${done} of ${files.length} workspace articles in ${Date.now() - t0} ms${run.token.isCancellationRequested ? ' (cancelled)' : ''}`);
    });
    if (this.run === run) this.run = undefined;
    run.dispose();
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    try {
      const { maxFileSizeMB } = readSettings(uri);
      // Only a regular file, never past the limit: a watcher also reports a FIFO or a link to /dev/zero named *.txt.
      const bytes = await readFileAtMost(uri, maxFileSizeMB * 1024 * 1024);
      if (bytes === undefined) return this.drop(key); // gone meanwhile
      const decoded = decodeArticle(bytes);
      if (!decoded.ok) { this.log.info(`not indexing ${vscode.workspace.asRelativePath(uri)}: ${decoded.reason}`); return this.drop(key); }
      if (!this.enabled) return;
      const sidecar = await this.sidecarOf(uri, decoded.text);
      const analysis = analyze(decoded.text, analysisOptionsFor(sidecar));
      this.snapshots.set(key, { key, name: vscode.workspace.asRelativePath(uri), text: decoded.text, analysis, view: readerView(analysis, sidecar) });
      this.changed(key);
    } catch (e) {
      if (e instanceof UnreadableFileError) this.log.info(`not indexing ${vscode.workspace.asRelativePath(uri)}: it ${e.message}`);
      else this.log.warn(`could not index ${vscode.workspace.asRelativePath(uri)}: ${e instanceof Error ? e.message : String(e)}`);
      this.drop(key);
    }
  }

  /** The article's sidecar placed on its current text; none when absent or unreadable (reported when it is opened). */
  private async sidecarOf(uri: vscode.Uri, text: string) {
    try {
      const name = fileNameOf(sidecarUriFor(uri).path);
      const state = await sidecarStateOf(readSidecar(await readSidecarFile(sidecarUriFor(uri), MAX_SIDECAR_BYTES), name), name, uri);
      return state.readable && state.exists ? reanchorDocument(state.document, text).document : undefined;
    } catch {
      return undefined;
    }
  }

  private drop(key: string): void {
    if (this.snapshots.delete(key)) this.changed(key);
  }

  dispose(): void {
    this.run?.cancel();
    this.watchers?.dispose();
    this.watchers = undefined;
  }
}
