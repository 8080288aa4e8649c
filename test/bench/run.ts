// `npm run bench`: the analyzer's speed as users meet it (speed.bench.ts: first-time text, one edit, cold start, the
// CLI on a corpus) beside compromise, its growth and memory on adversarial texts (growth.bench.ts), its memory on
// news-like text, the semantic tokens provider, the entities tree, the Sources and Timeline panel's data. Prints a
// report and writes it as JSON to artifacts/bench.json. It only reports: no figure here fails a build.
// esbuild.js bundles this file with the sources it measures (out/bench/run.js), as dist/extension.js bundles them
// for users: the file-by-file build in out/ reaches every imported function through a getter, which costs ~5–8%.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../support/paths';
import { formatMemory, memoryOf, probeMemory, warmCompromise } from './analyzer.bench';
import { loadSourceDocs, readCorpus, syntheticArticle } from './corpus';
import { formatGrowth, growthOf, probeGrowth, shapeMemoryOf } from './growth.bench';
import { MB, progress } from './measure';
import {
  cliOf, coldOf, editOf, firstTimeOf, formatSpeed, probeCold, probeCompromiseCold, probeEdit, probeFirstTime, readWarmupCorpora, warmupTexts, type SpeedReport,
} from './speed.bench';
import { benchTokens, formatTokens, type TokensRow } from './tokens.bench';
import { benchPanel } from './panel.bench';
import { benchTree } from './tree.bench';

const DEV_CORPORA = [
  { name: 'GUM news DEV', corpus: 'GUM', file: path.join(repoRoot, 'test', 'fixtures', 'gum_news.dev.jsonl') },
  // Research-only corpora: read in place, never copied into the repository.
  { name: 'PolNeAR DEV', corpus: 'PolNeAR', file: path.join(repoRoot, '..', 'shared', 'eval', 'polnear.dev.jsonl') },
  { name: 'TimeBank DEV', corpus: 'TimeBank', file: path.join(repoRoot, '..', 'shared', 'eval', 'timebank.dev.jsonl') },
];

function environment(): Record<string, unknown> {
  const git = (args: string[]) => { try { return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim(); } catch { return undefined; } };
  return {
    date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, cores: os.cpus().length,
    loadAverage: os.loadavg(), commit: git(['rev-parse', '--short', 'HEAD']), uncommittedChanges: Boolean(git(['status', '--porcelain'])),
  };
}

/**
 * A private copy of this bundle and of the CLI, for the probes' child processes: other builds in the same checkout
 * may replace out/ and dist/ under a running benchmark. Kept under artifacts/ so packages still resolve from the
 * repository's node_modules.
 */
const SNAPSHOT_DIR = path.join(repoRoot, 'artifacts', '.bench-build');

function snapshotBundles(): { probeScript: string; cliScript: string } {
  fs.rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const probeScript = path.join(SNAPSHOT_DIR, path.basename(__filename));
  fs.copyFileSync(__filename, probeScript);
  const cliScript = path.join(SNAPSHOT_DIR, 'cli.js');
  fs.copyFileSync(path.join(repoRoot, 'dist', 'cli.js'), cliScript);
  return { probeScript, cliScript };
}

/** The entities-tree benchmark (tree.bench.ts, another engineer's) reports its own lines. */
async function treeSection(): Promise<string[]> {
  return ['Tree', ...(await benchTree()).map(l => `  ${l}`)];
}

async function main(): Promise<void> {
  const { probeScript, cliScript } = snapshotBundles();
  const env = environment();
  const started = Date.now();
  console.log(`News Annotator benchmarks — node ${env.node}, ${env.cores} × ${env.cpu}, commit ${env.commit}${env.uncommittedChanges ? ' + uncommitted changes' : ''}, `
    + `load ${(env.loadAverage as number[])[0].toFixed(1)}`);
  console.log('');

  const sources = loadSourceDocs();
  progress('warming up compromise');
  warmCompromise(sources.slice(0, 4).map(d => d.text).join('\n\n'));

  const warmCorpora = readWarmupCorpora();
  const warmup = warmupTexts(warmCorpora);
  const firstTime = [];
  const skippedCorpora: string[] = [];
  for (const c of DEV_CORPORA) {
    const docs = readCorpus(c.file);
    if (!docs) { skippedCorpora.push(c.name); continue; }
    firstTime.push(firstTimeOf(c.name, docs.map(d => d.text), warmupTexts(warmCorpora, c.corpus), probeScript));
  }
  const speed: SpeedReport = { warmup: warmup.name, firstTime, edit: editOf(warmup.texts, probeScript), cold: coldOf(probeScript, cliScript), cli: cliOf(cliScript) };
  const speedLines = [...formatSpeed(speed), ...skippedCorpora.map(n => `    ${n}: not found, skipped (DEV corpora live in ../shared/eval/)`)];
  console.log(speedLines.join('\n'));
  console.log('');

  const growth = growthOf(probeScript);
  const shapeMemory = shapeMemoryOf(probeScript);
  const growthLines = formatGrowth(growth, shapeMemory);
  console.log(growthLines.join('\n'));
  console.log('');

  progress('building synthetic articles');
  const synthetic = [
    { name: '100 KB', bytes: 100_000, seed: 101 }, { name: '1 MB', bytes: MB, seed: 1001 }, { name: '10 MB', bytes: 10 * MB, seed: 10001 },
  ].map(s => ({ ...s, text: syntheticArticle(sources, { targetBytes: s.bytes, seed: s.seed }) }));
  const memory = synthetic.filter(s => s.bytes >= MB).map(s => memoryOf(`synthetic ${s.name}`, s.text, probeScript));
  const memoryLines = formatMemory(memory);
  console.log(memoryLines.join('\n'));
  console.log('');

  const tokens: TokensRow[] = synthetic.filter(s => s.bytes <= MB).map(s => benchTokens(s.name, s.text,
    s.bytes <= 100_000 ? { warmup: 3, reps: 11, budgetMs: 10_000 } : { warmup: 1, reps: 5, budgetMs: 15_000 }));
  const tokenLines = formatTokens(tokens);
  console.log(tokenLines.join('\n'));
  console.log('');

  progress('tree benchmark');
  const treeLines = await treeSection();
  console.log(treeLines.join('\n'));
  console.log('');

  progress('Sources and Timeline benchmark');
  const panelLines = ['Sources and Timeline panel', ...benchPanel(sources, synthetic.find(s => s.bytes === MB)!).map(l => `  ${l}`)];
  console.log(panelLines.join('\n'));
  console.log('');

  const seconds = (Date.now() - started) / 1000;
  const report = {
    environment: env, seconds, speed, growth, shapeMemory, memory, tokens, tree: treeLines.slice(1).map(l => l.trim()),
    panel: panelLines.slice(1).map(l => l.trim()),
    text: [...speedLines, '', ...growthLines, '', ...memoryLines, '', ...tokenLines, '', ...treeLines, '', ...panelLines],
  };
  const out = path.join(repoRoot, 'artifacts', 'bench.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(`Done in ${seconds.toFixed(0)} s; JSON report in ${path.relative(repoRoot, out)}`);
}

// The probes' child processes are this same bundle, started with one of these arguments.
const PROBES: Record<string, (arg: string) => void | Promise<void>> = {
  '--memory-probe': probeMemory,
  '--first-time-probe': probeFirstTime,
  '--edit-probe': probeEdit,
  '--cold-probe': probeCold,
  '--compromise-cold-probe': probeCompromiseCold,
  '--growth-probe': probeGrowth,
};

const probe = PROBES[process.argv[2]];
if (probe) {
  Promise.resolve(probe(process.argv[3])).catch(e => { console.error(e); process.exit(1); });
} else {
  main()
    .catch(e => { console.error(e); process.exitCode = 1; })
    .finally(() => fs.rmSync(SNAPSHOT_DIR, { recursive: true, force: true }));
}
