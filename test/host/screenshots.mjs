#!/usr/bin/env node
// `npm run screenshots`: what a reader sees. Packages the VSIX, installs it into the test host's VS Code, opens each
// seed article in the Dark Modern and Light Modern themes and saves PNGs to artifacts/screenshots/; then opens the
// Sources and Timeline panel beside them (the active article, then all open articles) and saves it too; and a copy of
// one with the reader's corrections (a confirmed and a rejected person, a label with a note, the Annotations view).
// Also prints, per theme, the colour of a few spans and what the panel drew, so a regression shows up in the log too.
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
    for (const article of ARTICLES) await shootArticle(page, server, workspace, article, theme, results);
    results.push(...await shootPanel(page, theme));
    await shootArticle(page, server, workspace, CORRECTED, theme, results);
  } finally {
    if (context) await context.close().catch(() => {});
    await server.stop();
  }
}

/** The frame of the Sources and Timeline webview (webviews are nested iframes in the workbench). */
async function panelFrame(page, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      if (await frame.evaluate(() => !!document.querySelector('main#app section.sources')).catch(() => false)) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the Sources and Timeline panel did not render within 30 s');
}

/** What the panel drew, read from its DOM: bars with a width and a colour, the axis with its ticks, the date marks. */
function measurePanel(frame) {
  return frame.evaluate(() => {
    const transparent = c => !c || c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const bars = [...document.querySelectorAll('.bar')].filter(b => b.getBoundingClientRect().width > 0 && !transparent(getComputedStyle(b).backgroundColor));
    const ticks = [...document.querySelectorAll('.axis .tick')].filter(t => (t.textContent ?? '').trim() && t.getBoundingClientRect().width > 0);
    const axis = document.querySelector('.axis-line');
    const marks = [...document.querySelectorAll('.date-mark .mark-shape')].filter(m => m.getBoundingClientRect().width > 0);
    return {
      bars: bars.length, barColours: [...new Set(bars.map(b => getComputedStyle(b).backgroundColor))],
      ticks: ticks.length, tickLabels: ticks.map(t => t.textContent.trim()),
      axisStroke: axis ? getComputedStyle(axis).stroke : undefined, axisWidth: axis ? axis.getBoundingClientRect().width : 0,
      background: getComputedStyle(document.body).backgroundColor,
      marks: marks.length, rows: document.querySelectorAll('.row').length,
      summary: document.querySelector('.sources .summary')?.textContent ?? '',
    };
  });
}

/**
 * With the last seed article active (the others open too, in tabs of their own), runs Show Sources and Timeline from the command palette,
 * screenshots the panel for the active article and for all open articles, then clicks a quote in it the way a reader
 * does and reads the editor's selection from the status bar.
 */
/** Opens one article alone in the workbench, waits for its colours, saves a screenshot and what is painted. */
async function shootArticle(page, server, workspace, article, theme, results) {
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

async function shootPanel(page, theme) {
  const shots = [];
  for (const article of [...ARTICLES.slice(0, -1), ARTICLES.at(-1)]) { // open the others, then back to the one on screen
    await page.keyboard.press('Control+P');
    await page.keyboard.type(article);
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
  }
  await page.keyboard.press('F1');
  await page.keyboard.type('News Annotator: Show Sources and Timeline');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  let frame = await panelFrame(page);
  const snap = async (scope, name, wantRows) => {
    await frame.waitForFunction(n => document.querySelectorAll('.row').length === n && document.querySelectorAll('.bar').length > 0, wantRows, { timeout: 20000 })
      .catch(() => console.log(`[screenshots] the panel did not show ${wantRows} timeline rows`));
    await page.waitForTimeout(500);
    const file = path.join(outDir, `${name}-${theme}.png`);
    await page.screenshot({ path: file });
    const drawn = await measurePanel(frame);
    console.log(`[screenshots] ${path.relative(root, file)}: ${JSON.stringify(drawn)}`);
    shots.push({ theme, panel: scope, file, drawn });
  };
  await snap('active', `sources-timeline-${path.basename(ARTICLES.at(-1), '.txt')}`, 1);
  await frame.locator('label', { hasText: 'All open articles' }).click();
  await snap('all', 'sources-timeline', ARTICLES.length);
  // Click through: open the first source and click its first quote; the editor selects it.
  await frame.locator('button.source').first().click();
  await frame.locator('button.quote').first().click();
  const selected = await page.locator('.statusbar-item', { hasText: /\(\d+ selected\)/ }).first().textContent({ timeout: 10000 }).catch(() => undefined);
  const quoteText = await frame.locator('button.quote .quote-text').first().textContent();
  shots.at(-1).clickedQuote = { quote: quoteText, statusBar: selected?.trim() };
  console.log(`[screenshots] clicked “${quoteText?.slice(0, 40)}…”: status bar ${selected?.trim() ?? '(no selection shown)'}`);
  return shots;
}

/**
 * What must hold in the panel's screenshots: bars drawn with a width and a colour of their own, an axis line with at
 * least two labelled ticks and date marks on it, one timeline row per article; clicking a quote selected it in the
 * editor (as many characters as the quote has). Returns failure messages.
 */
export function checkPanel(results) {
  const failures = [];
  const shots = results.filter(r => r.panel);
  if (shots.length === 0) failures.push('no screenshot of the Sources and Timeline panel was taken');
  for (const r of shots) {
    const d = r.drawn, at = `${r.theme}/panel (${r.panel})`;
    if (d.bars < 1) failures.push(`${at}: no source bar was drawn`);
    if (d.barColours.some(c => c === d.background)) failures.push(`${at}: a bar has the background colour`);
    if (d.ticks < 2) failures.push(`${at}: the time axis has ${d.ticks} labelled ticks`);
    if (!d.axisStroke || d.axisStroke === 'none' || d.axisWidth < 50) failures.push(`${at}: the axis line is not drawn`);
    if (d.marks < 1) failures.push(`${at}: no date is marked on the axis`);
    if (d.rows !== (r.panel === 'all' ? ARTICLES.length : 1)) failures.push(`${at}: ${d.rows} timeline rows`);
    if (r.clickedQuote) {
      const want = r.clickedQuote.quote?.length;
      const got = Number(/\((\d+) selected\)/.exec(r.clickedQuote.statusBar ?? '')?.[1]);
      if (!(got > 0) || (want && !r.clickedQuote.quote.endsWith('…') && got !== want)) failures.push(`${at}: clicking a quote selected ${got || 'nothing'} in the editor (the quote has ${want} characters)`);
    }
  }
  return failures;
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
  for (const r of results.filter(x => !x.panel)) {
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
    const failures = [...checkColours(results), ...checkPanel(results)];
    for (const f of failures) console.error(`[screenshots] ${f}`);
    process.exit(failures.length ? 1 : 0);
  }, e => { console.error(`[screenshots] ${e.stack || e}`); process.exit(1); });
}
