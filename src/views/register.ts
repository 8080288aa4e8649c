// Wiring of the Entities view: the tree view and its toolbar (grouping, sorting, filter), following the cursor, the
// badge, workspace indexing, rejected entities shown dimmed, and what the view's items mean to the annotation
// commands of its context menu (placesOf).
import * as vscode from 'vscode';
import { isArticle, type ArticleAnalyses } from '../editor/articleAnalyses';
import type { ArticlePlace } from '../editor/commandLinks';
import { openOccurrence } from '../editor/navigation';
import { openDocument } from '../editor/openDocuments';
import type { ReaderViews } from '../editor/readerViews';
import { plural } from '../entities/describe';
import type { SortBy } from './entityIndex';
import { EntityTreeProvider, GREYED_SCHEME, OPEN_OCCURRENCE_COMMAND } from './entityTree';
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
  /** The places of the articles an item of the view stands for (an occurrence; an entity: its first mention in each article). */
  placesOf(arg: unknown): ArticlePlace[] | undefined;
  /** The workspace files indexed without being open (when newsAnnotator.tree.includeWorkspaceFiles is on). */
  indexedArticles(): string[];
}

const isTreeNode = (x: unknown): x is TreeNode => typeof x === 'object' && x !== null && typeof (x as TreeNode).id === 'string' &&
  ['category', 'entity', 'article', 'quotes', 'occurrence'].includes((x as TreeNode).kind);

export function registerEntities(context: vscode.ExtensionContext, analyses: ArticleAnalyses, views: ReaderViews, log: vscode.LogOutputChannel): EntitiesApi {
  const saved = context.workspaceState.get<Partial<ViewOptions>>(OPTIONS_STATE_KEY, {});
  const options: ViewOptions = { groupBy: saved.groupBy === 'article' ? 'article' : 'type', sortBy: saved.sortBy === 'mentions' ? 'mentions' : 'name' };
  const tree = new EntityTreeProvider(analyses, views, options);
  const view = vscode.window.createTreeView(ENTITIES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const workspaceArticles = new WorkspaceArticles(uri => tree.schedule(uri), log);
  tree.setClosedArticles(workspaceArticles);

  const setOptions = (change: Partial<ViewOptions>) => {
    tree.setOptions(change);
    const { filter: _session, ...kept } = tree.options; // a filter is for now, not for the next window
    void context.workspaceState.update(OPTIONS_STATE_KEY, kept);
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.tree.groupBy', tree.options.groupBy);
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.tree.sortBy', tree.options.sortBy);
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.tree.filtered', Boolean(tree.options.filter));
    view.description = tree.options.filter ? `filter: ${tree.options.filter}` : undefined;
  };
  setOptions({});

  const placesOf = (arg: unknown): ArticlePlace[] | undefined => {
    if (!isTreeNode(arg)) return undefined;
    if (arg.kind === 'occurrence') {
      const o = arg.occurrence;
      return [{ article: o.article, offset: o.start, end: o.end, type: o.type, ...(o.annotationId ? { annotation: o.annotationId } : {}) }];
    }
    if (arg.kind !== 'entity') return undefined;
    const articles = arg.article !== undefined ? [arg.article] : tree.index.articlesOf(arg.category, arg.key).map(p => p.key);
    return articles.flatMap(article => {
      const o = tree.index.occurrences(arg.category, arg.key, article)[0];
      return o ? [{ article, offset: o.start, end: o.end, type: o.type }] : [];
    });
  };

  // Every article in a tab is listed, a preview tab's or a restored tab's whose document is not loaded yet too.
  const loadTabArticles = () => {
    for (const tab of vscode.window.tabGroups.all.flatMap(g => g.tabs)) {
      const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
      if (uri && /\.txt$/i.test(uri.path) && !openDocument(uri)) void vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
    }
  };
  loadTabArticles();

  const filter = async () => {
    const value = await vscode.window.showInputBox({
      title: 'Filter Entities', value: tree.options.filter ?? '', prompt: 'Show the people, dates, speakers and labels whose name contains this (empty: all)',
      placeHolder: 'e.g. kerry',
    });
    if (value !== undefined) setOptions({ filter: value.trim() || undefined });
  };

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
    vscode.window.tabGroups.onDidChangeTabs(loadTabArticles),
    vscode.window.registerFileDecorationProvider({
      provideFileDecoration: uri => (uri.scheme === GREYED_SCHEME ? { color: new vscode.ThemeColor('disabledForeground') } : undefined),
    }),
    vscode.commands.registerCommand('newsAnnotator.tree.filter', (text?: unknown) => (typeof text === 'string' ? setOptions({ filter: text.trim() || undefined }) : filter())),
    vscode.commands.registerCommand('newsAnnotator.tree.clearFilter', () => setOptions({ filter: undefined })),
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
  );
  updateBadge();

  return { tree, view, placesOf, indexedArticles: () => workspaceArticles.keys() };
}
