// Command-line options: parsing and checking, so a wrong option is a usage error (exit 2) with a message that says
// what is wrong, before any input is read.
import os from 'node:os';

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXTRACT_USAGE = `  news-annotate extract FILE.txt...          print the people, dates and quotes of each file as JSON
  news-annotate extract --jsonl IN.jsonl...  read lines {"id","text"}, write lines {"id","entities"} ("-" = stdin)
    --jobs N                                 analyse in N worker threads, 1 = in the main thread (default: the number
                                             of cores less one, ${defaultJobs()} here); the output stays in input order`;

/** The options every command takes. */
export const EXTRACT_OPTIONS_USAGE = `options:
  --reference-date YYYY-MM-DD                resolve relative dates against this day when an article states none`;

export interface ExtractOptions {
  jsonl: boolean;
  referenceDate?: string;
  jobs: number;
  inputs: string[];
}

/**
 * One core is left to V8's own threads: an analysis in one thread keeps the optimising compiler busy on a second
 * core (measured on 2 cores: 3.1 s wall, 4.6 s CPU; 4.7 s wall with that compiler made to run in the main thread),
 * and each worker compiles the analyzer anew, so on 2 cores two workers took longer than one thread.
 */
export function defaultJobs(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores - 1);
}

/** More threads than this would only compete for the same cores. */
const MAX_JOBS = 64;

/** True for a real calendar day written YYYY-MM-DD (2016-02-29 yes, 2015-02-29 and 2016-13-45 no). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** Options of `extract` (the arguments after the command name). */
export function parseExtractOptions(args: readonly string[]): ExtractOptions {
  const o: ExtractOptions = { jsonl: false, jobs: defaultJobs(), inputs: [] };
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) { o.inputs.push(arg); continue; }
    if (arg === '--') { optionsEnded = true; continue; }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      if (i + 1 >= args.length) throw new UsageError(`${name} needs a value`);
      return args[++i];
    };
    switch (name) {
      case '--jsonl':
        if (eq > 0) throw new UsageError('--jsonl takes no value');
        o.jsonl = true;
        break;
      case '--reference-date': {
        const v = value();
        if (!isCalendarDate(v)) throw new UsageError(`--reference-date takes a calendar day as YYYY-MM-DD, not "${v}"`);
        o.referenceDate = v;
        break;
      }
      case '--jobs': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_JOBS) throw new UsageError(`--jobs takes a whole number from 1 to ${MAX_JOBS}, not "${v}"`);
        o.jobs = Number(v);
        break;
      }
      default:
        throw new UsageError(`unknown option "${name}"`);
    }
  }
  if (o.inputs.length === 0) throw new UsageError('no input files given');
  if (o.inputs.filter(f => f === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  return o;
}
