// Analyzer throughput: analyze() against compromise (.people() .dates() .quotations()) on the same texts in the same
// run, on the DEV corpora and on synthetic articles of 100 KB, 1 MB and 10 MB; how the cost grows with the size; and
// the peak memory of one analysis, measured in a fresh child process.
// probeThroughput and probeMemory are the children's sides (run.ts starts the bench bundle with --throughput-probe
// FILE or --memory-probe FILE).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type nlpType from 'compromise';
import { analyze } from '../../src/analysis/analyze';
import {
  busyness, fmt, formatSize, mark, mbPerSecond, measure, progress, startClock, table, utf8Bytes, type MeasureOptions, type Timing,
} from './measure';

export const TARGET_MB_PER_S = 10;
export const TARGET_RATIO = 100;
export const TARGET_MEMORY_RATIO = 5;
/** Per-MB cost at 10 MB may be at most this multiple of the cost at 100 KB to count as linear. */
export const LINEAR_TOLERANCE = 1.5;

// ---------------------------------------------------------------------------------------------------------------
// compromise, the baseline

type Nlp = typeof nlpType;
let loadedNlp: Nlp | undefined;
/**
 * compromise with its date plugin, loaded on first use: the child processes that time analyze() never load it, so its
 * large heap is not marked by the garbage collector while we are timed.
 */
function nlp(text: string): ReturnType<Nlp> {
  if (!loadedNlp) {
    const interop = <T>(m: T | { default: T }): T => (m as { default?: T }).default ?? (m as T);
    loadedNlp = interop(require('compromise') as Nlp);
    loadedNlp.extend(interop(require('compromise-dates') as Parameters<Nlp['extend']>[0]));
  }
  return loadedNlp(text);
}

/**
 * compromise's date plugin slows down more than linearly on one long document (about 1.4 s for 47 KB but 56 s for
 * 190 KB here), so it gets article-sized pieces: cut at blank lines, at most this many characters each. That is
 * how it would be used and it is the kinder choice for the baseline, so the ratio we report is conservative.
 */
export const COMPROMISE_PIECE_CHARS = 8000;

/** Pieces of at most maxChars characters, cut at paragraph breaks (a longer paragraph stays whole). */
export function articlePieces(text: string, maxChars = COMPROMISE_PIECE_CHARS): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (current && current.length + 2 + paragraph.length > maxChars) { pieces.push(current); current = ''; }
    current = current ? `${current}\n\n${paragraph}` : paragraph;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Pieces on which compromise-dates threw (it does on some TimeBank text); their people and quotes still count. */
export const compromiseFailures = { dates: 0 };

/** What compromise finds on one piece, with offsets (the work the analyzer's output corresponds to). */
function compromiseOnPiece(text: string): number {
  const doc = nlp(text) as ReturnType<Nlp> & { dates(): { json(o: object): unknown[] } };
  let found = doc.people().json({ offset: true }).length + doc.quotations().json({ offset: true }).length;
  try {
    found += doc.dates().json({ offset: true }).length;
  } catch {
    compromiseFailures.dates++;
  }
  return found;
}

export function runCompromise(pieces: string[]): number {
  let found = 0;
  for (const p of pieces) found += compromiseOnPiece(p);
  return found;
}

export interface BaselineTiming extends Timing {
  /** True when compromise did not get through the whole text in its budget and the time was scaled up. */
  extrapolated: boolean;
  /** Share of the text compromise actually ran on (1 unless extrapolated). */
  measuredShare: number;
}

/** One timed pass of compromise over the pieces that stops after budgetMs, scaling the time up by bytes if it stops. */
function compromiseWithinBudget(pieces: string[], budgetMs: number): BaselineTiming {
  const total = pieces.reduce((n, p) => n + utf8Bytes(p), 0);
  let done = 0;
  const clock = startClock();
  for (const p of pieces) {
    compromiseOnPiece(p);
    done += utf8Bytes(p);
    if (clock().wallMs > budgetMs) break;
  }
  const { wallMs, cpuMs } = clock();
  const share = done / total;
  return { medianMs: wallMs / share, runsMs: [wallMs / share], medianCpuMs: cpuMs / share, extrapolated: share < 1, measuredShare: share };
}

export function timeCompromise(pieces: string[], options: MeasureOptions & { budgetMs: number }): BaselineTiming {
  if (options.reps <= 1) return compromiseWithinBudget(pieces, options.budgetMs);
  return { ...measure(() => runCompromise(pieces), options), extrapolated: false, measuredShare: 1 };
}

/** A first compromise call loads its lexicon and compiles its matchers: keep that out of every measurement. */
export function warmCompromise(sample: string): void {
  runCompromise(articlePieces(sample));
  runCompromise(articlePieces(sample));
}

// ---------------------------------------------------------------------------------------------------------------
// Throughput

/** Throughput of ours and of compromise on one text, from one clock. */
export interface Rates {
  oursMBps: number;
  compromiseMBps?: number;
  /** oursMBps ÷ compromiseMBps. */
  ratio?: number;
}

export interface ThroughputRow {
  name: string;
  /** Documents (1 for a synthetic article). */
  docs: number;
  bytes: number;
  ours: Timing;
  compromise?: BaselineTiming;
  /** From CPU time: user + system of every thread of the process (GC and compiler helper threads included). */
  cpu: Rates;
  wall: Rates;
  /** From judgedMs (the lower of the two): what the targets are judged on. */
  judged: Rates;
  /** One-minute load average per core when the row was measured (above 1: the cores were shared). */
  busyness: number;
  /** Pieces compromise cut the text into, and on how many of them (per pass) compromise-dates threw. */
  compromisePieces?: number;
  compromiseDateErrors?: number;
}

export interface Workload {
  name: string;
  /** Each text is analysed whole, with its own analyze() call. */
  texts: string[];
  ours: MeasureOptions;
  /** Omit to skip compromise on this workload. */
  compromise?: MeasureOptions & { budgetMs: number };
}

/**
 * Times analyze() on the texts in a child process of its own (probeScript, the bench bundle, answers
 * `--throughput-probe FILE`): compromise's large heap and the compiler threads busy with it would otherwise be counted
 * in this process's CPU time (concurrent marking, background compilation), which is the peer's cost, not ours.
 */
function measureInChild(texts: string[], options: MeasureOptions, probeScript: string): Timing {
  return withTempFile('workload.json', JSON.stringify({ texts, options }),
    file => runProbe<Timing>(probeScript, ['--throughput-probe', file], [], 600_000));
}

/** Runs `use` on a temporary file holding `content`, removed afterwards. */
function withTempFile<T>(name: string, content: string, use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  try {
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the bench bundle (probeScript) as a child with `probeArgs` and node's `nodeFlags`; parses the JSON it prints. */
function runProbe<T>(probeScript: string, probeArgs: string[], nodeFlags: string[], timeoutMs: number): T {
  return JSON.parse(execFileSync(process.execPath, [...nodeFlags, probeScript, ...probeArgs],
    { encoding: 'utf8', maxBuffer: 1 << 20, timeout: timeoutMs })) as T;
}

/** The child's side of measureInChild: time analyze() on the workload file's texts and print the timing as JSON. */
export function probeThroughput(file: string): void {
  const { texts, options } = JSON.parse(fs.readFileSync(file, 'utf8')) as { texts: string[]; options: MeasureOptions };
  process.stdout.write(JSON.stringify(measure(() => { for (const t of texts) analyze(t); }, options)));
}

/**
 * The time a measurement is judged on: the lower of wall and CPU time. Both bound the time the analysis holds the
 * extension host's thread from above: wall time adds the waiting for a core when the machine is shared; process CPU
 * time adds V8's helper threads (GC marking, background compilation), which run beside that thread on an idle machine.
 */
export const judgedMs = (t: { medianMs: number; medianCpuMs: number }): number => Math.min(t.medianMs, t.medianCpuMs);

export function throughput(w: Workload, probeScript: string): ThroughputRow {
  const bytes = w.texts.reduce((n, t) => n + utf8Bytes(t), 0);
  progress(`analyze() on ${w.name} (${formatSize(bytes)}, child process)`);
  const ours = measureInChild(w.texts, w.ours, probeScript);
  const row: ThroughputRow = {
    name: w.name, docs: w.texts.length, bytes, ours,
    cpu: { oursMBps: mbPerSecond(bytes, ours.medianCpuMs) }, wall: { oursMBps: mbPerSecond(bytes, ours.medianMs) },
    judged: { oursMBps: mbPerSecond(bytes, judgedMs(ours)) }, busyness: busyness(),
  };
  if (w.compromise) {
    progress(`compromise on ${w.name}`);
    const pieces = w.texts.flatMap(t => articlePieces(t));
    const failuresBefore = compromiseFailures.dates;
    const baseline = timeCompromise(pieces, w.compromise);
    const passes = w.compromise.warmup + baseline.runsMs.length;
    row.compromise = baseline;
    row.compromiseDateErrors = Math.round((compromiseFailures.dates - failuresBefore) / passes);
    row.compromisePieces = pieces.length;
    for (const [rates, ms] of [[row.cpu, baseline.medianCpuMs], [row.wall, baseline.medianMs], [row.judged, judgedMs(baseline)]] as const) {
      rates.compromiseMBps = mbPerSecond(bytes, ms);
      rates.ratio = rates.oursMBps / rates.compromiseMBps;
    }
  }
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// Peak memory, in a child process

export interface MemoryProbe {
  /** RSS after loading, a warm-up analysis and a full GC, just before the measured analysis. */
  baselineRss: number;
  /** Highest RSS seen during the measured analysis (sampled every millisecond from a worker thread). */
  peakRss: number;
  /** V8 heap still used by the analysis result after a full GC (what a cached analysis costs). */
  retainedHeap: number;
  /** Characters of the text and whether V8 holds it as a two-byte (UTF-16) string. */
  chars: number;
  twoByte: boolean;
}

export interface MemoryRow {
  name: string; bytes: number; probe: MemoryProbe; extraBytes: number; ratio: number;
  /** The same in a child whose young generation starts small, as in a freshly started process. */
  freshExtraBytes: number;
}

/**
 * V8 grows its young generation (up to 2 × 16 MB here) under allocation and a full GC shrinks it again, so a fresh
 * child measures that growth too: a long-running extension host has its young generation at working size already.
 * The judged figure pins it there; the fresh-process figure is reported beside it.
 */
const HOST_SIZED_YOUNG_GENERATION = '--min-semi-space-size=16';

const WARMUP_CHARS = 1_000_000;

/** The child's side: warm up, settle, then watch RSS while one analyze() runs on the file's text. */
export async function probeMemory(file: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('memory probe needs node --expose-gc');
  const text = fs.readFileSync(file, 'utf8');
  const chars = text.length;
  const twoByte = /[^\u0000-\u00ff]/.test(text);
  analyze(text.slice(0, WARMUP_CHARS));
  const peak = new Float64Array(new SharedArrayBuffer(8));
  const sampler = new Worker(
    `const { workerData } = require('node:worker_threads'); const peak = new Float64Array(workerData);
     setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, 1);`,
    { eval: true, workerData: peak.buffer });
  await new Promise(resolve => setTimeout(resolve, 100));
  gc(); gc();
  await new Promise(resolve => setTimeout(resolve, 50));
  const baselineRss = process.memoryUsage.rss();
  const baselineHeap = process.memoryUsage().heapUsed;
  peak[0] = baselineRss;
  let result: unknown = analyze(text);
  await new Promise(resolve => setTimeout(resolve, 20)); // one more sample with the result alive
  const peakRss = Math.max(peak[0], process.memoryUsage.rss());
  gc(); gc();
  // The text was already in the baseline and stays alive (mentions may be slices of it): this is the result alone.
  const retainedHeap = process.memoryUsage().heapUsed - baselineHeap;
  if (!result || text.length !== chars) throw new Error('memory probe: analysis lost');
  result = undefined;
  await sampler.terminate();
  const probe: MemoryProbe = { baselineRss, peakRss, retainedHeap, chars, twoByte };
  process.stdout.write(JSON.stringify(probe));
}

/**
 * Peak memory of analyze() on text, in a child process running probeScript (the benchmark's bundle, which answers
 * `--memory-probe FILE`; run.ts passes a snapshot of it, because other builds may replace out/ during a long run).
 */
export function memoryOf(name: string, text: string, probeScript: string): MemoryRow {
  progress(`peak memory of analyze() on ${name} (child processes)`);
  return withTempFile('article.txt', text, file => {
    const probeWith = (flags: string[]) => runProbe<MemoryProbe>(probeScript, ['--memory-probe', file], ['--expose-gc', ...flags], 300_000);
    const probe = probeWith([HOST_SIZED_YOUNG_GENERATION]);
    const fresh = probeWith([]);
    const bytes = utf8Bytes(text);
    const extraBytes = probe.peakRss - probe.baselineRss;
    return { name, bytes, probe, extraBytes, ratio: extraBytes / bytes, freshExtraBytes: fresh.peakRss - fresh.baselineRss };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The section of the report

export interface AnalyzerReport {
  corpora: ThroughputRow[];
  skippedCorpora: string[];
  synthetic: ThroughputRow[];
  /** ms per MB by wall time and by judged time (judgedMs) at each size; growth = last ÷ first, judged on the latter. */
  linearity: { sizes: string[]; msPerMB: number[]; cpuMsPerMB: number[]; growth: number; cpuGrowth: number; linear: boolean };
  memory: MemoryRow[];
}

export function linearityOf(rows: ThroughputRow[]): AnalyzerReport['linearity'] {
  const perMB = (ms: number, bytes: number) => ms / (bytes / 1e6);
  const msPerMB = rows.map(r => perMB(r.ours.medianMs, r.bytes));
  const cpuMsPerMB = rows.map(r => perMB(judgedMs(r.ours), r.bytes));
  const growth = msPerMB[msPerMB.length - 1] / msPerMB[0];
  const cpuGrowth = cpuMsPerMB[cpuMsPerMB.length - 1] / cpuMsPerMB[0];
  return { sizes: rows.map(r => r.name), msPerMB, cpuMsPerMB, growth, cpuGrowth, linear: cpuGrowth <= LINEAR_TOLERANCE };
}

export function formatAnalyzer(r: AnalyzerReport): string[] {
  const star = (row: ThroughputRow) => (row.compromise?.extrapolated ? '*' : '');
  const head = ['text', 'size', 'analyze()', 'MB/s', `≥ ${TARGET_MB_PER_S}`, 'compromise', 'MB/s', 'ratio', `≥ ${TARGET_RATIO}×`,
    'wall / CPU time of analyze()', 'load/core'];
  const line = (row: ThroughputRow): string[] => [
    row.docs > 1 ? `${row.name} (${row.docs} docs)` : row.name,
    formatSize(row.bytes),
    `${fmt(judgedMs(row.ours))} ms`,
    fmt(row.judged.oursMBps),
    mark(row.judged.oursMBps >= TARGET_MB_PER_S),
    row.compromise ? `${fmt(judgedMs(row.compromise) / 1000)} s${star(row)}` : '-',
    row.judged.compromiseMBps !== undefined ? fmt(row.judged.compromiseMBps) : '-',
    row.judged.ratio !== undefined ? `${fmt(row.judged.ratio)}×${star(row)}` : '-',
    row.judged.ratio !== undefined ? mark(row.judged.ratio >= TARGET_RATIO) : '',
    `${fmt(row.ours.medianMs)} / ${fmt(row.ours.medianCpuMs)} ms (${fmt(row.wall.oursMBps)} / ${fmt(row.cpu.oursMBps)} MB/s)`,
    fmt(row.busyness, 2),
  ];
  const out = ['Analyzer throughput (median of the lower of wall and CPU time; MB = 10^6 bytes of UTF-8)'];
  out.push(...table([head, ...r.corpora.map(line), ...r.synthetic.map(line)]).map(s => `  ${s}`));
  for (const skipped of r.skippedCorpora) out.push(`  ${skipped}: not found, skipped (DEV corpora live in ../shared/eval/)`);
  for (const row of [...r.corpora, ...r.synthetic].filter(x => x.compromise?.extrapolated)) {
    out.push(`  * compromise on ${row.name}: EXTRAPOLATED from the ${(100 * row.compromise!.measuredShare).toFixed(0)}% of the text it got through in its time budget`);
  }
  for (const row of [...r.corpora, ...r.synthetic].filter(x => x.compromiseDateErrors)) {
    out.push(`  compromise-dates threw on ${row.compromiseDateErrors} of ${row.compromisePieces} pieces of ${row.name} (caught; its people and quotes still ran)`);
  }
  out.push('  Targets are judged on the lower of wall and CPU time; both bound the time analyze() holds its thread: wall time adds the');
  out.push('  waiting for a core on a shared machine (load/core above 1), CPU time adds V8\'s GC and compiler threads running beside it.');
  out.push(`  compromise runs on pieces of ≤ ${COMPROMISE_PIECE_CHARS} characters cut at blank lines (it is superlinear on one long text); analyze() gets each text whole.`);
  out.push('');
  const lin = r.linearity;
  const last = lin.sizes.length - 1;
  out.push(`Linearity (cost per MB of analyze() as the text grows; judged time as above, tolerance ${LINEAR_TOLERANCE}×)`);
  out.push(`  judged ms per MB: ${lin.sizes.map((s, i) => `${s} ${fmt(lin.cpuMsPerMB[i])}`).join(', ')}: ${lin.sizes[last]} costs `
    + `${fmt(lin.cpuGrowth)}× per MB what ${lin.sizes[0]} does ${mark(lin.linear)} ${lin.linear ? 'grows linearly' : 'grows faster than linearly'}`);
  out.push(`  wall ms per MB: ${lin.sizes.map((s, i) => `${s} ${fmt(lin.msPerMB[i])}`).join(', ')} (${fmt(lin.growth)}×)`);
  out.push('');
  out.push(`Peak memory of one analyze() (child process, after warm-up and GC, young generation at host size; peak RSS − baseline RSS, ÷ text size in UTF-8 bytes; target ≤ ${TARGET_MEMORY_RATIO}×)`);
  out.push(...table([
    ['text', 'size', 'peak extra', 'ratio', `≤ ${TARGET_MEMORY_RATIO}×`, 'fresh process', 'result retained', 'string in V8'],
    ...r.memory.map(m => [
      m.name, formatSize(m.bytes), formatSize(m.extraBytes), `${fmt(m.ratio)}×`, mark(m.ratio <= TARGET_MEMORY_RATIO),
      `${formatSize(m.freshExtraBytes)} (${fmt(m.freshExtraBytes / m.bytes)}×)`, formatSize(m.probe.retainedHeap),
      `${m.probe.twoByte ? 'UTF-16' : 'Latin-1'} ${formatSize(m.probe.chars * (m.probe.twoByte ? 2 : 1))}`,
    ]),
  ]).map(s => `  ${s}`));
  out.push('  (RSS moves in steps of a few MB (V8 heap pages): the ratio means little for small texts. "fresh process": the same in a child');
  out.push('  whose young generation starts small and grows by up to 32 MB during the analysis, as only a just-started process does.)');
  return out;
}

