// The Annotations view: every label and note of the reader's across the workspace, grouped by label, each jumping to
// its place. Open articles are listed live from their sessions (current places); the others from their sidecar files,
// read in the background and again when they change; opening one of those places its annotations on the article's
// current text first (as any open does), so the jump lands on the annotated words.
import * as vscode from 'vscode';
import { fileNameOf, MAX_SIDECAR_BYTES, readSidecar, SIDECAR_SUFFIX, sidecarPathFor, type Annotation } from '../annotations';
import type { AnnotationManager } from '../editor/annotations/annotationManager';
import { readFileAtMost } from '../editor/annotations/sidecarFiles';
import type { ArticlePlace } from '../editor/commandLinks';
import { Disposable } from '../editor/disposable';
import { openOccurrence } from '../editor/navigation';
import { noteSummary, plural } from '../entities/describe';
import { annotationGroups, type AnnotatedArticle, type AnnotationGroup, type ListedAnnotation } from './annotationList';

export const ANNOTATIONS_VIEW_ID = 'newsAnnotator.annotations';
export const OPEN_ANNOTATION_COMMAND = 'newsAnnotator.annotations.open';
const REFRESH_DELAY_MS = 150;
const MAX_SIDECARS = 2000;

type Node = { kind: 'group'; group: AnnotationGroup } | { kind: 'annotation'; item: ListedAnnotation; parent: Node };

const ICONS: Record<string, string> = { Person: 'person', Date: 'calendar', Quote: 'quote' };

export class AnnotationsView extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly changed = this.register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  /** What the sidecar files hold, by the sidecar's URI (listed for the articles that are not open). */
  private readonly onDisk = new Map<string, AnnotatedArticle>();
  private groups: AnnotationGroup[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly annotations: AnnotationManager, private readonly log: vscode.LogOutputChannel) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
    this.register(watcher.onDidCreate(uri => void this.readFile(uri)));
    this.register(watcher.onDidChange(uri => void this.readFile(uri)));
    this.register(watcher.onDidDelete(uri => { this.onDisk.delete(uri.toString()); this.schedule(); }));
    this.register(annotations.onDidChange(() => this.schedule()));
    this.register({ dispose: () => clearTimeout(this.timer) });
    void this.readAll();
  }

  /** Reads every sidecar file of the workspace again (the Refresh button). */
  async readAll(): Promise<void> {
    const files = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', MAX_SIDECARS);
    this.onDisk.clear();
    await Promise.all(files.map(f => this.readFile(f, false)));
    this.rebuild();
  }

  private async readFile(uri: vscode.Uri, refresh = true): Promise<void> {
    try {
      // Only a regular file, never past the limit: a git pull can bring a link to /dev/zero or a FIFO of this name.
      const state = readSidecar(await readFileAtMost(uri, MAX_SIDECAR_BYTES), fileNameOf(uri.path));
      if (state.readable && state.exists) {
        const article = articleOf(uri, state.document.article);
        this.onDisk.set(uri.toString(), { article: article.toString(), name: vscode.workspace.asRelativePath(article), annotations: state.document.annotations });
      } else this.onDisk.delete(uri.toString()); // an unreadable file is reported when its article opens
    } catch (e) {
      this.log.debug(`annotations view: ${uri.fsPath}: ${e}`);
      this.onDisk.delete(uri.toString());
    }
    if (refresh) this.schedule();
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = setTimeout(() => { this.timer = undefined; this.rebuild(); }, REFRESH_DELAY_MS);
  }

  private rebuild(): void {
    const live = new Map<string, AnnotatedArticle>();
    for (const s of this.annotations.allLoaded()) {
      live.set(s.articleUri.toString(), { article: s.articleUri.toString(), name: vscode.workspace.asRelativePath(s.articleUri), annotations: s.store.document.annotations });
    }
    const all = [...live.values(), ...[...this.onDisk.values()].filter(a => !live.has(a.article))];
    this.groups = annotationGroups(all);
    this.changed.fire(undefined);
  }

  /** The place an item of this view stands for, for the annotation commands of its context menu. */
  placesOf(arg: unknown): ArticlePlace[] | undefined {
    const node = arg as Partial<Node> | undefined;
    if (node?.kind !== 'annotation' || !node.item) return undefined;
    const { article, annotation: a } = node.item;
    return [{ article, offset: a.anchor.start, end: a.anchor.end, type: a.kind, annotation: a.id }];
  }

  /** What the view lists now (for tests and other extensions). */
  get listed(): readonly AnnotationGroup[] { return this.groups; }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map(group => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.annotations.map(item => ({ kind: 'annotation', item, parent: node }));
    return [];
  }

  getParent(node: Node): Node | undefined { return node.kind === 'annotation' ? node.parent : undefined; }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const g = node.group;
      const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `g:${g.own ? 'l' : 'k'}:${g.label}`;
      item.description = plural(g.annotations.length, 'annotation');
      item.iconPath = new vscode.ThemeIcon(g.own ? 'tag' : ICONS[g.label] ?? 'tag');
      item.contextValue = 'annotationGroup';
      return item;
    }
    const { article, name, annotation: a } = node.item;
    const text = a.anchor.text.replace(/\s+/g, ' ');
    const item = new vscode.TreeItem(text.length > 70 ? `${text.slice(0, 69)}…` : text, vscode.TreeItemCollapsibleState.None);
    item.id = `a:${article}:${a.id}`;
    item.description = [name, noteSummary(a.note, 50), a.orphaned ? 'orphaned' : undefined].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`“${a.anchor.text}”\n\n`);
    if (a.note) tooltip.appendText(`${a.note}\n\n`);
    tooltip.appendText(`${name}${a.orphaned ? ' — orphaned: the text can no longer be found' : ''}`);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(a.orphaned ? 'warning' : a.note ? 'note' : 'tag');
    item.contextValue = a.orphaned ? 'annotation.orphaned' : 'annotation';
    item.command = { command: OPEN_ANNOTATION_COMMAND, title: 'Open', arguments: [article, a.id, a.anchor.start, a.anchor.end] };
    return item;
  }
}

/** The article a sidecar file belongs to: the file it names, beside it; else the .txt of the same name. */
function articleOf(sidecar: vscode.Uri, named: string): vscode.Uri {
  const dir = sidecar.path.slice(0, sidecar.path.lastIndexOf('/') + 1);
  const safe = named !== '' && !/[\\/]/.test(named) && sidecarPathFor(`${dir}${named}`) === sidecar.path;
  return sidecar.with({ path: safe ? `${dir}${named}` : `${sidecar.path.slice(0, -SIDECAR_SUFFIX.length)}.txt` });
}

/** Opens an annotation's article and selects the annotation where it is now. */
export async function openAnnotation(annotations: AnnotationManager, article: string, id: string, start: number, end: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(article));
  const now: Annotation | undefined = annotations.annotatable(doc) ? (await annotations.sessionFor(doc)).store.get(id) : undefined;
  await openOccurrence(doc.uri, now?.anchor.start ?? start, now?.orphaned ? now.anchor.start : now?.anchor.end ?? end);
}

/** The Annotations view with its toolbar and the command its items run. */
export function registerAnnotationsView(annotations: AnnotationManager, log: vscode.LogOutputChannel): { provider: AnnotationsView; disposables: vscode.Disposable[] } {
  const provider = new AnnotationsView(annotations, log);
  const view = vscode.window.createTreeView(ANNOTATIONS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  return {
    provider,
    disposables: [provider, view,
      vscode.commands.registerCommand(OPEN_ANNOTATION_COMMAND, (article: string, id: string, start: number, end: number) => openAnnotation(annotations, article, id, start, end)),
      vscode.commands.registerCommand('newsAnnotator.annotations.refresh', () => provider.readAll()),
    ],
  };
}
