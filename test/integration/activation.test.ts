// The extension loads in a real extension host: opening an article activates it and its commands exist. The time
// from opening an article to its first semantic tokens is recorded (artifacts/first-tokens.json, for `npm run
// bench`), never asserted: speed is the benchmark's business.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { NewsSemanticTokens, TokensAnswer } from '../../src/editor/semanticTokens';
import { EXTENSION_ID, openArticle, workspaceUri } from './helpers';

const semanticTokens = () => (vscode.extensions.getExtension(EXTENSION_ID)!.exports as { semanticTokens: NewsSemanticTokens }).semanticTokens;

/**
 * Opens the article and asks for its semantic tokens until there are some: ms from the open to the first tokens,
 * how much of it VS Code took to open the editor (in the web host both go through the browser and back), and when
 * our provider was first asked for the article and how long it took to answer (the part that is ours).
 */
async function timeToFirstTokens(uri: vscode.Uri): Promise<{ ms: number; openMs: number; askedMs: number; providerMs: number }> {
  let first: TokensAnswer | undefined;
  const listening = semanticTokens().onDidAnswer(a => { if (!first && a.uri.toString() === uri.toString()) first = a; });
  try {
    const t0 = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const openMs = performance.now() - t0;
    for (;;) {
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
      if (tokens && tokens.data.length > 0) {
        assert.ok(first, 'the tokens came from our provider, which said so');
        return { ms: performance.now() - t0, openMs, askedMs: first.askedAt - t0, providerMs: first.ms };
      }
      if (performance.now() - t0 > 30_000) throw new Error(`no semantic tokens for ${uri.path} after 30 s`);
      await new Promise(r => setTimeout(r, 5));
    }
  } finally {
    listening.dispose();
  }
}

describe('Extension activation (real extension host)', () => {
  it('runs inside a real VS Code extension host', () => {
    console.log(`      [host] VS Code ${vscode.version}, ${vscode.env.appName}, remote=${vscode.env.remoteName ?? 'none'}, Node ${process.version}`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
  });

  it('gives the first article opened and a later one their semantic tokens; the times go to artifacts/', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    // The workbench may have activated the extension already (its view is contributed): the record says whether.
    const activation = !ext.isActive;
    const first = await timeToFirstTokens(workspaceUri('kerry-blinken-hankyoreh.txt'));
    assert.ok(ext.isActive, 'the extension is active once an article is open');
    const later = workspaceUri(`first-tokens-${Date.now().toString(36)}.txt`);
    await vscode.workspace.fs.copy(workspaceUri('kerry-beijing-scmp.txt'), later);
    try {
      const next = await timeToFirstTokens(later);
      let commit: string | undefined;
      try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ext.extensionPath, encoding: 'utf8' }).trim(); } catch { /* not a checkout */ }
      const out = path.join(ext.extensionPath, 'artifacts', 'first-tokens.json');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const record = {
        coldMs: first.ms, coldOpenMs: first.openMs, coldAskedMs: first.askedMs, coldProviderMs: first.providerMs,
        warmMs: next.ms, warmOpenMs: next.openMs, warmAskedMs: next.askedMs, warmProviderMs: next.providerMs,
        activation, vscode: vscode.version, host: vscode.env.appName, date: new Date().toISOString(), commit,
      };
      fs.writeFileSync(out, JSON.stringify(record, null, 2) + '\n');
      const ours = (t: typeof first) => `our provider asked at ${t.askedMs.toFixed(0)} ms, answered in ${t.providerMs.toFixed(1)} ms`;
      console.log(`      [host] first semantic tokens: ${first.ms.toFixed(0)} ms for the first article${activation ? ' (activation included)' : ''} (opening the editor ${first.openMs.toFixed(0)} ms; ${ours(first)}), ${next.ms.toFixed(0)} ms for a later one (opening ${next.openMs.toFixed(0)} ms; ${ours(next)})`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(later);
    }
  });

  it('is installed under development and activates when a .txt article opens', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const doc = await openArticle('kerry-beijing-scmp.txt');
    assert.equal(doc.languageId, 'plaintext');
    for (let i = 0; i < 100 && !ext.isActive; i++) await new Promise(r => setTimeout(r, 50));
    assert.ok(ext.isActive, 'opening a plain-text article activated the extension');
  });

  it('registers every command it contributes', async () => {
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map(c => c.command).filter(c => !registered.has(c));
    assert.deepEqual(missing, []);
  });
});
