// news-annotate: the analysis core on the command line, for batch users and for scoring.
//   news-annotate extract FILE.txt…        one JSON document per file: {"file","entities":[…]}
//   news-annotate extract --jsonl IN.jsonl  one line per input line {"id","entities":[…]} (score.mjs format)
// Bad input is reported on stderr with file (and line); the other inputs are still processed; exit 1 if any failed.
import fs from 'node:fs';
import { analyze, toScoredEntities } from './analysis';
import { decodeArticle } from './analysis/input';
import { EXPORT_USAGE, exportCommand } from './cli/export';
import { IMPORT_USAGE, importCommand } from './cli/import';

const USAGE = `usage:
  news-annotate extract FILE.txt...          print the people, dates and quotes of each file as JSON
  news-annotate extract --jsonl IN.jsonl...  read lines {"id","text"}, write lines {"id","entities"} ("-" = stdin)
${EXPORT_USAGE}
${IMPORT_USAGE}
options:
  --reference-date YYYY-MM-DD                resolve relative dates against this day when an article states none`;

interface Options { jsonl: boolean; referenceDate?: string; inputs: string[] }

function parseArgs(argv: string[]): Options | string {
  if (argv[0] !== 'extract') return argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' ? '' : `unknown command "${argv[0]}"`;
  const o: Options = { jsonl: false, inputs: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--jsonl') o.jsonl = true;
    else if (a === '--reference-date') {
      const v = argv[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return '--reference-date takes a date as YYYY-MM-DD';
      o.referenceDate = v;
    } else if (a.startsWith('--')) return `unknown option "${a}"`;
    else o.inputs.push(a);
  }
  if (o.inputs.length === 0) return 'no input files given';
  return o;
}

function readInput(file: string): Buffer {
  return file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
}

function describeReadError(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EISDIR') return `${file}: is a directory`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file}: cannot read (${(e as Error).message})`;
}

/** The file's text, or undefined after reporting why it cannot be read as UTF-8 text. */
function readText(file: string, fail: (s: string) => void): string | undefined {
  let bytes: Buffer;
  try { bytes = readInput(file); } catch (e) { fail(describeReadError(file, e)); return undefined; }
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) { fail(`${file}: ${decoded.reason}`); return undefined; }
  return decoded.text;
}

function extractFiles(o: Options, write: (s: string) => void, fail: (s: string) => void): void {
  for (const file of o.inputs) {
    const text = readText(file, fail);
    if (text === undefined) continue;
    const entities = toScoredEntities(analyze(text, { referenceDate: o.referenceDate }));
    write(JSON.stringify({ file, entities }) + '\n');
  }
}

function extractJsonl(o: Options, write: (s: string) => void, fail: (s: string) => void): void {
  for (const file of o.inputs) {
    const text = readText(file, fail);
    if (text === undefined) continue;
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      let doc: unknown;
      try { doc = JSON.parse(line); } catch (e) { fail(`${where}: not valid JSON (${(e as Error).message})`); return; }
      const d = doc as { id?: unknown; text?: unknown };
      if (d === null || typeof d !== 'object' || d.id === undefined || d.id === null) { fail(`${where}: no "id" field`); return; }
      if (typeof d.text !== 'string') { fail(`${where}: no "text" string field`); return; }
      const entities = toScoredEntities(analyze(d.text, { referenceDate: o.referenceDate }));
      write(JSON.stringify({ id: d.id, entities }) + '\n');
    });
  }
}

export interface CliIo { out(s: string): void; err(s: string): void }
const processIo: CliIo = { out: s => { process.stdout.write(s); }, err: s => { process.stderr.write(s); } };

export function main(argv: string[], io: CliIo = processIo): number {
  if (argv[0] === 'export') return exportCommand(argv.slice(1), io);
  if (argv[0] === 'import') return importCommand(argv.slice(1), io);
  const o = parseArgs(argv);
  if (typeof o === 'string') {
    if (o) io.err(`news-annotate: ${o}\n`);
    io.err(USAGE + '\n');
    return o ? 2 : 0;
  }
  let failures = 0;
  const fail = (msg: string) => { failures++; io.err(`news-annotate: ${msg}\n`); };
  (o.jsonl ? extractJsonl : extractFiles)(o, io.out, fail);
  return failures > 0 ? 1 : 0;
}

if (require.main === module) {
  // A reader that stops early (`| head`, `| cmp`) closes the pipe: stop quietly, as Unix tools do, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
  process.exitCode = main(process.argv.slice(2));
}
