// The Entities view in a real extension host: what its TreeDataProvider lists for the seed articles, what choosing
// an occurrence does, incremental refresh after an edit, following the cursor, the badge, user annotations and
// workspace indexing. Expected numbers come from the analyses, never written down here.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/analysis';
import type { ArticleAnalyses } from '../../src/editor/articleAnalyses';
import type { TreeNode } from '../../src/views/entityTreeModel';
import type { EntitiesApi } from '../../src/views/register';
import type { AnnotationManager } from '../../src/editor/annotations/annotationManager';
import { EXTENSION_ID, openArticle, waitFor, workspaceUri } from './helpers';

const SCMP = 'kerry-beijing-scmp.txt';
const HANKYOREH = 'kerry-blinken-hankyoreh.txt';

interface Api { analyses: ArticleAnalyses; entities: EntitiesApi; annotations: AnnotationManager }

async function extensionApi(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
  return ext.activate();
}

const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

function childNamed(api: Api, parent: TreeNode | undefined, label: string): TreeNode | undefined {
  const { tree } = api.entities;
  return (tree.getChildren(parent) as TreeNode[]).find(n => labelOf(tree.getTreeItem(n)) === label);
}

/** Mentions of a person (by canonical name) in every open article, from the analyses themselves. */
function mentionsOf(api: Api, name: string): { uri: string; start: number; end: number; text: string; fullName: boolean }[] {
  return api.analyses.all().flatMap(({ uri, analysis }) => personMentions(analysis, name).map(m => ({ uri: uri.toString(), ...m })));
}

function personMentions(a: Analysis, name: string) {
  const ids = new Set([...a.people.values()].filter(e => e.name === name).map(e => e.id));
  return a.persons.filter(p => ids.has(p.entityId)).map(p => ({ start: p.start, end: p.end, text: p.text, fullName: p.fullName }));
}

async function bothSeedsOpen(api: Api): Promise<{ scmp: vscode.TextDocument; hank: vscode.TextDocument }> {
  const hank = await openArticle(HANKYOREH);
  const scmp = await openArticle(SCMP);
  await vscode.commands.executeCommand('newsAnnotator.tree.groupByType');
  await vscode.commands.executeCommand('newsAnnotator.tree.sortByName');
  api.entities.tree.resyncAll();
  return { scmp, hank };
}

describe('Entities view (real extension host)', function () {
  let api: Api;
  before(async () => { api = await extensionApi(); });

  it('contributes the News Annotator activity-bar container with the Entities view and its welcome text', () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    assert.ok(contributes.viewsContainers.activitybar.some((c: { id: string; icon: string }) => c.id === 'newsAnnotator' && c.icon.endsWith('.svg')));
    assert.ok(contributes.views.newsAnnotator.some((v: { id: string; name: string }) => v.id === 'newsAnnotator.entities' && v.name === 'Entities'));
    assert.ok(contributes.viewsWelcome.some((w: { view: string }) => w.view === 'newsAnnotator.entities'));
  });

  it('lists John Kerry under People with his mentions in both seed articles, counted as the analyses count them', async () => {
    const { scmp, hank } = await bothSeedsOpen(api);
    const { tree } = api.entities;
    const people = childNamed(api, undefined, 'People');
    assert.ok(people, 'the tree has a People node');
    const kerry = childNamed(api, people, 'John Kerry');
    assert.ok(kerry, 'John Kerry is listed');
    const expected = mentionsOf(api, 'John Kerry');
    const inScmp = expected.filter(m => m.uri === scmp.uri.toString()).length;
    const inHank = expected.filter(m => m.uri === hank.uri.toString()).length;
    assert.ok(inScmp > 0 && inHank > 0, 'the analyses find John Kerry in both articles (as the seed gold says)');
    const articles = new Set(expected.map(m => m.uri)).size;
    assert.match(tree.getTreeItem(kerry).description as string, new RegExp(`^${expected.length} mentions · ${articles} articles`));
    const byArticle = new Map((tree.getChildren(kerry) as TreeNode[]).filter(n => n.kind === 'article').map(n => [(n as { article: string }).article, n]));
    for (const [doc, n] of [[scmp, inScmp], [hank, inHank]] as const) {
      const node = byArticle.get(doc.uri.toString());
      assert.ok(node, `${doc.uri.path} is listed under John Kerry`);
      const occurrences = tree.getChildren(node) as TreeNode[];
      assert.equal(occurrences.length, n);
      for (const o of occurrences) {
        const item = tree.getTreeItem(o);
        assert.match(item.description as string, /^line \d+$/);
        assert.ok(labelOf(item).includes('Kerry'), `the snippet "${labelOf(item)}" shows the mention`);
      }
    }
  });

  it('choosing an occurrence opens its article and selects exactly that mention', async () => {
    const { hank } = await bothSeedsOpen(api);
    const { tree } = api.entities;
    const kerry = childNamed(api, childNamed(api, undefined, 'People'), 'John Kerry')!;
    const articleNode = (tree.getChildren(kerry) as TreeNode[]).find(n => n.kind === 'article' && n.article === hank.uri.toString())!;
    const occurrences = tree.getChildren(articleNode) as TreeNode[];
    const target = occurrences[occurrences.length - 1];
    const command = tree.getTreeItem(target).command!;
    assert.ok(command, 'an occurrence has a command');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(SCMP))); // start from the other article
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), hank.uri.toString());
    const mentions = personMentions(api.analyses.get(hank)!, 'John Kerry');
    const last = mentions[mentions.length - 1];
    assert.ok(editor.selection.isEqual(new vscode.Selection(hank.positionAt(last.start), hank.positionAt(last.end))), `selected ${JSON.stringify(editor.selection)}`);
    assert.equal(hank.getText(editor.selection), last.text);
  });

  it('groups by article and sorts by mentions from the toolbar commands', async () => {
    const { scmp } = await bothSeedsOpen(api);
    const { tree } = api.entities;
    await vscode.commands.executeCommand('newsAnnotator.tree.groupByArticle');
    assert.equal(tree.options.groupBy, 'article');
    const articleNode = childNamed(api, undefined, vscode.workspace.asRelativePath(scmp.uri));
    assert.ok(articleNode, 'the SCMP article is a top-level node');
    await vscode.commands.executeCommand('newsAnnotator.tree.sortByMentions');
    const people = (tree.getChildren(childNamed(api, articleNode, 'People')) as TreeNode[]).map(n => tree.getTreeItem(n));
    // Weight: mentions plus quotes said, as the description shows them ("3 mentions · 1 quote").
    const counts = people.map(p => [...(p.description as string).matchAll(/(\d+) (?:mention|quote)/g)].reduce((n, m) => n + Number(m[1]), 0));
    const analysis = api.analyses.get(scmp)!;
    const most = Math.max(...[...analysis.people.values()].map(e => e.mentions.length + analysis.quotes.filter(q => q.speakerId === e.id).length));
    assert.equal(counts[0], most, 'the most mentioned person comes first');
    assert.deepEqual(counts, [...counts].sort((x, y) => y - x), 'sorted by mentions');
    await vscode.commands.executeCommand('newsAnnotator.tree.groupByType');
    await vscode.commands.executeCommand('newsAnnotator.tree.sortByName');
  });

  it('after an edit re-indexes only the edited article; node ids (and so expansion) survive the refresh', async () => {
    const { scmp, hank } = await bothSeedsOpen(api);
    const { tree } = api.entities;
    const ids = () => {
      const kerry = childNamed(api, childNamed(api, undefined, 'People'), 'John Kerry')!;
      return [kerry.id, ...(tree.getChildren(kerry) as TreeNode[]).map(n => tree.getTreeItem(n).id)];
    };
    const before = ids();
    const hankPart = tree.index.article(hank.uri.toString());
    const scmpPart = tree.index.article(scmp.uri.toString());
    const refreshed = new Promise<void>(resolve => { const d = tree.onDidChangeTreeData(() => { d.dispose(); resolve(); }); });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(scmp.uri, new vscode.Position(0, 0), 'A new first line.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await refreshed;
    await waitFor('the edited article re-indexed', () => tree.index.article(scmp.uri.toString()) !== scmpPart);
    try {
      assert.equal(tree.index.article(hank.uri.toString()), hankPart, 'the other article was not re-indexed');
      assert.deepEqual(ids(), before);
      const first = personMentions(api.analyses.get(scmp)!, 'John Kerry')[0];
      assert.equal(tree.index.article(scmp.uri.toString())!.lineOf(first.start), scmp.positionAt(first.start).line + 1, 'line numbers follow the edit');
    } finally {
      await vscode.window.showTextDocument(scmp);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(scmp.isDirty, false);
  });

  it('follows the cursor: the mention under it is revealed and selected in the view', async () => {
    const { scmp } = await bothSeedsOpen(api);
    const { tree, view } = api.entities;
    await vscode.commands.executeCommand('newsAnnotator.entities.focus');
    await waitFor('the Entities view to be visible', () => view.visible);
    const editor = await vscode.window.showTextDocument(scmp);
    const text = scmp.getText();
    const offset = text.indexOf('Kerry’s') + 2;
    editor.selection = new vscode.Selection(scmp.positionAt(offset), scmp.positionAt(offset));
    const expected = tree.nodeAt(scmp, offset);
    assert.ok(expected && expected.kind === 'occurrence', 'the mention under the cursor has a node');
    const selected = await waitFor('the view to select the mention under the cursor', () => view.selection.find(n => n.id === expected.id));
    assert.equal(selected.kind, 'occurrence');
    assert.equal(text.slice(expected.occurrence.start, expected.occurrence.end), 'Kerry');
    assert.equal(tree.getParent(expected)?.kind, 'article', 'getParent leads back to the root');
  });

  it('shows the number of entities in the active article as the view badge', async () => {
    const { scmp, hank } = await bothSeedsOpen(api);
    const { view } = api.entities;
    for (const doc of [hank, scmp]) {
      await vscode.window.showTextDocument(doc);
      const a = api.analyses.get(doc)!;
      const people = [...a.people.values()].filter(e => e.mentions.length > 0).length;
      const dates = new Set(a.dates.map(d => d.value ?? `~${d.text.toLowerCase()}`)).size;
      const expected = people + dates + a.quotes.length;
      await waitFor(`badge ${expected} for ${doc.uri.path}`, () => view.badge?.value === expected);
      assert.match(view.badge!.tooltip, /people/);
    }
  });

  it('lists the reader\'s labels (note as tooltip), orphaned annotations, and a rejected entity under Rejected only', async () => {
    await bothSeedsOpen(api);
    const { tree } = api.entities;
    const uri = workspaceUri(`tree-annotated-${Date.now().toString(36)}.txt`);
    const sidecar = vscode.Uri.parse(uri.toString().replace(/\.txt$/, '.annotations.yaml'));
    await vscode.workspace.fs.copy(workspaceUri(SCMP), uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const inCopy = (node: TreeNode | undefined) => node && (tree.getChildren(node) as TreeNode[]).find(n => n.kind === 'article' && n.article === uri.toString());
    try {
      await waitFor('the annotations session', () => api.annotations.loaded(uri));
      const text = editor.document.getText();
      const select = (s: string) => { const i = text.indexOf(s); editor.selection = new vscode.Selection(editor.document.positionAt(i), editor.document.positionAt(i + s.length)); return i; };
      select('world powers discussed');
      await vscode.commands.executeCommand('newsAnnotator.annotateWithLabel', 'claim to check', 'Which powers?');
      const doomed = select('Carnegie');
      await vscode.commands.executeCommand('newsAnnotator.annotateWithLabel', 'claim to check');
      const wangMentions = personMentions(api.analyses.get(editor.document)!, 'Wang Yi');
      assert.ok(wangMentions.length >= 2, 'the article names Wang Yi more than once');
      const wang = wangMentions[wangMentions.length - 1].start + 1;
      editor.selection = new vscode.Selection(editor.document.positionAt(wang), editor.document.positionAt(wang));
      assert.equal(await vscode.commands.executeCommand('newsAnnotator.rejectEntity'), true);
      await editor.edit(e => e.delete(new vscode.Range(editor.document.positionAt(doomed), editor.document.positionAt(doomed + 'Carnegie'.length))));

      const label = await waitFor('the label node', () => childNamed(api, undefined, 'claim to check'));
      const annotated = await waitFor('one label left in the copy', () => { const n = inCopy(label); const kids = n ? tree.getChildren(n) as TreeNode[] : []; return kids.length === 1 ? kids : undefined; });
      assert.equal(tree.getTreeItem(annotated[0]).tooltip, 'Which powers?', 'the note is the tooltip');
      const orphans = await waitFor('the orphan node', () => childNamed(api, undefined, 'Orphaned annotations'));
      const orphan = (tree.getChildren(orphans) as TreeNode[]).find(n => n.kind === 'occurrence' && n.occurrence.article === uri.toString())!;
      assert.equal(tree.getTreeItem(orphan).contextValue, 'occurrence.orphaned');
      await waitFor('Wang Yi gone from People in the copy', () => !inCopy(childNamed(api, childNamed(api, undefined, 'People'), 'Wang Yi')));
      const rejected = childNamed(api, childNamed(api, undefined, 'Rejected'), 'Wang Yi');
      assert.ok(rejected, 'Wang Yi is listed under Rejected');
      const item = tree.getTreeItem(rejected);
      assert.equal(item.contextValue, 'entity.rejected');
      assert.equal(item.resourceUri?.scheme, 'news-annotator-greyed', 'shown dimmed');
      assert.match(item.description as string, /^rejected · \d+ mentions/);
      assert.equal(tree.getChildren(inCopy(rejected)!).length, wangMentions.length, 'every mention, not the one under the cursor');
      const kerry = childNamed(api, childNamed(api, undefined, 'People'), 'John Kerry')!;
      assert.ok(inCopy(kerry), 'other people of the copy stay');
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, editor.document.positionAt(wangMentions[0].start + 1));
      assert.ok(!refs?.some(l => l.uri.toString() === uri.toString()), 'navigation skips the rejected entity too');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      for (const f of [uri, sidecar]) { try { await vscode.workspace.fs.delete(f); } catch { /* not written */ } }
    }
  });

  it('indexes every .txt file of the workspace in the background when the setting is on', async () => {
    await bothSeedsOpen(api);
    const { tree } = api.entities;
    const extra = workspaceUri('extra-briefing.txt');
    await vscode.workspace.fs.writeFile(extra, Buffer.from('US Secretary of State John Kerry met Foreign Minister Wang Yi in Beijing on Wednesday.\n', 'utf8'));
    const config = vscode.workspace.getConfiguration('newsAnnotator.tree');
    await config.update('includeWorkspaceFiles', true, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the closed file to be indexed', () => tree.index.has(extra.toString()), 20000);
      assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.toString() === extra.toString()), 'indexed without opening it');
      const kerry = childNamed(api, childNamed(api, undefined, 'People'), 'John Kerry')!;
      assert.ok((tree.getChildren(kerry) as TreeNode[]).some(n => n.kind === 'article' && n.article === extra.toString()));
      await vscode.workspace.fs.delete(extra);
      await waitFor('a deleted file to leave the index', () => !tree.index.has(extra.toString()), 20000);
    } finally {
      await config.update('includeWorkspaceFiles', undefined, vscode.ConfigurationTarget.Workspace);
      try { await vscode.workspace.fs.delete(extra); } catch { /* already deleted */ }
    }
    await waitFor('workspace files to leave the index when the setting is off', () => [...tree.index.keys()].every(k => vscode.workspace.textDocuments.some(d => d.uri.toString() === k)));
  });
});
