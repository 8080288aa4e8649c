// `news-annotate extract`: each input analysed, its output line written in input order; bad inputs reported on
// stderr with file and line while the others go on (exit 1 at the end); a failed write of the output stops the run
// at once (one line on stderr, exit 1): nothing more is read or analysed.
import { readInputs } from './inputs';
import { inThisThread, workerPool, type Analyzer } from './jobs';
import { parseExtractOptions } from './options';
import { OutputError, type CliIo } from './output';
import type { WorkResult } from './work';

/** Bad inputs of one file reported one by one; past this, their count is given once the file is done. */
export const MAX_REPORTED_PER_FILE = 20;
/** Inputs submitted ahead of the one being written, per job: enough to keep every worker busy, few enough to hold. */
const AHEAD_PER_JOB = 4;

export async function runExtract(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseExtractOptions(args);
  const analyzer: Analyzer = options.jobs === 1 ? inThisThread(options) : workerPool(options.jobs, options);
  let failures = 0;
  const reported = new Map<string, number>();
  const fail = (file: string, where: string, message: string) => {
    failures++;
    const n = (reported.get(file) ?? 0) + 1;
    reported.set(file, n);
    if (n <= MAX_REPORTED_PER_FILE) io.err(`news-annotate: ${where}: ${message}\n`);
  };
  const summarize = (file: string) => {
    const n = reported.get(file) ?? 0;
    if (n > MAX_REPORTED_PER_FILE) io.err(`news-annotate: ${file}: ${n - MAX_REPORTED_PER_FILE} more bad inputs not shown (${n} in all)\n`);
    reported.delete(file);
  };
  // In input order: each entry is written (or reported) once it and all before it are done.
  const ahead: { file: string; where: string; result: Promise<WorkResult> }[] = [];
  let lastFile: string | undefined;
  const writeFirst = async () => {
    const { file, where, result } = ahead.shift()!;
    if (file !== lastFile && lastFile !== undefined) summarize(lastFile);
    lastFile = file;
    const r = await result;
    if (r.error !== undefined) fail(file, where, r.error);
    else if (r.out !== undefined) io.out(r.out);
  };
  try {
    for await (const input of readInputs(options.inputs, options.jsonl)) {
      const result = 'error' in input ? Promise.resolve({ error: input.error }) : analyzer.submit(input.work);
      result.catch(() => undefined); // awaited in order below; a worker's death must not go unhandled meanwhile
      ahead.push({ file: input.file, where: input.where, result });
      while (ahead.length > AHEAD_PER_JOB * options.jobs) await writeFirst();
    }
    while (ahead.length > 0) await writeFirst();
    if (lastFile !== undefined) summarize(lastFile);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    io.err(`news-annotate: ${e.message}\n`);
    return 1;
  } finally {
    await analyzer.close();
  }
  return failures > 0 ? 1 : 0;
}
