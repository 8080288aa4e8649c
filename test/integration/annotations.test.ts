// The user's annotations in a real extension host: each command writes the sidecar YAML file we expect on disk,
// changes from outside are picked up, a malformed sidecar is reported and left byte-identical, a sidecar that is no
// regular file (a FIFO, a link to a device, a directory) is reported without blocking and never written.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { EXTENSION_ID, waitFor, workspaceUri } from './helpers';

interface SidecarYaml {
  version: number; article: string; textHash: string;
  annotations?: { id: string; kind: string; label?: string; note?: string; speaker?: string; anchor: { start: number; end: number; text: string } }[];
  decisions?: { type: string; entity: string; verdict: string; anchor: { start: number; end: number; text: string } }[];
}

interface AnnotationsApi {
  loaded(uri: vscode.Uri): { store: { document: { annotations: readonly { id: string; note?: string }[] } } } | undefined;
  onDidChange: vscode.Event<vscode.Uri>;
  onDidChangeOtherThanByEdit: vscode.Event<vscode.Uri>;
}
const api = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as { annotations: AnnotationsApi };

let counter = 0;
const created: vscode.Uri[] = [];
/** A fresh article (copy of a seed) so each test starts without a sidecar; removed again after the test. */
async function freshArticle(seed = 'kerry-beijing-scmp.txt'): Promise<{ editor: vscode.TextEditor; uri: vscode.Uri; sidecar: vscode.Uri }> {
  const name = `annotated-${Date.now().toString(36)}-${counter++}`;
  const uri = workspaceUri(`${name}.txt`);
  await vscode.workspace.fs.copy(workspaceUri(seed), uri);
  created.push(uri, workspaceUri(`${name}.annotations.yaml`));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await waitFor('the annotations session', () => api().annotations.loaded(uri));
  return { editor, uri, sidecar: workspaceUri(`${name}.annotations.yaml`) };
}

function select(editor: vscode.TextEditor, text: string, nth = 0): { start: number; end: number } {
  const all = editor.document.getText();
  let start = -1;
  for (let i = 0; i <= nth; i++) start = all.indexOf(text, start + 1);
  assert.ok(start >= 0, `"${text}" is in the article`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
  return { start, end: start + text.length };
}

async function readYaml(uri: vscode.Uri): Promise<SidecarYaml> {
  return parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8')) as SidecarYaml;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

describe('Annotations and the sidecar file (real extension host)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('Annotate Selection as Person / Date / Quote and with a label write story.annotations.yaml beside the article', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    assert.equal(await exists(sidecar), false, 'no sidecar before anything is annotated');
    const person = select(editor, 'Hua Chunying');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const date = select(editor, 'this month');
    await vscode.commands.executeCommand('newsAnnotator.annotateDate');
    select(editor, '“irresponsible”');
    await vscode.commands.executeCommand('newsAnnotator.annotateQuote');
    const claim = select(editor, 'world powers discussed a new set of international sanctions');
    await vscode.commands.executeCommand('newsAnnotator.annotateWithLabel', 'claim to check', 'Which powers? Source?');
    const y = await readYaml(sidecar);
    assert.equal(y.version, 1);
    assert.equal(y.article, uri.path.split('/').pop());
    assert.match(y.textHash, /^sha256:[0-9a-f]{64}$/);
    const byKind = Object.fromEntries(y.annotations!.map(a => [a.kind === 'label' ? a.label! : a.kind, a]));
    assert.deepEqual(Object.keys(byKind).sort(), ['claim to check', 'date', 'person', 'quote']);
    assert.deepEqual([byKind.person.anchor.start, byKind.person.anchor.end, byKind.person.anchor.text], [person.start, person.end, 'Hua Chunying']);
    assert.equal(byKind.date.anchor.start, date.start);
    assert.equal(byKind['claim to check'].note, 'Which powers? Source?');
    assert.equal(byKind['claim to check'].anchor.start, claim.start);
    const starts = y.annotations!.map(a => a.anchor.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'annotations are sorted by position');
  });

  it('Edit Note and Remove Annotation change the file; removing the last one deletes it', async () => {
    const { editor, sidecar } = await freshArticle();
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const before = Buffer.from(await vscode.workspace.fs.readFile(sidecar)).toString('utf8');
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.editNote', 'Carnegie–Tsinghua fellow'), true);
    const y = await readYaml(sidecar);
    assert.equal(y.annotations![0].note, 'Carnegie–Tsinghua fellow');
    assert.equal(y.annotations![0].id, parse(before).annotations[0].id, 'the id is stable across edits');
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.removeAnnotation'), true);
    assert.equal(await exists(sidecar), false, 'no sidecar is kept for an article without annotations');
  });

  it('Confirm / Reject store decisions, and a rejected person is no longer highlighted', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    const tokensOn = async (text: string) => {
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
      const t = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
      const offset = editor.document.getText().indexOf(text);
      const pos = editor.document.positionAt(offset);
      let line = 0, char = 0;
      for (let i = 0; i < t.data.length; i += 5) {
        line += t.data[i]; char = t.data[i] === 0 ? char + t.data[i + 1] : t.data[i + 1];
        if (line === pos.line && char === pos.character) return { type: legend.tokenTypes[t.data[i + 3]], modifiers: legend.tokenModifiers.filter((_, b) => t.data[i + 4] & (1 << b)) };
      }
      return undefined;
    };
    assert.equal((await tokensOn('Wang Yi'))?.type, 'person');
    select(editor, 'Wang Yi');
    editor.selection = new vscode.Selection(editor.selection.start.translate(0, 1), editor.selection.start.translate(0, 1));
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.rejectEntity'), true);
    select(editor, 'Hua Chunying');
    editor.selection = new vscode.Selection(editor.selection.start, editor.selection.start);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.confirmEntity'), true);
    const y = await readYaml(sidecar);
    const verdicts = Object.fromEntries(y.decisions!.map(d => [d.anchor.text, d.verdict]));
    assert.deepEqual(verdicts, { 'Wang Yi': 'rejected', 'Hua Chunying': 'confirmed' });
    await waitFor('the rejected name to lose its highlight', async () => (await tokensOn('Wang Yi')) === undefined);
    assert.ok((await tokensOn('Hua Chunying'))?.modifiers.includes('confirmed'));
  });

  it('Set Quote Speaker records who said the quote', async () => {
    const { editor, sidecar } = await freshArticle();
    select(editor, '“irresponsible”');
    editor.selection = new vscode.Selection(editor.selection.start.translate(0, 3), editor.selection.start.translate(0, 3));
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.setQuoteSpeaker', 'Hua Chunying'), true);
    const y = await readYaml(sidecar);
    const q = y.annotations!.find(a => a.kind === 'quote')!;
    assert.equal(q.speaker, 'Hua Chunying');
    assert.equal(q.anchor.text, '“irresponsible”');
  });

  it('annotations move with edits and are saved with the article', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    const at = select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    // Typing moves annotations (onDidChange) without asking for new semantic tokens (onDidChangeOtherThanByEdit).
    const fired = { any: 0, otherThanByEdit: 0 };
    const subscriptions = [
      api().annotations.onDidChange(u => { if (u.toString() === uri.toString()) fired.any++; }),
      api().annotations.onDidChangeOtherThanByEdit(u => { if (u.toString() === uri.toString()) fired.otherThanByEdit++; }),
    ];
    const inserted = 'EDITOR’S NOTE: this paragraph was added.\n\n';
    await editor.edit(e => e.insert(new vscode.Position(0, 0), inserted));
    await waitFor('the edit to reach the annotations', () => fired.any > 0);
    subscriptions.forEach(d => d.dispose());
    assert.deepEqual(fired, { any: 1, otherThanByEdit: 0 });
    await editor.document.save();
    await waitFor('the sidecar to follow the edit', async () => (await readYaml(sidecar)).annotations![0].anchor.start === at.start + inserted.length);
    const a = (await readYaml(sidecar)).annotations![0];
    assert.equal(editor.document.getText().slice(a.anchor.start, a.anchor.end), 'Tong Zhao');
  });

  it('an annotation whose text is deleted is kept as orphaned, listed in Problems, and can be re-attached', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    const at = select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson', 'the analyst');
    await editor.edit(e => e.delete(new vscode.Range(editor.document.positionAt(at.start), editor.document.positionAt(at.end))));
    await editor.document.save();
    const orphan = await waitFor('the orphaned annotation in the sidecar', async () => (await readYaml(sidecar)).annotations?.find(a => (a as { orphaned?: boolean }).orphaned));
    assert.equal(orphan.anchor.text, 'Tong Zhao', 'the orphan keeps the text it had');
    assert.equal(orphan.note, 'the analyst', 'and its note');
    const problems = await waitFor('the orphan in the Problems panel', () => vscode.languages.getDiagnostics(uri).find(d => /Orphaned person annotation/.test(d.message)));
    assert.equal(problems.severity, vscode.DiagnosticSeverity.Information);
    select(editor, 'Hua Chunying');
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.reattachAnnotation', uri.toString(), orphan.id), true);
    const fixed = (await readYaml(sidecar)).annotations!.find(a => a.id === orphan.id)!;
    assert.equal((fixed as { orphaned?: boolean }).orphaned, undefined);
    assert.equal(fixed.anchor.text, 'Hua Chunying');
    assert.equal(fixed.note, 'the analyst', 'the note survives re-attaching');
    await waitFor('the orphan to leave the Problems panel', () => vscode.languages.getDiagnostics(uri).length === 0);
  });

  it('a change to the sidecar on disk is picked up and merged with what is in memory', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const text = Buffer.from(await vscode.workspace.fs.readFile(sidecar)).toString('utf8');
    // Another tool (git pull, another window) edits the note of that annotation.
    const edited = text.replace(/(\n {4}created:)/, '\n    note: "added elsewhere"$1');
    assert.notEqual(edited, text);
    await vscode.workspace.fs.writeFile(sidecar, Buffer.from(edited, 'utf8'));
    await waitFor('the external note to reach the editor', () => api().annotations.loaded(uri)?.store.document.annotations[0]?.note === 'added elsewhere', 20000);
  });

  it('a malformed sidecar gives a clear error and stays byte-identical, and the annotations in memory are kept', async () => {
    const name = `malformed-${Date.now().toString(36)}`;
    const uri = workspaceUri(`${name}.txt`);
    const sidecar = workspaceUri(`${name}.annotations.yaml`);
    await vscode.workspace.fs.copy(workspaceUri('kerry-blinken-hankyoreh.txt'), uri);
    created.push(uri, sidecar);
    const broken = Buffer.from('version: 1\narticle: "x.txt"\nannotations:\n  - id: abc\n    kind: [unclosed\n', 'utf8');
    await vscode.workspace.fs.writeFile(sidecar, broken);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const problems = await waitFor('an error on the sidecar in the Problems panel', () => {
      const d = vscode.languages.getDiagnostics(sidecar);
      return d.length > 0 ? d : undefined;
    });
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(problems[0].message, new RegExp(`${name}\\.annotations\\.yaml:\\d+:`), 'the message names the file and line');
    select(editor, 'John Kerry');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(sidecar)), broken, 'the unreadable file is never overwritten');
    assert.equal(api().annotations.loaded(uri)?.store.document.annotations.length, 1, 'the new annotation is kept in memory');
  });

  it('a sidecar that is a FIFO, a link to /dev/zero or a directory is reported as not a regular file and never written', async () => {
    const kinds: [string, (file: string) => void, (file: string) => boolean][] = [
      ['fifo', f => execFileSync('mkfifo', [f]), f => fs.lstatSync(f).isFIFO()],
      ['zero', f => fs.symlinkSync('/dev/zero', f), f => fs.lstatSync(f).isSymbolicLink() && fs.readlinkSync(f) === '/dev/zero'],
      ['dir', f => fs.mkdirSync(f), f => fs.lstatSync(f).isDirectory() && fs.readdirSync(f).length === 0],
    ];
    for (const [kind, make, unchanged] of kinds) {
      const name = `special-${kind}-${Date.now().toString(36)}`;
      const uri = workspaceUri(`${name}.txt`);
      const sidecar = workspaceUri(`${name}.annotations.yaml`);
      await vscode.workspace.fs.copy(workspaceUri('kerry-blinken-hankyoreh.txt'), uri);
      make(sidecar.fsPath);
      created.push(uri);
      try {
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        const problems = await waitFor(`an error on the ${kind} sidecar`, () => {
          const d = vscode.languages.getDiagnostics(sidecar);
          return d.length > 0 ? d : undefined;
        });
        assert.match(problems[0].message, /not a regular file/, problems[0].message);
        select(editor, 'John Kerry');
        await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
        assert.ok(unchanged(sidecar.fsPath), `the ${kind} is left as it was`);
        assert.equal(api().annotations.loaded(uri)?.store.document.annotations.length, 1, 'the annotation is kept in memory');
      } finally {
        fs.rmSync(sidecar.fsPath, { recursive: true, force: true });
      }
    }
  });

  it('a sidecar that is a link to a file inside the workspace is written through to it, the link kept', async () => {
    const { editor, sidecar } = await freshArticle();
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    // The sidecar becomes a link to a copy of itself elsewhere in the workspace (swapped in by one rename).
    const target = workspaceUri(`linked-target-${Date.now().toString(36)}.yaml`);
    created.push(target);
    fs.copyFileSync(sidecar.fsPath, target.fsPath);
    fs.symlinkSync(target.fsPath, `${sidecar.fsPath}.link`);
    fs.renameSync(`${sidecar.fsPath}.link`, sidecar.fsPath);
    select(editor, 'John Kerry');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    await waitFor('the annotation written through the link', () => fs.readFileSync(target.fsPath, 'utf8').includes('John Kerry'));
    assert.ok(fs.lstatSync(sidecar.fsPath).isSymbolicLink(), 'the link stays a link');
    assert.match(fs.readFileSync(target.fsPath, 'utf8'), /Tong Zhao/, 'and the earlier annotation is still there');
  });
});
