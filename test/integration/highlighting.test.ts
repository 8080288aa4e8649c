// Highlighting in a real extension host: the semantic tokens and hovers that reach the editor for the seed articles.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openArticle, semanticTokensOf as semanticTokens, waitFor, workspaceUri } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('Highlighting (real extension host)', () => {
  it('the seed articles are plain text, with the News grammar contributed to plaintext', async () => {
    const doc = await openArticle('kerry-beijing-scmp.txt');
    assert.equal(doc.languageId, 'plaintext');
    const ext = vscode.extensions.all.find(e => e.packageJSON.name === 'news-annotator')!;
    const grammar = ext.packageJSON.contributes.grammars[0];
    assert.equal(grammar.language, 'plaintext');
    const grammarFile = vscode.Uri.joinPath(ext.extensionUri, grammar.path);
    const json = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(grammarFile)).toString('utf8'));
    assert.equal(json.scopeName, grammar.scopeName, 'the contributed grammar file exists and declares its scope');
  });

  it('colours people (full names and surnames), dates and quotes in the SCMP article', async () => {
    const doc = await openArticle('kerry-beijing-scmp.txt');
    const tokens = await semanticTokens(doc);
    const people = tokens.filter(t => t.type === 'person').map(t => t.text);
    assert.ok(people.includes('John Kerry'), `person tokens: ${people.join(', ')}`);
    assert.ok(people.includes('Kerry'), 'surname-only mentions are coloured too');
    const firstMentions = tokens.filter(t => t.type === 'person' && t.modifiers.includes('firstMention')).map(t => t.text);
    assert.ok(firstMentions.includes('John Kerry'));
    const dates = tokens.filter(t => t.type === 'date').map(t => t.text);
    assert.ok(dates.includes('Tuesday'), `date tokens: ${dates.join(', ')}`);
    const quoteText = tokens.filter(t => t.type === 'quote').map(t => t.text).join('');
    for (const q of ['“irresponsible”']) assert.ok(quoteText.includes(q) || quoteText.includes(q.slice(1, -1)), `quote ${q} is coloured`);
  });

  it('colours "Jan. 27" and every quote of the Hankyoreh article, each on its own line', async () => {
    const doc = await openArticle('kerry-blinken-hankyoreh.txt');
    const tokens = await semanticTokens(doc);
    assert.ok(tokens.some(t => t.type === 'date' && t.text === 'Jan. 27'));
    const text = doc.getText();
    const quotes = [...text.matchAll(/“[^”\n]{2,}”/g)].map(m => m[0]);
    assert.ok(quotes.length > 0, 'the article has curly quotes');
    for (const q of quotes) {
      const line = doc.positionAt(text.indexOf(q)).line;
      const covered = tokens.filter(t => t.line === line && (t.type === 'quote' || t.type === 'person' || t.type === 'date')).map(t => t.text).join('');
      assert.ok(covered.includes(q.slice(0, 12)), `the quote ${q.slice(0, 40)}… is covered by tokens on line ${line + 1}`);
    }
    for (const t of tokens) assert.ok(!t.text.includes('\n'), 'no token crosses a line end');
  });

  it('hovering "Kerry" names John Kerry; hovering a date shows its calendar value', async () => {
    const doc = await openArticle('kerry-beijing-scmp.txt');
    const text = doc.getText();
    const kerry = text.indexOf('Kerry’s');
    assert.ok(kerry > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(kerry + 2));
    assert.match(hoverText(hovers), /John Kerry/);
    const hank = await openArticle('kerry-blinken-hankyoreh.txt');
    const jan = hank.getText().indexOf('Jan. 27');
    const dateHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', hank.uri, hank.positionAt(jan + 1)));
    assert.match(dateHover, /2016-01-27/);
  });

  it('tells quoted terms from quotations: the term modifier on a title, the hover says which it is', async () => {
    const uri = workspaceUri('terms-article.txt');
    const text = 'The mayor, Ellen Tran, starred in the film “The Long Goodbye” in her youth.\n\n' +
      '“We will rebuild every house,” Tran told reporters on Monday.\n';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const tokens = await waitFor('tokens of the new article', async () => {
      const t = await semanticTokens(doc);
      return t.some(x => x.type === 'quote') ? t : undefined;
    }, 30000);
    const title = tokens.filter(t => t.type === 'quote' && t.text.includes('Long Goodbye'));
    assert.ok(title.length > 0 && title.every(t => t.modifiers.includes('term')), `the title is a term: ${JSON.stringify(title)}`);
    const words = tokens.filter(t => t.type === 'quote' && t.text.includes('rebuild'));
    assert.ok(words.length > 0 && words.every(t => !t.modifiers.includes('term') && t.modifiers.includes('attributed')), 'the quotation is attributed, not a term');
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(text.indexOf('Long Goodbye'))));
    assert.match(hover, /term in quote marks/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('toggling highlighting for one document removes and restores its tokens', async () => {
    const doc = await openArticle('kerry-beijing-scmp.txt');
    const before = (await semanticTokens(doc)).length;
    assert.ok(before > 0);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.toggleHighlighting'), false);
    assert.equal((await semanticTokens(doc)).length, 0);
    assert.equal(await vscode.commands.executeCommand('newsAnnotator.toggleHighlighting'), true);
    assert.equal((await semanticTokens(doc)).length, before);
  });

  it('a 10 MB article is skipped with a message and the host stays responsive', async () => {
    const line = 'On Tuesday, US Secretary of State John Kerry said “we will see” in Beijing. '.repeat(20) + '\n';
    const big = workspaceUri('huge-article.txt');
    await vscode.workspace.fs.writeFile(big, Buffer.from(line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)), 'utf8'));
    const doc = await vscode.workspace.openTextDocument(big);
    await vscode.window.showTextDocument(doc);
    assert.ok(doc.getText().length >= 10 * 1024 * 1024);
    const tokens = await semanticTokens(doc);
    assert.equal(tokens.length, 0, 'a document over the size limit gets no tokens');
    // The host still answers for the small article right after.
    const small = await openArticle('kerry-beijing-scmp.txt');
    const hovers = await waitFor('a hover from the still-responsive host', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', small.uri, small.positionAt(small.getText().indexOf('John Kerry') + 1));
      return h.length > 0 ? h : undefined;
    }, 30000);
    assert.match(hoverText(hovers), /John Kerry/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(big);
  });
});
