// News Annotator: Export Annotations… — the merged view of an article, a folder or the workspace in brat, W3C Web
// Annotation, CSV or JSONL, into a folder the user picks. The formats are src/export's; this module asks what to
// export, reads the files through vscode.workspace.fs (local, remote and virtual workspaces alike), shows progress
// that can be cancelled, and writes nothing over a file that differs unless the user says so.
// The choices can also be passed as one argument (tests, other extensions, keybindings): see ExportRequest.
import * as vscode from 'vscode';
import { fileNameOf, MAX_SIDECAR_BYTES, readSidecar } from '../annotations';
import {
  exportOutputs, exportReports, loadArticle, stemOf, type ExportArticle, type ExportFormat, type ExportOutput, type ExportSettings,
} from '../export';
import { readFileAtMost, sidecarStateOf, sidecarUriFor, UnreadableFileError, unreadableSidecar, writeAtomically } from './annotations/sidecarFiles';
import { plural } from '../entities/describe';
import { fileIdentity } from '../io';
import { readSettings } from './settings';

export const EXPORT_COMMAND = 'newsAnnotator.exportAnnotations';

export type ExportScope = 'article' | 'folder' | 'workspace';

/** Everything the command would ask; what is given is not asked. */
export interface ExportRequest {
  readonly scope?: ExportScope;
  /** scope 'article': the article (default: the active editor's); scope 'folder': the folder. A Uri, its string or a path. */
  readonly uri?: vscode.Uri | string;
  readonly format?: ExportFormat;
  /** csv: the quote sheet. */
  readonly quotes?: boolean;
  /** w3c: one Annotation per line. */
  readonly lines?: boolean;
  readonly target?: vscode.Uri | string;
  /** Overwrite files of an earlier export that differ, without asking (false: such an export stops, writing nothing). */
  readonly overwrite?: boolean;
}

/** What an export did, in the order it happened (uris as strings); returned by the command. */
export interface ExportResult {
  readonly articles: number;
  readonly written: string[];
  readonly unchanged: string[];
  /** Articles not exported, and why. */
  readonly errors: string[];
  /** Exported, but worth knowing: orphaned annotations, sidecars naming another article. */
  readonly warnings: string[];
  readonly cancelled?: boolean;
}

interface Format { label: string; detail: string; settings: Omit<ExportSettings, 'copyText'> }
const FORMATS: Format[] = [
  { label: 'brat standoff', detail: 'story.ann and a copy of story.txt per article, one annotation.conf (brat, INCEpTION)', settings: { format: 'brat' } },
  { label: 'W3C Web Annotation (JSON-LD)', detail: 'annotations.jsonld: one AnnotationCollection (Hypothesis, annotation servers)', settings: { format: 'w3c' } },
  { label: 'CSV', detail: 'annotations.csv: one row per entity or annotation, for a spreadsheet', settings: { format: 'csv' } },
  { label: 'CSV quote sheet', detail: 'quotes.csv: article, publication date, speaker, quote, offsets', settings: { format: 'csv', quotes: true } },
  { label: 'JSON Lines', detail: 'annotations.jsonl: one line per article, for data tools and scoring', settings: { format: 'jsonl' } },
];

/** A Uri, a Uri's string, or a file path. */
const asUri = (u: vscode.Uri | string) => (typeof u !== 'string' ? u : /^[a-z][a-z0-9+.-]+:/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u));
const yieldToEditor = () => new Promise<void>(resolve => setTimeout(resolve, 0));
const SKIPPED_FOLDERS = new Set(['node_modules']);

async function exists(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try { return await vscode.workspace.fs.stat(uri); } catch { return undefined; }
}

/**
 * What is at `uri`, to compare an output of `size` bytes with: its bytes, 'other' when it differs without being read
 * (a file larger than the output, or no regular file), undefined when nothing is there.
 */
async function existingContent(uri: vscode.Uri, size: number): Promise<Uint8Array | 'other' | undefined> {
  try {
    return await readFileAtMost(uri, size);
  } catch (e) {
    if (e instanceof UnreadableFileError) return 'other';
    throw e;
  }
}

interface Source { readonly uri: vscode.Uri; readonly name: string }

/** The *.txt files under a folder (not in hidden folders or node_modules), named by their path below `root`. */
async function articlesUnder(folder: vscode.Uri, prefix: string, token: vscode.CancellationToken): Promise<Source[]> {
  const out: Source[] = [];
  const walk = async (dir: vscode.Uri, rel: string) => {
    const entries = await vscode.workspace.fs.readDirectory(dir);
    for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (token.isCancellationRequested) return;
      const uri = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name) && !(type & vscode.FileType.SymbolicLink)) await walk(uri, `${rel}${name}/`);
      } else if (type & vscode.FileType.File && name.toLowerCase().endsWith('.txt')) out.push({ uri, name: `${prefix}${rel}${name}` });
    }
  };
  await walk(folder, '');
  return out;
}

const fileName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
const parent = (uri: vscode.Uri) => vscode.Uri.joinPath(uri, '..');

/** What to export: asks for what the request leaves open; undefined when the user cancels. */
async function chooseSources(request: ExportRequest, token: vscode.CancellationToken): Promise<{ sources: Source[]; root: vscode.Uri } | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const activeArticle = active && active.languageId === 'plaintext' && !active.isUntitled ? active.uri : undefined;
  let scope = request.scope;
  if (!scope) {
    const items: (vscode.QuickPickItem & { scope: ExportScope })[] = [
      ...(activeArticle ? [{ label: '$(file) This article', description: vscode.workspace.asRelativePath(activeArticle), scope: 'article' as const }] : []),
      { label: '$(folder) A folder…', description: 'every .txt file in it and its subfolders', scope: 'folder' },
      ...(vscode.workspace.workspaceFolders?.length ? [{ label: '$(root-folder) The workspace', description: 'every .txt file of the workspace', scope: 'workspace' as const }] : []),
    ];
    scope = (await vscode.window.showQuickPick(items, { title: 'Export Annotations (1/3): what to export', placeHolder: 'Articles to export' }))?.scope;
    if (!scope) return undefined;
  }
  if (scope === 'article') {
    const uri = request.uri ? asUri(request.uri) : activeArticle;
    if (!uri) { void vscode.window.showErrorMessage('News Annotator: open an article to export it, or export a folder.'); return undefined; }
    return { sources: [{ uri, name: fileName(uri) }], root: parent(uri) };
  }
  if (scope === 'folder') {
    const folder = request.uri ? asUri(request.uri) : (await vscode.window.showOpenDialog({
      canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export This Folder',
      title: 'Export Annotations: the folder of articles', defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    }))?.[0];
    if (!folder) return undefined;
    return { sources: await articlesUnder(folder, '', token), root: folder };
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) { void vscode.window.showErrorMessage('News Annotator: no workspace folder is open to export.'); return undefined; }
  const sources: Source[] = [];
  for (const f of folders) sources.push(...await articlesUnder(f.uri, folders.length > 1 ? `${f.name}/` : '', token));
  return { sources, root: folders[0].uri };
}

async function chooseFormat(request: ExportRequest): Promise<Format['settings'] | undefined> {
  if (request.format) return { format: request.format, quotes: request.quotes, lines: request.lines };
  const picked = await vscode.window.showQuickPick(FORMATS.map(f => ({ ...f, description: '' })), { title: 'Export Annotations (2/3): format', placeHolder: 'Format to export to' });
  return picked?.settings;
}

async function chooseTarget(request: ExportRequest, root: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (request.target) return asUri(request.target);
  return (await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Here',
    title: 'Export Annotations (3/3): the folder to write the export into', defaultUri: root,
  }))?.[0];
}

/** Unsaved articles are exported as saved, unless the user saves them first (asked only when choosing in the UI). */
async function offerToSave(sources: readonly Source[], request: ExportRequest): Promise<boolean> {
  const keys = new Set(sources.map(s => s.uri.toString()));
  const dirty = vscode.workspace.textDocuments.filter(d => d.isDirty && keys.has(d.uri.toString()));
  if (!dirty.length || request.target) return true;
  const save = 'Save and Export', asSaved = 'Export Saved Versions';
  const choice = await vscode.window.showWarningMessage(`${plural(dirty.length, 'article has', 'articles have')} unsaved changes: ${dirty.map(d => fileName(d.uri)).join(', ')}.`, { modal: true }, save, asSaved);
  if (choice === save) { for (const d of dirty) await d.save(); return true; }
  return choice === asSaved;
}

/** The sidecar's bytes, or why it is not read (too large, not a file, malformed, another article's: sidecarStateOf). */
async function readSidecarOf(article: vscode.Uri): Promise<{ bytes: Uint8Array | undefined; name: string } | { error: string }> {
  const uri = sidecarUriFor(article);
  const name = vscode.workspace.asRelativePath(uri);
  try {
    const bytes = await readFileAtMost(uri, MAX_SIDECAR_BYTES);
    const state = await sidecarStateOf(readSidecar(bytes, name, fileNameOf(article.path)), name, article);
    return state.readable ? { bytes, name } : { error: state.error.message };
  } catch (e) {
    if (e instanceof UnreadableFileError) return { error: unreadableSidecar(name, e).message };
    throw e;
  }
}

async function loadAll(sources: readonly Source[], progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken, errors: string[]): Promise<ExportArticle[]> {
  const articles: ExportArticle[] = [];
  for (const [i, s] of sources.entries()) {
    if (token.isCancellationRequested) break;
    progress.report({ message: `${i + 1}/${sources.length} ${s.name}`, increment: 100 / sources.length });
    const maxMB = readSettings(s.uri).maxFileSizeMB;
    try {
      // Only a regular file, never past the limit (an article chosen in the Explorer may be a FIFO or a device link).
      const bytes = await readFileAtMost(s.uri, maxMB * 1024 * 1024);
      if (bytes === undefined) { errors.push(`${s.name}: not found, not exported`); continue; }
      const sidecar = await readSidecarOf(s.uri);
      if ('error' in sidecar) { errors.push(`${sidecar.error} — ${s.name} not exported`); continue; }
      const loaded = loadArticle({ name: s.name, uri: s.uri.toString(), bytes, sidecar: sidecar.bytes, sidecarName: sidecar.name });
      if (loaded.ok) articles.push(loaded.article); else errors.push(loaded.error);
    } catch (e) {
      if (e instanceof UnreadableFileError && e.code === 'too-large') errors.push(`${s.name}: larger than ${maxMB} MB (setting newsAnnotator.maxFileSizeMB), not exported`);
      else if (e instanceof UnreadableFileError) errors.push(`${s.name} ${e.message}; not exported`);
      else errors.push(`${s.name}: cannot read (${(e as Error).message})`);
    }
    await yieldToEditor(); // one article's analysis at a time, so the editor stays responsive
  }
  return articles;
}

/** What a local file is on disk (device and inode), whatever path leads to it; undefined elsewhere or when absent. */
const localIdentity = (uri: vscode.Uri): string | undefined => (uri.scheme === 'file' ? fileIdentity(uri.fsPath) : undefined);

async function revealFolder(folder: vscode.Uri): Promise<void> {
  const inWorkspace = vscode.workspace.getWorkspaceFolder(folder);
  if (inWorkspace) await vscode.commands.executeCommand('revealInExplorer', folder);
  else if (folder.scheme === 'file' && vscode.env.remoteName === undefined) await vscode.commands.executeCommand('revealFileInOS', folder);
  else await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true });
}

export async function exportAnnotations(request: ExportRequest, log: vscode.LogOutputChannel): Promise<ExportResult | undefined> {
  const asking = new vscode.CancellationTokenSource();
  const chosen = await chooseSources(request, asking.token);
  asking.dispose();
  if (!chosen) return undefined;
  if (!chosen.sources.length) { void vscode.window.showWarningMessage('News Annotator: no articles (.txt files) to export there.'); return undefined; }
  const format = await chooseFormat(request);
  if (!format) return undefined;
  const target = await chooseTarget(request, chosen.root);
  if (!target) return undefined;
  // The text copies of an earlier export into a folder below the articles' folder are not articles.
  const inside = (uri: vscode.Uri, folder: vscode.Uri) => uri.toString().startsWith(folder.toString().replace(/\/?$/, '/'));
  const sources = inside(target, chosen.root) ? chosen.sources.filter(s => !inside(s.uri, target)) : chosen.sources;
  if (!await offerToSave(sources, request)) return undefined;

  const errors: string[] = [];
  // The articles by uri and, for local files, by what they are on disk (reached through a link): nothing is written over one.
  const byUri = new Map(sources.map(s => [s.uri.toString(), s]));
  const byIdentity = new Map(sources.flatMap(s => { const id = localIdentity(s.uri); return id ? [[id, s] as const] : []; }));
  const articleAt = (uri: vscode.Uri) => byUri.get(uri.toString()) ?? byIdentity.get(localIdentity(uri) ?? '');
  const loaded = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'News Annotator: exporting annotations', cancellable: true },
    async (progress, token) => ({ articles: await loadAll(sources, progress, token, errors), cancelled: token.isCancellationRequested }));
  if (loaded.cancelled) {
    void vscode.window.showInformationMessage('News Annotator: export cancelled; nothing was written.');
    return { articles: 0, written: [], unchanged: [], errors, warnings: [], cancelled: true };
  }
  const articles = loaded.articles;
  const place = (a: ExportArticle, name: string) => vscode.Uri.joinPath(target, ...a.name.split('/').slice(0, -1), name);
  const outputs = exportOutputs(articles, {
    ...format,
    // The text is copied beside the .ann, unless that copy would be the article itself (the target folder being the
    // article's, by its name or through a link).
    copyText: a => articleAt(place(a, `${stemOf(a.name)}.txt`))?.name !== a.name,
  });
  const uriOf = (o: ExportOutput) => (o.of === 'article' ? place(o.article, o.fileName) : vscode.Uri.joinPath(target, o.fileName));

  // Compare with what is there first, so that an export either writes everything or, refused, nothing.
  const plan: { uri: vscode.Uri; bytes: Uint8Array; same: boolean; differs: boolean }[] = [];
  for (const o of outputs) {
    const uri = uriOf(o), bytes = new TextEncoder().encode(o.content);
    const article = articleAt(uri);
    if (article) { errors.push(`${vscode.workspace.asRelativePath(uri)}: is the article ${article.name} itself; not overwritten`); continue; }
    const old = await existingContent(uri, bytes.length);
    const same = old instanceof Uint8Array && old.length === bytes.length && old.every((b, i) => b === bytes[i]);
    plan.push({ uri, bytes, same, differs: old !== undefined && !same });
  }
  const differing = plan.filter(p => p.differs);
  if (differing.length && !request.overwrite) {
    const names = differing.slice(0, 5).map(p => vscode.workspace.asRelativePath(p.uri)).join(', ') + (differing.length > 5 ? ', …' : '');
    const overwrite = 'Overwrite';
    const choice = request.target ? undefined : await vscode.window.showWarningMessage(
      `${plural(differing.length, 'file')} in the target folder differ from this export: ${names}. Overwrite them?`, { modal: true }, overwrite);
    if (choice !== overwrite) {
      if (request.target) void vscode.window.showErrorMessage(`News Annotator: not exported: ${plural(differing.length, 'file')} in the target folder differ from this export (${names}).`);
      return { articles: articles.length, written: [], unchanged: [], errors: [...errors, ...differing.map(p => `${p.uri.toString()}: differs; not overwritten`)], warnings: [] };
    }
  }
  const written: string[] = [], unchanged: string[] = [];
  for (const p of plan) {
    if (p.same) { unchanged.push(p.uri.toString()); continue; }
    try {
      await vscode.workspace.fs.createDirectory(parent(p.uri));
      await writeAtomically(p.uri, p.bytes);
      written.push(p.uri.toString());
    } catch (e) {
      errors.push(`${vscode.workspace.asRelativePath(p.uri)}: cannot write (${(e as Error).message})`);
    }
  }
  const warnings = exportReports(articles);
  for (const w of warnings) log.warn(`export: ${w}`);
  for (const e of errors) log.error(`export: ${e}`);
  const orphans = articles.reduce((n, a) => n + a.view.orphans.length, 0);
  const summary = `News Annotator: exported ${plural(articles.length, 'article')} (${format.format}${format.quotes ? ' quote sheet' : ''}) to ${vscode.workspace.asRelativePath(target)}` +
    (errors.length ? `; ${plural(errors.length, 'problem')}, see the log` : '') +
    (orphans ? `; ${plural(orphans, 'orphaned annotation')} exported with ${orphans === 1 ? 'its' : 'their'} last known text` : '') + '.';
  const open = 'Open Folder', showLog = 'Show Log';
  void (errors.length ? vscode.window.showWarningMessage(summary, open, showLog) : vscode.window.showInformationMessage(summary, open)).then(choice => {
    if (choice === open) void revealFolder(target);
    if (choice === showLog) log.show();
  });
  return { articles: articles.length, written, unchanged, errors, warnings };
}

/** The command: from the palette and the Entities view (no argument), the Explorer (the folder or file), or a request. */
export function registerExportCommand(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_COMMAND, async (arg?: unknown) => {
    if (arg instanceof vscode.Uri) {
      const st = await exists(arg);
      return exportAnnotations({ scope: st && st.type & vscode.FileType.Directory ? 'folder' : 'article', uri: arg }, log);
    }
    return exportAnnotations(arg && typeof arg === 'object' ? arg as ExportRequest : {}, log);
  });
}
