// Reading a file that may be anything: only a regular file is read, and never more than a limit, whatever stat says
// (a device reports size 0 and never ends, a file can grow while it is read). Opened without blocking, so a FIFO
// (which would wait for a writer forever) is seen for what it is by fstat before anything is read. Node only, no vscode.
import { constants, promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';

/** Why a file was not read; `message` completes "<name> …" ("is a FIFO (named pipe), not a regular file"). */
export class UnreadableFileError extends Error {
  constructor(readonly file: string, message: string, readonly code: 'not-regular' | 'too-large' | 'outside' | 'io') {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** What a file system entry is, in words, for a message ("is a directory"). */
export function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const MB = 1024 * 1024;
export const formatMB = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

/**
 * The bytes of the regular file at `file`, at most `limit` of them, or undefined if there is no file. Throws
 * UnreadableFileError for anything else: a directory, FIFO, socket or device, a file over the limit (by stat or by
 * what was actually read), a link whose target lies outside `within` (when given).
 */
export async function readRegularFile(file: string, limit: number, options: { within?: string } = {}): Promise<Uint8Array | undefined> {
  let target = file;
  if (options.within !== undefined) {
    const resolved = await resolvedTarget(file);
    if (resolved === undefined) return undefined;
    // stat does not open: a link's target is named for what it is (a device, a FIFO) before anything else.
    const stats = await fsp.stat(resolved).catch(() => undefined);
    if (stats && !stats.isFile()) throw new UnreadableFileError(file, `is a link to ${describeKind(stats)} (${resolved}), not a regular file`, 'not-regular');
    if (!(await isInside(resolved, options.within))) {
      throw new UnreadableFileError(file, `is a link to ${resolved}, outside ${options.within}; it is neither read nor written`, 'outside');
    }
    target = resolved;
  }
  const opened = await openRegularFile(target, file);
  if (opened === undefined) return undefined;
  try {
    if (opened.size > limit) throw tooLarge(file, opened.size, limit);
    return await readAtMost(fileSource(opened.handle), limit, file);
  } finally {
    await opened.handle.close();
  }
}

/**
 * The regular file at `file` opened for reading (the caller closes it), with its size by fstat; undefined if there is
 * no file; UnreadableFileError for anything that is not a regular file. `name` is the file as the user gave it.
 */
export async function openRegularFile(file: string, name = file): Promise<{ handle: fsp.FileHandle; size: number } | undefined> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, READ_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A name too long for the file system: no such file can be there.
    if (code === 'ENOENT' || code === 'ENAMETOOLONG') return undefined;
    if (code === 'ENXIO') throw new UnreadableFileError(name, 'is a socket or device, not a regular file', 'not-regular');
    if (code === 'EACCES' || code === 'EPERM') throw new UnreadableFileError(name, 'cannot be read: permission denied', 'io');
    throw new UnreadableFileError(name, `cannot be opened (${(e as Error).message})`, 'io');
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UnreadableFileError(name, `is ${describeKind(stats)}, not a regular file`, 'not-regular');
    return { handle, size: stats.size };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** `size` known from stat, or undefined when the read went past the limit (a device, a file still growing). */
export function tooLarge(file: string, size: number | undefined, limit: number): UnreadableFileError {
  return new UnreadableFileError(file, size === undefined ? `holds more than the ${formatMB(limit)} limit` : `is ${formatMB(size)}, above the ${formatMB(limit)} limit`, 'too-large');
}

/** Something to read bytes from: an open file, or standard input. */
export interface ByteSource {
  read(buffer: Uint8Array, offset: number, length: number): Promise<number>;
}

/** A FileHandle as a ByteSource, reading on from where it is. */
export const fileSource = (handle: fsp.FileHandle): ByteSource => ({
  read: async (buffer, offset, length) => (await handle.read(buffer, offset, length, null)).bytesRead,
});

/** Reads to the end, or throws once more than `limit` bytes came (a file growing while it is read, a device). */
export async function readAtMost(source: ByteSource, limit: number, file: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    const bytesRead = await source.read(chunk, 0, chunk.length);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > limit) throw tooLarge(file, undefined, limit);
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** How many links may be followed before giving up (the kernel's own limit, ELOOP). */
const MAX_LINKS = 40;

/**
 * The path a file's links lead to (the path itself when it is no link), even when the last target does not exist
 * yet; undefined when nothing is there at all. Directories on the way are resolved too (realpath).
 */
export async function resolvedTarget(file: string): Promise<string | undefined> {
  let current = path.resolve(file);
  for (let hops = 0; ; hops++) {
    let stats: Stats;
    try {
      stats = await fsp.lstat(current);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENAMETOOLONG') throw e; // a name too long for the file system: nothing is there
      if (hops === 0) return undefined;
      return path.join(await fsp.realpath(path.dirname(current)), path.basename(current)); // a link to a file not made yet
    }
    if (!stats.isSymbolicLink()) return path.join(await fsp.realpath(path.dirname(current)), path.basename(current));
    if (hops >= MAX_LINKS) throw new UnreadableFileError(file, 'is a loop of symbolic links', 'io');
    current = path.resolve(path.dirname(current), await fsp.readlink(current));
  }
}

/** Whether `file` (a resolved path) lies inside the directory `dir` (resolved through its links). */
export async function isInside(file: string, dir: string): Promise<boolean> {
  const root = await fsp.realpath(dir).catch(() => path.resolve(dir));
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
