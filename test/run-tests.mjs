#!/usr/bin/env node
// `npm test`: build, unit tests in plain Node, integration tests inside a real VS Code extension host, and a
// VSIX install smoke test; ends with one line "N passed, N failed" (all phases added up).
// Flags: --unit-only, --integration-only, --grep PATTERN (mocha grep, both phases), --no-build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const has = f => argv.includes(`--${f}`);
const grepIndex = argv.indexOf('--grep');
const grep = grepIndex >= 0 ? argv[grepIndex + 1] : undefined;
const totals = { passed: 0, failed: 0 };
const add = r => { totals.passed += r.passed; totals.failed += r.failed; };

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTests(p) : e.name.endsWith('.test.js') ? [p] : [];
  }).sort();
}

async function unitTests() {
  console.log('\n=== Unit tests (mocha, Node ' + process.version + ') ===');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60000, grep, color: !process.env.CI });
  for (const f of listTests(path.join(root, 'out', 'test', 'unit'))) mocha.addFile(f);
  await mocha.loadFilesAsync();
  return new Promise(resolve => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures }));
  });
}

async function main() {
  if (!has('no-build')) execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
  if (!has('integration-only')) add(await unitTests());
  if (!has('unit-only')) {
    const { runIntegration } = await import('./host/integration.mjs');
    add(await runIntegration({ grep }));
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
}

main().catch(e => {
  console.error(`\nnpm test: ${e.message || e}`);
  console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exitCode = 1;
});
