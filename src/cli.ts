// news-annotate: the analysis core on the command line, for batch users and for scoring. This file only dispatches;
// each command lives in src/cli/:
//   news-annotate extract FILE.txt…        one JSON document per file: {"file","entities":[…]}      (cli/extract.ts)
//   news-annotate extract --jsonl IN.jsonl  one line per input line {"id","entities":[…]} (score.mjs format)
// Usage errors exit 2; bad inputs are reported on stderr and exit 1; a failed write of the output stops the run.
import { isMainThread } from 'node:worker_threads';
import { runExtract } from './cli/extract';
import { EXTRACT_USAGE, UsageError } from './cli/options';
import { OutputError, processIo, type CliIo } from './cli/output';

export type { CliIo };

const USAGE = `news-annotate: people, dates and quotations in news articles.
${EXTRACT_USAGE}`;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'extract': return await runExtract(args, io);
      case '--help': case '-h': case 'help': io.out(USAGE + '\n'); return 0;
      case undefined: throw new UsageError('no command given');
      default: throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof OutputError) { io.err(`news-annotate: ${e.message}\n`); return 1; }
    if (!(e instanceof UsageError)) throw e;
    io.err(`news-annotate: ${e.message}\n${USAGE}\n`);
    return 2;
  }
}

// Worker threads run this same bundle (cli/jobs.ts): only the main thread runs the command.
if (require.main === module && isMainThread) {
  main(process.argv.slice(2)).then(code => { process.exitCode = code; }, e => {
    process.stderr.write(`news-annotate: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 70;
  });
}
