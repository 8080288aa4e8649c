// Analyzer throughput: analyze() against compromise (.people() .dates() .quotations()) on the same texts in the same
// run, on the DEV corpora and on synthetic articles of 100 KB, 1 MB and 10 MB; how the cost grows with the size; and
// the peak memory of one analysis, measured in a fresh child process.
// Run as `node --expose-gc analyzer.bench.js --memory-probe FILE`, this module is that child.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import { analyze } from '../../src/analysis/analyze';
import { fmt, formatSize, mark, mbPerSecond, measure, progress, table, utf8Bytes, type MeasureOptions, type Timing } from './measure';

export const TARGET_MB_PER_S = 10;
export const TARGET_RATIO = 100;
export const TARGET_MEMORY_RATIO = 5;
/** Per-MB cost at 10 MB may be at most this multiple of the cost at 100 KB to count as linear. */
export const LINEAR_TOLERANCE = 1.5;

// ---------------------------------------------------------------------------------------------------------------
// compromise, the baseline

nlp.extend(datesPlugin);

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

/** What compromise finds on one piece, with offsets (the work the analyzer's output corresponds to). */
function compromiseOnPiece(text: string): number {
  const doc = nlp(text) as ReturnType<typeof nlp> & { dates(): { json(o: object): unknown[] } };
  return doc.people().json({ offset: true }).length + doc.dates().json({ offset: true }).length
    + doc.quotations().json({ offset: true }).length;
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
  const start = performance.now();
  for (const p of pieces) {
    compromiseOnPiece(p);
    done += utf8Bytes(p);
    if (performance.now() - start > budgetMs) break;
  }
  const ms = performance.now() - start;
  const share = done / total;
  const estimate = ms / share;
  return { medianMs: estimate, runsMs: [estimate], extrapolated: share < 1, measuredShare: share };
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

export interface ThroughputRow {
  name: string;
  /** Documents (1 for a synthetic article). */
  docs: number;
  bytes: number;
  ours: Timing;
  compromise?: BaselineTiming;
  ourMBps: number;
  compromiseMBps?: number;
  ratio?: number;
  msPerMB: number;
}

export interface Workload {
  name: string;
  /** Each text is analysed whole, with its own analyze() call. */
  texts: string[];
  ours: MeasureOptions;
  /** Omit to skip compromise on this workload. */
  compromise?: MeasureOptions & { budgetMs: number };
}

export function throughput(w: Workload): ThroughputRow {
  const bytes = w.texts.reduce((n, t) => n + utf8Bytes(t), 0);
  progress(`analyze() on ${w.name} (${formatSize(bytes)})`);
  const ours = measure(() => { for (const t of w.texts) analyze(t); }, w.ours);
  const row: ThroughputRow = {
    name: w.name, docs: w.texts.length, bytes, ours, ourMBps: mbPerSecond(bytes, ours.medianMs), msPerMB: ours.medianMs / (bytes / 1e6),
  };
  if (w.compromise) {
    progress(`compromise on ${w.name}`);
    const pieces = w.texts.flatMap(t => articlePieces(t));
    row.compromise = timeCompromise(pieces, w.compromise);
    row.compromiseMBps = mbPerSecond(bytes, row.compromise.medianMs);
    row.ratio = row.ourMBps / row.compromiseMBps;
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

export interface MemoryRow { name: string; bytes: number; probe: MemoryProbe; extraBytes: number; ratio: number }

const WARMUP_CHARS = 1_000_000;

/** The child's side: warm up, settle, then watch RSS while one analyze() runs on the file's text. */
async function probeMemory(file: string): Promise<void> {
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

export function memoryOf(name: string, text: string): MemoryRow {
  progress(`peak memory of analyze() on ${name} (child process)`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'article.txt');
  fs.writeFileSync(file, text);
  try {
    const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--memory-probe', file],
      { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 300_000 });
    const probe = JSON.parse(out) as MemoryProbe;
    const bytes = utf8Bytes(text);
    const extraBytes = probe.peakRss - probe.baselineRss;
    return { name, bytes, probe, extraBytes, ratio: extraBytes / bytes };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The section of the report

export interface AnalyzerReport {
  corpora: ThroughputRow[];
  skippedCorpora: string[];
  synthetic: ThroughputRow[];
  linearity: { sizes: string[]; msPerMB: number[]; growth: number; linear: boolean };
  memory: MemoryRow[];
}

export function linearityOf(rows: ThroughputRow[]): AnalyzerReport['linearity'] {
  const msPerMB = rows.map(r => r.msPerMB);
  const growth = msPerMB[msPerMB.length - 1] / msPerMB[0];
  return { sizes: rows.map(r => r.name), msPerMB, growth, linear: growth <= LINEAR_TOLERANCE };
}

export function formatAnalyzer(r: AnalyzerReport): string[] {
  const head = ['text', 'size', 'analyze()', 'MB/s', `≥ ${TARGET_MB_PER_S}`, 'compromise', 'MB/s', 'ratio', `≥ ${TARGET_RATIO}×`];
  const line = (row: ThroughputRow): string[] => [
    row.docs > 1 ? `${row.name} (${row.docs} docs)` : row.name,
    formatSize(row.bytes),
    `${fmt(row.ours.medianMs)} ms`,
    fmt(row.ourMBps),
    mark(row.ourMBps >= TARGET_MB_PER_S),
    row.compromise ? `${fmt(row.compromise.medianMs / 1000)} s${row.compromise.extrapolated ? '*' : ''}` : '-',
    row.compromiseMBps !== undefined ? fmt(row.compromiseMBps) : '-',
    row.ratio !== undefined ? `${fmt(row.ratio)}×${row.compromise?.extrapolated ? '*' : ''}` : '-',
    row.ratio !== undefined ? mark(row.ratio >= TARGET_RATIO) : '',
  ];
  const out = ['Analyzer throughput (median wall time; MB = 10^6 bytes of UTF-8)'];
  out.push(...table([head, ...r.corpora.map(line), ...r.synthetic.map(line)]).map(s => `  ${s}`));
  for (const skipped of r.skippedCorpora) out.push(`  ${skipped}: not found, skipped (DEV corpora live in ../shared/eval/)`);
  const extrapolated = [...r.corpora, ...r.synthetic].filter(row => row.compromise?.extrapolated);
  for (const row of extrapolated) {
    out.push(`  * compromise on ${row.name}: EXTRAPOLATED from the ${(100 * row.compromise!.measuredShare).toFixed(0)}% of the text it got through in its time budget`);
  }
  out.push(`  compromise runs on pieces of ≤ ${COMPROMISE_PIECE_CHARS} characters cut at blank lines (it is superlinear on one long text); analyze() gets each text whole.`);
  out.push('');
  const lin = r.linearity;
  out.push(`Linearity: ms per MB ${lin.sizes.map((s, i) => `${s} ${fmt(lin.msPerMB[i])}`).join(', ')}; `
    + `${lin.sizes[lin.sizes.length - 1]} costs ${fmt(lin.growth)}× per MB what ${lin.sizes[0]} does `
    + `${mark(lin.linear)} (${lin.linear ? 'grows linearly' : 'grows faster than linearly'}; tolerance ${LINEAR_TOLERANCE}×)`);
  out.push('');
  out.push(`Peak memory of one analyze() (fresh child, after warm-up and GC; peak RSS − baseline RSS, ÷ text size in UTF-8 bytes; target ≤ ${TARGET_MEMORY_RATIO}×)`);
  out.push(...table([
    ['text', 'size', 'peak extra', 'ratio', `≤ ${TARGET_MEMORY_RATIO}×`, 'result retained', 'string in V8'],
    ...r.memory.map(m => [
      m.name, formatSize(m.bytes), formatSize(m.extraBytes), `${fmt(m.ratio)}×`, mark(m.ratio <= TARGET_MEMORY_RATIO),
      formatSize(m.probe.retainedHeap),
      `${m.probe.twoByte ? 'UTF-16' : 'Latin-1'} ${formatSize(m.probe.chars * (m.probe.twoByte ? 2 : 1))}`,
    ]),
  ]).map(s => `  ${s}`));
  out.push('  (RSS has a fixed floor of several MB of V8 young generation: the ratio means little for small texts.)');
  return out;
}

if (require.main === module && process.argv[2] === '--memory-probe') {
  probeMemory(process.argv[3]).catch(e => { console.error(e); process.exit(1); });
}
