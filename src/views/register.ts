// Wiring of the Entities view and entity navigation: the tree view and its toolbar, following the cursor, the
// badge, workspace indexing, and the editor's references / highlights / definition / next-previous occurrence.
import * as vscode from 'vscode';
import { isArticle, type ArticleAnalyses } from '../editor/articleAnalyses';
import { openOccurrence, registerNavigation } from '../editor/navigation';
import { plural } from '../editor/describe';
import type { SortBy } from './entityIndex';
import { EntityTreeProvider, OPEN_OCCURRENCE_COMMAND, type AnnotationSource } from './entityTree';
import type { GroupBy, TreeNode, ViewOptions } from './entityTreeModel';
import { WorkspaceArticles } from './workspaceArticles';

export const ENTITIES_VIEW_ID = 'newsAnnotator.entities';
const SETTINGS = 'newsAnnotator.tree';
const FOLLOW_DELAY_MS = 150;
const OPTIONS_STATE_KEY = 'newsAnnotator.tree.options';

/** What the extension hands to its tests and to other extensions. */
export interface EntitiesApi {
  readonly tree: EntityTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  /** Wires the user's annotations (labels, orphans, rejected detections) into the tree and navigation. */
  setAnnotationSource(source: AnnotationSource | undefined): void;
}

export function registerEntities(context: vscode.ExtensionContext, analyses: ArticleAnalyses, log: vscode.LogOutputChannel): EntitiesApi {
  const saved = context.workspaceState.get<Partial<ViewOptions>>(OPTIONS_STATE_KEY, {});
  const options: ViewOptions = { groupBy: saved.groupBy === 'article' ? 'article' : 'type', sortBy: saved.sortBy === 'mentions' ? 'mentions' : 'name' };
  const tree = new EntityTreeProvider(analyses, options);
  const view = vscode.window.createTreeView(ENTITIES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const workspaceArticles = new WorkspaceArticles(uri => tree.schedule(uri), log);
  tree.setClosedArticles(workspaceArticles);
  let annotations: AnnotationSource | undefined;

  const setOptions = (change: Partial<ViewOptions>) => {
    tree.setOptions(change);
    void context.workspaceState.update(OPTIONS_STATE_KEY, tree.options);
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.tree.groupBy', tree.options.groupBy);
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.tree.sortBy', tree.options.sortBy);
  };
  setOptions({});

  const syncWorkspaceFiles = () => {
    const wanted = vscode.workspace.getConfiguration(SETTINGS).get<boolean>('includeWorkspaceFiles', false);
    if (wanted && !workspaceArticles.enabled) void workspaceArticles.enable();
    else if (!wanted && workspaceArticles.enabled) workspaceArticles.disable();
  };
  syncWorkspaceFiles();

  // The badge counts what the active article holds.
  const updateBadge = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const part = doc && isArticle(doc) ? tree.index.article(doc.uri.toString()) : undefined;
    const c = part?.counts();
    view.badge = c && c.total > 0
      ? { value: c.total, tooltip: `${part!.name}: ${[plural(c.people, 'person', 'people'), plural(c.dates, 'date'), plural(c.quotes, 'quote'), ...(c.labels ? [plural(c.labels, 'annotation')] : [])].join(', ')}` }
      : undefined;
  };

  // Follow the cursor: reveal and select what is under it, without taking the focus from the editor.
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  const follow = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(followTimer);
    if (!editor || !view.visible || !isArticle(editor.document)) return;
    if (!vscode.workspace.getConfiguration(SETTINGS).get<boolean>('followCursor', true)) return;
    followTimer = setTimeout(() => {
      const node = tree.nodeAt(editor.document, editor.document.offsetAt(editor.selection.active));
      if (node) view.reveal(node, { select: true, focus: false, expand: false }).then(undefined, e => log.debug(`reveal: ${e}`));
    }, FOLLOW_DELAY_MS);
  };

  context.subscriptions.push(tree, view, workspaceArticles,
    tree.onDidChangeTreeData(() => updateBadge()),
    vscode.window.onDidChangeActiveTextEditor(editor => { updateBadge(); follow(editor); }),
    vscode.window.onDidChangeTextEditorSelection(e => { if (e.textEditor === vscode.window.activeTextEditor) follow(e.textEditor); }),
    view.onDidChangeVisibility(e => { if (e.visible) follow(vscode.window.activeTextEditor); }),
    vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${SETTINGS}.includeWorkspaceFiles`)) syncWorkspaceFiles(); }),
    { dispose: () => clearTimeout(followTimer) },
    vscode.commands.registerCommand(OPEN_OCCURRENCE_COMMAND, (article: string, start: number, end: number) => openOccurrence(article, start, end)),
    vscode.commands.registerCommand('newsAnnotator.tree.refresh', async () => {
      tree.resyncAll();
      if (workspaceArticles.enabled) await workspaceArticles.indexAll();
    }),
    vscode.commands.registerCommand('newsAnnotator.tree.groupByType', () => setOptions({ groupBy: 'type' satisfies GroupBy })),
    vscode.commands.registerCommand('newsAnnotator.tree.groupByArticle', () => setOptions({ groupBy: 'article' satisfies GroupBy })),
    vscode.commands.registerCommand('newsAnnotator.tree.sortByName', () => setOptions({ sortBy: 'name' satisfies SortBy })),
    vscode.commands.registerCommand('newsAnnotator.tree.sortByMentions', () => setOptions({ sortBy: 'mentions' satisfies SortBy })),
    ...registerNavigation(analyses, uri => annotations?.get(uri)),
  );
  updateBadge();

  return {
    tree,
    view,
    setAnnotationSource(source) {
      annotations = source;
      tree.setAnnotationSource(source);
    },
  };
}
