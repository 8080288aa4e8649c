#!/usr/bin/env node
// `npm run screenshots`: what a reader sees. Packages the VSIX, installs it into the test host's VS Code, opens each
// seed article in the Dark Modern and Light Modern themes and saves PNGs to artifacts/screenshots/; and a copy of
// one with the reader's corrections (a confirmed and a rejected person, a label with a note, the Annotations view).
// Also prints, per theme, the colour of a few spans, so a regression in colouring shows up in the log too.
import { createHash } from 'node:crypto';
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
/** The article with the reader's corrections, and what its sidecar says. */
const CORRECTED = 'corrections-demo.txt';
const CLAIM = 'world powers discussed a new set of international sanctions';
const NOTE = 'Which powers? The only source is one unnamed official.';

/** A copy of the SCMP seed with a sidecar: John Kerry confirmed, Wang Yi rejected, a claim labelled with a note. */
function writeCorrectedArticle(workspace) {
  const text = fs.readFileSync(path.join(workspace, ARTICLES[0]), 'utf8');
  fs.writeFileSync(path.join(workspace, CORRECTED), text);
  const start = text.indexOf(CLAIM), end = start + CLAIM.length;
  const q = s => JSON.stringify(s);
  const decision = (id, entity, verdict) => [`  - id: ${id}`, '    type: person', `    entity: ${q(entity)}`, `    verdict: ${verdict}`,
    '    decided: 2026-12-01T09:05:00.000Z', '    anchors: []'];
  fs.writeFileSync(path.join(workspace, CORRECTED.replace(/\.txt$/, '.annotations.yaml')), [
    'version: 2', `article: ${q(CORRECTED)}`, `textHash: sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`,
    'annotations:', '  - id: democlaim', '    kind: label', '    label: "claim to check"', `    note: ${q(NOTE)}`,
    '    created: 2026-12-01T09:00:00.000Z', '    anchor:', `      start: ${start}`, `      end: ${end}`, `      text: ${q(CLAIM)}`,
    `      prefix: ${q(text.slice(Math.max(0, start - 32), start))}`, `      suffix: ${q(text.slice(end, end + 32))}`,
    'decisions:', ...decision('demokerry', 'John Kerry', 'confirmed'), ...decision('demowang', 'Wang Yi', 'rejected'), '',
  ].join('\n'));
}

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
    for (const article of [...ARTICLES, CORRECTED]) {
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
      let corrections;
      if (article === CORRECTED) corrections = await showCorrections(page);
      await page.waitForTimeout(1000);
      const file = path.join(outDir, `${path.basename(article, '.txt')}-${theme}.png`);
      await page.screenshot({ path: file });
      const colours = await page.$$eval('.monaco-editor .view-lines .view-line span span', els => {
        const seen = {};
        for (const e of els) {
          const t = e.textContent.replace(/\u00a0/g, ' ').trim(); // Monaco renders spaces as no-break spaces
          if (/^(Secretary of State|Secretary|John Kerry|Kerry|Wang Yi|Tuesday|Jan\. 27|“irresponsible”)$/.test(t) && !(t in seen)) seen[t] = getComputedStyle(e).color;
        }
        const plain = els.find(e => e.textContent.replace(/\u00a0/g, ' ').includes(' the '));
        if (plain) seen['(plain text)'] = getComputedStyle(plain).color;
        return seen;
      });
      console.log(`[screenshots] ${path.relative(root, file)}: ${JSON.stringify(colours)}${corrections ? ` ${JSON.stringify(corrections)}` : ''}`);
      results.push({ theme, article, file, colours, ...(corrections ? { corrections } : {}) });
    }
  } finally {
    if (context) await context.close().catch(() => {});
    await server.stop();
  }
}

/**
 * Waits for the corrected article's decorations (the note's hint, the check mark of the confirmed person), opens the
 * Annotations view beside it, and returns what is painted: the confirmed name's text decoration, the hint and the
 * check mark shown, and whether the view lists the note.
 */
async function showCorrections(page) {
  const painted = () => page.evaluate(([claim]) => {
    const spans = [...document.querySelectorAll('.monaco-editor .view-lines .view-line span')];
    const after = spans.map(e => getComputedStyle(e, '::after').content).filter(c => c && c !== 'none' && c !== 'normal');
    const kerry = spans.find(e => e.textContent.replace(/\u00a0/g, ' ') === 'John Kerry' && e.children.length === 0);
    return {
      confirmedDecoration: kerry ? getComputedStyle(kerry).textDecorationLine : 'none',
      hint: after.find(c => c.includes(claim)) ?? null,
      checkMark: after.some(c => c.includes('✓')),
    };
  }, ['claim to check']);
  await page.waitForFunction(([claim]) => [...document.querySelectorAll('.monaco-editor .view-lines span')]
    .some(e => getComputedStyle(e, '::after').content.includes(claim)), ['claim to check'], { timeout: 30000 })
    .catch(() => console.log('[screenshots] no note hint seen within 30 s'));
  await page.keyboard.press('F1');
  await page.keyboard.type('Focus on Annotations View');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  const listed = await page.locator('.pane-body').getByText(CLAIM.slice(0, 30)).first().waitFor({ timeout: 15000 }).then(() => true, () => false);
  return { ...(await painted()), annotationsViewListsNote: listed };
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
    writeCorrectedArticle(path.join(tmp, 'workspace'));
    codeServerCli(host, ['--extensions-dir', path.join(tmp, 'extensions'), '--install-extension', vsix ?? packageVsix(tmp)]);
    for (const [theme, name] of THEMES) await shoot(host, theme, name, tmp, results);
    return results;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * What must hold in what the reader sees, per screenshot: the grammar colours the title and the quote, the
 * semantic layer colours the untitled surname, each unlike plain text; in the corrected article, the confirmed person
 * is underlined and checked, the rejected one has the plain text colour, the note shows after its text and in the
 * Annotations view. Returns failure messages.
 */
export function checkColours(results) {
  const failures = [];
  for (const r of results) {
    const c = r.colours;
    if (r.corrections) {
      const k = r.corrections;
      if (!/underline/.test(k.confirmedDecoration)) failures.push(`${r.theme}/${r.article}: the confirmed "John Kerry" is not underlined (${k.confirmedDecoration})`);
      if (!k.checkMark) failures.push(`${r.theme}/${r.article}: no check mark after the confirmed person`);
      if (!c['Wang Yi'] || c['Wang Yi'] !== c['(plain text)']) failures.push(`${r.theme}/${r.article}: the rejected "Wang Yi" is painted ${c['Wang Yi']}, not as plain text (${c['(plain text)']})`);
      if (!k.hint || !k.hint.includes('Which powers?')) failures.push(`${r.theme}/${r.article}: the note's inline hint is missing (${k.hint})`);
      if (!k.annotationsViewListsNote) failures.push(`${r.theme}/${r.article}: the Annotations view does not list the note`);
      continue;
    }
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
