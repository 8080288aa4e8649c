// Writing a file so that a reader, a crash or a power loss never leaves half of it, nor none: a temporary file beside
// the target, written and flushed to disk (fsync), renamed over the target, then the directory flushed so the rename
// itself is on disk. A symbolic link is written through to its target (the link stays a link) when the target lies
// inside the given directory, and refused otherwise; a target that is not a regular file is never written. Temporary
// files left by a crash carry our own name pattern and are removed later (removeLeftoverTemps). Node only, no vscode.
import { createHash } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { describeKind, isInside, resolvedTarget } from './regularFile';

const tempStamp = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** "story.annotations.yaml" → "story.annotations.yaml.<base-36 time and random>.tmp". */
export function tempPathFor(target: string): string {
  return `${target}.${tempStamp()}.tmp`;
}

/**
 * The temporary file's name when tempPathFor's is too long for the file system (most allow 255 bytes; an article
 * named by a long headline in Cyrillic or Greek gets near that): ".<hash of the name>.<time and random>.tmp".
 */
export function shortTempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${nameHash(path.basename(target))}.${tempStamp()}.tmp`);
}

const nameHash = (name: string): string => createHash('sha256').update(name).digest('hex').slice(0, 16);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Our temporary files for `name`, as tempPathFor and shortTempPathFor make them. */
const tempPattern = (name: string): RegExp =>
  new RegExp(`^(?:${escapeRegExp(name)}|\\.${nameHash(name)})\\.[0-9a-z]{5,20}\\.tmp$`);

/** Why a write was refused: a link out of the allowed directory, not a regular file, a name the file system refuses. */
export type RefusalReason = 'outside' | 'not-regular' | 'name-too-long';

/** A write that was refused before anything was written (the target is not ours to write, or cannot be). */
export class RefusedWriteError extends Error {
  constructor(readonly file: string, message: string, readonly reason: RefusalReason) {
    super(`${file} ${message}`);
    this.name = 'RefusedWriteError';
  }
}

const nameTooLong = (file: string): RefusedWriteError => new RefusedWriteError(file,
  `has a name too long for the file system (${Buffer.byteLength(path.basename(file))} bytes in UTF-8; most allow 255); it was not written`,
  'name-too-long');

const isNameTooLong = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'ENAMETOOLONG';

/**
 * Writes `bytes` to `file` atomically and durably (see the module comment). `within`: the directory a link's target
 * must lie in. Returns the path actually written (the link's target, or `file`).
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array, options: { within?: string } = {}): Promise<string> {
  const target = (await resolvedTarget(file)) ?? (await inRealFolder(file));
  if (options.within !== undefined && !(await isInside(target, options.within))) {
    throw new RefusedWriteError(file, `is a link to ${target}, outside ${options.within}; it was not written`, 'outside');
  }
  const existing = await fsp.stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw new RefusedWriteError(file, `is ${describeKind(existing)}, not a regular file; it was not written`, 'not-regular');
  }
  const { tmp, handle } = await createTemp(target, existing ? existing.mode & 0o777 : 0o666, file);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw isNameTooLong(e) ? nameTooLong(file) : e;
  }
  await syncDirectory(path.dirname(target));
  return target;
}

/**
 * A file not made yet, in its folder as the file system names it (links resolved): a folder reached through a link (a
 * workspace opened by a linked path; /tmp on macOS) is compared with `within` as it really is, as its files are.
 */
async function inRealFolder(file: string): Promise<string> {
  const dir = path.dirname(path.resolve(file));
  return path.join(await fsp.realpath(dir).catch(() => dir), path.basename(file));
}

/** The temporary file for `target`, created (never an existing one): tempPathFor's name, or the short one if that is too long. */
async function createTemp(target: string, mode: number, file: string): Promise<{ tmp: string; handle: fsp.FileHandle }> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;
  for (const tmp of [tempPathFor(target), shortTempPathFor(target)]) {
    try {
      return { tmp, handle: await fsp.open(tmp, flags, mode) };
    } catch (e) {
      if (!isNameTooLong(e)) throw e;
    }
  }
  throw nameTooLong(file); // even the short name is refused: the folder's path itself is too long
}

/** Flushes a directory's entries (a rename) to disk; where directories cannot be opened (Windows) the OS does it. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(dir, constants.O_RDONLY);
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw e;
  } finally {
    await handle.close();
  }
}

/** Temporary files older than this are leftovers of a crash; younger ones may be another window's write in progress. */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes our temporary files for `file` (tempPathFor's pattern, regular files only) left beside it (beside its link
 * target, where writes go) by a write that never finished; returns the paths removed. Nothing is touched when the
 * target lies outside `within`. Errors are ignored: this is housekeeping.
 */
export async function removeLeftoverTemps(file: string, options: { within?: string; now?: number } = {}): Promise<string[]> {
  const removed: string[] = [];
  const target = (await resolvedTarget(file).catch(() => undefined)) ?? path.resolve(file);
  if (options.within !== undefined && !(await isInside(target, options.within))) return removed;
  const now = options.now ?? Date.now();
  const dir = path.dirname(target), pattern = tempPattern(path.basename(target));
  let names: string[];
  try { names = await fsp.readdir(dir); } catch { return removed; }
  for (const name of names) {
    if (!pattern.test(name)) continue;
    const p = path.join(dir, name);
    try {
      const stats = await fsp.lstat(p);
      if (!stats.isFile() || now - stats.mtimeMs < STALE_TEMP_MS) continue;
      await fsp.rm(p);
      removed.push(p);
    } catch { /* gone already, or not ours to remove */ }
  }
  return removed;
}
