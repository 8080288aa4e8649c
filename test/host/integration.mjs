// Integration phase of `npm test`: picks the VS Code that can run here, runs test/integration inside its extension
// host, then installs the packaged VSIX into that VS Code and checks it is listed at the right version.
// NEWS_TEST_HOST=web|desktop|electron-download forces a host; NEWS_TEST_TIMEOUT (seconds) bounds the suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestHost } from './install.mjs';
import { codeServerCli, packageVsix, pkg } from './vsix.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionId = `${pkg.publisher}.${pkg.name}`.toLowerCase();

/** A fresh copy of the fixture articles for the suite to open, edit and annotate. */
export function makeWorkspace(tmp) {
  const ws = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'fixtures', 'articles'), ws, { recursive: true });
  return ws;
}

async function chooseHost() {
  const forced = process.env.NEWS_TEST_HOST;
  if (forced && !['web', 'desktop', 'electron-download'].includes(forced)) throw new Error(`NEWS_TEST_HOST=${forced}: use web, desktop or electron-download`);
  if (forced !== 'web') {
    const electron = await import('./electron-host.mjs');
    const executable = electron.findDesktopVSCode();
    if (executable || forced === 'electron-download') {
      const version = executable ? electron.desktopVersion(executable) : 'downloaded stable';
      return { kind: 'desktop', label: `desktop VS Code ${version} (@vscode/test-electron, ${executable ?? 'download'})`, executable, electron };
    }
    if (forced === 'desktop') throw new Error('NEWS_TEST_HOST=desktop but no desktop VS Code found: set VSCODE_EXECUTABLE_PATH');
  }
  const host = ensureTestHost();
  const web = await import('./web-host.mjs');
  const version = /with Code (\S+)/.exec(host.codeServerVersion)?.[1] ?? '?';
  return { kind: 'web', label: `VS Code ${version} (code-server ${host.codeServerVersion.split(' ')[0]} remote extension host, headless Chromium)`, host, web };
}

function readResult(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return undefined; }
}

function installVsixIntoCodeServer(host, vsix, tmp) {
  const base = ['--extensions-dir', path.join(tmp, 'vsix-extensions'), '--user-data-dir', path.join(tmp, 'vsix-user-data')];
  codeServerCli(host, [...base, '--install-extension', vsix]);
  return codeServerCli(host, [...base, '--list-extensions', '--show-versions']);
}

async function vsixSmokeTest(chosen, tmp, vsix) {
  console.log('\n=== VSIX smoke test ===');
  const sizeKb = Math.round(fs.statSync(vsix).size / 1024);
  const listed = chosen.kind === 'web' ? installVsixIntoCodeServer(chosen.host, vsix, tmp)
    : chosen.electron.installVsixIntoDesktop(chosen.executable, vsix, path.join(tmp, 'vsix-extensions'));
  const want = `${extensionId}@${pkg.version}`;
  const ok = listed.split('\n').some(l => l.trim().toLowerCase() === want);
  console.log(`  ${ok ? '✔' : '✘'} ${path.basename(vsix)} (${sizeKb} KB) installs with --install-extension and --list-extensions shows ${want}${ok ? '' : `; it listed:\n${listed}`}`);
  return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/** What a reader sees: the installed VSIX colours a seed article in Dark Modern and Light Modern (screenshots kept). */
async function screenshotTest(chosen, vsix) {
  console.log('\n=== What the reader sees (screenshots of the installed VSIX) ===');
  if (chosen.kind !== 'web') { console.log('  (screenshots need the web test host; skipped on a desktop VS Code run)'); return { passed: 0, failed: 0 }; }
  const { takeScreenshots, checkColours, checkPanel } = await import('./screenshots.mjs');
  const results = await takeScreenshots({ host: chosen.host, vsix });
  const failures = checkColours(results);
  for (const f of failures) console.log(`  ✘ ${f}`);
  if (!failures.length) console.log(`  ✔ grammar and semantic colours applied to plain text in both themes (${results.filter(r => !r.panel).map(r => path.relative(root, r.file)).join(', ')})`);
  const panelFailures = checkPanel(results);
  for (const f of panelFailures) console.log(`  ✘ ${f}`);
  if (!panelFailures.length) console.log(`  ✔ Sources and Timeline panel: bars and the time axis drawn in both themes, a clicked quote selected in the editor (${results.filter(r => r.panel).map(r => path.relative(root, r.file)).join(', ')})`);
  const count = (f) => (f.length ? { passed: 0, failed: 1 } : { passed: 1, failed: 0 });
  const [a, b] = [count(failures), count(panelFailures)];
  return { passed: a.passed + b.passed, failed: a.failed + b.failed };
}

export async function runIntegration({ grep } = {}) {
  const chosen = await chooseHost();
  console.log(`\n=== Integration tests in ${chosen.label} ===`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-integration-'));
  try {
    const workspace = makeWorkspace(tmp);
    const resultFile = path.join(tmp, 'result.json');
    const env = { NEWS_TEST_RESULT_FILE: resultFile, ...(grep ? { NEWS_TEST_GREP: grep } : {}) };
    const suite = { extensionPath: root, testsPath: path.join(root, 'out', 'test', 'integration', 'index'), workspace, env };
    const timeoutS = Number(process.env.NEWS_TEST_TIMEOUT || 900);
    const { code } = chosen.kind === 'web'
      ? await chosen.web.runSuiteInWebHost({ host: chosen.host, timeoutS, verbose: !!process.env.NEWS_TEST_VERBOSE, ...suite })
      : await chosen.electron.runSuiteInDesktop({ executable: chosen.executable, ...suite });
    const result = readResult(resultFile);
    const counts = result ? { passed: result.passed, failed: result.failed } : { passed: 0, failed: 1 };
    if (!result) console.log(`  ✘ the integration suite did not report its results (host exit code ${code})`);
    else if (code !== 0 && result.failed === 0) { console.log(`  ✘ the host exited with code ${code} after the suite passed`); counts.failed++; }
    console.log(`  integration: ${counts.passed} passed, ${counts.failed} failed in ${chosen.label}`);
    if (grep) return counts;
    const vsix = packageVsix(tmp);
    const smoke = await vsixSmokeTest(chosen, tmp, vsix);
    const shots = await screenshotTest(chosen, vsix);
    return { passed: counts.passed + smoke.passed + shots.passed, failed: counts.failed + smoke.failed + shots.failed };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
