// Sidecar file I/O through vscode.workspace.fs (works for local, remote and virtual workspaces): read if present,
// write atomically (temporary file + rename), delete.
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { sidecarPathFor } from '../../annotations';

export function sidecarUriFor(article: vscode.Uri): vscode.Uri {
  return article.with({ path: sidecarPathFor(article.path) });
}

export async function readIfPresent(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/** Size without reading, so a 50 MB file is refused before it is loaded. */
export async function sizeOf(uri: vscode.Uri): Promise<number | undefined> {
  try { return (await vscode.workspace.fs.stat(uri)).size; } catch { return undefined; }
}

/**
 * Write so that a reader never sees half a file, nor no file: a temporary file beside the target, then a rename
 * over it. On local disks this uses the OS rename, which replaces the target atomically (workspace.fs.rename with
 * overwrite deletes the target first, leaving a moment with no file); other file systems go through workspace.fs.
 */
export async function writeAtomically(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const tmp = uri.with({ path: `${uri.path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp` });
  if (uri.scheme === 'file') {
    await fsp.writeFile(tmp.fsPath, bytes);
    try { await fsp.rename(tmp.fsPath, uri.fsPath); } catch (e) { await fsp.rm(tmp.fsPath, { force: true }); throw e; }
    return;
  }
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
