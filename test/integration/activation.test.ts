// The extension loads in a real extension host: opening an article activates it and its commands exist.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openArticle } from './helpers';

describe('Extension activation (real extension host)', () => {
  it('runs inside a real VS Code extension host', () => {
    console.log(`      [host] VS Code ${vscode.version}, ${vscode.env.appName}, remote=${vscode.env.remoteName ?? 'none'}, Node ${process.version}`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
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
