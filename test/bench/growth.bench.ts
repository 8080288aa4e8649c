// How the analyzer's cost and memory grow on adversarial texts (shapes.ts): ms per MB at 100 KB, 1 MB and 4 MB for
// each shape, each run on a variant of the shape not analysed before (caches keyed on words and names would
// otherwise favour the small texts, seen many times); a shape whose cost per MB at 4 MB is more than twice that at
// 100 KB grows faster than linear. Then the peak memory of one analysis of each shape at 4 MB.
import { analyze } from '../../src/analysis/analyze';
import { judgedMs, memoryOf, runProbe, type MemoryRow } from './analyzer.bench';
import { fmt, formatSize, mark, MB, median, progress, startClock, table, utf8Bytes } from './measure';
import { SHAPES } from './shapes';

/** Per-MB cost at 4 MB may be at most this multiple of the cost at 100 KB (the issue's bound). */
export const GROWTH_TOLERANCE = 2;
/** Peak extra memory of one analysis may be at most this multiple of the text. */
export const SHAPE_MEMORY_TARGET = 10;

export const GROWTH_SIZES = [
  { name: '100 KB', bytes: 100_000, runs: 7 },
  { name: '1 MB', bytes: MB, runs: 3 },
  { name: '4 MB', bytes: 4 * MB, runs: 3 },
];

export interface GrowthRow {
  shape: string;
  about: string;
  /** Judged (lower of wall and CPU) median ms per MB at each size of GROWTH_SIZES. */
  msPerMB: number[];
  /** msPerMB at the largest size ÷ at the smallest. */
  growth: number;
  linear: boolean;
}

/** The child's side: one shape, every size, a fresh variant per run; prints ms per MB by size. */
export function probeGrowth(shapeName: string): void {
  const shape = SHAPES.find(s => s.name === shapeName);
  if (!shape) throw new Error(`no shape "${shapeName}"`);
  let variant = 0;
  // Warm the JIT on the shape itself (variants never measured).
  for (let i = 0; i < 3; i++) analyze(shape.make(200_000, variant++));
  // The sizes take turns (a run of each, round after round), so a spell of a slower or faster machine falls on all
  // of them rather than on one size, where it would read as growth.
  const perMB: number[][] = GROWTH_SIZES.map(() => []);
  const rounds = Math.max(...GROWTH_SIZES.map(s => s.runs));
  for (let round = 0; round < rounds; round++) {
    GROWTH_SIZES.forEach((size, i) => {
      if (round >= size.runs) return;
      const text = shape.make(size.bytes, variant++);
      const clock = startClock();
      analyze(text);
      perMB[i].push(judgedMs(toTiming(clock())) / (utf8Bytes(text) / MB));
    });
  }
  const msPerMB = perMB.map(runs => median(runs));
  process.stdout.write(JSON.stringify(msPerMB));
}

const toTiming = (t: { wallMs: number; cpuMs: number }) => ({ medianMs: t.wallMs, medianCpuMs: t.cpuMs });

export function growthOf(probeScript: string): GrowthRow[] {
  return SHAPES.map(shape => {
    progress(`growth: ${shape.name} (child process)`);
    const msPerMB = runProbe<number[]>(probeScript, ['--growth-probe', shape.name], [], 600_000);
    const growth = msPerMB[msPerMB.length - 1] / msPerMB[0];
    return { shape: shape.name, about: shape.about, msPerMB, growth, linear: growth <= GROWTH_TOLERANCE };
  });
}

export interface ShapeMemoryRow { shape: string; memory: MemoryRow }

/** Peak memory of one analysis of each shape at 4 MB (a child process per shape; see memoryOf). */
export function shapeMemoryOf(probeScript: string): ShapeMemoryRow[] {
  return SHAPES.map(shape => {
    const text = shape.make(4 * MB);
    return { shape: shape.name, memory: memoryOf(shape.name, text, probeScript, { fresh: false }) };
  });
}

export function formatGrowth(rows: GrowthRow[], memory: ShapeMemoryRow[]): string[] {
  const out = [`Growth on adversarial texts (judged ms per MB, each run on text not seen before; linear: 4 MB costs ≤ ${GROWTH_TOLERANCE}× per MB what 100 KB does)`];
  out.push(...table([
    ['shape', ...GROWTH_SIZES.map(s => s.name), '4 MB ÷ 100 KB', '', 'peak memory at 4 MB', `≤ ${SHAPE_MEMORY_TARGET}×`, 'result retained'],
    ...rows.map(r => {
      const m = memory.find(x => x.shape === r.shape)?.memory;
      return [
        r.shape, ...r.msPerMB.map(v => fmt(v)), `${fmt(r.growth)}×`, `${mark(r.linear)} ${r.linear ? 'linear' : 'FASTER THAN LINEAR'}`,
        m ? `${formatSize(m.extraBytes)} (${fmt(m.ratio)}×)` : '-', m ? mark(m.ratio <= SHAPE_MEMORY_TARGET) : '',
        m ? `${formatSize(m.probe.retainedHeap)} (${fmt(m.probe.retainedHeap / m.bytes)}×)` : '-',
      ];
    }),
  ]).map(s => `  ${s}`));
  const worse = rows.filter(r => !r.linear).map(r => r.shape);
  out.push(`  ${worse.length === 0 ? 'No shape grows faster than linear.' : `Faster than linear: ${worse.join(', ')}.`}`);
  out.push('  Peak memory: peak RSS − RSS before the analysis, ÷ the text in UTF-8 bytes (child process, young generation at host size);');
  out.push('  "result retained": V8 heap the analysis result (and the analyzer\'s word store) still holds after a full GC.');
  return out;
}
