// news-annotate: the analysis core on the command line, for batch users and for scoring. This file only dispatches;
// each command lives in src/cli/:
//   news-annotate extract FILE.txt…        one JSON document per file: {"file","entities":[…]}      (cli/extract.ts)
//   news-annotate extract --jsonl IN.jsonl  one line per input line {"id","entities":[…]} (score.mjs format)
//   news-annotate export / import           annotations to and from brat, W3C, CSV, JSONL    (cli/export.ts, import.ts)
// Usage errors exit 2; bad inputs are reported on stderr and exit 1; a failed write of the output stops the run.
import { isMainThread } from 'node:worker_threads';
import { EXPORT_USAGE, exportCommand } from './cli/export';
import { runExtract } from './cli/extract';
import { IMPORT_USAGE, importCommand } from './cli/import';
import { EXTRACT_OPTIONS_USAGE, EXTRACT_USAGE, UsageError } from './cli/options';
import { OutputError, processIo, type CliIo } from './cli/output';

export type { CliIo };

const USAGE = `usage:
${EXTRACT_USAGE}
${EXPORT_USAGE}
${IMPORT_USAGE}
${EXTRACT_OPTIONS_USAGE}`;

/** What an error ends the run with: a usage error prints the usage (2), a failed output write one line (1). */
function ended(e: unknown, io: CliIo): number {
  if (e instanceof OutputError) { io.err(`news-annotate: ${e.message}\n`); return 1; }
  if (e instanceof UsageError) { io.err(`news-annotate: ${e.message}\n${USAGE}\n`); return 2; }
  throw e;
}

/**
 * Runs one command. The commands are asynchronous (they read files as src/io does, and extract may analyse in worker
 * threads): their exit code comes as a promise; the usage answers at once.
 */
export function main(argv: readonly string[], io: CliIo = processIo()): number | Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'extract': return runExtract(args, io).catch(e => ended(e, io));
      case 'export': return exportCommand(args, io).catch(e => ended(e, io));
      case 'import': return importCommand(args, io).catch(e => ended(e, io));
      case '--help': case '-h': case 'help': io.out(USAGE + '\n'); return 0;
      case undefined: throw new UsageError('no command given');
      default: throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    return ended(e, io);
  }
}

// Worker threads run this same bundle (cli/jobs.ts): only the main thread runs the command.
if (require.main === module && isMainThread) {
  Promise.resolve(main(process.argv.slice(2))).then(code => { process.exitCode = code; }, e => {
    process.stderr.write(`news-annotate: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 70;
  });
}
