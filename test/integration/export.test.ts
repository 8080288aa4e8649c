// Export Annotations… in a real extension host: the command exports an article, a folder and the workspace, writes
// the files into the target folder, refuses to overwrite a changed file and skips an article whose sidecar cannot be
// read (the choices are passed as the command's argument, so no quick pick is shown).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openArticle, workspaceUri } from './helpers';

const COMMAND = 'newsAnnotator.exportAnnotations';
const FIXTURES = ['council-flood-crlf', 'asia-brief-emoji-cjk'];
const SEEDS = ['kerry-beijing-scmp', 'kerry-blinken-hankyoreh'];

interface ExportResult { articles: number; written: string[]; unchanged: string[]; errors: string[]; warnings: string[] }
const exportWith = (request: Record<string, unknown>) => vscode.commands.executeCommand<ExportResult>(COMMAND, request);

describe('Export Annotations… (real extension host)', () => {
  const folder = workspaceUri('export-fixtures');
  let target: string;

  before(async () => {
    // The four test articles with their sidecars, in a folder of the workspace.
    const fixtures = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'fixtures', 'export');
    await vscode.workspace.fs.createDirectory(folder);
    for (const stem of [...FIXTURES, ...SEEDS]) {
      const text = FIXTURES.includes(stem) ? vscode.Uri.file(path.join(fixtures, `${stem}.txt`)) : workspaceUri(`${stem}.txt`);
      await vscode.workspace.fs.copy(text, vscode.Uri.joinPath(folder, `${stem}.txt`), { overwrite: true });
      await vscode.workspace.fs.copy(vscode.Uri.file(path.join(fixtures, `${stem}.annotations.yaml`)), vscode.Uri.joinPath(folder, `${stem}.annotations.yaml`), { overwrite: true });
    }
  });
  beforeEach(() => { target = fs.mkdtempSync(path.join(os.tmpdir(), 'news-export-target-')); });
  afterEach(() => fs.rmSync(target, { recursive: true, force: true }));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  it('is in the palette, the Entities view title and the Explorer context menu of a folder', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    assert.ok(pkg.commands.some((c: { command: string; category: string }) => c.command === COMMAND && c.category === 'News Annotator'));
    assert.ok(pkg.menus['view/title'].some((m: { command: string; when: string }) => m.command === COMMAND && m.when.includes('newsAnnotator.entities')));
    assert.ok(pkg.menus['explorer/context'].some((m: { command: string; when: string }) => m.command === COMMAND && m.when.includes('explorerResourceIsFolder')));
  });

  it('exports a folder to brat: a .ann and a copy of the text per article and one annotation.conf in the target folder', async () => {
    const result = await exportWith({ scope: 'folder', uri: folder, format: 'brat', target: vscode.Uri.file(target) });
    assert.equal(result.articles, 4, result.errors.join('\n'));
    assert.deepEqual(result.errors, []);
    const files = fs.readdirSync(target).sort();
    assert.deepEqual(files, ['annotation.conf', ...[...FIXTURES, ...SEEDS].flatMap(s => [`${s}.ann`, `${s}.txt`])].sort());
    assert.equal(result.written.length, files.length);
    assert.equal(result.warnings.filter(w => w.includes('orphaned')).length, 4, 'each orphan is reported');
    // Every T line re-reads its text from the copy, by code points.
    for (const stem of [...FIXTURES, ...SEEDS]) {
      const chars = Array.from(fs.readFileSync(path.join(target, `${stem}.txt`), 'utf8'));
      const tLines = fs.readFileSync(path.join(target, `${stem}.ann`), 'utf8').split('\n').filter(l => l.startsWith('T'));
      assert.ok(tLines.length > 10, stem);
      for (const line of tLines) {
        const [, data, text] = line.split('\t');
        const spans = data.split(' ').slice(1).join(' ').split(';').map(s => s.split(' ').map(Number));
        assert.equal(spans.map(([s, e]) => chars.slice(s, e).join('')).join(' '), text, `${stem}: ${line}`);
      }
    }
    assert.match(fs.readFileSync(path.join(target, 'annotation.conf'), 'utf8'), /^# label claim_to_check = "claim to check"$/m);
  });

  it('exports the active article as a CSV quote sheet, and the workspace as W3C and JSONL', async () => {
    await openArticle('export-fixtures/asia-brief-emoji-cjk.txt');
    const sheet = await exportWith({ scope: 'article', format: 'csv', quotes: true, target: target });
    assert.equal(sheet.articles, 1);
    const csv = fs.readFileSync(path.join(target, 'quotes.csv'), 'utf8');
    assert.ok(csv.startsWith('article,publication_date,speaker,speaker_as_written,quote,'));
    assert.match(csv, /asia-brief-emoji-cjk\.txt,,Kenji Tanaka,,"𠮷野家 \(Yoshinoya\) opened its 1,000th shop",246,286,239,278,/);

    const w3c = await exportWith({ scope: 'workspace', format: 'w3c', target: vscode.Uri.file(target).toString() });
    assert.ok(w3c.articles >= 6, `${w3c.articles} articles in the workspace`);
    const collection = JSON.parse(fs.readFileSync(path.join(target, 'annotations.jsonld'), 'utf8'));
    assert.equal(collection.type, 'AnnotationCollection');
    assert.ok(collection.first.items.some((a: { target: { source: string } }) => a.target.source.endsWith('/export-fixtures/council-flood-crlf.txt')));

    const jsonl = await exportWith({ scope: 'workspace', format: 'jsonl', target: vscode.Uri.file(target) });
    const ids = fs.readFileSync(path.join(target, 'annotations.jsonl'), 'utf8').trimEnd().split('\n').map(l => JSON.parse(l).id);
    assert.equal(ids.length, jsonl.articles);
    assert.ok(ids.includes('export-fixtures/kerry-beijing-scmp.txt') && ids.includes('kerry-beijing-scmp.txt'));
  });

  it('writes nothing over a file that differs from the export, unless told to overwrite', async () => {
    const request = { scope: 'folder', uri: folder, format: 'brat', target: vscode.Uri.file(target) };
    await exportWith(request);
    const ann = path.join(target, 'council-flood-crlf.ann');
    fs.appendFileSync(ann, 'T99\tPerson 0 4\tCity\n');
    const edited = fs.readFileSync(ann, 'utf8');
    const refused = await exportWith(request);
    assert.deepEqual(refused.written, []);
    assert.ok(refused.errors.some(e => e.includes('council-flood-crlf.ann')), refused.errors.join('\n'));
    assert.equal(fs.readFileSync(ann, 'utf8'), edited);
    const again = await exportWith({ ...request, overwrite: true });
    assert.equal(again.written.length, 1, 'only the changed file is written again');
    assert.ok(!fs.readFileSync(ann, 'utf8').includes('T99'));
    // A file far larger than the export there differs by its size alone: it is not read (1 GB of holes, no disk used).
    fs.truncateSync(ann, 1024 ** 3);
    const before = process.memoryUsage().rss;
    const big = await exportWith(request);
    assert.ok(process.memoryUsage().rss - before < 300 * 1024 * 1024, 'the large file was not read');
    assert.deepEqual(big.written, []);
    assert.ok(big.errors.some(e => e.includes('council-flood-crlf.ann')), big.errors.join('\n'));
    assert.equal(fs.statSync(ann).size, 1024 ** 3);
  });

  it('a target folder that is a link to the articles\' own folder gets no copy over an article, even told to overwrite', async () => {
    const link = path.join(target, 'articles-link');
    fs.symlinkSync(folder.fsPath, link);
    const before = new Map(FIXTURES.map(stem => [stem, fs.readFileSync(path.join(folder.fsPath, `${stem}.txt`))]));
    const result = await exportWith({ scope: 'folder', uri: folder, format: 'brat', target: vscode.Uri.file(link), overwrite: true });
    try {
      assert.equal(result.articles, 4, result.errors.join('\n'));
      // council-flood-crlf.txt is CRLF and a copy would be LF: an article replaced by its copy would show.
      for (const [stem, bytes] of before) assert.ok(fs.readFileSync(path.join(folder.fsPath, `${stem}.txt`)).equals(bytes), `${stem}.txt is left byte for byte`);
      assert.ok(!result.written.some(w => w.endsWith('.txt')), `no text copy written: ${result.written.join(', ')}`);
      assert.deepEqual(result.errors, []);
      // The .ann beside each article counts the article's own text, as brat reads it (a CRLF is one line break).
      const chars = Array.from(fs.readFileSync(path.join(folder.fsPath, 'council-flood-crlf.txt'), 'utf8').replace(/\r\n/g, '\n'));
      for (const line of fs.readFileSync(path.join(folder.fsPath, 'council-flood-crlf.ann'), 'utf8').split('\n').filter(l => /^T\d/.test(l))) {
        const [, data, text] = line.split('\t');
        const spans = data.split(' ').slice(1).join(' ').split(';').map(x => x.split(' ').map(Number));
        assert.equal(spans.map(([a, b]) => chars.slice(a, b).join('')).join(' '), text, line);
      }
    } finally {
      for (const f of fs.readdirSync(folder.fsPath)) if (f.endsWith('.ann') || f === 'annotation.conf') fs.rmSync(path.join(folder.fsPath, f));
    }
  });

  it('skips an article whose sidecar cannot be read, names it with its line, and leaves it byte-identical', async () => {
    const sidecar = vscode.Uri.joinPath(folder, 'asia-brief-emoji-cjk.annotations.yaml');
    const good = await vscode.workspace.fs.readFile(sidecar);
    const broken = Buffer.from(Buffer.from(good).toString('utf8').replace('kind: label', 'kind: [label'));
    await vscode.workspace.fs.writeFile(sidecar, broken);
    try {
      const result = await exportWith({ scope: 'folder', uri: folder, format: 'jsonl', target: vscode.Uri.file(target) });
      assert.equal(result.articles, 3);
      assert.ok(result.errors.some(e => /asia-brief-emoji-cjk\.annotations\.yaml:\d+: .*not exported/.test(e)), result.errors.join('\n'));
      assert.ok(Buffer.from(await vscode.workspace.fs.readFile(sidecar)).equals(broken));
    } finally {
      await vscode.workspace.fs.writeFile(sidecar, good);
    }
  });
});
