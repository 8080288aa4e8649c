// Entity navigation in a real extension host: Go to References, Document Highlights, Go to Definition on a surname
// and Next / Previous Occurrence across articles, checked against the analyses of the open seed articles.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/analysis';
import type { ArticleAnalyses } from '../../src/editor/articleAnalyses';
import { EXTENSION_ID, openArticle } from './helpers';

const SCMP = 'kerry-beijing-scmp.txt';
const HANKYOREH = 'kerry-blinken-hankyoreh.txt';

interface Mention { uri: string; name: string; start: number; end: number; text: string; fullName: boolean }

async function analyses(): Promise<ArticleAnalyses> {
  return (await vscode.extensions.getExtension<{ analyses: ArticleAnalyses }>(EXTENSION_ID)!.activate()).analyses;
}

function personMentions(a: Analysis, name: string) {
  const ids = new Set([...a.people.values()].filter(e => e.name === name).map(e => e.id));
  return a.persons.filter(p => ids.has(p.entityId));
}

/** A person's mentions in every open article, articles in workspace-path order (the order navigation follows). */
function mentionsAcross(all: ArticleAnalyses, name: string): Mention[] {
  return all.all()
    .map(x => ({ uri: x.uri.toString(), name: vscode.workspace.asRelativePath(x.uri), a: x.analysis }))
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .flatMap(x => personMentions(x.a, name).map(p => ({ uri: x.uri, name: x.name, start: p.start, end: p.end, text: p.text, fullName: p.fullName })));
}

const docOf = (uri: string) => vscode.workspace.textDocuments.find(d => d.uri.toString() === uri)!;
const rangeKey = (uri: string, r: vscode.Range) => `${uri}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const mentionKey = (m: Mention) => { const d = docOf(m.uri); return rangeKey(m.uri, new vscode.Range(d.positionAt(m.start), d.positionAt(m.end))); };

describe('Entity navigation (real extension host)', () => {
  let all: ArticleAnalyses;
  let scmp: vscode.TextDocument;
  let hank: vscode.TextDocument;

  before(async () => {
    all = await analyses();
    hank = await openArticle(HANKYOREH);
    scmp = await openArticle(SCMP);
  });

  it('Go to References on "Kerry" lists every mention of John Kerry across the open articles', async () => {
    const expected = mentionsAcross(all, 'John Kerry');
    assert.ok(new Set(expected.map(m => m.uri)).size >= 2, 'John Kerry is mentioned in both seed articles');
    const at = scmp.getText().indexOf('Kerry’s') + 1;
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', scmp.uri, scmp.positionAt(at));
    assert.deepEqual(refs.map(l => rangeKey(l.uri.toString(), l.range)).sort(), expected.map(mentionKey).sort());
  });

  it('Document Highlights mark every mention of the person under the cursor in this article, the first full name as its definition', async () => {
    const mentions = personMentions(all.get(hank)!, 'John Kerry');
    const at = mentions[mentions.length - 1].start + 1;
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', hank.uri, hank.positionAt(at));
    const want = mentions.map(m => rangeKey('', new vscode.Range(hank.positionAt(m.start), hank.positionAt(m.end))));
    assert.deepEqual(highlights.map(h => rangeKey('', h.range)).sort(), want.sort());
    const writes = highlights.filter(h => h.kind === vscode.DocumentHighlightKind.Write);
    const firstFull = mentions.find(m => m.fullName)!;
    assert.deepEqual(writes.map(h => hank.offsetAt(h.range.start)), [firstFull.start]);
  });

  it('Go to Definition on a surname jumps to where the person is first named in full', async () => {
    for (const [doc, name] of [[scmp, 'John Kerry'], [hank, 'Tony Blinken']] as const) {
      const mentions = personMentions(all.get(doc)!, name);
      const surname = mentions.find(m => !m.fullName);
      assert.ok(surname, `${name} is also mentioned by surname in ${doc.uri.path}`);
      const firstFull = mentions.find(m => m.fullName)!;
      const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(surname.start + 1));
      assert.equal(defs.length, 1);
      const def = defs[0];
      const [uri, range] = 'targetUri' in def ? [def.targetUri, def.targetRange] : [def.uri, def.range];
      assert.equal(uri.toString(), doc.uri.toString());
      assert.equal(doc.getText(range), firstFull.text);
      assert.equal(doc.offsetAt(range.start), firstFull.start);
    }
  });

  it('Next Occurrence moves through the mentions and on to the next article; Previous comes back', async () => {
    const list = mentionsAcross(all, 'John Kerry');
    const lastInScmp = list.map(m => m.uri).lastIndexOf(scmp.uri.toString());
    assert.ok(lastInScmp >= 0);
    const expectedNext = list[(lastInScmp + 1) % list.length];
    assert.notEqual(expectedNext.uri, scmp.uri.toString(), 'after the last mention in SCMP comes another article');
    const from = list[lastInScmp];
    const editor = await vscode.window.showTextDocument(scmp);
    editor.selection = new vscode.Selection(scmp.positionAt(from.start + 1), scmp.positionAt(from.start + 1));
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.nextOccurrence'), true);
    let active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), expectedNext.uri);
    assert.deepEqual([active.document.offsetAt(active.selection.start), active.document.offsetAt(active.selection.end)], [expectedNext.start, expectedNext.end]);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.previousOccurrence'), true);
    active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), scmp.uri.toString());
    assert.deepEqual([active.document.offsetAt(active.selection.start), active.document.offsetAt(active.selection.end)], [from.start, from.end]);
    // Within one article: the next mention after the first one is the second.
    const first = list.findIndex(m => m.uri === scmp.uri.toString());
    active.selection = new vscode.Selection(scmp.positionAt(list[first].start), scmp.positionAt(list[first].start));
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.nextOccurrence'), true);
    assert.equal(vscode.window.activeTextEditor!.document.offsetAt(vscode.window.activeTextEditor!.selection.start), list[first + 1].start);
  });

  it('binds Next / Previous Occurrence to keys no default VS Code binding uses in a plain-text editor on this platform', async () => {
    const keybindings: { key: string; command: string; when?: string; linux?: string; win?: string; mac?: string }[] =
      vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.keybindings.filter((k: { command: string }) => /Occurrence$/.test(k.command));
    assert.equal(keybindings.length, 2);
    const platform = process.platform === 'win32' ? 'win' : process.platform === 'darwin' ? 'mac' : 'linux';
    const ours = keybindings.map(k => k[platform] ?? k.key);
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const defaults = await (async () => {
      for (let i = 0; i < 100; i++) {
        const doc = vscode.window.activeTextEditor?.document;
        if (doc && /keybindings/.test(doc.uri.path) && doc.getText().length > 1000) return doc.getText();
        await new Promise(r => setTimeout(r, 50));
      }
      throw new Error('the default keybindings did not open');
    })();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const entries = [...defaults.matchAll(/\{\s*"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"(?:,\s*"when":\s*"((?:[^"\\]|\\.)*)")?/g)].map(m => ({ key: m[1], command: m[2], when: m[3] }));
    assert.ok(entries.length > 500, `parsed ${entries.length} default bindings`);
    // The file lists the extensions' bindings too: ours are left out. A clash is a default on the same key that can fire in a focused text editor: no `when`, or one that names
    // editor or text-input focus. Bindings scoped to the quick pick, chat or terminal cannot.
    const clashes = entries.filter(e => ours.includes(e.key) && !e.command.startsWith('newsAnnotator.') && (!e.when || /editorTextFocus|textInputFocus|editorFocus|editorIsOpen/.test(e.when)));
    assert.deepEqual(clashes, []);
  });
});
