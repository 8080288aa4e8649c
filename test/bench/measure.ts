// Timing helpers shared by the benchmarks: warm-up, repeated runs under a time budget, median; size units and marks.
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Median wall time of the measured runs, in ms. */
  medianMs: number;
  /** Every measured run, in ms, in the order they ran. */
  runsMs: number[];
  /**
   * Median CPU time of the process (user + system, all threads: GC helpers too) over the same runs. On a busy
   * machine wall time includes waiting for a core; CPU time does not.
   */
  medianCpuMs: number;
}

export interface MeasureOptions {
  /** Unmeasured runs first (JIT, caches of the code itself). */
  warmup: number;
  /** Measured runs wanted. */
  reps: number;
  /** Stop adding measured runs once this much time went into them (at least one run always happens). */
  budgetMs?: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs fn warmup + up to reps times and reports the median of the measured runs. */
export function measure(fn: () => unknown, options: MeasureOptions): Timing {
  for (let i = 0; i < options.warmup; i++) fn();
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  const budget = options.budgetMs ?? Infinity;
  let spent = 0;
  while (runsMs.length < Math.max(1, options.reps) && (runsMs.length === 0 || spent < budget)) {
    const clock = startClock();
    fn();
    const t = clock();
    runsMs.push(t.wallMs);
    cpuMs.push(t.cpuMs);
    spent += t.wallMs;
  }
  return { medianMs: median(runsMs), runsMs, medianCpuMs: median(cpuMs) };
}

/** Starts a stopwatch; calling what it returns reads wall and process CPU time elapsed, in ms. */
export function startClock(): () => { wallMs: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

/** The load average over a minute against the core count: above 1, other processes competed for the cores. */
export const busyness = (): number => os.loadavg()[0] / os.cpus().length;

/** The report's size unit: 1 MB = 10^6 bytes of UTF-8 text (1 KB = 10^3). */
export const MB = 1_000_000;
export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
export const mbPerSecond = (bytes: number, ms: number): number => (bytes / MB) / (ms / 1000);

export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1)} MB`;
  return `${Math.round(bytes / 1000)} KB`;
}

/** ✔ or ✘ for a figure against its target. */
export const mark = (ok: boolean): string => (ok ? '✔' : '✘');

/** A number with a sensible count of significant digits for a report. */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 100) return x.toFixed(0);
  return x.toPrecision(digits);
}

/** Pads each column of rows to the widest cell, so a table reads well in a terminal. */
export function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => [...(r[c] ?? '')].length)));
  return rows.map(r => r.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join('  ').trimEnd());
}

/** Progress goes to stderr so stdout holds only the report. */
export const progress = (message: string): void => { process.stderr.write(`  … ${message}\n`); };
