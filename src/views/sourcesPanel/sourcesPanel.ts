// The Sources and Timeline panel: a webview beside the editor for the active article or all open articles. It computes
// the panel's data (src/entities/sourcesTimeline.ts) from the reader's views, sends it to the webview whenever what the
// reader sees changes (after the analysis delay, on decisions, on switching article), and does what the webview asks:
// reveal a quote or a date in its editor, switch the scope, copy the tables as Markdown.
import * as vscode from 'vscode';
import { sourcesTimeline, type ArticleViewInput } from '../../entities/sourcesTimeline';
import { sourcesTimelineMarkdown } from '../../entities/sourcesTimelineMarkdown';
import { isArticle } from '../../editor/articleAnalyses';
import { openDocument } from '../../editor/openDocuments';
import { Disposable } from '../../editor/disposable';
import type { ReaderViews } from '../../editor/readerViews';
import { panelHtml } from './panelHtml';
import { whereNow } from './whereNow';
import type { FromWebview, PressMessage, RenderedCounts, Scope, ShowMessage } from './protocol';

export const SOURCES_PANEL_TYPE = 'newsAnnotator.sourcesTimeline';
const SCOPE_STATE_KEY = 'newsAnnotator.sourcesTimeline.scope';
/** Changes arriving together (an analysis and its annotations) are sent once. */
const COALESCE_MS = 40;

export class SourcesPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The current panel's listeners, replaced with the panel. */
  private panelSubscriptions: vscode.Disposable | undefined;
  private scope: Scope;
  /** The article shown in the 'active' scope: the last article editor that was active (the panel itself takes the focus). */
  private activeArticle: vscode.Uri | undefined;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly rendered = this.register(new vscode.EventEmitter<RenderedCounts>());
  /** The last data sent to the webview. */
  lastShown: ShowMessage | undefined;
  /** What the webview reported drawing for it. */
  lastRendered: RenderedCounts | undefined;
  readonly onDidRender = this.rendered.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly views: ReaderViews, private readonly log: vscode.LogOutputChannel) {
    super();
    this.scope = context.workspaceState.get<Scope>(SCOPE_STATE_KEY) === 'all' ? 'all' : 'active';
    this.followEditor(vscode.window.activeTextEditor);
    this.register(views.onDidChange(uri => { if (this.scope === 'all' || uri.toString() === this.activeArticle?.toString()) this.schedule(); }));
    this.register(vscode.window.onDidChangeActiveTextEditor(editor => this.followEditor(editor)));
    this.register(vscode.workspace.onDidOpenTextDocument(doc => { if (this.scope === 'all' && isArticle(doc)) this.schedule(); }));
    this.register(vscode.workspace.onDidCloseTextDocument(doc => {
      if (doc.uri.toString() !== this.activeArticle?.toString()) return;
      this.activeArticle = vscode.window.visibleTextEditors.find(e => isArticle(e.document) && e.document !== doc)?.document.uri;
      this.schedule();
    }));
    this.register({ dispose: () => { clearTimeout(this.timer); this.panel?.dispose(); this.panelSubscriptions?.dispose(); } });
    void this.setContext();
  }

  get webviewPanel(): vscode.WebviewPanel | undefined { return this.panel; }
  get currentScope(): Scope { return this.scope; }

  /** Opens the panel beside the editor, or brings it forward, without taking the focus from the article. */
  show(): void {
    if (this.panel) { this.panel.reveal(undefined, true); return; }
    const panel = vscode.window.createWebviewPanel(SOURCES_PANEL_TYPE, 'Sources and Timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
    this.adopt(panel);
  }

  /** Takes over a panel: a new one, or one VS Code restores after a reload (see the serializer in register.ts). */
  adopt(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
    panel.webview.options = this.webviewOptions();
    panel.webview.html = panelHtml(panel.webview, this.context.extensionUri);
    this.panelSubscriptions = vscode.Disposable.from(
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.received(m)),
      panel.onDidChangeViewState(e => { if (e.webviewPanel.visible) this.schedule(); }),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panelSubscriptions?.dispose();
        this.panel = undefined;
        this.lastShown = this.lastRendered = undefined;
        void this.setContext();
      }),
    );
    void this.setContext();
  }

  setScope(scope: Scope): void {
    if (scope === this.scope) return;
    this.scope = scope;
    void this.context.workspaceState.update(SCOPE_STATE_KEY, scope);
    void this.setContext();
    this.schedule(0);
  }

  toggleScope(): void { this.setScope(this.scope === 'all' ? 'active' : 'all'); }

  /** Puts both tables on the clipboard; resolves the Markdown (undefined when there is nothing to copy). */
  async copyMarkdown(): Promise<string | undefined> {
    const model = (this.lastShown ?? this.compute()).model;
    if (!model) {
      void vscode.window.showInformationMessage('News Annotator: open a plain-text article to copy its sources and dates.');
      return undefined;
    }
    const markdown = sourcesTimelineMarkdown(model);
    await vscode.env.clipboard.writeText(markdown);
    vscode.window.setStatusBarMessage('$(check) Sources and Timeline copied as Markdown', 3000);
    return markdown;
  }

  /** Clicks an element of the webview through its own click handler (see PressMessage). */
  press(target: PressMessage['target'], index: number): Thenable<boolean> {
    return this.panel?.webview.postMessage({ type: 'press', target, index } satisfies PressMessage) ?? Promise.resolve(false);
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isArticle(editor.document)) return; // the panel, the output, a settings editor: keep the article
    const changed = editor.document.uri.toString() !== this.activeArticle?.toString();
    this.activeArticle = editor.document.uri;
    if (changed && this.scope === 'active') this.schedule();
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    const root = this.context.extensionUri;
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(root, 'media'), vscode.Uri.joinPath(root, 'dist', 'webview')] };
  }

  private setContext(): Thenable<unknown> {
    return Promise.all([
      vscode.commands.executeCommand('setContext', 'newsAnnotator.sourcesTimeline.open', this.panel !== undefined),
      vscode.commands.executeCommand('setContext', 'newsAnnotator.sourcesTimeline.scope', this.scope),
    ]);
  }

  private schedule(delay = COALESCE_MS): void {
    if (!this.panel || !this.ready || !this.panel.visible) return; // sent when it becomes ready or visible
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(), delay);
  }

  private send(): void {
    if (!this.panel) return;
    try {
      this.lastShown = this.compute();
    } catch (e) {
      this.log.error(`Sources and Timeline: ${(e as Error).stack ?? e}`);
      this.lastShown = { type: 'show', scope: this.scope, title: 'Sources and Timeline', empty: `Could not compute the panel: ${(e as Error).message}. See the News Annotator log.` };
    }
    void this.panel.webview.postMessage(this.lastShown);
  }

  private compute(): ShowMessage {
    const name = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri);
    const input = (doc: vscode.TextDocument): ArticleViewInput | undefined => {
      const view = this.views.of(doc);
      return view && { id: doc.uri.toString(), name: name(doc.uri), text: doc.getText(), view };
    };
    if (this.scope === 'all') {
      const articles = vscode.workspace.textDocuments.filter(d => !d.isClosed && isArticle(d))
        .map(input).filter((a): a is ArticleViewInput => a !== undefined)
        .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      if (articles.length === 0) return { type: 'show', scope: 'all', title: 'No open articles', empty: 'No plain-text article is open. Open one (.txt) to see who is quoted and when things happen.' };
      return { type: 'show', scope: 'all', title: `${articles.length} open article${articles.length === 1 ? '' : 's'}: ${articles.map(a => a.name).join(', ')}`, model: sourcesTimeline(articles) };
    }
    const doc = this.activeArticle && openDocument(this.activeArticle);
    if (!doc) return { type: 'show', scope: 'active', title: 'No article', empty: 'Open a plain-text article (.txt) to see who is quoted in it and when things happen.' };
    const article = input(doc);
    if (!article) return { type: 'show', scope: 'active', title: name(doc.uri), empty: `${name(doc.uri)} is not analysed (too large or not text; see the setting newsAnnotator.maxFileSizeMB).` };
    return { type: 'show', scope: 'active', title: article.name, model: sourcesTimeline([article]) };
  }

  private received(m: FromWebview): void {
    switch (m?.type) {
      case 'ready':
        this.ready = true;
        this.schedule(0);
        break;
      case 'reveal':
        if (typeof m.article === 'string' && Number.isInteger(m.start) && Number.isInteger(m.end) && typeof m.text === 'string') {
          this.reveal(m.article, m.start, m.end, m.text).catch(e => {
            this.log.error(`reveal: ${e}`);
            void vscode.window.showErrorMessage(`News Annotator: could not show the text: ${(e as Error).message}`);
          });
        }
        break;
      case 'setScope':
        if (m.scope === 'all' || m.scope === 'active') this.setScope(m.scope);
        break;
      case 'copyMarkdown':
        void this.copyMarkdown();
        break;
      case 'rendered':
        this.lastRendered = m.counts;
        this.rendered.fire(m.counts);
        break;
    }
  }

  /** Selects the text in its article's editor (the one showing it, else the editor group beside the panel). */
  private async reveal(article: string, start: number, end: number, text: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(article));
    const at = whereNow(doc.getText(), start, end, text);
    if (!at) {
      void vscode.window.showInformationMessage(`News Annotator: “${text.length > 60 ? `${text.slice(0, 59)}…` : text}” is no longer in ${vscode.workspace.asRelativePath(doc.uri)}.`);
      return;
    }
    const range = new vscode.Range(doc.positionAt(at.start), doc.positionAt(at.end));
    const showing = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === doc.uri.toString());
    const column = showing?.viewColumn
      ?? vscode.window.visibleTextEditors.find(e => isArticle(e.document))?.viewColumn
      ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
