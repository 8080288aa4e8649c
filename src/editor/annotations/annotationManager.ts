// The annotations of every open article: sessions opened with the article, edits and saves routed to them, the
// sidecar files watched for changes from outside (git pull, another window), the article re-anchored when it is
// reloaded from disk while open, and problems shown where the user looks for them — each problem of an unreadable
// sidecar and each orphaned annotation in the Problems panel, at once, and gone once fixed.
import * as vscode from 'vscode';
import { isSidecarPath, type Annotation, type ReanchorReport, type SidecarDocument, type SidecarError } from '../../annotations';
import { isArticle } from '../articleAnalyses';
import { Disposable } from '../disposable';
import { openDocument } from '../openDocuments';
import { ArticleSession, type SessionEvent } from './articleSession';
import { KeptAnnotations, type StateStore } from './keptAnnotations';
import { readFileAtMost, RefusedWriteError } from './sidecarFiles';

/** Articles above this size are not compared with the file on disk after a change (see reanchorIfReloaded). */
const RELOAD_CHECK_MAX_BYTES = 20 * 1024 * 1024;

/** A notification that stays while a sidecar cannot be read and goes by itself once it can (or when dismissed). */
interface UnreadableNotice { update(message: string): void; close(): void; dismissed: boolean }

export class AnnotationManager extends Disposable {
  private readonly sessions = new Map<string, ArticleSession>();
  private readonly loading = new Map<string, Promise<ArticleSession>>();
  private readonly bySidecar = new Map<string, string>();
  private readonly notices = new Map<string, UnreadableNotice>();
  /** Annotations of articles closed while they could not be saved: taken back when the article is opened again. */
  private readonly kept: KeptAnnotations;
  /** Open articles being renamed, old uri → new (see willRename). */
  private readonly renaming = new Map<string, string>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('News Annotator'));
  /** Fires with the article's uri whenever its annotations or decisions change (load, edit, command, reload). */
  readonly onDidChange = this.changed.event;
  private readonly changedOtherThanByEdit = this.register(new vscode.EventEmitter<vscode.Uri>());
  /**
   * Fires as onDidChange does, except when an edit of the article only moved its annotations: what the semantic
   * tokens and the analysis depend on (decisions, added people), which VS Code asks for again after every edit anyway.
   */
  readonly onDidChangeOtherThanByEdit = this.changedOtherThanByEdit.event;

  /** `state`: where annotations that could not be saved outlive their article's closing (the workspace's state). */
  constructor(private readonly log: vscode.LogOutputChannel, state: StateStore) {
    super();
    this.kept = new KeptAnnotations(state);
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml'));
    const onSidecar = (uri: vscode.Uri) => this.sidecarChanged(uri);
    this.register(watcher.onDidChange(onSidecar));
    this.register(watcher.onDidCreate(onSidecar));
    this.register(watcher.onDidDelete(onSidecar));
    this.register(vscode.workspace.onDidOpenTextDocument(doc => { if (this.annotatable(doc)) void this.sessionFor(doc); }));
    this.register(vscode.workspace.onDidChangeTextDocument(e => this.edited(e)));
    this.register(vscode.workspace.onDidSaveTextDocument(doc => { void this.saveIfOpen(doc); }));
    this.register(vscode.workspace.onDidCloseTextDocument(doc => this.closed(doc)));
    this.register({ dispose: () => { for (const n of this.notices.values()) n.close(); } });
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
      pending = session.reload(() => doc.getText()).then(async () => {
        const kept = this.kept.take(key);
        if (kept) {
          await session.adopt(kept, () => doc.getText()).catch(e => this.log.error(`saving the annotations kept for ${doc.uri.fsPath}: ${e}`));
          this.keepIfUnsaved(doc.uri, session);
        }
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

  /**
   * The open article is about to be renamed (sidecarRenames.ts), its sidecar with it. Until VS Code reports the rename
   * done (didRename), the old sidecar's disappearance is no change of its annotations (sidecarChanged), and annotations
   * it could not save are kept for the new name as well as the old: the new name's opening takes them back, and a
   * rename can still fail after this (VS Code cannot make the target's folder).
   */
  willRename(from: vscode.Uri, to: vscode.Uri): void {
    const session = this.sessions.get(from.toString());
    if (!session) return;
    this.renaming.set(from.toString(), to.toString());
    if (session.unsaved) void this.kept.keep(to.toString(), session.store.document);
  }

  /** The renames announced to willRename and not yet reported done: old and new uri. */
  renamesUnderWay(): [vscode.Uri, vscode.Uri][] {
    return [...this.renaming].map(([from, to]) => [vscode.Uri.parse(from), vscode.Uri.parse(to)]);
  }

  /** The rename is done: nothing stays kept under the old name, nor is warned about when that closes. */
  didRename(from: vscode.Uri, to: vscode.Uri): void {
    const key = from.toString();
    if (this.renaming.get(key) !== to.toString()) return;
    this.renaming.delete(key);
    this.sessions.get(key)?.handedOver();
    void this.kept.drop(key);
  }

  /**
   * The article is saved, annotated or closed under its old name although a rename of it was announced and never
   * reported done: that rename failed. What was kept for the new name is forgotten unless an article opened there; the
   * article's own name keeps it.
   */
  private renameFailed(article: vscode.Uri): void {
    const to = this.renaming.get(article.toString());
    if (to === undefined) return;
    this.renaming.delete(article.toString());
    if (!this.sessions.has(to) && !this.loading.has(to)) void this.kept.drop(to);
  }

  /** The articles (uri strings) whose annotations could not be saved and are kept in the workspace's state. */
  keptArticles(): string[] { return this.kept.articles(); }

  /** After a command changed the store: persist, refresh problems, tell listeners. */
  async commit(doc: vscode.TextDocument, session: ArticleSession): Promise<void> {
    this.renameFailed(doc.uri);
    this.fireChanged(doc.uri);
    try {
      await session.save(() => doc.getText());
    } catch (e) {
      // The sidecar's name is the article's with ".annotations.yaml": only a shorter article name can make it fit.
      const remedy = e instanceof RefusedWriteError && e.reason === 'name-too-long' ? ' Give the article a shorter name to save them.' : '';
      void vscode.window.showErrorMessage(`News Annotator: could not save ${vscode.workspace.asRelativePath(session.sidecarUri)}: ${(e as Error).message}. Your annotations are kept in memory.${remedy}`);
    }
    this.keepIfUnsaved(doc.uri, session);
    this.refreshProblems(doc.uri, session);
  }

  /**
   * What could not be written is kept in the workspace's state at once, not only when the article closes: a crash or
   * VS Code closing with the article open would lose it otherwise. Once written after all, it is forgotten there.
   */
  private keepIfUnsaved(article: vscode.Uri, session: ArticleSession): void {
    if (session.unsaved) void this.kept.keep(article.toString(), session.store.document);
    else void this.kept.drop(article.toString());
  }

  private fireChanged(article: vscode.Uri): void {
    this.changed.fire(article);
    this.changedOtherThanByEdit.fire(article);
  }

  private edited(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const session = this.sessions.get(e.document.uri.toString());
    if (!session) return;
    const before = session.store.document;
    session.applyEdits(e.contentChanges);
    this.changed.fire(e.document.uri);
    this.refreshOrphans(e.document.uri, session, before);
    // A change of a clean document that is no undo or redo may be the file reloaded from disk (git pull, another
    // editor), which VS Code sends as a replacement of the changed lines: the live rules would orphan what was in them.
    if (!e.document.isDirty && e.reason === undefined) void this.reanchorIfReloaded(e.document, session, before);
  }

  /** Place the annotations again, as on reopen, when the document's text is now the file's on disk. */
  private async reanchorIfReloaded(doc: vscode.TextDocument, session: ArticleSession, before: SidecarDocument): Promise<void> {
    const version = doc.version, after = session.store.document;
    let onDisk: string | undefined;
    try {
      // Over the limit, or no regular file: it throws, and nothing is re-anchored.
      const bytes = await readFileAtMost(doc.uri, RELOAD_CHECK_MAX_BYTES);
      onDisk = bytes && new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    } catch (e) {
      this.log.debug(`reading ${doc.uri.fsPath} after a change: ${e}`);
      return;
    }
    // Typing (the first keystroke after a save) leaves the text unlike the file's; anything done meanwhile wins.
    if (doc.isClosed || doc.version !== version || onDisk !== doc.getText() || session.store.document !== after) return;
    const report = session.reanchorAfterReload(before, onDisk);
    this.reportReanchor(doc.uri, session, report);
    this.fireChanged(doc.uri);
    this.refreshOrphans(doc.uri, session, after);
  }

  /** Orphans in the Problems panel at once, whenever they change. */
  private refreshOrphans(article: vscode.Uri, session: ArticleSession, before: SidecarDocument): void {
    const was = before.annotations.filter(a => a.orphaned), now = session.store.orphans();
    if (now.length !== was.length || now.some((a, i) => a.id !== was[i].id)) this.refreshProblems(article, session);
  }

  private async saveIfOpen(doc: vscode.TextDocument): Promise<void> {
    const session = this.sessions.get(doc.uri.toString());
    if (!session) return;
    this.renameFailed(doc.uri);
    await session.save(() => doc.getText()).catch(err => this.log.error(`saving annotations of ${doc.uri.fsPath}: ${err}`));
    this.keepIfUnsaved(doc.uri, session);
    this.refreshProblems(doc.uri, session);
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const session = this.sessions.get(key);
    if (!session) return;
    this.renameFailed(doc.uri);
    if (session.unsaved) {
      this.keepIfUnsaved(doc.uri, session); // as it is now: edits since the failed write moved its anchors
      const name = vscode.workspace.asRelativePath(doc.uri);
      this.log.warn(`${name} was closed with annotations that could not be saved; kept for its next opening`);
      void vscode.window.showWarningMessage(`News Annotator: ${name} was closed with annotations that could not be saved to ${vscode.workspace.asRelativePath(session.sidecarUri)}. They are kept (also if VS Code is closed): open ${name} again to go on with them.`);
    }
    this.sessions.delete(key);
    this.bySidecar.delete(session.sidecarUri.toString());
    this.diagnostics.delete(doc.uri);
    this.diagnostics.delete(session.sidecarUri);
    this.closeNotice(session);
    this.fireChanged(doc.uri);
  }

  private async sidecarChanged(sidecar: vscode.Uri): Promise<void> {
    const articleKey = this.bySidecar.get(sidecar.toString());
    const session = articleKey ? this.sessions.get(articleKey) : undefined;
    if (!articleKey || !session) return;
    // Its sidecar is moving with the article (willRename): gone from the old name is no change of its annotations.
    if (this.renaming.has(articleKey)) return;
    const doc = openDocument(articleKey);
    if (!doc) return;
    let changed = true;
    const wasReadable = session.readable;
    try {
      changed = await session.reload(() => doc.getText());
    } catch (e) {
      this.log.error(`reloading ${sidecar.fsPath}: ${e}`);
    }
    this.keepIfUnsaved(doc.uri, session);
    if (session.readable && !wasReadable) {
      vscode.window.setStatusBarMessage(`News Annotator: ${vscode.workspace.asRelativePath(session.sidecarUri)} is readable again`, 5000);
    }
    if (!changed) return; // the watcher telling of our own write: nothing to redraw
    this.refreshProblems(doc.uri, session);
    this.fireChanged(doc.uri);
  }

  private report(article: vscode.Uri, session: ArticleSession, e: SessionEvent): void {
    if (e.kind === 'unreadable') {
      this.log.error(e.error.message);
      this.noticeUnreadable(session, e.error);
    } else if (e.kind === 'refusedWrite') {
      this.log.warn(e.message);
      // The notice that the file cannot be read says so already; once dismissed, a passing message is enough.
      if (this.notices.get(session.sidecarUri.toString())?.dismissed !== false) {
        vscode.window.setStatusBarMessage(`$(warning) News Annotator: annotations not saved: ${vscode.workspace.asRelativePath(session.sidecarUri)} cannot be read (see Problems)`, 8000);
      }
    } else {
      this.reportReanchor(article, session, e.report);
    }
  }

  private reportReanchor(article: vscode.Uri, session: ArticleSession, r: ReanchorReport): void {
    const parts = [r.moved && `${r.moved} moved`, r.fuzzy && `${r.fuzzy} found again approximately`, r.orphaned && `${r.orphaned} could not be found (kept as orphaned)`].filter(Boolean);
    if (parts.length === 0) return;
    const name = vscode.workspace.asRelativePath(article);
    this.log.info(`${name} changed outside the editor; annotations: ${parts.join(', ')}`);
    if (r.orphaned > 0) void vscode.window.showWarningMessage(`News Annotator: ${name} changed outside the editor: ${parts.join(', ')}. Orphaned annotations are listed in the Problems panel and kept in ${vscode.workspace.asRelativePath(session.sidecarUri)}.`);
  }

  /** One notification per spell of unreadability, kept up to date, closed when the file is fixed. */
  private noticeUnreadable(session: ArticleSession, error: SidecarError): void {
    const key = session.sidecarUri.toString();
    const n = error.problems.length;
    const message = `cannot read ${vscode.workspace.asRelativePath(session.sidecarUri)}: ${n === 1 ? 'one problem' : `${n} problems`}, listed in the Problems panel. ` +
      'The file is left unchanged and will not be overwritten; your annotations in this window are kept. Fix it and it is read again.';
    const open = this.notices.get(key);
    if (open) { open.update(message); return; }
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'News Annotator', cancellable: true }, (progress, token) =>
      new Promise<void>(resolve => {
        const notice: UnreadableNotice = { update: m => progress.report({ message: m }), close: () => { this.notices.delete(key); resolve(); }, dismissed: false };
        this.notices.set(key, notice);
        progress.report({ message });
        token.onCancellationRequested(() => { notice.dismissed = true; resolve(); });
      }));
  }

  private closeNotice(session: ArticleSession): void {
    this.notices.get(session.sidecarUri.toString())?.close();
  }

  /** Orphaned annotations as information diagnostics on the article; each problem of an unreadable sidecar as an error on it. */
  private refreshProblems(article: vscode.Uri, session: ArticleSession): void {
    const doc = openDocument(article);
    this.diagnostics.set(article, session.store.orphans().map(a => orphanDiagnostic(a, doc)));
    const error = session.unreadable;
    if (!error) this.closeNotice(session);
    const problems = error?.problems ?? [];
    this.diagnostics.set(session.sidecarUri, problems.map((p, i) => {
      const where = p.line !== undefined ? `${error!.file}:${p.line}` : error!.file;
      const count = problems.length > 1 ? ` (problem ${i + 1} of ${problems.length})` : '';
      const d = new vscode.Diagnostic(lineRange(p.line, p.column), `${where}: ${p.message}${count}. News Annotator will not overwrite this file until it can be read.`, vscode.DiagnosticSeverity.Error);
      d.source = 'News Annotator';
      return d;
    }));
  }
}

function lineRange(line: number | undefined, column?: number): vscode.Range {
  const l = Math.max(0, (line ?? 1) - 1);
  return new vscode.Range(l, Math.max(0, (column ?? 1) - 1), l, 1000);
}

function orphanDiagnostic(a: Annotation, doc: vscode.TextDocument | undefined): vscode.Diagnostic {
  const at = doc ? doc.positionAt(Math.min(a.anchor.start, doc.getText().length)) : new vscode.Position(0, 0);
  const what = a.kind === 'label' ? `"${a.label}"` : a.kind;
  const d = new vscode.Diagnostic(new vscode.Range(at, at), `Orphaned ${what} annotation: “${a.anchor.text}” is no longer in the text${a.note ? ` (note: ${a.note})` : ''}. It is kept in the annotations file.`, vscode.DiagnosticSeverity.Information);
  d.source = 'News Annotator';
  d.code = a.id;
  return d;
}
