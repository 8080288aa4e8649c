#!/usr/bin/env node
// `npm run screenshots`: what a reader sees. Packages the VSIX, installs it into the test host's VS Code, opens each
// seed article in the Dark Modern and Light Modern themes and saves PNGs to artifacts/screenshots/.
// Also prints, per theme, the colour of a few spans, so a regression in colouring shows up in the log too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestHost } from './install.mjs';
import { launchChromium, startCodeServer, workbenchUrl } from './web-host.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outDir = path.join(root, 'artifacts', 'screenshots');
const THEMES = [['dark', 'Default Dark Modern'], ['light', 'Default Light Modern']];
const ARTICLES = ['kerry-beijing-scmp.txt', 'kerry-blinken-hankyoreh.txt'];

async function shoot(host, vsix, theme, themeName, tmp) {
  const userDataDir = path.join(tmp, `user-${theme}`);
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.colorTheme': themeName, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none',
    'security.workspace.trust.enabled': false, 'editor.wordWrap': 'on', 'editor.minimap.enabled': false,
    'workbench.tips.enabled': false, 'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.auxiliaryBar.defaultVisibility': 'hidden',
  }, null, 1));
  const server = await startCodeServer({ host, userDataDir, extensionsDir });
  let context;
  try {
    context = await launchChromium({ host, profileDir: path.join(tmp, `chromium-${theme}`), colorScheme: theme, viewport: { width: 1400, height: 900 } });
    const page = context.pages()[0] || await context.newPage();
    const workspace = path.join(tmp, 'workspace');
    for (const article of ARTICLES) {
      const payload = [['openFile', server.remote(path.join(workspace, article))], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
      await page.goto(workbenchUrl(server, workspace, payload));
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60000 });
      // Semantic tokens arrive after the grammar's colours: wait until a person token is painted.
      await page.waitForTimeout(5000);
      const file = path.join(outDir, `${path.basename(article, '.txt')}-${theme}.png`);
      await page.screenshot({ path: file });
      const colours = await page.$$eval('.monaco-editor .view-lines .view-line span span', els => {
        const seen = new Map();
        for (const e of els) {
          const t = e.textContent.trim();
          if (/^(John Kerry|Kerry|Tuesday|Jan\. 27|“irresponsible”)$/.test(t) && !seen.has(t)) seen.set(t, getComputedStyle(e).color);
        }
        const plain = els.find(e => /^\s*(the|and|of)\b/.test(e.textContent));
        return { spans: Object.fromEntries(seen), plainText: plain ? getComputedStyle(plain).color : '?' };
      });
      console.log(`[screenshots] ${path.relative(root, file)}: ${JSON.stringify(colours)}`);
    }
  } finally {
    if (context) await context.close().catch(() => {});
    await server.stop();
  }
}

async function main() {
  const host = ensureTestHost();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-screens-'));
  try {
    fs.mkdirSync(outDir, { recursive: true });
    fs.cpSync(path.join(root, 'test', 'fixtures', 'articles'), path.join(tmp, 'workspace'), { recursive: true });
    const vsix = path.join(tmp, `${pkg.name}-${pkg.version}.vsix`);
    execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync(host.codeServer, ['--extensions-dir', path.join(tmp, 'extensions'), '--install-extension', vsix],
      { env: { ...process.env, PATH: `${host.node24Bin}:${process.env.PATH}` }, stdio: 'ignore' });
    for (const [theme, name] of THEMES) await shoot(host, vsix, theme, name, tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const overall = setTimeout(() => { console.error('[screenshots] timed out after 300 s'); process.exit(124); }, 300000);
main().then(() => clearTimeout(overall), e => { console.error(`[screenshots] ${e.stack || e}`); process.exit(1); });
