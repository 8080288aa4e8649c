// What one input of `extract` becomes: an article file's bytes, or one JSONL line's, decoded, analysed and turned
// into its output line, or the reason it was not. Run in the main thread (--jobs 1) or in a worker (jobs.ts).
import { analyze, toScoredEntities } from '../analysis';
import { decodeArticle, firstInvalidUtf8 } from '../analysis/input';

export type Work =
  /** A whole article file (`name` as given on the command line). */
  | { kind: 'article'; name: string; bytes: Uint8Array }
  /** One JSONL line, its bytes without the line end. */
  | { kind: 'line'; bytes: Uint8Array }
  /** One JSONL line of a file already decoded whole (UTF-16). */
  | { kind: 'line-text'; text: string };

/** The output line (with its newline), or why there is none; neither for a blank line. */
export interface WorkResult { out?: string; error?: string }

export interface WorkOptions { referenceDate?: string }

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function runWork(work: Work, options: WorkOptions): WorkResult {
  try {
    return workResult(work, options);
  } catch (e) {
    // A bug in the analyzer: reported for this input, and the run goes on.
    return { error: `the analysis failed (${e instanceof Error ? e.message : String(e)}); please report this` };
  }
}

function workResult(work: Work, options: WorkOptions): WorkResult {
  if (work.kind === 'article') {
    const decoded = decodeArticle(work.bytes);
    if (!decoded.ok) return { error: decoded.reason };
    const entities = toScoredEntities(analyze(decoded.text, { referenceDate: options.referenceDate }));
    return { out: JSON.stringify({ file: work.name, entities }) + '\n' };
  }
  let line: string;
  if (work.kind === 'line-text') line = work.text;
  else {
    if (work.bytes.indexOf(0) >= 0) return { error: 'holds a NUL byte: binary data, not a JSON line' };
    try {
      line = utf8.decode(work.bytes);
    } catch {
      return { error: `is not valid UTF-8 (byte at column ${firstInvalidUtf8(work.bytes) + 1})` };
    }
  }
  return extractLine(line, options);
}

function extractLine(line: string, options: WorkOptions): WorkResult {
  if (!line.trim()) return {};
  let doc: unknown;
  try { doc = JSON.parse(line); } catch (e) { return { error: `not valid JSON (${(e as Error).message})` }; }
  const d = doc as { id?: unknown; text?: unknown };
  if (d === null || typeof d !== 'object' || d.id === undefined || d.id === null) return { error: 'no "id" field' };
  if (typeof d.text !== 'string') return { error: 'no "text" string field' };
  const entities = toScoredEntities(analyze(d.text, { referenceDate: options.referenceDate }));
  return { out: JSON.stringify({ id: d.id, entities }) + '\n' };
}
