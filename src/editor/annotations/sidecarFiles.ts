// Sidecar file I/O. On local disks (file: URIs) through src/io with Node's fs: only a regular file is read, never more
// than the limit whatever stat says, without blocking on a FIFO; a write is atomic and durable (temp file, fsync,
// rename, fsync of the directory), through a symbolic link only to a target inside the workspace; our temporary
// files left by a crash are removed when the sidecar is next read. Other file systems (remote, virtual) go through
// vscode.workspace.fs, which offers a file type and a size but no bounded read.
import path from 'node:path';
import * as vscode from 'vscode';
import { fileNameOf, SidecarError, sidecarPathFor, sidecarStateFor, type SidecarState } from '../../annotations';
import {
  isOtherFile, readRegularFile, RefusedWriteError, removeLeftoverTemps, tempPathFor, tooLarge, UnreadableFileError, writeFileAtomically,
} from '../../io';

export { RefusedWriteError, UnreadableFileError };

export function sidecarUriFor(article: vscode.Uri): vscode.Uri {
  return article.with({ path: sidecarPathFor(article.path) });
}

/**
 * The sidecar `state` as the article may use it: unreadable when it holds the annotations of another article of the
 * same sidecar name beside it (sidecarStateFor). On a local disk "another" is by file identity; other file systems
 * tell no identity, so there only a name differing by more than case counts (`a.TXT` may be `a.txt` itself there).
 */
export function sidecarStateOf(state: SidecarState, sidecarName: string, article: vscode.Uri): Promise<SidecarState> {
  if (article.scheme === 'file') return sidecarStateFor(state, sidecarName, article.fsPath, other => isOtherFile(article.fsPath, other));
  return sidecarStateFor(state, sidecarName, article.path, async other => {
    if (fileNameOf(other).toLowerCase() === fileNameOf(article.path).toLowerCase()) return false;
    try { await vscode.workspace.fs.stat(article.with({ path: other })); return true; } catch { return false; }
  });
}

/** The sidecar `name` as unreadable for the reason `e` gives (a directory, a FIFO, a link out, a file over the limit). */
export function unreadableSidecar(name: string, e: UnreadableFileError): SidecarError {
  const reason = `the file ${e.message}${e.code === 'too-large' ? ' for an annotations file' : ''}${e.code === 'outside' ? '' : '; it was not read'}`;
  return new SidecarError(name, [{ message: reason }]);
}

/**
 * The directory a sidecar (or the target of a link it is) must lie in: its workspace folder, or, for an article
 * opened from outside every folder, the article's own directory.
 */
function boundaryOf(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : path.dirname(uri.fsPath);
}

/** The sidecar's bytes, or undefined if there is none; throws UnreadableFileError when it is not a file we may read. */
export async function readSidecarFile(uri: vscode.Uri, limit: number): Promise<Uint8Array | undefined> {
  if (uri.scheme !== 'file') return readFileAtMost(uri, limit);
  const within = boundaryOf(uri);
  await removeLeftoverTemps(uri.fsPath, { within });
  return readFileAtMost(uri, limit, within);
}

/**
 * The bytes of the regular file at `uri`, at most `limit` of them, or undefined if there is none; throws
 * UnreadableFileError for a file over the limit, anything that is not a regular file, or (`within`, local disks) a
 * link to a file outside that directory.
 */
export async function readFileAtMost(uri: vscode.Uri, limit: number, within?: string): Promise<Uint8Array | undefined> {
  if (uri.scheme === 'file') return readRegularFile(uri.fsPath, limit, { within });
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
  if ((stat.type & vscode.FileType.File) === 0) throw new UnreadableFileError(uri.path, 'is not a regular file', 'not-regular');
  if (stat.size > limit) throw tooLarge(uri.path, stat.size, limit);
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.byteLength > limit) throw tooLarge(uri.path, undefined, limit);
  return bytes;
}

/**
 * Write so that a reader never sees half a file, nor no file. Other file systems go through workspace.fs: a
 * temporary file, then a rename over the target.
 */
export async function writeAtomically(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  if (uri.scheme === 'file') {
    await writeFileAtomically(uri.fsPath, bytes, { within: boundaryOf(uri) });
    return;
  }
  const tmp = uri.with({ path: tempPathFor(uri.path) });
  await vscode.workspace.fs.writeFile(tmp, bytes);
  try {
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}

export async function deleteIfPresent(uri: vscode.Uri): Promise<void> {
  try { await vscode.workspace.fs.delete(uri); } catch (e) {
    if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
  }
}
