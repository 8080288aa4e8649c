// Where the command line writes: standard output for results, standard error for messages. Results are written
// synchronously, so a failed write (a full disk, a reader that closed the pipe) is known at once and the run can
// stop instead of analysing every remaining input for nobody.
import fs from 'node:fs';

export interface CliIo {
  /** Writes results; throws OutputError when they cannot be written. */
  out(s: string): void;
  /** Writes a message; never throws. */
  err(s: string): void;
}

/** Standard output could not be written: the run stops with this one line on stderr and exit code 1. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(readonly code: string | undefined, message: string) { super(message); }
}

const REASONS: Record<string, string> = {
  EPIPE: 'the reader closed the pipe',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the output file is too large',
  EIO: 'an input/output error',
};

/** What a failed write of standard output tells the user. */
export function describeOutputError(e: unknown): OutputError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = (code && REASONS[code]) ?? (e as Error).message;
  return new OutputError(code, `cannot write the output: ${reason}${code ? ` (${code})` : ''}; stopped`);
}

/** Blocks this thread for `ms` (standard output is a non-blocking pipe that is full: wait for the reader). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Writes all of `s` to file descriptor `fd`, waiting while a non-blocking pipe is full. */
export function writeAll(fd: number, s: string): void {
  const bytes = Buffer.from(s, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += fs.writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      pause(5);
    }
  }
}

/** The process's standard output and error. */
export function processIo(): CliIo {
  return {
    out: s => {
      try { writeAll(1, s); } catch (e) { throw describeOutputError(e); }
    },
    err: s => {
      try { writeAll(2, s); } catch { /* nowhere left to report it */ }
    },
  };
}
