// The annotations of every open article: sessions opened with the article, edits and saves routed to them, the
// sidecar files watched for changes from outside (git pull, another window), and problems shown where the user
// looks for them — unreadable sidecars and orphaned annotations in the Problems panel.
import * as vscode from 'vscode';
import { isSidecarPath, type Annotation } from '../../annotations';
import { isArticle } from '../articleAnalyses';
import { ArticleSession, type SessionEvent } from './articleSession';
import { openDocument } from '../openDocuments';

export class AnnotationManager implements vscode.Disposable {
  private readonly sessions = new Map<string, ArticleSession>();
  private readonly loading = new Map<string, Promise<ArticleSession>>();
  private readonly bySidecar = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('News Annotator');
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires with the article's uri whenever its annotations or decisions change (load, edit, command, reload). */
  readonly onDidChange = this.changed.event;
  private readonly changedOtherThanByEdit = new vscode.EventEmitter<vscode.Uri>();
  /**
   * Fires as onDidChange does, except when an edit of the article only moved its annotations: what the semantic
   * tokens depend on (decisions), which VS Code asks for again after every edit anyway.
   */
  readonly onDidChangeOtherThanByEdit = this.changedOtherThanByEdit.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
    const onSidecar = (uri: vscode.Uri) => this.sidecarChanged(uri);
    this.disposables.push(this.changed, this.changedOtherThanByEdit, this.diagnostics, watcher,
      watcher.onDidChange(onSidecar), watcher.onDidCreate(onSidecar), watcher.onDidDelete(onSidecar),
      vscode.workspace.onDidOpenTextDocument(doc => { if (this.annotatable(doc)) void this.sessionFor(doc); }),
      vscode.workspace.onDidChangeTextDocument(e => this.edited(e)),
      vscode.workspace.onDidSaveTextDocument(doc => { void this.saveIfOpen(doc); }),
      vscode.workspace.onDidCloseTextDocument(doc => this.closed(doc)),
    );
    for (const doc of vscode.workspace.textDocuments) if (this.annotatable(doc)) void this.sessionFor(doc);
  }

  /** Articles saved on a file system can carry a sidecar; untitled documents cannot until saved. */
  annotatable(doc: vscode.TextDocument): boolean {
    return isArticle(doc) && doc.uri.scheme !== 'untitled' && !isSidecarPath(doc.uri.path);
  }

  /** The session of an open article, loading its sidecar the first time. */
  sessionFor(doc: vscode.TextDocument): Promise<ArticleSession> {
    const key = doc.uri.toString();
    const open = this.sessions.get(key);
    if (open) return Promise.resolve(open);
    let pending = this.loading.get(key);
    if (!pending) {
      const session = new ArticleSession(doc.uri, e => this.report(doc.uri, session, e));
      this.bySidecar.set(session.sidecarUri.toString(), key);
      pending = session.reload(doc.getText()).then(() => {
        this.sessions.set(key, session);
        this.loading.delete(key);
        this.refreshProblems(doc.uri, session);
        this.fireChanged(doc.uri);
        return session;
      }, e => {
        this.loading.delete(key);
        this.bySidecar.delete(session.sidecarUri.toString());
        throw e;
      });
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** An already loaded session (synchronous, for decorations and providers). */
  loaded(uri: vscode.Uri): ArticleSession | undefined {
    return this.sessions.get(uri.toString());
  }

  allLoaded(): ArticleSession[] { return [...this.sessions.values()]; }

  /** After a command changed the store: persist, refresh problems, tell listeners. */
  async commit(doc: vscode.TextDocument, session: ArticleSession): Promise<void> {
    this.fireChanged(doc.uri);
    try {
      await session.save(doc.getText());
    } catch (e) {
      void vscode.window.showErrorMessage(`News Annotator: could not save ${vscode.workspace.asRelativePath(session.sidecarUri)}: ${(e as Error).message}. Your annotations are kept in memory.`);
    }
    this.refreshProblems(doc.uri, session);
  }

  private fireChanged(article: vscode.Uri): void {
    this.changed.fire(article);
    this.changedOtherThanByEdit.fire(article);
  }

  private edited(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const session = this.sessions.get(e.document.uri.toString());
    if (!session) return;
    session.applyEdits(e.contentChanges);
    this.changed.fire(e.document.uri);
  }

  private async saveIfOpen(doc: vscode.TextDocument): Promise<void> {
    const session = this.sessions.get(doc.uri.toString());
    if (!session) return;
    await session.save(doc.getText()).catch(err => this.log.error(`saving annotations of ${doc.uri.fsPath}: ${err}`));
    this.refreshProblems(doc.uri, session);
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const session = this.sessions.get(key);
    if (!session) return;
    this.sessions.delete(key);
    this.bySidecar.delete(session.sidecarUri.toString());
    this.diagnostics.delete(doc.uri);
    this.diagnostics.delete(session.sidecarUri);
    this.fireChanged(doc.uri);
  }

  private async sidecarChanged(sidecar: vscode.Uri): Promise<void> {
    const articleKey = this.bySidecar.get(sidecar.toString());
    const session = articleKey ? this.sessions.get(articleKey) : undefined;
    if (!articleKey || !session) return;
    const doc = openDocument(articleKey);
    if (!doc) return;
    let changed = true;
    try {
      changed = await session.reload(doc.getText());
    } catch (e) {
      this.log.error(`reloading ${sidecar.fsPath}: ${e}`);
    }
    if (!changed) return; // the watcher telling of our own write: nothing to redraw
    this.refreshProblems(doc.uri, session);
    this.fireChanged(doc.uri);
  }

  private report(article: vscode.Uri, session: ArticleSession, e: SessionEvent): void {
    const name = vscode.workspace.asRelativePath(session.sidecarUri);
    if (e.kind === 'unreadable') {
      this.log.error(e.message);
      void vscode.window.showErrorMessage(`News Annotator: cannot read ${e.message}. The file is left unchanged and will not be overwritten; your annotations in this window are kept. Fix the file and it is read again.`, 'Open File')
        .then(choice => { if (choice) void vscode.window.showTextDocument(session.sidecarUri, { selection: lineRange(e.line) }); });
    } else if (e.kind === 'refusedWrite') {
      this.log.warn(e.message);
      void vscode.window.showWarningMessage(`News Annotator: annotations not saved: ${e.message}.`);
    } else {
      const r = e.report;
      const parts = [r.moved && `${r.moved} moved`, r.fuzzy && `${r.fuzzy} found again approximately`, r.orphaned && `${r.orphaned} could not be found (kept as orphaned)`].filter(Boolean);
      this.log.info(`${vscode.workspace.asRelativePath(article)} changed outside the editor; annotations: ${parts.join(', ')}`);
      if (r.orphaned > 0) void vscode.window.showWarningMessage(`News Annotator: ${vscode.workspace.asRelativePath(article)} changed outside the editor: ${parts.join(', ')}. Orphaned annotations are listed in the Problems panel and kept in ${name}.`);
    }
  }

  /** Orphaned annotations as information diagnostics on the article; an unreadable sidecar as an error on it. */
  private refreshProblems(article: vscode.Uri, session: ArticleSession): void {
    const doc = openDocument(article);
    const orphans = session.store.orphans();
    this.diagnostics.set(article, orphans.map(a => orphanDiagnostic(a, doc)));
    const message = session.unreadableMessage;
    this.diagnostics.set(session.sidecarUri, message ? [Object.assign(new vscode.Diagnostic(lineRange(session.unreadableLine),
      `${message}. News Annotator will not overwrite this file until it can be read.`, vscode.DiagnosticSeverity.Error), { source: 'News Annotator' })] : []);
  }

  dispose(): void { for (const d of this.disposables) d.dispose(); }
}

function lineRange(line: number | undefined): vscode.Range {
  const l = Math.max(0, (line ?? 1) - 1);
  return new vscode.Range(l, 0, l, 1000);
}

function orphanDiagnostic(a: Annotation, doc: vscode.TextDocument | undefined): vscode.Diagnostic {
  const at = doc ? doc.positionAt(Math.min(a.anchor.start, doc.getText().length)) : new vscode.Position(0, 0);
  const what = a.kind === 'label' ? `"${a.label}"` : a.kind;
  const d = new vscode.Diagnostic(new vscode.Range(at, at), `Orphaned ${what} annotation: “${a.anchor.text}” is no longer in the text${a.note ? ` (note: ${a.note})` : ''}. It is kept in the annotations file.`, vscode.DiagnosticSeverity.Information);
  d.source = 'News Annotator';
  d.code = a.id;
  return d;
}
