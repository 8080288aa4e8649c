// Runs an extension test suite inside a real VS Code extension host without a desktop VS Code and offline:
// code-server (VS Code's server, remote extension host on Node 24) + headless Debian Chromium via playwright-core.
// The workbench runs the suite named by the `payload` query and reports the end through window.codeAutomationExit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

// Workbench log lines that are about code-server/Chromium being offline, not about the tests.
const NOISE = /^(\[AgentHost|\[ChatModelSelection\]|\[AccountPolicyGate\]|\[reconnection-grace-time\]|\[Service Worker\]|Ignoring fetching additional builtin|Updating additional builtin|Resolving connection token|Resolved connection token|Creating a socket|Timed out waiting for authentication provider)/;

export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none', 'extensions.ignoreRecommendations': true, 'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
  'workbench.enableExperiments': false, 'security.workspace.trust.enabled': false, 'workbench.tips.enabled': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/**
 * Starts code-server on a free loopback port in its own process group. Returns { port, base, stop }.
 * stop() kills the whole group (code-server, extension host, pty host) and is safe to call twice.
 */
export async function startCodeServer({ host, userDataDir, extensionsDir, env = {}, log = () => {} }) {
  const port = await freePort();
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify(QUIET_SETTINGS, null, 1));
  const args = ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const server = spawn(host.codeServer, args, {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, PATH: `${host.node24Bin}:${process.env.PATH}` },
  });
  const serverLog = fs.createWriteStream(path.join(userDataDir, 'code-server.log'));
  server.stdout.pipe(serverLog); server.stderr.pipe(serverLog);
  let stopped = false;
  const stop = async () => {
    if (stopped) return; stopped = true;
    if (server.exitCode === null) {
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
      await Promise.race([new Promise(r => server.once('exit', r)), new Promise(r => setTimeout(r, 3000))]);
    }
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* group already gone */ }
  };
  const base = `http://127.0.0.1:${port}`;
  const died = new Promise(r => server.once('exit', c => r(c)));
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`code-server exited (${server.exitCode}); see ${path.join(userDataDir, 'code-server.log')}`);
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (i > 600) { await stop(); throw new Error('code-server did not become ready in 60 s'); }
    await new Promise(r => setTimeout(r, 100));
  }
  log(`code-server ready on ${base}`);
  return { port, base, stop, died, remote: p => `vscode-remote://127.0.0.1:${port}${p}` };
}

export async function launchChromium({ host, profileDir, colorScheme = 'dark', viewport = { width: 1280, height: 800 } }) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: host.chromium, headless: true, args: CHROMIUM_ARGS, colorScheme, viewport,
  });
}

/**
 * A built workbench ignores the test payload unless developmentOptions.enableSmokeTestDriver is set, and
 * code-server rejects --enable-smoke-test-driver: patch the configuration read before any page script runs.
 * (Rewriting the HTML with page.route breaks the websocket: Chromium's local network access check.)
 */
export async function enableTestDriver(page) {
  await page.addInitScript(() => {
    const getAttribute = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function (name) {
      const value = getAttribute.call(this, name);
      if (name === 'data-settings' && this.id === 'vscode-workbench-web-configuration' && value) {
        const cfg = JSON.parse(value);
        cfg.developmentOptions = { ...(cfg.developmentOptions || {}), enableSmokeTestDriver: true };
        if (cfg.productConfiguration) delete cfg.productConfiguration.extensionsGallery; // offline: no gallery
        window.__newsTestDriver = true;
        return JSON.stringify(cfg);
      }
      return value;
    };
  });
}

export function workbenchUrl(server, folder, payload) {
  return `${server.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Runs the suite; resolves { code } where code is what the workbench reported (0 = suite passed).
 * Prints the extension host's console (mocha's reporter) to our stdout.
 */
export async function runSuiteInWebHost({ host, extensionPath, testsPath, workspace, timeoutS = 600, env = {}, verbose = false }) {
  const t0 = Date.now();
  const log = (...a) => console.log(`[web-host ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-web-host-'));
  let server, context, timer;
  const cleanup = async () => {
    clearTimeout(timer);
    try { if (context) await Promise.race([context.close(), new Promise(r => setTimeout(r, 5000))]); } catch { /* closing anyway */ }
    if (server) await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = sig => { cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143)); };
  process.once('SIGINT', onSignal); process.once('SIGTERM', onSignal);
  try {
    server = await startCodeServer({ host, userDataDir: path.join(tmp, 'user-data'), extensionsDir: path.join(tmp, 'extensions'), env, log });
    context = await launchChromium({ host, profileDir: path.join(tmp, 'chromium') });
    const page = context.pages()[0] || await context.newPage();
    let finish;
    const finished = new Promise(r => { finish = r; });
    // The extension host's console reaches the page as codeAutomationLog(level, args) in extension-test mode.
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const msg = Array.isArray(args) ? format(...args) : String(args);
      if (verbose) return console.log(`[window-log ${level}] ${msg}`);
      if (NOISE.test(msg)) return;
      console.log(level === 'info' ? msg : `[${level}] ${msg}`);
    });
    await page.exposeFunction('codeAutomationExit', code => finish({ code }));
    page.on('pageerror', e => console.log(`[browser pageerror] ${e.message}`));
    page.on('crash', () => finish({ code: 3, reason: 'the workbench page crashed' }));
    server.died.then(c => finish({ code: 2, reason: `code-server exited early (${c})` }));
    timer = setTimeout(() => finish({ code: 124, reason: `no result within ${timeoutS} s` }), timeoutS * 1000);
    await enableTestDriver(page);
    const payload = [['extensionDevelopmentPath', server.remote(extensionPath)], ['extensionTestsPath', server.remote(testsPath)],
      ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    log('opening the workbench');
    await page.goto(workbenchUrl(server, workspace, payload));
    if (!(await page.evaluate(() => !!window.__newsTestDriver).catch(() => false))) log('warning: the test driver was not enabled; the suite may not run');
    const result = await finished;
    if (result.reason) log(result.reason);
    log(`suite finished with code ${result.code}`);
    return result;
  } finally {
    process.removeListener('SIGINT', onSignal); process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}
