// The Entities view's TreeDataProvider: keeps the EntityIndex in step with the open articles (and, when the user
// asks, every .txt file of the workspace), and maps the pure tree model's nodes to TreeItems. Changes are collected
// per article and applied after a short pause, so a burst of edits or files costs one refresh, and an edit in one
// article re-indexes that article only. What is listed is what the reader sees (ReaderViews): rejected entities
// under Rejected, the reader's people and annotations where they belong.
import * as vscode from 'vscode';
import { isArticle, type ArticleAnalyses } from '../editor/articleAnalyses';
import { Disposable } from '../editor/disposable';
import { openDocument } from '../editor/openDocuments';
import type { ReaderViews } from '../editor/readerViews';
import { EntityIndex, type ArticleSnapshot } from './entityIndex';
import { EntityTreeModel, type TreeNode, type ViewOptions } from './entityTreeModel';

/** Articles that are not open in an editor but are indexed anyway (workspace files, see workspaceArticles.ts). */
export interface ClosedArticles {
  get(uri: string): ArticleSnapshot | undefined;
}

export const OPEN_OCCURRENCE_COMMAND = 'newsAnnotator.tree.openOccurrence';
/** Tree items of what the reader rejected carry a resource of this scheme, which a decoration provider dims. */
export const GREYED_SCHEME = 'news-annotator-greyed';
const REFRESH_DELAY_MS = 120;

export class EntityTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  readonly index = new EntityIndex();
  readonly model: EntityTreeModel;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed: ClosedArticles | undefined;

  constructor(private readonly analyses: ArticleAnalyses, private readonly views: ReaderViews, options: ViewOptions) {
    super();
    this.model = new EntityTreeModel(this.index, options);
    this.register(views.onDidChange(uri => this.schedule(uri)));
    this.register(vscode.workspace.onDidOpenTextDocument(doc => this.schedule(doc.uri)));
    this.register(vscode.workspace.onDidCloseTextDocument(doc => this.schedule(doc.uri)));
    this.register({ dispose: () => clearTimeout(this.timer) });
    for (const doc of vscode.workspace.textDocuments) if (isArticle(doc)) this.pending.add(doc.uri.toString());
    this.flush();
  }

  // --- TreeDataProvider -------------------------------------------------------------------------------------------

  getChildren(node?: TreeNode): TreeNode[] {
    return this.model.children(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.model.parent(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const p = this.model.present(node);
    const item = new vscode.TreeItem(p.highlight ? { label: p.label, highlights: [p.highlight] } : p.label, COLLAPSIBLE[p.collapsible]);
    item.id = node.id;
    item.description = p.description;
    item.tooltip = p.tooltip;
    item.contextValue = p.contextValue;
    if (p.greyed) item.resourceUri = vscode.Uri.from({ scheme: GREYED_SCHEME, path: `/${encodeURIComponent(node.id)}` });
    if (node.kind === 'article') {
      item.resourceUri = vscode.Uri.parse(node.article);
      item.iconPath = vscode.ThemeIcon.File;
    } else {
      item.iconPath = new vscode.ThemeIcon(p.icon, p.greyed ? new vscode.ThemeColor('disabledForeground') : undefined);
    }
    if (p.open) item.command = { command: OPEN_OCCURRENCE_COMMAND, title: 'Open', arguments: [p.open.article, p.open.start, p.open.end] };
    return item;
  }

  // --- Inputs -----------------------------------------------------------------------------------------------------

  get options(): ViewOptions { return this.model.options; }

  setOptions(options: Partial<ViewOptions>): void {
    this.model.options = { ...this.model.options, ...options };
    this.changeEmitter.fire(undefined);
  }

  setClosedArticles(closed: ClosedArticles | undefined): void {
    this.closed = closed;
  }

  /** Queues an article to be read again (debounced). */
  schedule(uri: vscode.Uri | string): void {
    this.pending.add(uri.toString());
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), REFRESH_DELAY_MS);
  }

  /** Shows only the entities whose name contains `filter` (none: everything). */
  setFilter(filter: string | undefined): void {
    this.setOptions({ filter: filter?.trim() || undefined });
  }

  /** Re-reads every open article and every indexed one (the Refresh button). */
  resyncAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (isArticle(doc)) this.pending.add(doc.uri.toString());
    for (const key of this.index.keys()) this.pending.add(key);
    this.flush();
  }

  /** Applies the queued changes now; fires one tree refresh if anything changed. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    let changed = false;
    for (const key of this.pending) changed = this.update(key) || changed;
    this.pending.clear();
    if (changed) this.changeEmitter.fire(undefined);
  }

  private update(key: string): boolean {
    const doc = openDocument(key);
    if (doc && isArticle(doc) && this.analyses.isPending(doc.uri) && this.index.has(key)) return false; // listed again once analysed
    if (doc && isArticle(doc)) {
      const analysis = this.analyses.get(doc); // cached per version: computed only if this version is new
      const view = analysis && this.views.of(doc);
      if (!analysis || !view) return this.index.removeArticle(key);
      return this.index.setArticle({ key, name: vscode.workspace.asRelativePath(doc.uri), text: doc.getText(), analysis, view });
    }
    const closed = this.closed?.get(key);
    if (closed) return this.index.setArticle(closed);
    return this.index.removeArticle(key);
  }

  /** The node listing what is at a place in an article (after applying queued changes to that article). */
  nodeAt(doc: vscode.TextDocument, offset: number): TreeNode | undefined {
    const key = doc.uri.toString();
    const part = this.index.article(key);
    if (this.pending.has(key) || (part && part.analysis !== this.analyses.peek(doc.uri)?.analysis)) this.flush();
    return this.model.nodeAt(key, offset);
  }
}

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;
