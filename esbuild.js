// Build: type-check (tsc --noEmit), bundle the extension and the CLI into dist/, and transpile the tests
// (with the sources they import) into out/ for mocha. Flags: --production (minify, no type-check skip),
// --watch (rebuild on change), --no-typecheck (faster inner loop).
const esbuild = require('esbuild');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const typecheck = !process.argv.includes('--no-typecheck') && !watch;

function listFiles(dir, wanted) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(p, wanted);
    return wanted(e.name) ? [p] : [];
  });
}
const listTs = dir => listFiles(dir, name => name.endsWith('.ts') && !name.endsWith('.d.ts'));

const common = { platform: 'node', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const builds = [
  { ...common, entryPoints: ['src/extension.ts'], bundle: true, outfile: 'dist/extension.js', external: ['vscode'],
    minify: production, target: 'node20' },
  // The Sources and Timeline webview's script, for the browser (the panel loads it from the extension's dist/).
  { ...common, entryPoints: ['src/webview/sourcesTimeline/main.ts'], bundle: true, outfile: 'dist/webview/sourcesTimeline.js',
    platform: 'browser', format: 'iife', minify: production, target: 'es2022' },
  { ...common, entryPoints: ['src/cli.ts'], bundle: true, outfile: 'dist/cli.js', minify: production, target: 'node20',
    banner: { js: '#!/usr/bin/env node' } },
  // The benchmark, bundled with the analyzer as the extension is (packages stay in node_modules).
  { ...common, entryPoints: ['test/bench/run.ts'], bundle: true, outfile: 'out/bench/run.js', packages: 'external',
    target: 'node20' },
  // Tests and the sources they reach, file by file, so unit tests import src/ modules directly.
  { ...common, entryPoints: [...listTs('src'), ...listTs('test')], outdir: 'out', outbase: '.', bundle: false,
    target: 'node20' },
];

async function main() {
  if (typecheck) {
    const tsc = path.join(__dirname, 'node_modules', '.bin', 'tsc');
    execFileSync(tsc, ['--noEmit', '-p', '.'], { stdio: 'inherit' });
    execFileSync(tsc, ['--noEmit', '-p', 'src/webview'], { stdio: 'inherit' });
  }
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('[esbuild] watching for changes');
    return;
  }
  // out/ is built beside itself and swapped in at the end, so a test run or benchmark reading out/ meanwhile sees the
  // old tree or the new one, never a half-written or deleted one; a fresh tree drops files of removed sources.
  const staging = `out.building-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const toStaging = b => (b.outdir === 'out' ? { ...b, outdir: staging } : b.outfile?.startsWith('out/') ? { ...b, outfile: b.outfile.replace(/^out\//, `${staging}/`) } : b);
  try {
    await Promise.all(builds.map(b => esbuild.build(toStaging(b))));
    // The file-by-file build leaves `require('./list.json')` as it is: the data files go beside the compiled modules.
    for (const json of listFiles('src', name => name.endsWith('.json'))) {
      fs.mkdirSync(path.join(staging, path.dirname(json)), { recursive: true });
      fs.copyFileSync(json, path.join(staging, json));
    }
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  const retired = `out.old-${process.pid}`;
  if (fs.existsSync('out')) fs.renameSync('out', retired);
  fs.renameSync(staging, 'out');
  fs.rmSync(retired, { recursive: true, force: true });
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch(e => { if (!e.status) console.error(e.message || e); process.exit(1); });
