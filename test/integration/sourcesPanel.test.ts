// The Sources and Timeline panel in a real extension host: the command opens a webview beside the article, the
// data reaches it through the webview's message channel and the webview reports what it drew (counted in its DOM);
// clicking a quote in the webview selects the quote in the editor; the panel follows edits (after the analysis
// delay), the reader's decisions and the scope toggle; Copy as Markdown puts both tables on the clipboard.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isArticle, type ArticleAnalyses } from '../../src/editor/articleAnalyses';
import type { AnnotationManager } from '../../src/editor/annotations/annotationManager';
import { readerView } from '../../src/entities/readerView';
import { SOURCE_KINDS } from '../../src/entities/quoteSources';
import { sourcesTimeline, type SourcesTimeline } from '../../src/entities/sourcesTimeline';
import { sourcesTimelineMarkdown } from '../../src/entities/sourcesTimelineMarkdown';
import type { RenderedCounts } from '../../src/views/sourcesPanel/protocol';
import type { SourcesPanel } from '../../src/views/sourcesPanel/sourcesPanel';
import { EXTENSION_ID, openArticle, waitFor, workspaceUri } from './helpers';

interface Api { analyses: ArticleAnalyses; annotations: AnnotationManager; sourcesPanel: SourcesPanel }
const api = () => vscode.extensions.getExtension<Api>(EXTENSION_ID)!.exports;

const created: vscode.Uri[] = [];
/** A copy of the Hankyoreh seed, so the decisions made here stay out of the other suites' articles. */
async function freshArticle(): Promise<{ editor: vscode.TextEditor; doc: vscode.TextDocument }> {
  const name = `panel-${Date.now().toString(36)}`;
  const uri = workspaceUri(`${name}.txt`);
  await vscode.workspace.fs.copy(workspaceUri('kerry-blinken-hankyoreh.txt'), uri);
  created.push(uri, workspaceUri(`${name}.annotations.yaml`));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  await waitFor('the annotations session', () => api().annotations.loaded(uri));
  return { editor, doc };
}

/** The panel's data as the test computes it from the extension's own analysis and annotations of the documents. */
function expected(docs: vscode.TextDocument[]): SourcesTimeline {
  return sourcesTimeline(docs.map(doc => ({
    id: doc.uri.toString(), name: vscode.workspace.asRelativePath(doc.uri), text: doc.getText(),
    view: readerView(api().analyses.get(doc)!, api().annotations.loaded(doc.uri)?.store.document),
  })).sort((x, y) => (x.name < y.name ? -1 : 1)));
}

/** Waits until the webview reports a drawing that satisfies `check`. */
function rendered(what: string, check: (c: RenderedCounts) => boolean, timeoutMs = 15000): Promise<RenderedCounts> {
  return waitFor(what, () => { const c = api().sourcesPanel.lastRendered; return c && check(c) ? c : undefined; }, timeoutMs);
}

/** What the webview must have drawn for a model: a bar per source, every quote, a mark per placed date, a row per article. */
function assertDrawn(c: RenderedCounts, model: SourcesTimeline): void {
  const sources = model.sources.sources;
  assert.equal(c.sources, sources.length);
  assert.equal(c.bars, sources.length, 'every source has a bar with a width');
  assert.equal(c.quotes, model.sources.quotes);
  assert.equal(c.rows, model.timeline.rows.length);
  assert.equal(c.points, model.timeline.placed, 'every placed date is marked (all lie in the first span shown)');
  assert.equal(c.publications, model.timeline.rows.filter(r => r.publication).length);
  assert.equal(c.unplaced, model.timeline.unplaced);
  assert.ok(c.ticks >= 2, `the axis has ${c.ticks} ticks`);
  // Grouped by kind (people first), each group largest first.
  const order = SOURCE_KINDS.flatMap(k => sources.filter(s => s.kind === k).map(s => s.name));
  assert.deepEqual(c.names, order);
}

describe('Sources and Timeline panel (real extension host)', function () {
  this.timeout(60000);
  before(async () => { await vscode.extensions.getExtension(EXTENSION_ID)!.activate(); });
  after(async () => {
    api().sourcesPanel.webviewPanel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('is contributed to the palette, the editor title for plain text and the Entities view title', () => {
    const { commands, menus } = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    const show = commands.find((c: { command: string }) => c.command === 'newsAnnotator.showSourcesTimeline');
    assert.deepEqual([show.title, show.category], ['Show Sources and Timeline', 'News Annotator']);
    // The host hands the when clauses over normalised (values quoted).
    const menu = (where: string, when: RegExp) => menus[where].some((m: { command: string; when: string }) => m.command === show.command && when.test(m.when));
    assert.ok(menu('editor/title', /editorLangId == '?plaintext'?/), 'editor title, for plain text');
    assert.ok(menu('view/title', /^view == '?newsAnnotator\.entities'?$/), 'Entities view title');
  });

  it('opens beside the article and draws what it is sent: bars, quotes, the axis, dates and the publication date', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { editor, doc } = await freshArticle();
    if (api().sourcesPanel.currentScope !== 'active') await vscode.commands.executeCommand('newsAnnotator.sourcesTimeline.toggleScope');
    await vscode.commands.executeCommand('newsAnnotator.showSourcesTimeline');
    const panel = await waitFor('the panel', () => api().sourcesPanel.webviewPanel);
    assert.notEqual(panel.viewColumn, editor.viewColumn, 'the panel opens beside the editor');
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'the article keeps the focus');
    const model = expected([doc]);
    const c = await rendered('the webview to draw the article', r => r.rows === 1 && r.quotes === model.sources.quotes);
    assert.deepEqual(api().sourcesPanel.lastShown?.model, model, 'the message sent is the data of the article as the reader sees it');
    assertDrawn(c, model);
    assert.ok(model.sources.quotes > 0 && model.timeline.placed > 0);

    const html = panel.webview.html;
    assert.match(html, /default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(html)?.[1];
    assert.ok(nonce && html.includes(`<script nonce="${nonce}"`), 'the one script runs by nonce');
    const base = panel.webview.asWebviewUri(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri).toString();
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) assert.ok(url.startsWith(base), `${url} is one of the extension's files`);
  });

  it('clicking a quote in the webview selects it in the article’s editor', async () => {
    const sp = api().sourcesPanel;
    const model = sp.lastShown!.model!;
    const first = SOURCE_KINDS.flatMap(k => model.sources.sources.filter(s => s.kind === k))[0];
    await sp.press('source', 0); // expand the first bar
    await rendered('the first source’s quotes to show', r => r.visibleQuotes === first.quotes.length);
    await sp.press('quote', 0);
    const quote = first.quotes[0];
    const editor = await waitFor('the editor selection at the quote', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === quote.article && e.document.offsetAt(e.selection.start) === quote.start
        && e.document.offsetAt(e.selection.end) === quote.end ? e : undefined;
    });
    assert.equal(editor.document.getText(editor.selection), quote.text);
    assert.notEqual(editor.viewColumn, sp.webviewPanel!.viewColumn, 'revealed in the article’s editor, not over the panel');
  });

  it('clicking a date point selects the date in the editor', async () => {
    const sp = api().sourcesPanel;
    await sp.press('date', 0);
    const first = sp.lastShown!.model!.timeline.rows[0].dates[0];
    await waitFor('the editor selection at the date', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.offsetAt(e.selection.start) === first.start && e.document.offsetAt(e.selection.end) === first.end;
    });
  });

  it('follows the reader’s decisions: a speaker set by hand becomes a source, a rejected quote leaves', async () => {
    const sp = api().sourcesPanel;
    const editor = vscode.window.activeTextEditor!;
    const before = sp.lastShown!.model!;
    const quote = before.sources.sources.find(s => s.name === '“it”')?.quotes[0] ?? before.sources.sources[0].quotes[0];
    editor.selection = new vscode.Selection(editor.document.positionAt(quote.start + 2), editor.document.positionAt(quote.start + 2));
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.setQuoteSpeaker', 'Kim Jong-un'), true);
    const c = await rendered('Kim Jong-un among the sources', r => r.names.includes('Kim Jong-un'));
    assert.equal(c.quotes, before.sources.quotes);
    assert.deepEqual(sp.lastShown!.model, expected([editor.document]));

    const other = before.sources.sources.find(s => s.kind === 'person')!.quotes[0];
    editor.selection = new vscode.Selection(editor.document.positionAt(other.start + 2), editor.document.positionAt(other.start + 2));
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.rejectEntity'), true);
    await rendered('the rejected quote to leave the panel', r => r.quotes === before.sources.quotes - 1);
    assertDrawn(sp.lastRendered!, expected([editor.document]));
  });

  it('follows edits after the analysis delay: a new quotation and a new date appear', async () => {
    const sp = api().sourcesPanel;
    const editor = vscode.window.activeTextEditor!;
    const before = sp.lastShown!.model!;
    await editor.edit(b => b.insert(editor.document.positionAt(editor.document.getText().length),
      '\n\n“We will hold talks in Seoul on March 3, 2016,” Jane Roe, a spokeswoman, said.\n'));
    const c = await rendered('the edit to reach the panel', r => r.quotes === before.sources.quotes + 1 && r.points === before.timeline.placed + 1);
    assert.ok(c.names.includes('Jane Roe'));
    assertDrawn(c, expected([editor.document]));
  });

  it('shows all open articles in rows of their own with one toggle, and copies both tables as Markdown', async () => {
    const sp = api().sourcesPanel;
    const scmp = await openArticle('kerry-beijing-scmp.txt', false);
    // Every open article the analyses take (other suites may have left documents open, a 10 MB one among them).
    const docs = vscode.workspace.textDocuments.filter(d => !d.isClosed && isArticle(d) && api().analyses.get(d));
    await vscode.commands.executeCommand('newsAnnotator.sourcesTimeline.toggleScope');
    assert.equal(sp.currentScope, 'all');
    const model = await waitFor('the data of every open article', () => {
      const m = sp.lastShown?.model;
      return m && m.timeline.rows.length === docs.length ? m : undefined;
    });
    assert.ok(model.articles.some(a => a.id === scmp.uri.toString()));
    assert.deepEqual(model, expected(docs));
    const c = await rendered('a row per open article', r => r.rows === docs.length);
    assertDrawn(c, model);

    const markdown = await vscode.commands.executeCommand<string>('newsAnnotator.sourcesTimeline.copyMarkdown');
    assert.equal(markdown, sourcesTimelineMarkdown(model));
    assert.match(markdown, /\| Source +\| Kind/);
    assert.equal(await vscode.env.clipboard.readText(), markdown, 'the clipboard holds the tables');

    // A date the axis cannot hold (the SCMP seed gives no publication date for its "Tuesday") is listed and revealed.
    const unplaced = model.timeline.rows.flatMap(r => r.unplaced)[0];
    assert.ok(unplaced, 'a date is listed under the axis');
    await sp.press('unplaced', 0);
    await waitFor('the editor selection at the unplaced date', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === unplaced.article && e.document.offsetAt(e.selection.start) === unplaced.start;
    });
    await vscode.commands.executeCommand('newsAnnotator.sourcesTimeline.toggleScope');
    assert.equal(sp.currentScope, 'active');
  });
});
