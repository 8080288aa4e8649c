// What the analyzer benchmarks share: compromise (.people() .dates() .quotations()), the baseline measured in the
// same run; child processes running this benchmark's own bundle (run.ts answers --…-probe arguments), so compromise's
// heap and compiler threads are never counted in our time; and the peak memory of one analysis, measured in a child.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type nlpType from 'compromise';
import { analyze } from '../../src/analysis/analyze';
import { fmt, formatSize, mark, measure, progress, startClock, table, utf8Bytes, type MeasureOptions, type Timing } from './measure';

/** Peak extra memory of one analysis of news-like text, as a multiple of the text. */
export const TARGET_MEMORY_RATIO = 5;

// ---------------------------------------------------------------------------------------------------------------
// compromise, the baseline

type Nlp = typeof nlpType;
let loadedNlp: Nlp | undefined;
/**
 * compromise with its date plugin, loaded on first use: the child processes that time analyze() never load it, so its
 * large heap is not marked by the garbage collector while we are timed.
 */
export function loadCompromise(): Nlp {
  if (!loadedNlp) {
    const interop = <T>(m: T | { default: T }): T => (m as { default?: T }).default ?? (m as T);
    loadedNlp = interop(require('compromise') as Nlp);
    loadedNlp.extend(interop(require('compromise-dates') as Parameters<Nlp['extend']>[0]));
  }
  return loadedNlp;
}

function nlp(text: string): ReturnType<Nlp> {
  return loadCompromise()(text);
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

/** Runs `use` on a temporary file holding `content`, removed afterwards. */
export function withTempFile<T>(name: string, content: string, use: (file: string) => T): T {
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
export function runProbe<T>(probeScript: string, probeArgs: string[], nodeFlags: string[], timeoutMs: number): T {
  return JSON.parse(execFileSync(process.execPath, [...nodeFlags, probeScript, ...probeArgs],
    { encoding: 'utf8', maxBuffer: 1 << 20, timeout: timeoutMs })) as T;
}

/**
 * The time a measurement is judged on: the lower of wall and CPU time. Both bound the time the analysis holds the
 * extension host's thread from above: wall time adds the waiting for a core when the machine is shared; process CPU
 * time adds V8's helper threads (GC marking, background compilation), which run beside that thread on an idle machine.
 */
export const judgedMs = (t: { medianMs: number; medianCpuMs: number }): number => Math.min(t.medianMs, t.medianCpuMs);

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
  /** The same in a child whose young generation starts small, as in a freshly started process (when measured). */
  freshExtraBytes?: number;
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
export function memoryOf(name: string, text: string, probeScript: string, options: { fresh?: boolean } = {}): MemoryRow {
  progress(`peak memory of analyze() on ${name} (child process${options.fresh === false ? '' : 'es'})`);
  return withTempFile('article.txt', text, file => {
    const probeWith = (flags: string[]) => runProbe<MemoryProbe>(probeScript, ['--memory-probe', file], ['--expose-gc', ...flags], 300_000);
    const probe = probeWith([HOST_SIZED_YOUNG_GENERATION]);
    const fresh = options.fresh === false ? undefined : probeWith([]);
    const bytes = utf8Bytes(text);
    const extraBytes = probe.peakRss - probe.baselineRss;
    return { name, bytes, probe, extraBytes, ratio: extraBytes / bytes, freshExtraBytes: fresh ? fresh.peakRss - fresh.baselineRss : undefined };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The memory section of the report (news-like text; the adversarial shapes are in growth.bench.ts)

export function formatMemory(rows: MemoryRow[]): string[] {
  const out = [`Peak memory of one analyze() on news-like text (child process, after warm-up and GC, young generation at host size; peak RSS − baseline RSS, ÷ text size in UTF-8 bytes; target ≤ ${TARGET_MEMORY_RATIO}×)`];
  out.push(...table([
    ['text', 'size', 'peak extra', 'ratio', `≤ ${TARGET_MEMORY_RATIO}×`, 'fresh process', 'result retained', 'string in V8'],
    ...rows.map(m => [
      m.name, formatSize(m.bytes), formatSize(m.extraBytes), `${fmt(m.ratio)}×`, mark(m.ratio <= TARGET_MEMORY_RATIO),
      m.freshExtraBytes !== undefined ? `${formatSize(m.freshExtraBytes)} (${fmt(m.freshExtraBytes / m.bytes)}×)` : '-', formatSize(m.probe.retainedHeap),
      `${m.probe.twoByte ? 'UTF-16' : 'Latin-1'} ${formatSize(m.probe.chars * (m.probe.twoByte ? 2 : 1))}`,
    ]),
  ]).map(s => `  ${s}`));
  out.push('  (RSS moves in steps of a few MB (V8 heap pages): the ratio means little for small texts. "fresh process": the same in a child');
  out.push('  whose young generation starts small and grows by up to 32 MB during the analysis, as only a just-started process does.)');
  return out;
}
