// The Entities view's TreeDataProvider: keeps the EntityIndex in step with the open articles (and, when the user
// asks, every .txt file of the workspace), and maps the pure tree model's nodes to TreeItems. Changes are collected
// per article and applied after a short pause, so a burst of edits or files costs one refresh, and an edit in one
// article re-indexes that article only.
import * as vscode from 'vscode';
import { isArticle, type ArticleAnalyses } from '../editor/articleAnalyses';
import { EntityIndex, type ArticleSnapshot } from './entityIndex';
import { EntityTreeModel, type TreeNode, type ViewOptions } from './entityTreeModel';
import type { ArticleAnnotations } from './userAnnotations';
import { openDocument } from '../editor/openDocuments';

/** Where the user's annotations come from (the annotations module, wired in extension.ts). */
export interface AnnotationSource {
  /** The article's annotations and rejected detections, at their places in the article's current text. */
  get(uri: vscode.Uri): ArticleAnnotations | undefined;
  /** Fires with the article whose annotations or decisions changed. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

/** Articles that are not open in an editor but are indexed anyway (workspace files, see workspaceArticles.ts). */
export interface ClosedArticles {
  get(uri: string): Omit<ArticleSnapshot, 'annotations'> | undefined;
}

export const OPEN_OCCURRENCE_COMMAND = 'newsAnnotator.tree.openOccurrence';
const REFRESH_DELAY_MS = 120;

export class EntityTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  readonly index = new EntityIndex();
  readonly model: EntityTreeModel;
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private annotations: AnnotationSource | undefined;
  private annotationsSubscription: vscode.Disposable | undefined;
  private closed: ClosedArticles | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyses: ArticleAnalyses, options: ViewOptions) {
    this.model = new EntityTreeModel(this.index, options);
    this.disposables.push(this.changeEmitter,
      analyses.onDidChange(uri => this.schedule(uri)),
      vscode.workspace.onDidOpenTextDocument(doc => this.schedule(doc.uri)),
      vscode.workspace.onDidCloseTextDocument(doc => this.schedule(doc.uri)),
    );
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
    if (node.kind === 'article') {
      item.resourceUri = vscode.Uri.parse(node.article);
      item.iconPath = vscode.ThemeIcon.File;
    } else {
      item.iconPath = new vscode.ThemeIcon(p.icon);
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

  get annotationSource(): AnnotationSource | undefined { return this.annotations; }

  /** Wires the user's annotations: labels, orphans and rejected detections then show in the tree. */
  setAnnotationSource(source: AnnotationSource | undefined): void {
    this.annotationsSubscription?.dispose();
    this.annotations = source;
    this.annotationsSubscription = source?.onDidChange(uri => this.schedule(uri));
    this.resyncAll();
  }

  setClosedArticles(closed: ClosedArticles | undefined): void {
    this.closed = closed;
  }

  /** Queues an article to be read again (debounced). */
  schedule(uri: vscode.Uri | string): void {
    this.pending.add(uri.toString());
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), REFRESH_DELAY_MS);
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
    if (doc && isArticle(doc)) {
      const analysis = this.analyses.get(doc); // cached per version: computed only if this version is new
      if (!analysis) return this.index.removeArticle(key);
      return this.index.setArticle({ key, name: vscode.workspace.asRelativePath(doc.uri), text: doc.getText(), analysis, annotations: this.annotations?.get(doc.uri) });
    }
    const closed = this.closed?.get(key);
    if (closed) return this.index.setArticle({ ...closed, annotations: this.annotations?.get(vscode.Uri.parse(key)) });
    return this.index.removeArticle(key);
  }

  /** The node listing what is at a place in an article (after applying queued changes to that article). */
  nodeAt(doc: vscode.TextDocument, offset: number): TreeNode | undefined {
    const key = doc.uri.toString();
    const part = this.index.article(key);
    if (this.pending.has(key) || (part && part.analysis !== this.analyses.peek(doc.uri)?.analysis)) this.flush();
    return this.model.nodeAt(key, offset);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.annotationsSubscription?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;
