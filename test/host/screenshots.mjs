#!/usr/bin/env node
// `npm run screenshots`: what a reader sees. Packages the VSIX, installs it into the test host's VS Code, opens each
// seed article in the Dark Modern and Light Modern themes and saves PNGs to artifacts/screenshots/.
// Also prints, per theme, the colour of a few spans, so a regression in colouring shows up in the log too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestHost } from './install.mjs';
import { codeServerCli, packageVsix } from './vsix.mjs';
import { launchChromium, startCodeServer, workbenchUrl } from './web-host.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(root, 'artifacts', 'screenshots');
const THEMES = [['dark', 'Default Dark Modern'], ['light', 'Default Light Modern']];
const ARTICLES = ['kerry-beijing-scmp.txt', 'kerry-blinken-hankyoreh.txt'];

async function shoot(host, theme, themeName, tmp, results) {
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
      // Semantic tokens arrive after the grammar's colours: wait until a surname (semantic layer only) is painted
      // in a colour of its own, then a little longer for the rest of the view.
      await page.waitForFunction(() => {
        const spans = [...document.querySelectorAll('.monaco-editor .view-lines .view-line span span')];
        const text = e => e.textContent.replace(/\u00a0/g, ' '); // Monaco renders spaces as no-break spaces
        const plain = spans.find(e => text(e).includes(' the '));
        return plain && spans.some(e => text(e) === 'Kerry' && getComputedStyle(e).color !== getComputedStyle(plain).color);
      }, null, { timeout: 30000 }).catch(() => console.log('[screenshots] no semantic colouring seen within 30 s'));
      await page.waitForTimeout(1000);
      const file = path.join(outDir, `${path.basename(article, '.txt')}-${theme}.png`);
      await page.screenshot({ path: file });
      const colours = await page.$$eval('.monaco-editor .view-lines .view-line span span', els => {
        const seen = {};
        for (const e of els) {
          const t = e.textContent.replace(/\u00a0/g, ' ').trim(); // Monaco renders spaces as no-break spaces
          if (/^(Secretary of State|Secretary|John Kerry|Kerry|Tuesday|Jan\. 27|“irresponsible”)$/.test(t) && !(t in seen)) seen[t] = getComputedStyle(e).color;
        }
        const plain = els.find(e => e.textContent.replace(/\u00a0/g, ' ').includes(' the '));
        if (plain) seen['(plain text)'] = getComputedStyle(plain).color;
        return seen;
      });
      console.log(`[screenshots] ${path.relative(root, file)}: ${JSON.stringify(colours)}`);
      results.push({ theme, article, file, colours });
    }
  } finally {
    if (context) await context.close().catch(() => {});
    await server.stop();
  }
}

/**
 * Installs the VSIX (packaged here when not given) into a fresh code-server, screenshots every seed article in each
 * theme, and returns what was painted: [{ theme, article, file, colours: { text: css colour } }].
 */
export async function takeScreenshots({ host = ensureTestHost(), vsix } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-screens-'));
  const results = [];
  try {
    fs.mkdirSync(outDir, { recursive: true });
    fs.cpSync(path.join(root, 'test', 'fixtures', 'articles'), path.join(tmp, 'workspace'), { recursive: true });
    codeServerCli(host, ['--extensions-dir', path.join(tmp, 'extensions'), '--install-extension', vsix ?? packageVsix(tmp)]);
    for (const [theme, name] of THEMES) await shoot(host, theme, name, tmp, results);
    return results;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * What must hold in what the reader sees, per screenshot: the grammar colours the title and the quote, the
 * semantic layer colours the untitled surname, each unlike plain text. Returns failure messages.
 */
export function checkColours(results) {
  const failures = [];
  for (const r of results) {
    const c = r.colours;
    const plainish = new Set([c['(plain text)']].filter(Boolean));
    const want = r.article.startsWith('kerry-beijing') ? ['Secretary of State', 'Kerry', '“irresponsible”', 'Tuesday'] : ['Secretary', 'Kerry', 'Jan. 27'];
    for (const text of want) {
      if (!c[text]) failures.push(`${r.theme}/${r.article}: "${text}" was not painted as a span of its own`);
    }
    const colours = want.map(t => c[t]).filter(Boolean);
    if (new Set(colours).size < 2) failures.push(`${r.theme}/${r.article}: people, dates and quotes are all one colour (${colours.join(', ')})`);
    for (const t of want) if (c[t] && plainish.has(c[t])) failures.push(`${r.theme}/${r.article}: "${t}" has the plain text colour`);
  }
  return failures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const overall = setTimeout(() => { console.error('[screenshots] timed out after 300 s'); process.exit(124); }, 300000);
  takeScreenshots().then(results => {
    clearTimeout(overall);
    const failures = checkColours(results);
    for (const f of failures) console.error(`[screenshots] ${f}`);
    process.exit(failures.length ? 1 : 0);
  }, e => { console.error(`[screenshots] ${e.stack || e}`); process.exit(1); });
}
