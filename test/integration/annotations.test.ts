// The user's annotations in a real extension host: each command writes the sidecar YAML file we expect on disk,
// changes from outside are picked up, a malformed sidecar is reported and left byte-identical, a sidecar that is no
// regular file (a FIFO, a link to a device, a directory) is reported without blocking and never written.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Analysis } from '../../src/analysis';
import type { ArticleSession } from '../../src/editor/annotations/articleSession';
import { annotationsApi, created, cursorAt, EXTENSION_ID, exists, freshArticle, readYaml, removeCreated, select, tokenAt, waitFor, workspaceUri } from './helpers';

interface AnnotationEvents {
  onDidChange: vscode.Event<vscode.Uri>;
  onDidChangeOtherThanByEdit: vscode.Event<vscode.Uri>;
}
const api = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as { annotations: AnnotationEvents };

/** A fresh copy of a seed article with `bytes` as its sidecar (in `folder` of the workspace), opened in an editor. */
async function articleWithSidecar(prefix: string, bytes: Uint8Array, ...folder: string[]) {
  const name = `${prefix}-${Date.now().toString(36)}`;
  const uri = workspaceUri(...folder, `${name}.txt`);
  const sidecar = workspaceUri(...folder, `${name}.annotations.yaml`);
  await vscode.workspace.fs.copy(workspaceUri('kerry-blinken-hankyoreh.txt'), uri);
  created.push(uri, sidecar);
  await vscode.workspace.fs.writeFile(sidecar, bytes);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return { name, uri, sidecar, editor };
}

/** An article beside an unreadable sidecar, with "John Kerry" annotated: an annotation that cannot be saved. */
async function unsavedAnnotation(prefix: string, ...folder: string[]) {
  const broken = Buffer.from('version: 2\narticle: [unclosed\n', 'utf8');
  const opened = await articleWithSidecar(prefix, broken, ...folder);
  await waitFor('the unreadable sidecar reported', () => vscode.languages.getDiagnostics(opened.sidecar).length > 0);
  select(opened.editor, 'John Kerry');
  await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
  return { ...opened, broken };
}

/**
 * The article's annotations once it is closed and opened again. VS Code reports a change of language mode as the
 * document closed and opened again (a closed editor's document is disposed only some time later): the session is
 * dropped as on closing, and made anew.
 */
async function closedAndReopened(editor: vscode.TextEditor, uri: vscode.Uri) {
  const doc = await vscode.languages.setTextDocumentLanguage(editor.document, 'markdown');
  await waitFor('the session dropped', () => annotationsApi().loaded(uri) === undefined);
  await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
  return waitFor('the annotations after reopening', () => annotationsApi().loaded(uri)?.store.document.annotations);
}

/** The articles whose annotations could not be saved, as the extension keeps them in the workspace's state. */
const keptArticles = () => (vscode.extensions.getExtension(EXTENSION_ID)!.exports as { annotations: { keptArticles(): string[] } }).annotations.keptArticles();

describe('Annotations and the sidecar file (real extension host)', () => {
  afterEach(removeCreated);

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
    assert.equal(y.version, 2);
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

  it('Confirm / Reject write one decision per entity, with an anchor for each of its mentions', async () => {
    const { editor, sidecar } = await freshArticle();
    const doc = editor.document;
    cursorAt(editor, select(editor, 'Wang Yi').start + 1);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.rejectEntity'), true);
    cursorAt(editor, select(editor, 'Hua Chunying').start);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.confirmEntity'), true);
    const y = await readYaml(sidecar);
    assert.equal(y.version, 2);
    assert.deepEqual(Object.fromEntries(y.decisions!.map(d => [d.entity, d.verdict])), { 'Wang Yi': 'rejected', 'Hua Chunying': 'confirmed' });
    const wang = y.decisions!.find(d => d.entity === 'Wang Yi')!;
    const { analyses } = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { analyses: { get(d: vscode.TextDocument): Analysis | undefined } };
    const a = analyses.get(doc)!;
    const mentions = a.persons.filter(p => a.people.get(p.entityId)?.name === 'Wang Yi').map(p => p.start);
    assert.ok(mentions.length >= 2, '"Wang Yi" and "Wang"');
    assert.deepEqual(wang.anchors.map(x => x.start), mentions, 'every mention of Wang Yi is covered');
    await waitFor('the rejected name to lose its highlight', async () => (await tokenAt(doc, mentions[0])) === undefined);
    assert.ok((await tokenAt(doc, select(editor, 'Hua Chunying').start))?.modifiers.includes('confirmed'));
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

  it('a change made while the sidecar is being written is kept, and written by the next save', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const session = annotationsApi().loaded(uri) as unknown as ArticleSession;
    const onDisk = () => fs.readFileSync(sidecar.fsPath, 'utf8');
    const first = onDisk();
    assert.equal(session.store.editNote(session.store.document.annotations[0].id, 'the analyst'), true);
    const text = editor.document.getText();
    const saving = session.save(() => text);
    // The moment the new file is in place (renamed, its directory not yet flushed), before the save has finished:
    await new Promise<void>(resolve => { const poll = () => (onDisk() !== first ? resolve() : setImmediate(poll)); poll(); });
    const made = session.store.add(text, { ...select(editor, 'Hua Chunying'), kind: 'person' });
    await saving;
    assert.ok(session.store.document.annotations.some(a => a.id === made.id), 'the annotation made during the write is still there');
    await session.save(() => text);
    const y = await readYaml(sidecar);
    assert.deepEqual(y.annotations!.map(a => [a.anchor.text, a.note]), [['Hua Chunying', undefined], ['Tong Zhao', 'the analyst']]);
  });

  it('an edit that arrives while the sidecar is being saved moves the annotations with it', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const session = annotationsApi().loaded(uri) as unknown as ArticleSession;
    let text = editor.document.getText();
    const saving = session.save(() => text);
    // A keystroke reaching the session after the save began, before it read the file: what edited() does with it.
    text = `X${text}`;
    session.applyEdits([{ rangeOffset: 0, rangeLength: 0, text: 'X' } as vscode.TextDocumentContentChangeEvent]);
    await saving;
    const held = session.store.document.annotations[0].anchor;
    assert.equal(text.slice(held.start, held.end), 'Tong Zhao', 'the annotation is where the text now has it');
    const written = (await readYaml(sidecar)).annotations![0].anchor;
    assert.equal(text.slice(written.start, written.end), 'Tong Zhao', 'and so is the one written');
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
    await waitFor('the external note to reach the editor', () => annotationsApi().loaded(uri)?.store.document.annotations[0]?.note === 'added elsewhere', 20000);
  });

  it('a malformed sidecar gives a clear error and stays byte-identical, and the annotations in memory are kept', async () => {
    const broken = Buffer.from('version: 1\narticle: "x.txt"\nannotations:\n  - id: abc\n    kind: [unclosed\n', 'utf8');
    const { name, uri, sidecar, editor } = await articleWithSidecar('malformed', broken);
    const problems = await waitFor('an error on the sidecar in the Problems panel', () => {
      const d = vscode.languages.getDiagnostics(sidecar);
      return d.length > 0 ? d : undefined;
    });
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(problems[0].message, new RegExp(`${name}\\.annotations\\.yaml:\\d+:`), 'the message names the file and line');
    select(editor, 'John Kerry');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(sidecar)), broken, 'the unreadable file is never overwritten');
    assert.equal(annotationsApi().loaded(uri)?.store.document.annotations.length, 1, 'the new annotation is kept in memory');
  });

  it('annotations that could not be saved are kept when the article is closed, and back when it is opened again', async () => {
    const { uri, sidecar, editor, broken } = await unsavedAnnotation('unsaved');
    assert.equal(annotationsApi().loaded(uri)?.store.document.annotations.length, 1);
    assert.ok(keptArticles().includes(uri.toString()), 'kept in the workspace\'s state at once, not only at closing (VS Code may be closed first)');
    assert.deepEqual((await closedAndReopened(editor, uri)).map(a => a.anchor.text), ['John Kerry']);
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(sidecar)), broken, 'the unreadable file is still never overwritten');
    assert.ok(keptArticles().includes(uri.toString()), 'still kept: the file still cannot take them');
    // The unreadable file removed, the annotations are written, and the workspace's state lets go of them.
    await vscode.workspace.fs.delete(sidecar);
    await waitFor('the annotations written once the unreadable file is gone', () => exists(sidecar), 20000);
    assert.deepEqual((await readYaml(sidecar)).annotations!.map(a => a.anchor.text), ['John Kerry']);
    await waitFor('the kept copy forgotten', () => !keptArticles().includes(uri.toString()));
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
        assert.equal(annotationsApi().loaded(uri)?.store.document.annotations.length, 1, 'the annotation is kept in memory');
      } finally {
        fs.rmSync(sidecar.fsPath, { recursive: true, force: true });
      }
    }
  });

  it('files that appear in the workspace (a git pull) are read by the views only as regular files under the size limit', async () => {
    const config = vscode.workspace.getConfiguration('newsAnnotator.tree');
    await config.update('includeWorkspaceFiles', true, vscode.ConfigurationTarget.Workspace); // its watchers read .txt files
    const stem = `hostile-${Date.now().toString(36)}`;
    const made: string[] = [];
    const peak = { rss: process.memoryUsage().rss };
    const start = peak.rss;
    const sampler = setInterval(() => { peak.rss = Math.max(peak.rss, process.memoryUsage().rss); }, 20);
    try {
      for (const ext of ['.annotations.yaml', '.txt']) {
        const fifo = workspaceUri(`${stem}-fifo${ext}`).fsPath, zero = workspaceUri(`${stem}-zero${ext}`).fsPath;
        const big = workspaceUri(`${stem}-big${ext}`).fsPath;
        made.push(fifo, zero, big);
        execFileSync('mkfifo', [fifo]);
        fs.symlinkSync('/dev/zero', zero);
        fs.writeFileSync(big, '');
        fs.truncateSync(big, 1024 ** 3); // 1 GB of holes: no disk used, but a whole read is 1 GB in memory
      }
      // The watchers have seen them; the extension's own file work goes on.
      const { editor, sidecar } = await freshArticle();
      select(editor, 'Tong Zhao');
      await vscode.commands.executeCommand('newsAnnotator.annotateWithLabel', 'check', 'still written');
      await waitFor('the sidecar written meanwhile', async () => (await exists(sidecar)) && (await readYaml(sidecar)).annotations?.length === 1);
      const index = (vscode.extensions.getExtension(EXTENSION_ID)!.exports as { entities: { tree: { index: { has(k: string): boolean } } } }).entities.tree.index;
      const later = workspaceUri(`${stem}-later.txt`);
      created.push(later);
      await vscode.workspace.fs.writeFile(later, Buffer.from('Foreign Minister Wang Yi spoke in Beijing on Wednesday.\n', 'utf8'));
      await waitFor('an article written after them indexed', () => index.has(later.toString()), 20000);
      for (const f of made) assert.ok(!index.has(vscode.Uri.file(f).toString()), `${path.basename(f)} is not indexed`);
      // A 1 GB sidecar or article is refused by its size, not read: the extension host's memory barely moves.
      assert.ok(peak.rss - start < 300 * 1024 * 1024, `the extension host grew by ${((peak.rss - start) / 1024 / 1024).toFixed(0)} MB`);
    } finally {
      clearInterval(sampler);
      await config.update('includeWorkspaceFiles', undefined, vscode.ConfigurationTarget.Workspace);
      for (const f of made) fs.rmSync(f, { force: true });
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

  it('an article renamed in VS Code takes its sidecar along, and the annotations show under the new name', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    assert.ok(await exists(sidecar));
    const stem = `renamed-${Date.now().toString(36)}`;
    const renamed = workspaceUri(`${stem}.txt`), renamedSidecar = workspaceUri(`${stem}.annotations.yaml`);
    created.push(renamed, renamedSidecar);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was applied');
    assert.equal(await exists(sidecar), false, 'no sidecar is left under the old name');
    assert.deepEqual((await readYaml(renamedSidecar)).annotations!.map(a => a.anchor.text), ['Tong Zhao']);
    const moved = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(renamed));
    await waitFor('the annotation under the new name', () => annotationsApi().loaded(renamed)?.store.document.annotations.length === 1);
    select(moved, 'John Kerry');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const y = await readYaml(renamedSidecar);
    assert.equal(y.article, `${stem}.txt`, 'the next save names the new article');
    assert.deepEqual(y.annotations!.map(a => a.anchor.text).sort(), ['John Kerry', 'Tong Zhao']);
    assert.equal(await exists(sidecar), false, 'the old name was not written again (its deletion seen by the file watcher)');
  });

  it('an article renamed while its sidecar cannot be read takes that file along unchanged, and its unsaved annotations too', async () => {
    const { uri, broken, sidecar } = await unsavedAnnotation('unreadable-renamed');
    const stem = `unreadable-moved-${Date.now().toString(36)}`;
    const renamed = workspaceUri(`${stem}.txt`), renamedSidecar = workspaceUri(`${stem}.annotations.yaml`);
    created.push(renamed, renamedSidecar);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(renamedSidecar)), broken, 'the unreadable file moved, byte for byte');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(renamed));
    const back = await waitFor('the unsaved annotation under the new name', () => annotationsApi().loaded(renamed)?.store.document.annotations);
    assert.deepEqual(back.map(a => a.anchor.text), ['John Kerry']);
    const kept = keptArticles();
    assert.ok(!kept.includes(uri.toString()) && kept.includes(renamed.toString()), 'kept under the new name only');
    // The old name's sidecar gone, the old session took it for a fixed file and wrote its annotations there.
    await new Promise(resolve => setTimeout(resolve, 2000));
    assert.equal(await exists(sidecar), false, 'no sidecar is written under the old name');
  });

  it('a folder renamed with an article in it whose sidecar cannot be read moves both, nothing written under the old folder', async () => {
    const folder = `folder-${Date.now().toString(36)}`, renamedFolder = `${folder}-moved`;
    created.push(workspaceUri(renamedFolder), workspaceUri(folder));
    const { uri, broken, name } = await unsavedAnnotation('in-folder', folder);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceUri(folder), workspaceUri(renamedFolder));
    assert.ok(await vscode.workspace.applyEdit(edit), 'the folder was renamed');
    const renamed = workspaceUri(renamedFolder, `${name}.txt`);
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(renamedFolder, `${name}.annotations.yaml`))), broken);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(renamed));
    const back = await waitFor('the unsaved annotation in the renamed folder', () => annotationsApi().loaded(renamed)?.store.document.annotations);
    assert.deepEqual(back.map(a => a.anchor.text), ['John Kerry']);
    assert.ok(!keptArticles().includes(uri.toString()), 'nothing kept under the old name');
    await new Promise(resolve => setTimeout(resolve, 2000)); // for the file watcher's report of the old sidecar gone
    assert.equal(await exists(workspaceUri(folder)), false, 'the old folder is not made again for a sidecar');
  });

  it('a rename that fails after VS Code asked about it leaves unsaved annotations kept under the article\'s own name', async () => {
    const { uri, editor, broken, sidecar } = await unsavedAnnotation('rename-fails');
    // A file where the target's folder should be: VS Code checks the rename, asks the extension, then cannot make the folder.
    const blocker = workspaceUri(`rename-blocker-${Date.now().toString(36)}`);
    created.push(blocker);
    fs.writeFileSync(blocker.fsPath, 'a file, not a folder\n');
    const target = vscode.Uri.joinPath(blocker, 'moved.txt');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, target);
    assert.equal(await vscode.workspace.applyEdit(edit), false, 'the rename failed');
    assert.ok(fs.existsSync(uri.fsPath), 'the article is still there');
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(sidecar)), broken, 'so is its unreadable sidecar');
    assert.ok(keptArticles().includes(uri.toString()), 'still kept under the article\'s name');
    assert.deepEqual((await closedAndReopened(editor, uri)).map(a => a.anchor.text), ['John Kerry'], 'back after closing and reopening');
  });

  it('a rename onto a name whose sidecar exists already leaves both sidecars as they were', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const mine = fs.readFileSync(sidecar.fsPath, 'utf8');
    const stem = `taken-${Date.now().toString(36)}`;
    const renamed = workspaceUri(`${stem}.txt`), theirs = workspaceUri(`${stem}.annotations.yaml`);
    created.push(renamed, theirs);
    fs.writeFileSync(theirs.fsPath, '# a sidecar left by an article of that name\n');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the article itself is renamed');
    assert.equal(fs.readFileSync(theirs.fsPath, 'utf8'), '# a sidecar left by an article of that name\n', 'the existing file is not overwritten');
    assert.equal(fs.readFileSync(sidecar.fsPath, 'utf8'), mine, 'the annotations stay in the old sidecar');
  });

  it('an article renamed whose sidecar name is another article\'s (a.TXT beside a.txt) leaves that sidecar where it is', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const theirs = fs.readFileSync(sidecar.fsPath, 'utf8');
    const upper = uri.with({ path: uri.path.replace(/\.txt$/, '.TXT') });
    created.push(upper);
    await vscode.workspace.fs.copy(uri, upper);
    const upperEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(upper));
    await waitFor('the shared sidecar reported for the second article', () => annotationsApi().loaded(upper) && vscode.languages.getDiagnostics(sidecar).length > 0);
    select(upperEditor, 'John Kerry');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const stem = `shared-renamed-${Date.now().toString(36)}`;
    const renamed = workspaceUri(`${stem}.txt`), renamedSidecar = workspaceUri(`${stem}.annotations.yaml`);
    created.push(renamed, renamedSidecar);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(upper, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was applied');
    assert.equal(fs.readFileSync(sidecar.fsPath, 'utf8'), theirs, 'the other article\'s sidecar is left as it was');
    assert.deepEqual((await readYaml(renamedSidecar)).annotations!.map(a => a.anchor.text), ['John Kerry'], 'the renamed article takes only its own annotations');
  });

  it('an article named near the file system\'s limit is annotated; one whose sidecar name is too long keeps them in memory until renamed', async () => {
    // File names are limited to 255 bytes on most file systems; a long Cyrillic headline as a name gets there.
    const stamp = Date.now().toString(36);
    const near = `${'Я'.repeat(110)}-${stamp}`; // its sidecar: some 246 bytes, the usual temporary file's name too long
    const nearUri = workspaceUri(`${near}.txt`), nearSidecar = workspaceUri(`${near}.annotations.yaml`);
    await vscode.workspace.fs.copy(workspaceUri('kerry-beijing-scmp.txt'), nearUri);
    created.push(nearUri, nearSidecar);
    const nearEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(nearUri));
    await waitFor('the annotations session', () => annotationsApi().loaded(nearUri));
    select(nearEditor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    assert.ok(Buffer.byteLength(`${near}.annotations.yaml`) > 240);
    assert.deepEqual((await readYaml(nearSidecar)).annotations!.map(a => a.anchor.text), ['Tong Zhao']);

    const long = `${'Я'.repeat(120)}-${stamp}`; // its sidecar: over 255 bytes, the article's name under it
    assert.ok(Buffer.byteLength(`${long}.annotations.yaml`) > 255 && Buffer.byteLength(`${long}.txt`) <= 255);
    const longUri = workspaceUri(`${long}.txt`);
    await vscode.workspace.fs.copy(workspaceUri('kerry-beijing-scmp.txt'), longUri);
    created.push(longUri);
    const longEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(longUri));
    await waitFor('the annotations session of the article whose sidecar name is too long', () => annotationsApi().loaded(longUri));
    select(longEditor, 'Wang Yi');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    assert.equal(annotationsApi().loaded(longUri)?.store.document.annotations.length, 1, 'the annotation is kept in memory');
    const short = workspaceUri(`short-${stamp}.txt`), shortSidecar = workspaceUri(`short-${stamp}.annotations.yaml`);
    created.push(short, shortSidecar);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(longUri, short);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was applied');
    const y = await readYaml(shortSidecar);
    assert.equal(y.article, `short-${stamp}.txt`);
    assert.deepEqual(y.annotations!.map(a => a.anchor.text), ['Wang Yi'], 'renamed, the article gets its annotations on disk');
    assert.ok(!keptArticles().includes(longUri.toString()), 'nothing is kept under the old name once they are written under the new one');
  });
});
