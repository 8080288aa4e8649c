// The reader's corrections win, in a real extension host: a decision on one mention covers the whole entity (tokens,
// Entities view, hover), Clear Decision and Undo restore the analyzer's view, Not a Person unlinks a bare name, a
// typed speaker becomes a person, an outside change of an open article keeps annotations on their words, the hover
// lists each annotation once, every problem of a sidecar is listed, hand-written comments survive, notes are listed
// in the Annotations view, and the commands around them behave as the README says.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/analysis';
import type { ArticleAnalyses } from '../../src/editor/articleAnalyses';
import type { EntityNavigation } from '../../src/editor/navigation';
import type { AnnotationsView } from '../../src/views/annotationsView';
import type { TreeNode } from '../../src/views/entityTreeModel';
import type { EntitiesApi } from '../../src/views/register';
import {
  annotationsApi, created, cursorAt, EXTENSION_ID, freshArticle, hoverTextAt, readYaml, removeCreated, select, semanticTokensOf, tokenAt, waitFor, workspaceUri,
} from './helpers';

interface Api { analyses: ArticleAnalyses; entities: EntitiesApi; annotationsView: AnnotationsView; navigation: EntityNavigation }
const api = () => vscode.extensions.getExtension<Api>(EXTENSION_ID)!.exports;

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
function childNamed(parent: TreeNode | undefined, label: string): TreeNode | undefined {
  const { tree } = api().entities;
  return (tree.getChildren(parent) as TreeNode[]).find(n => labelOf(tree.getTreeItem(n)) === label);
}
/** The node of an entity (under People, Rejected, …) for one article, if it is listed there. */
function inArticle(category: string, name: string, article: vscode.Uri): TreeNode | undefined {
  const entity = childNamed(childNamed(undefined, category), name);
  return entity && (api().entities.tree.getChildren(entity) as TreeNode[]).find(n => n.kind === 'article' && n.article === article.toString());
}

function mentionsOf(a: Analysis, name: string) {
  const ids = new Set([...a.people.values()].filter(e => e.name === name).map(e => e.id));
  return a.persons.filter(p => ids.has(p.entityId));
}

describe('The reader\'s corrections (real extension host)', () => {
  afterEach(removeCreated);

  it('Reject on one mention clears every mention of the entity (tokens, tree, hover); Clear Decision and Undo restore them', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    const doc = editor.document;
    const kerry = mentionsOf(api().analyses.get(doc)!, 'John Kerry');
    assert.ok(kerry.length >= 5 && kerry.some(m => !m.fullName), 'John Kerry is named often, by surname too');
    const personTokens = async () => (await semanticTokensOf(doc)).filter(t => t.type === 'person' && kerry.some(m => m.start === t.start)).length;
    await waitFor('every mention highlighted', async () => (await personTokens()) === kerry.length);

    cursorAt(editor, kerry[kerry.length - 1].start + 1); // the last "Kerry" only
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.rejectEntity'), true);
    await waitFor('no mention of John Kerry highlighted', async () => (await personTokens()) === 0);
    await waitFor('John Kerry gone from People for this article', () => !inArticle('People', 'John Kerry', uri));
    const rejected = await waitFor('John Kerry under Rejected', () => inArticle('Rejected', 'John Kerry', uri));
    assert.equal(api().entities.tree.getChildren(rejected).length, kerry.length, 'listed with every mention, to restore');
    const hover = await hoverTextAt(doc, kerry[0].start + 1);
    assert.match(hover, /rejected by you/);
    const y = await readYaml(sidecar);
    assert.equal(y.decisions!.length, 1, 'stored once');
    assert.equal(y.decisions![0].anchors.length, kerry.length);

    // Clear Decision from the hover's link (a place, not the cursor).
    cursorAt(editor, 0);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.clearDecision', { article: uri.toString(), offset: kerry[0].start, end: kerry[0].end, type: 'person' }), true);
    await waitFor('every mention highlighted again', async () => (await personTokens()) === kerry.length);
    await waitFor('John Kerry back under People', () => inArticle('People', 'John Kerry', uri));
    assert.doesNotMatch(await hoverTextAt(doc, kerry[0].start + 1), /rejected by you/);

    // Confirm, then Undo Last Annotation Change.
    cursorAt(editor, kerry[1].start + 1);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.confirmEntity'), true);
    await waitFor('every mention marked confirmed', async () => (await semanticTokensOf(doc)).filter(t => t.modifiers.includes('confirmed')).length === kerry.length);
    assert.match(await hoverTextAt(doc, kerry[0].start + 1), /confirmed by you/);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.undo'), true);
    await waitFor('the confirmation undone', async () => (await semanticTokensOf(doc)).every(t => !t.modifiers.includes('confirmed')));
    assert.deepEqual((await readYaml(sidecar).catch(() => ({ decisions: [] }))).decisions ?? [], []);
  });

  it('Not a Person → Organisation on a bare surname unlinks it from the full name, and says so in the sidecar', async () => {
    const { editor, uri, sidecar } = await freshArticle();
    const doc = editor.document;
    const kerry = mentionsOf(api().analyses.get(doc)!, 'John Kerry');
    const bare = kerry.filter(m => m.text === 'Kerry'), full = kerry.filter(m => m.text === 'John Kerry');
    assert.ok(bare.length > 0 && full.length > 0);
    cursorAt(editor, bare[0].start + 1);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.retypeEntity', 'organisation'), true);
    await waitFor('the bare name no longer a person', () => !api().analyses.get(doc)!.persons.some(p => p.text === 'Kerry'));
    await waitFor('no token on a bare "Kerry"', async () => (await semanticTokensOf(doc)).every(t => !bare.some(m => m.start === t.start)));
    assert.equal((await tokenAt(doc, full[0].start))?.type, 'person', '"John Kerry" stays a person');
    const node = await waitFor('John Kerry listed with his full-name mentions only', () => {
      const n = inArticle('People', 'John Kerry', uri);
      return n && api().entities.tree.getChildren(n).length === full.length ? n : undefined;
    });
    assert.ok(node);
    assert.ok(inArticle('Rejected', 'Kerry', uri), 'the retyped name is listed to be restored');
    assert.match(await hoverTextAt(doc, bare[0].start + 1), /an organisation — not a person/);
    const d = (await readYaml(sidecar)).decisions![0];
    assert.deepEqual([d.verdict, d.as, d.names], ['retyped', 'organisation', ['Kerry']]);
  });

  it('a typed speaker becomes a person: highlighted, linked, listed under People with the quote', async () => {
    const { editor, uri } = await freshArticle('kerry-blinken-hankyoreh.txt');
    const doc = editor.document;
    const text = doc.getText();
    const quote = api().analyses.get(doc)!.quotes.find(q => q.text.includes('take every possible means'))!;
    assert.equal(quote.speakerId, null, 'the analyzer does not know who said it');
    const name = 'Rodong Sinmun';
    assert.ok(!api().analyses.get(doc)!.persons.some(p => p.text === name), 'and does not take the newspaper for a person');
    cursorAt(editor, quote.start + 3);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.setQuoteSpeaker', name), true);
    const at = text.indexOf(name);
    await waitFor('the typed name highlighted as a person', async () => (await tokenAt(doc, at))?.type === 'person');
    const person = await waitFor('listed under People', () => inArticle('People', name, uri));
    assert.ok(person);
    const entity = childNamed(childNamed(undefined, 'People'), name)!;
    assert.match(api().entities.tree.getTreeItem(entity).description as string, /1 quote/);
    assert.match(await hoverTextAt(doc, quote.start + 3), /said by \*\*Rodong Sinmun\*\* \(set by you/);
  });

  it('an outside change inside an annotation of an open article keeps it on its words, and an outside deletion orphans it in Problems at once', async () => {
    const { editor, uri } = await freshArticle();
    const claim = select(editor, 'world powers discussed a new set of international sanctions');
    await vscode.commands.executeCommand('newsAnnotator.annotateWithLabel', 'claim to check', 'Which powers?');
    assert.equal(editor.document.isDirty, false);
    const edited = editor.document.getText().replace('discussed a new set', 'discussed a fresh set');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(edited, 'utf8')); // git pull with the article open
    await waitFor('the editor to reload the article', () => editor.document.getText() === edited, 20000);
    const annotation = await waitFor('the annotation placed on the edited words', () => {
      const a = annotationsApi().loaded(uri)?.store.document.annotations[0];
      return a && !a.orphaned && a.anchor.text === 'world powers discussed a fresh set of international sanctions' ? a : undefined;
    });
    assert.equal(annotation.anchor.start, claim.start);
    assert.deepEqual(vscode.languages.getDiagnostics(uri), [], 'nothing orphaned');
    // The sentence deleted outside the editor: the annotation is kept, orphaned, and in Problems without a save.
    const without = edited.replace(/[^.]*world powers discussed a fresh set of international sanctions[^.]*\./, '');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(without, 'utf8'));
    await waitFor('the editor to reload the article again', () => editor.document.getText() === without, 20000);
    const problem = await waitFor('the orphan in Problems', () => vscode.languages.getDiagnostics(uri).find(d => /Orphaned "claim to check" annotation/.test(d.message)));
    assert.match(problem.message, /note: Which powers\?/);
  });

  it('the hover lists each annotation once, with its note', async () => {
    const { editor } = await freshArticle();
    const at = select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson', 'Carnegie–Tsinghua fellow');
    select(editor, 'Tong Zhao, an associate');
    await vscode.commands.executeCommand('newsAnnotator.annotateWithLabel', 'source', 'an analyst, not an official');
    const hover = await waitFor('the hover on the annotated name', async () => {
      const h = await hoverTextAt(editor.document, at.start + 2);
      return /an analyst/.test(h) ? h : undefined;
    });
    const count = (s: string) => hover.split(s).length - 1;
    assert.equal(count('Carnegie–Tsinghua fellow'), 1, hover);
    assert.equal(count('an analyst, not an official'), 1, hover);
    assert.equal(count('$(tag)'), 2, 'two annotations, two entries');
  });

  it('a sidecar with three problems shows three in Problems, and none once fixed', async () => {
    const name = `three-problems-${Date.now().toString(36)}`;
    const uri = workspaceUri(`${name}.txt`), sidecar = workspaceUri(`${name}.annotations.yaml`);
    await vscode.workspace.fs.copy(workspaceUri('kerry-beijing-scmp.txt'), uri);
    created.push(uri, sidecar);
    const item = (id: string, extra: string) => `  - id: ${id}\n    kind: person\n    created: 2026-01-01T00:00:00.000Z\n    anchor: {start: 0, end: 3, text: "abc", prefix: "", suffix: ""}\n${extra}`;
    const broken = ['version: 2', `article: "${name}.txt"`, 'textHash: ""', 'annotations:',
      item('a1', '    colour: red\n').trimEnd(), item('a1', '').trimEnd(), item('a3', '    note: 42\n').trimEnd(), ''].join('\n');
    await vscode.workspace.fs.writeFile(sidecar, Buffer.from(broken, 'utf8'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const problems = await waitFor('three problems listed', () => { const d = vscode.languages.getDiagnostics(sidecar); return d.length === 3 ? d : undefined; });
    assert.deepEqual(problems.map(p => /\(problem (\d) of 3\)/.exec(p.message)?.[1]), ['1', '2', '3']);
    assert.ok(problems.every(p => p.severity === vscode.DiagnosticSeverity.Error));
    const lines = broken.split('\n');
    const lineOf = (needle: string, nth = 0) => lines.map((l, i) => (l.includes(needle) ? i + 1 : 0)).filter(Boolean)[nth];
    assert.deepEqual(problems.map(p => p.range.start.line + 1), [lineOf('colour: red'), lineOf('- id: a1', 1), lineOf('note: 42')], 'each at its line');
    const fixed = broken.replace('    colour: red\n', '').replace(/(- id: )a1(\n(?:.*\n){3})(?=\s+- id: a3)/, '$1a2$2').replace('note: 42', 'note: "42"');
    await vscode.workspace.fs.writeFile(sidecar, Buffer.from(fixed, 'utf8'));
    await waitFor('the problems gone once the file is fixed', () => vscode.languages.getDiagnostics(sidecar).length === 0, 20000);
  });

  it('keeps comments written by hand in the sidecar when it writes it again', async () => {
    const { editor, sidecar } = await freshArticle();
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const text = Buffer.from(await vscode.workspace.fs.readFile(sidecar)).toString('utf8');
    const commented = text.replace('\n  - id: ', '\n  # checked with the desk\n  - id: ').replace('kind: person', 'kind: person # an analyst');
    await vscode.workspace.fs.writeFile(sidecar, Buffer.from(commented, 'utf8'));
    await new Promise(r => setTimeout(r, 500)); // the watcher reads the hand edit (nothing in it changes the annotations)
    select(editor, 'Hua Chunying');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    const after = await waitFor('the second annotation written', async () => {
      const t = Buffer.from(await vscode.workspace.fs.readFile(sidecar)).toString('utf8');
      return (t.match(/- id: /g) ?? []).length === 2 ? t : undefined;
    });
    assert.match(after, /# checked with the desk\n {2}- id: /);
    assert.match(after, /kind: person # an analyst/);
  });

  it('lists labels and notes of the workspace in the Annotations view, closed articles too, each opening its place', async () => {
    const { editor, uri } = await freshArticle();
    const claim = select(editor, 'world powers discussed');
    await vscode.commands.executeCommand('newsAnnotator.annotateWithLabel', 'claim to check', 'Which powers?');
    const view = api().annotationsView;
    const listed = () => view.listed.find(g => g.label === 'claim to check')?.annotations.find(a => a.article === uri.toString());
    await waitFor('the label in the Annotations view', listed);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const item = listed()!;
    assert.equal(item.annotation.note, 'Which powers?');
    const node = view.getChildren().flatMap(g => view.getChildren(g)).find(n => n.kind === 'annotation' && n.item.annotation.id === item.annotation.id)!;
    const treeItem = view.getTreeItem(node);
    assert.match(treeItem.description as string, /Which powers\?/);
    await vscode.commands.executeCommand(treeItem.command!.command, ...(treeItem.command!.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), uri.toString());
    assert.deepEqual([active.document.offsetAt(active.selection.start), active.document.offsetAt(active.selection.end)], [claim.start, claim.end]);
  });

  it('Reject Detected Entity in All Articles rejects the same person in every open article', async () => {
    const first = await freshArticle('kerry-beijing-scmp.txt');
    const second = await freshArticle('kerry-blinken-hankyoreh.txt');
    const wang = mentionsOf(api().analyses.get(second.editor.document)!, 'Wang Yi')[0];
    await vscode.window.showTextDocument(second.editor.document);
    cursorAt(vscode.window.activeTextEditor!, wang.start + 1);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.rejectEntityEverywhere'), true);
    for (const { sidecar } of [first, second]) {
      const y = await waitFor('the decision written', () => readYaml(sidecar).catch(() => undefined));
      assert.deepEqual(y.decisions!.map(d => [d.entity, d.verdict]), [['Wang Yi', 'rejected']]);
    }
    // One Undo takes it back in every article (the seed articles other suites opened included).
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.undo'), true);
    for (const { sidecar } of [first, second]) {
      await waitFor('the decision undone', async () => (await readYaml(sidecar).catch(() => ({ decisions: [] }))).decisions?.length === 0);
    }
    const seedSidecars = await vscode.workspace.findFiles('kerry-*.annotations.yaml');
    assert.deepEqual(seedSidecars, [], 'no sidecar left beside the seed articles');
  });

  it('commands around the corrections: Annotate always in the palette, Open Annotations File, Filter, n of N with wrap, preview tabs listed', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    const palette: { command: string; when?: string }[] = pkg.menus.commandPalette;
    for (const id of ['annotatePerson', 'annotateDate', 'annotateQuote', 'annotateWithLabel']) {
      assert.doesNotMatch(palette.find(p => p.command === `newsAnnotator.${id}`)?.when ?? '', /editorHasSelection/);
    }
    const { editor, uri, sidecar } = await freshArticle();
    cursorAt(editor, 0);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.annotatePerson'), undefined, 'nothing selected: nothing made');
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.openAnnotationsFile'), false, 'no file yet');
    select(editor, 'Tong Zhao');
    await vscode.commands.executeCommand('newsAnnotator.annotatePerson');
    await vscode.window.showTextDocument(editor.document);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.openAnnotationsFile'), true);
    await waitFor('the sidecar open', () => vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === sidecar.toString()));

    const { tree } = api().entities;
    await vscode.commands.executeCommand('newsAnnotator.tree.filter', 'herscov');
    try {
      assert.deepEqual((tree.getChildren(childNamed(undefined, 'People')) as TreeNode[]).map(n => labelOf(tree.getTreeItem(n))), ['Benjamin Herscovitch']);
    } finally {
      await vscode.commands.executeCommand('newsAnnotator.tree.clearFilter');
    }
    assert.ok((tree.getChildren(childNamed(undefined, 'People')) as TreeNode[]).length > 1);

    const doc = (await vscode.window.showTextDocument(editor.document)).document;
    const herscovitch = mentionsOf(api().analyses.get(doc)!, 'Benjamin Herscovitch');
    const others = api().analyses.all().filter(a => a.uri.toString() !== uri.toString() && mentionsOf(a.analysis, 'Benjamin Herscovitch').length > 0).length;
    const total = herscovitch.length * (others + 1);
    cursorAt(vscode.window.activeTextEditor!, herscovitch[0].start + 1);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.nextOccurrence'), true);
    assert.match(api().navigation.status ?? '', new RegExp(`^Benjamin Herscovitch: \\d+ of ${total} `));
    for (let i = 0; i < total && !/wrapped/.test(api().navigation.status ?? ''); i++) await vscode.commands.executeCommand('newsAnnotator.nextOccurrence');
    assert.match(api().navigation.status ?? '', new RegExp(`^Benjamin Herscovitch: 1 of ${total} \\(.*\\) — wrapped around to the first mention$`));

    const preview = workspaceUri(`preview-${Date.now().toString(36)}.txt`);
    created.push(preview);
    await vscode.workspace.fs.writeFile(preview, Buffer.from('Foreign Minister Wang Yi met Jane Plover in Beijing on Tuesday.\n', 'utf8'));
    await vscode.window.showTextDocument(preview, { preview: true });
    await waitFor('the article in a preview tab listed', () => tree.index.has(preview.toString()));
  });
});
