// The inputs of `extract`, read safely and in order: an article file only if it is a regular file (or standard
// input), never past MAX_INPUT_BYTES whatever stat says; a JSONL file line by line as its bytes arrive, so one bad
// line (invalid UTF-8, a NUL, broken JSON) is reported with its number and the others are still processed.
import fs from 'node:fs';
import { fileSource, formatMB, openRegularFile, readAtMost, readRegularFile, UnreadableFileError, type ByteSource } from '../io';
import type { Work } from './work';

/** The largest article (or UTF-16 JSONL file, decoded whole) read; far above what one analysis should be asked. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** The longest JSONL line read; a longer one is reported and skipped. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** One input in order: something to analyse, or a message for stderr. `where` is "file" or "file:line". */
export type Input = { file: string; where: string } & ({ work: Work } | { error: string });

const STDIN = '-';
const CHUNK_BYTES = 1 << 20;

/** Standard input as a ByteSource. */
const stdinSource: ByteSource = {
  read: (buffer, offset, length) => new Promise((resolve, reject) => {
    fs.read(0, buffer, offset, length, null, (e, n) => {
      if (!e) resolve(n);
      else if (e.code === 'EAGAIN') setTimeout(() => stdinSource.read(buffer, offset, length).then(resolve, reject), 5);
      else if (e.code === 'EOF') resolve(0);
      else reject(e);
    });
  }),
};

function describeReadError(file: string, e: unknown): string {
  if (e instanceof UnreadableFileError) return e.message;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'is a directory, not a regular file';
  if (code === 'EACCES') return 'cannot be read: permission denied';
  return `cannot be read (${(e as Error).message})`;
}

/** The inputs of the files, in order: whole articles, or the lines of JSONL files. */
export async function* readInputs(files: readonly string[], jsonl: boolean): AsyncGenerator<Input> {
  for (const file of files) {
    if (jsonl) yield* jsonlInputs(file);
    else yield await articleInput(file);
  }
}

/** How a file is named in messages: standard input by its name, not "-". */
const nameOf = (file: string) => (file === STDIN ? 'standard input' : file);

async function articleInput(file: string): Promise<Input> {
  const where = nameOf(file);
  try {
    const bytes = file === STDIN ? await readAtMost(stdinSource, MAX_INPUT_BYTES, 'standard input') : await readRegularFile(file, MAX_INPUT_BYTES);
    if (bytes === undefined) return { file, where, error: 'no such file' };
    return { file, where, work: { kind: 'article', name: file, bytes } };
  } catch (e) {
    return { file, where, error: describeReadError(file, e) };
  }
}

/** The lines of one JSONL file as work, bad ones as errors (at most MAX_REPORTED_BAD_LINES of them, then a count). */
async function* jsonlInputs(file: string): AsyncGenerator<Input> {
  let source: ByteSource, close = async () => {};
  if (file === STDIN) source = stdinSource;
  else {
    try {
      const opened = await openRegularFile(file);
      if (opened === undefined) { yield { file, where: file, error: 'no such file' }; return; }
      source = fileSource(opened.handle);
      close = () => opened.handle.close();
    } catch (e) {
      yield { file, where: file, error: describeReadError(file, e) };
      return;
    }
  }
  try {
    yield* jsonlLines(file, source);
  } catch (e) {
    yield { file, where: nameOf(file), error: describeReadError(file, e) };
  } finally {
    await close();
  }
}

/** Splits the bytes of `source` into lines as they arrive (a UTF-16 file, marked by its BOM, is decoded whole). */
async function* jsonlLines(file: string, source: ByteSource): AsyncGenerator<Input> {
  let lineNo = 0;
  let pending: Uint8Array[] = [], pendingBytes = 0, tooLong = false, first = true;
  const where = () => `${nameOf(file)}:${lineNo}`;
  for (;;) {
    const chunk = new Uint8Array(CHUNK_BYTES);
    const n = await source.read(chunk, 0, chunk.length);
    let bytes = chunk.subarray(0, n);
    if (first) {
      first = false;
      if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        yield* utf16Lines(file, source, bytes);
        return;
      }
      if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    if (n === 0) break;
    let from = 0;
    for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, from)) {
      lineNo++;
      const piece = bytes.subarray(from, nl);
      from = nl + 1;
      if (tooLong || pendingBytes + piece.length > MAX_LINE_BYTES) yield { file, where: where(), error: `longer than ${formatMB(MAX_LINE_BYTES)}, skipped` };
      else yield { file, where: where(), work: { kind: 'line', bytes: withoutCarriageReturn(joined(pending, pendingBytes, piece)) } };
      pending = []; pendingBytes = 0; tooLong = false;
    }
    const rest = bytes.subarray(from);
    if (tooLong || pendingBytes + rest.length > MAX_LINE_BYTES) { tooLong = true; pending = []; pendingBytes = 0; continue; }
    if (rest.length > 0) { pending.push(rest); pendingBytes += rest.length; }
  }
  if (tooLong) { lineNo++; yield { file, where: where(), error: `longer than ${formatMB(MAX_LINE_BYTES)}, skipped` }; }
  else if (pendingBytes > 0) { lineNo++; yield { file, where: where(), work: { kind: 'line', bytes: withoutCarriageReturn(joined(pending, pendingBytes, new Uint8Array(0))) } }; }
}

/** The pending pieces and the last one as one array of its own (never a view into a shared chunk). */
function joined(pending: Uint8Array[], pendingBytes: number, last: Uint8Array): Uint8Array {
  const out = new Uint8Array(pendingBytes + last.length);
  let at = 0;
  for (const p of pending) { out.set(p, at); at += p.length; }
  out.set(last, at);
  return out;
}

const withoutCarriageReturn = (b: Uint8Array) => (b.length > 0 && b[b.length - 1] === 13 ? b.subarray(0, b.length - 1) : b);

/** A JSONL file in UTF-16 (it starts with a byte-order mark): read whole, within MAX_INPUT_BYTES, then split. */
async function* utf16Lines(file: string, source: ByteSource, start: Uint8Array): AsyncGenerator<Input> {
  const rest = await readAtMost(source, MAX_INPUT_BYTES - start.length, file);
  const bytes = joined([start], start.length, rest);
  let text: string;
  try {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
  } catch {
    yield { file, where: nameOf(file), error: 'is not valid UTF-16 text (it starts with a UTF-16 byte-order mark)' };
    return;
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [i, line] of lines.entries()) yield { file, where: `${nameOf(file)}:${i + 1}`, work: { kind: 'line-text', text: line } };
}
