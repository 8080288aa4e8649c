#!/usr/bin/env node
// Whether a change left the analyzer's output as it was: analyze() of the working tree against analyze() of a git
// revision (default HEAD), on every document of ../shared/eval and the seed articles, without and with a reference
// date, compared as JSON. For changes meant to be exact (speed, memory, refactoring): "0 differ" is the claim to make.
// Usage: node test/eval/same-analysis.mjs [REV] [--show N]
//   --show N   print the first N differing documents' ids and the first place their JSON differs (default 5)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelledFiles, readJsonl } from './split.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1]) : 5;
const rev = args.find((a, i) => !a.startsWith('--') && (showAt < 0 || i !== showAt + 1)) ?? 'HEAD';
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'same-analysis-'));
try {
  // The revision's src/ as it was committed, bundled like the working tree's.
  const revDir = path.join(tmp, 'rev');
  fs.mkdirSync(revDir);
  const archive = execFileSync('git', ['archive', rev, 'src'], { cwd: root, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', revDir], { input: archive });
  const bundle = (srcRoot, name) => {
    const outfile = path.join(tmp, `${name}.cjs`);
    esbuild.buildSync({ entryPoints: [path.join(srcRoot, 'src/analysis/analyze.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
    return require(outfile).analyze;
  };
  const before = bundle(revDir, 'rev');
  const after = bundle(root, 'work');

  const files = labelledFiles(root).map(([, file]) => file).filter(f => fs.existsSync(f));
  // people is a Map: as entries, so the comparison sees it.
  const json = a => JSON.stringify({ ...a, people: [...a.people] });
  let docs = 0, differ = 0;
  for (const file of files) {
    for (const d of readJsonl(file)) {
      docs++;
      for (const options of [{}, { referenceDate: '2016-05-04' }]) {
        const x = json(before(d.text, options)), y = json(after(d.text, options));
        if (x === y) continue;
        if (differ < show) {
          let i = 0;
          while (x[i] === y[i]) i++;
          console.log(`${path.basename(file)} ${d.id}${options.referenceDate ? ' (with a reference date)' : ''}: differs at\n  ${rev}: …${x.slice(Math.max(0, i - 60), i + 80)}\n  work: …${y.slice(Math.max(0, i - 60), i + 80)}`);
        }
        differ++;
        break;
      }
    }
  }
  console.log(`analyze() against ${rev}: ${docs} documents, ${differ} differ`);
  process.exitCode = differ > 0 ? 1 : 0;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
