// An article renamed or moved in VS Code (Explorer, drag and drop, workspace.applyEdit) takes its annotations along:
// its sidecar is renamed with it, in the same operation. When no sidecar is on disk although the article has
// annotations (its write failed: a name too long for the file system), the annotations in memory are written under the
// new name instead; annotations that could not be saved are kept for the new name, and for the old one until VS Code
// reports the rename done (AnnotationManager.willRename, didRename). A sidecar that holds another article's annotations (a.txt's, when a.TXT is renamed) stays. A folder's sidecars move with the folder by themselves. Renames made outside VS Code (a shell, git) are not seen: the
// sidecar then stays under the old name.
import * as vscode from 'vscode';
import { fileNameOf, isSidecarPath, MAX_SIDECAR_BYTES, readSidecar } from '../../annotations';
import { Disposable } from '../disposable';
import { openDocument } from '../openDocuments';
import type { AnnotationManager } from './annotationManager';
import { readFileAtMost, sidecarStateOf, sidecarUriFor } from './sidecarFiles';

export class SidecarRenames extends Disposable {
  constructor(private readonly annotations: AnnotationManager, private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(vscode.workspace.onWillRenameFiles(e => e.waitUntil(this.editFor(e.files))));
    this.register(vscode.workspace.onDidRenameFiles(e => {
      // By what was under way, not by the open articles: VS Code may have closed the old one already.
      for (const [from, to] of annotations.renamesUnderWay()) {
        if (e.files.some(f => movedUri(from, f.oldUri, f.newUri)?.toString() === to.toString())) annotations.didRename(from, to);
      }
    }));
  }

  /** What to do with the sidecars of the files being renamed, as one edit that VS Code applies with the rename. */
  private async editFor(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
    const edit = new vscode.WorkspaceEdit();
    for (const { oldUri, newUri } of files) {
      // Open articles renamed, or inside a folder renamed: their sidecars move, what they could not save goes along.
      for (const session of this.annotations.allLoaded()) {
        const moved = movedUri(session.articleUri, oldUri, newUri);
        if (moved) this.annotations.willRename(session.articleUri, moved);
      }
      if (isSidecarPath(oldUri.path) || isSidecarPath(newUri.path)) continue; // the sidecar itself, renamed by hand
      const type = await typeOf(oldUri);
      if (type === undefined || (type & vscode.FileType.Directory) !== 0) continue;
      const from = sidecarUriFor(oldUri), to = sidecarUriFor(newUri);
      if (from.toString() === to.toString()) continue; // story.txt → story.text: the same sidecar
      // A sidecar that holds the annotations of another article of its name (a.txt's, a.TXT renamed) stays with that one.
      const onDisk = (await typeOf(from)) !== undefined && !(await holdsAnotherArticle(from, oldUri));
      const inMemory = onDisk ? undefined : this.unsavedSidecar(oldUri, newUri);
      if (!onDisk && inMemory === undefined) continue;
      // story.txt → Story.txt on a file system that ignores case: the "existing" file is the sidecar itself.
      const caseOnly = from.path.toLowerCase() === to.path.toLowerCase();
      if (!caseOnly && (await typeOf(to)) !== undefined) {
        const kept = onDisk ? `stay in ${vscode.workspace.asRelativePath(from)}` : 'are kept in memory';
        const message = `${vscode.workspace.asRelativePath(to)} already exists, so the annotations of ${fileNameOf(oldUri.path)} ${kept}`;
        this.log.warn(message);
        void vscode.window.showWarningMessage(`News Annotator: ${message}.`);
        continue;
      }
      // Never over a file that appeared meanwhile (nor, for a change of case only, over the sidecar itself).
      if (onDisk) edit.renameFile(from, to, { ignoreIfExists: true });
      else edit.createFile(to, { contents: inMemory, ignoreIfExists: true });
    }
    return edit;
  }

  /** The annotations of the open article at `oldUri`, for its new name, when only memory holds them. */
  private unsavedSidecar(oldUri: vscode.Uri, newUri: vscode.Uri): Uint8Array | undefined {
    const session = this.annotations.loaded(oldUri), doc = openDocument(oldUri);
    return session && doc ? session.unsavedSidecarFor(doc.getText(), fileNameOf(newUri.path)) : undefined;
  }
}

/**
 * Whether the sidecar `file` beside `article` is another article's (sidecarStateOf: `a.txt`'s for `a.TXT`). A file
 * that cannot be read is not: it moves with the article unchanged, as before.
 */
async function holdsAnotherArticle(file: vscode.Uri, article: vscode.Uri): Promise<boolean> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readFileAtMost(file, MAX_SIDECAR_BYTES);
  } catch {
    return false;
  }
  const name = vscode.workspace.asRelativePath(file);
  const state = readSidecar(bytes, name, fileNameOf(article.path));
  return state.readable && !(await sidecarStateOf(state, name, article)).readable;
}

/** Where `uri` is after `from` is renamed `to`: `to` itself, or below it when `from` is a folder holding `uri`. */
function movedUri(uri: vscode.Uri, from: vscode.Uri, to: vscode.Uri): vscode.Uri | undefined {
  if (uri.toString() === from.toString()) return to;
  const folder = from.toString().replace(/\/?$/, '/');
  return uri.toString().startsWith(folder) ? vscode.Uri.parse(to.toString().replace(/\/?$/, '/') + uri.toString().slice(folder.length)) : undefined;
}

/** The file type at `uri`, or undefined when nothing is there. */
async function typeOf(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch {
    return undefined;
  }
}
