// The analyzer's speed as users meet it, beside compromise in the same run:
//   (a) text seen for the first time: a child process warms the JIT on other text (the other corpora, document by
//       document in turn, or the seed articles), then analyses each document of a DEV corpus once; the same
//       documents analysed again are shown beside it (what caches keyed on the text and a JIT trained on it make of
//       them);
//   (b) re-analysis of a 50 KB article after each keystroke, as the editor does while one types;
//   (c) cold: the first article in a fresh process, the CLI on one article from process start to exit, and (when the
//       integration suite has measured it, artifacts/first-tokens.json) the time from opening an article in the real
//       extension host to its first semantic tokens;
//   (d) the CLI end to end on a corpus with --jobs 1 and --jobs 2.
// Targets: (a) ≥ 10 MB/s on one core, (b) < 5 ms, (c) < 300 ms to first tokens, (d) --jobs 2 ≥ 1.7× --jobs 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../src/analysis/analyze';
import { repoRoot } from '../support/paths';
import {
  articlePieces, judgedMs, loadCompromise, runCompromise, runProbe, timeCompromise, withTempFile, type BaselineTiming,
} from './analyzer.bench';
import { loadSourceDocs, readCorpus, syntheticArticle } from './corpus';
import { busyness, fmt, formatSize, mark, MB, mbPerSecond, median, progress, startClock, table, utf8Bytes } from './measure';
import { seededRandom } from '../support/random';

export const TARGET_FIRST_TIME_MB_PER_S = 10;
export const TARGET_EDIT_MS = 5;
export const TARGET_FIRST_TOKENS_MS = 300;
export const TARGET_JOBS_SPEEDUP = 1.7;

const EVAL = path.join(repoRoot, '..', 'shared', 'eval');
/** Where the integration suite writes the host's time to first semantic tokens. */
export const FIRST_TOKENS_FILE = path.join(repoRoot, 'artifacts', 'first-tokens.json');

/**
 * Text the JIT is warmed on, as a long-running extension host has analysed articles of every kind: documents of the
 * other corpora (never the measured one's, in any split), taken in turn from each so every kind is met early.
 * Research-only corpora are read in place. Without ../shared/eval, the seed articles.
 */
export const WARMUP_CORPORA = [
  { corpus: 'CoNLL-2003', file: path.join(EVAL, 'conll2003.dev.jsonl') },
  { corpus: 'PolNeAR', file: path.join(EVAL, 'polnear.train.jsonl') },
  { corpus: 'TimeBank', file: path.join(EVAL, 'timebank.train.jsonl') },
  { corpus: 'GUM', file: path.join(EVAL, 'gum_other.train.jsonl') },
];

export interface WarmupCorpus { corpus: string; texts: string[] }

/** The warm-up corpora found (read once per bench run: every row warms on them, less the one it measures). */
export function readWarmupCorpora(): WarmupCorpus[] {
  return WARMUP_CORPORA.map(c => ({ corpus: c.corpus, texts: readCorpus(c.file)?.map(d => d.text) ?? [] })).filter(c => c.texts.length > 0);
}

export function warmupTexts(found: readonly WarmupCorpus[], except?: string): { name: string; texts: string[] } {
  const corpora = found.filter(c => c.corpus !== except);
  if (corpora.length === 0) return { name: 'the seed articles', texts: loadSourceDocs().filter(d => d.id.startsWith('kerry')).map(d => d.text) };
  const texts: string[] = [];
  for (let i = 0, bytes = 0; bytes < WARM_BYTES && corpora.some(c => i < c.texts.length); i++) {
    for (const c of corpora) if (i < c.texts.length) { texts.push(c.texts[i]); bytes += utf8Bytes(c.texts[i]); }
  }
  return { name: corpora.map(c => c.corpus).join(', '), texts };
}

/** The JIT sees about this much text before anything is timed, as in a long-running extension host. */
const WARM_BYTES = 3 * MB;

function warm(texts: string[]): void {
  for (let done = 0; done < WARM_BYTES;) for (const t of texts) { analyze(t); done += utf8Bytes(t); }
}

interface Sums { wallMs: number; cpuMs: number }

// ---------------------------------------------------------------------------------------------------------------
// (a) first time

export interface FirstTimeRow {
  name: string; docs: number; bytes: number;
  /** The corpora the JIT was warmed on before this one. */
  warmup: string;
  first: Sums; again: Sums;
  firstMBps: number; againMBps: number;
  compromise?: BaselineTiming; compromiseMBps?: number; ratio?: number;
  busyness: number;
}

/** The child's side of (a): warm up on other text, then each document once, then each again; sums of wall and CPU time. */
export function probeFirstTime(file: string): void {
  const { warmTexts, texts } = JSON.parse(fs.readFileSync(file, 'utf8')) as { warmTexts: string[]; texts: string[] };
  warm(warmTexts);
  const pass = (): Sums => {
    const sums = { wallMs: 0, cpuMs: 0 };
    for (const t of texts) {
      const clock = startClock();
      analyze(t);
      const { wallMs, cpuMs } = clock();
      sums.wallMs += wallMs;
      sums.cpuMs += cpuMs;
    }
    return sums;
  };
  const first = pass();
  const again = pass();
  process.stdout.write(JSON.stringify({ first, again }));
}

const judged = (s: Sums) => Math.min(s.wallMs, s.cpuMs);

export function firstTimeOf(name: string, texts: string[], warmup: { name: string; texts: string[] }, probeScript: string): FirstTimeRow {
  const bytes = texts.reduce((n, t) => n + utf8Bytes(t), 0);
  progress(`(a) first-time analysis of ${name} (${formatSize(bytes)}, child process)`);
  const { first, again } = withTempFile('first-time.json', JSON.stringify({ warmTexts: warmup.texts, texts }),
    f => runProbe<{ first: Sums; again: Sums }>(probeScript, ['--first-time-probe', f], [], 600_000));
  const row: FirstTimeRow = {
    name, docs: texts.length, bytes, warmup: warmup.name, first, again, firstMBps: mbPerSecond(bytes, judged(first)), againMBps: mbPerSecond(bytes, judged(again)), busyness: busyness(),
  };
  progress(`(a) compromise on ${name}`);
  const baseline = timeCompromise(texts.flatMap(t => articlePieces(t)), { warmup: 0, reps: 1, budgetMs: 60_000 });
  row.compromise = baseline;
  row.compromiseMBps = mbPerSecond(bytes, judgedMs(baseline));
  row.ratio = row.firstMBps / row.compromiseMBps;
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// (b) one edit

export const EDIT_ARTICLE_BYTES = 50_000;
/** Keystrokes typed, a word at each of a few places, each followed by a re-analysis of the whole article. */
const TYPED = ['the ', 'minister ', 'said ', 'on Tuesday ', 'that '];

export interface EditRow {
  bytes: number; keystrokes: number;
  medianMs: number; p90Ms: number; maxMs: number;
  compromiseMs?: number; busyness: number;
}

/** The child's side of (b): warm up on other text, analyse the article, then re-analyse it after each keystroke. */
export function probeEdit(file: string): void {
  const { warmTexts, text: original } = JSON.parse(fs.readFileSync(file, 'utf8')) as { warmTexts: string[]; text: string };
  warm(warmTexts);
  let text = original;
  analyze(text); // the editor analysed the article when it was opened
  const random = seededRandom(50);
  const judgedRuns: number[] = [];
  for (const word of TYPED) {
    let at = Math.floor(random() * text.length);
    for (const ch of word) {
      text = text.slice(0, at) + ch + text.slice(at);
      at++;
      const clock = startClock();
      analyze(text);
      const t = clock();
      judgedRuns.push(Math.min(t.wallMs, t.cpuMs));
    }
  }
  const sorted = [...judgedRuns].sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ medianMs: median(judgedRuns), p90Ms: sorted[Math.floor(0.9 * (sorted.length - 1))], maxMs: sorted[sorted.length - 1], keystrokes: judgedRuns.length }));
}

export function editOf(warmTexts: string[], probeScript: string): EditRow {
  const text = syntheticArticle(loadSourceDocs(), { targetBytes: EDIT_ARTICLE_BYTES, seed: 5050 });
  progress(`(b) re-analysis of a ${formatSize(utf8Bytes(text))} article after each keystroke (child process)`);
  const r = withTempFile('edit.json', JSON.stringify({ warmTexts, text }),
    f => runProbe<{ medianMs: number; p90Ms: number; maxMs: number; keystrokes: number }>(probeScript, ['--edit-probe', f], [], 600_000));
  progress('(b) compromise on the same article');
  const baseline = timeCompromise(articlePieces(text), { warmup: 0, reps: 1, budgetMs: 30_000 });
  return { bytes: utf8Bytes(text), ...r, compromiseMs: judgedMs(baseline), busyness: busyness() };
}

// ---------------------------------------------------------------------------------------------------------------
// (c) cold

export interface ColdRow {
  article: string; bytes: number;
  /** Fresh process: from its start to the bench bundle loaded, and the first analyze() after that. */
  loadMs: number; firstAnalyzeMs: number;
  /** dist/cli.js extract ARTICLE in a fresh process, start to exit (median of runs). */
  cliMs: number;
  /** compromise in a fresh process: loading it and its first run on the article. */
  compromiseMs: number;
  host?: {
    coldMs: number; coldOpenMs: number; warmMs: number; warmOpenMs: number;
    /** When our provider was first asked for the article (ms after the open began) and how long it took (older records lack them). */
    coldAskedMs?: number; coldProviderMs?: number; warmAskedMs?: number; warmProviderMs?: number;
    activation?: boolean; vscode: string; host: string; date: string; commit?: string;
  };
}

/** The child's side of (c): time since the process started, then the first analysis. */
export function probeCold(file: string): void {
  const loadMs = performance.now(); // ms since the process's time origin: node start-up and this bundle's loading
  const text = fs.readFileSync(file, 'utf8');
  const clock = startClock();
  analyze(text);
  process.stdout.write(JSON.stringify({ loadMs, firstAnalyzeMs: clock().wallMs }));
}

/** The child's side of (c) for compromise: load it, run it on the article. */
export function probeCompromiseCold(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const clock = startClock();
  loadCompromise();
  runCompromise(articlePieces(text));
  process.stdout.write(JSON.stringify({ ms: clock().wallMs }));
}

const RUNS_COLD = 5;

export function coldOf(probeScript: string, cliScript: string): ColdRow {
  const article = path.join(repoRoot, 'test', 'fixtures', 'articles', 'kerry-beijing-scmp.txt');
  progress('(c) first article in fresh processes');
  const probes = Array.from({ length: RUNS_COLD }, () => runProbe<{ loadMs: number; firstAnalyzeMs: number }>(probeScript, ['--cold-probe', article], [], 120_000));
  const cliRuns = Array.from({ length: RUNS_COLD }, () => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cliScript, 'extract', '--jobs', '1', article], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
    return performance.now() - t0;
  });
  const compromise = Array.from({ length: 3 }, () => runProbe<{ ms: number }>(probeScript, ['--compromise-cold-probe', article], [], 120_000).ms);
  const row: ColdRow = {
    article: path.basename(article), bytes: fs.statSync(article).size,
    loadMs: median(probes.map(p => p.loadMs)), firstAnalyzeMs: median(probes.map(p => p.firstAnalyzeMs)),
    cliMs: median(cliRuns), compromiseMs: median(compromise),
  };
  try { row.host = JSON.parse(fs.readFileSync(FIRST_TOKENS_FILE, 'utf8')); } catch { /* not measured yet: npm test writes it */ }
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// (d) the CLI on a corpus

export interface CliRow {
  corpus: string; docs: number; bytes: number;
  jobs1Ms: number; jobs2Ms: number; speedup: number;
  /** CPU time of the whole process (every thread), where the system tells it (Linux: /proc/self/stat). */
  jobs1CpuMs?: number; jobs2CpuMs?: number;
  /** --jobs 1 with V8's optimising compiler kept off the other cores (--no-concurrent-recompilation). */
  jobs1CompilerInlineMs: number;
  /**
   * --jobs 1 on the first and on the second half of the corpus's lines, each in a process of its own: their sum less
   * the whole corpus's time is what a thread pays before it analyses at full speed (start-up and the JIT's warm-up),
   * which every worker pays again.
   */
  halvesMs: [number, number];
  /** compromise's time for the corpus on one thread, extrapolated from its rate on part of it. */
  compromiseMs: number; compromiseShare: number;
  busyness: number;
}

const RUNS_CLI = 3;

/** CPU time used so far by this process's children that have ended (user + system), or undefined off Linux. */
function childrenCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd on: cutime is the 16th
    return (Number(fields[13]) + Number(fields[14])) * 10; // clock ticks of 10 ms (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

export function cliOf(cliScript: string): CliRow | undefined {
  const candidates = [path.join(EVAL, 'polnear.train.jsonl'), path.join(repoRoot, 'test', 'fixtures', 'gum_news.dev.jsonl')];
  const file = candidates.find(f => fs.existsSync(f));
  if (!file) return undefined;
  const docs = readCorpus(file)!;
  const bytes = docs.reduce((n, d) => n + utf8Bytes(d.text), 0);
  progress(`(d) the CLI on ${path.basename(file)} (${formatSize(bytes)}) with --jobs 1 and --jobs 2`);
  const time = (jobs: number, nodeFlags: string[] = [], input = file) => {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [...nodeFlags, cliScript, 'extract', '--jsonl', '--jobs', String(jobs), input], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
    const wallMs = performance.now() - t0;
    const cpu1 = childrenCpuMs();
    return { wallMs, cpuMs: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined };
  };
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(l => l.trim());
  const middle = Math.ceil(lines.length / 2);
  const halves = [lines.slice(0, middle), lines.slice(middle)].map(h => h.join('\n') + '\n');
  const one: { wallMs: number; cpuMs?: number }[] = [], two: typeof one = [], inline: number[] = [];
  const halfRuns: [number[], number[]] = [[], []];
  withTempFile('first-half.jsonl', halves[0], firstHalf => withTempFile('second-half.jsonl', halves[1], secondHalf => {
    for (let i = 0; i < RUNS_CLI; i++) { // alternated, so a busy spell hits each
      one.push(time(1));
      two.push(time(2));
      inline.push(time(1, ['--no-concurrent-recompilation']).wallMs);
      halfRuns[0].push(time(1, [], firstHalf).wallMs);
      halfRuns[1].push(time(1, [], secondHalf).wallMs);
    }
  }));
  progress(`(d) compromise on part of ${path.basename(file)}`);
  const pieces = docs.flatMap(d => articlePieces(d.text));
  const baseline = timeCompromise(pieces, { warmup: 0, reps: 1, budgetMs: 30_000 });
  const jobs1Ms = median(one.map(r => r.wallMs)), jobs2Ms = median(two.map(r => r.wallMs));
  const cpuOf = (runs: typeof one) => (runs.every(r => r.cpuMs !== undefined) ? median(runs.map(r => r.cpuMs!)) : undefined);
  return {
    corpus: path.basename(file), docs: docs.length, bytes, jobs1Ms, jobs2Ms, speedup: jobs1Ms / jobs2Ms,
    jobs1CpuMs: cpuOf(one), jobs2CpuMs: cpuOf(two), jobs1CompilerInlineMs: median(inline),
    halvesMs: [median(halfRuns[0]), median(halfRuns[1])],
    compromiseMs: judgedMs(baseline), compromiseShare: baseline.measuredShare, busyness: busyness(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The section of the report

export interface SpeedReport { warmup: string; firstTime: FirstTimeRow[]; edit: EditRow; cold: ColdRow; cli?: CliRow }

const s = (ms: number) => (ms >= 1000 ? `${fmt(ms / 1000)} s` : `${fmt(ms)} ms`);

export function formatSpeed(r: SpeedReport): string[] {
  const out = ['Speed as users meet it (judged on the lower of wall and CPU time; MB = 10^6 bytes of UTF-8; compromise .people() .dates() .quotations() in the same run)'];
  out.push(`(a) Text seen for the first time (JIT warmed on ${fmt(WARM_BYTES / MB)} MB of the other corpora, a document of each in turn, then each document analysed once; target ≥ ${TARGET_FIRST_TIME_MB_PER_S} MB/s)`);
  out.push(...table([
    ['corpus', 'warmed on', 'size', 'first time', `≥ ${TARGET_FIRST_TIME_MB_PER_S}`, 'seen again', 'compromise', 'ratio', 'wall / CPU (first time)', 'load/core'],
    ...r.firstTime.map(f => [
      `${f.name} (${f.docs} docs)`, f.warmup, formatSize(f.bytes), `${fmt(f.firstMBps)} MB/s`, mark(f.firstMBps >= TARGET_FIRST_TIME_MB_PER_S), `${fmt(f.againMBps)} MB/s`,
      f.compromiseMBps !== undefined ? `${fmt(f.compromiseMBps)} MB/s${f.compromise?.extrapolated ? '*' : ''}` : '-',
      f.ratio !== undefined ? `${fmt(f.ratio)}×` : '-', `${fmt(f.first.wallMs)} / ${fmt(f.first.cpuMs)} ms`, fmt(f.busyness, 2),
    ]),
  ]).map(l => `    ${l}`));
  const e = r.edit;
  out.push(`(b) Re-analysis of a ${formatSize(e.bytes)} article (JIT warmed on ${r.warmup}) after each of ${e.keystrokes} keystrokes: median ${fmt(e.medianMs)} ms ${mark(e.medianMs < TARGET_EDIT_MS)} (target < ${TARGET_EDIT_MS} ms), `
    + `90th percentile ${fmt(e.p90Ms)} ms, worst ${fmt(e.maxMs)} ms; compromise on the same article ${e.compromiseMs !== undefined ? s(e.compromiseMs) : '-'} (load/core ${fmt(e.busyness, 2)})`);
  const c = r.cold;
  out.push(`(c) Cold, ${c.article} (${formatSize(c.bytes)}): a fresh process is ready after ${fmt(c.loadMs)} ms (node + bundle), its first analyze() takes ${fmt(c.firstAnalyzeMs)} ms; `
    + `the CLI on it, start to exit: ${fmt(c.cliMs)} ms; compromise loaded and run on it in a fresh process: ${s(c.compromiseMs)}`);
  const h = c.host;
  out.push(h
    ? `    in the real extension host (${h.host} ${h.vscode}, ${h.date.slice(0, 10)}${h.commit ? `, ${h.commit}` : ''}), opening an article to its first semantic tokens: `
      + `${fmt(h.coldMs)} ms for the first article${h.activation ? ' (extension activation included)' : ''} ${mark(h.coldMs < TARGET_FIRST_TOKENS_MS)}, ${fmt(h.warmMs)} ms for a later one ${mark(h.warmMs < TARGET_FIRST_TOKENS_MS)} `
      + `(target < ${TARGET_FIRST_TOKENS_MS} ms); of which VS Code opening the editor ${fmt(h.coldOpenMs)} and ${fmt(h.warmOpenMs)} ms`
      + (h.coldProviderMs !== undefined && h.warmProviderMs !== undefined
        ? `; our provider was asked ${fmt(h.coldAskedMs!)} and ${fmt(h.warmAskedMs!)} ms after the open began and answered in ${fmt(h.coldProviderMs)} and ${fmt(h.warmProviderMs)} ms`
        : '')
    : `    in the real extension host: not measured yet (npm test writes ${path.relative(repoRoot, FIRST_TOKENS_FILE)})`);
  const d = r.cli;
  if (d) {
    const cpu = (ms?: number) => (ms !== undefined ? `, ${s(ms)} CPU` : '');
    out.push(`(d) The CLI on ${d.corpus} (${d.docs} docs, ${formatSize(d.bytes)} of text), start to exit, median of ${RUNS_CLI}: --jobs 1 ${s(d.jobs1Ms)} (${fmt(mbPerSecond(d.bytes, d.jobs1Ms))} MB/s${cpu(d.jobs1CpuMs)}), `
      + `--jobs 2 ${s(d.jobs2Ms)} (${fmt(mbPerSecond(d.bytes, d.jobs2Ms))} MB/s${cpu(d.jobs2CpuMs)}): ${fmt(d.speedup)}× ${mark(d.speedup >= TARGET_JOBS_SPEEDUP)} (target ≥ ${TARGET_JOBS_SPEEDUP}×, load/core ${fmt(d.busyness, 2)}); `
      + `compromise, one thread: ${s(d.compromiseMs)}${d.compromiseShare < 1 ? `* (extrapolated from the ${(100 * d.compromiseShare).toFixed(0)}% it got through in 30 s)` : ''}`);
    out.push(`    --jobs 1 with V8's optimising compiler kept in the main thread (--no-concurrent-recompilation): ${s(d.jobs1CompilerInlineMs)}, `
      + `${fmt(d.jobs1CompilerInlineMs / d.jobs1Ms)}× the time of --jobs 1: what one thread already takes from a second core`);
    const [h1, h2] = d.halvesMs;
    out.push(`    --jobs 1 on each half of the corpus in a process of its own: ${s(h1)} + ${s(h2)} = ${s(h1 + h2)}, ${s(h1 + h2 - d.jobs1Ms)} more than the whole `
      + `in one: what a thread pays before it analyses at full speed (start-up, the JIT's warm-up), and every worker pays again`);
  } else out.push('(d) The CLI on a corpus: no corpus found, skipped');
  if (r.firstTime.some(f => f.compromise?.extrapolated)) out.push('    * compromise extrapolated from the part of the text it got through in its time budget');
  return out;
}
