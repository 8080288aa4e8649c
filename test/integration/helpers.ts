// Shared helpers for the integration suites (run inside the extension host).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';

export const EXTENSION_ID = 'news-annotator.news-annotator';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openArticle(name: string, show = true): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  if (show) await vscode.window.showTextDocument(doc);
  return doc;
}

/** Polls until check() returns a truthy value (the host works asynchronously), or throws after timeoutMs. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

/** The sidecar file as the suites read it back (schema version 2). */
export interface SidecarYaml {
  version: number; article: string; textHash: string;
  annotations?: { id: string; kind: string; label?: string; note?: string; speaker?: string; orphaned?: boolean; anchor: { start: number; end: number; text: string } }[];
  decisions?: { id: string; type: string; entity: string; verdict: string; as?: string; names?: string[]; anchors: { start: number; end: number; text: string; orphaned?: boolean }[] }[];
}

/** The annotations part of the extension's API, as the suites use it. */
export function annotationsApi() {
  type Doc = { annotations: readonly { id: string; note?: string; orphaned?: boolean; anchor: { start: number; end: number; text: string } }[]; decisions: readonly unknown[] };
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { annotations: { loaded(uri: vscode.Uri): { store: { document: Doc } } | undefined } };
  return ext.annotations;
}

/** Files the suites made, removed after each test by the suite that made them (see removeCreated). */
export const created: vscode.Uri[] = [];
let counter = 0;

/** A fresh article (copy of a seed) so each test starts without a sidecar; removed again after the test. */
export async function freshArticle(seed = 'kerry-beijing-scmp.txt', prefix = 'annotated'): Promise<{ editor: vscode.TextEditor; uri: vscode.Uri; sidecar: vscode.Uri }> {
  const name = `${prefix}-${Date.now().toString(36)}-${counter++}`;
  const uri = workspaceUri(`${name}.txt`);
  await vscode.workspace.fs.copy(workspaceUri(seed), uri);
  created.push(uri, workspaceUri(`${name}.annotations.yaml`));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await waitFor('the annotations session', () => annotationsApi().loaded(uri));
  return { editor, uri, sidecar: workspaceUri(`${name}.annotations.yaml`) };
}

/** Closes every editor and deletes the files the test made. */
export async function removeCreated(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
}

/** Selects the nth occurrence of `text` in the editor; returns its offsets. */
export function select(editor: vscode.TextEditor, text: string, nth = 0): { start: number; end: number } {
  const all = editor.document.getText();
  let start = -1;
  for (let i = 0; i <= nth; i++) start = all.indexOf(text, start + 1);
  assert.ok(start >= 0, `"${text}" is in the article`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
  return { start, end: start + text.length };
}

/** Puts the cursor at an offset of the editor's document. */
export function cursorAt(editor: vscode.TextEditor, offset: number): void {
  const p = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(p, p);
}

export async function readYaml(uri: vscode.Uri): Promise<SidecarYaml> {
  return parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8')) as SidecarYaml;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

export interface DecodedToken { start: number; end: number; text: string; type: string; modifiers: string[]; line: number }

/** The semantic tokens VS Code gets for a document, decoded (offsets into its text). */
export async function semanticTokensOf(doc: vscode.TextDocument): Promise<DecodedToken[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
  assert.ok(legend && tokens, 'a semantic tokens provider answers for plain text');
  const out: DecodedToken[] = [];
  let line = 0, char = 0;
  const d = tokens.data;
  for (let i = 0; i < d.length; i += 5) {
    line += d[i];
    char = d[i] === 0 ? char + d[i + 1] : d[i + 1];
    const start = doc.offsetAt(new vscode.Position(line, char));
    out.push({
      start, end: start + d[i + 2], text: doc.getText().slice(start, start + d[i + 2]),
      type: legend.tokenTypes[d[i + 3]], modifiers: legend.tokenModifiers.filter((_, b) => d[i + 4] & (1 << b)), line,
    });
  }
  return out;
}

/** The token starting exactly at an offset, if any. */
export async function tokenAt(doc: vscode.TextDocument, offset: number): Promise<DecodedToken | undefined> {
  return (await semanticTokensOf(doc)).find(t => t.start === offset);
}

/** The text of the hovers at an offset, all providers' contents joined. */
export async function hoverTextAt(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}
