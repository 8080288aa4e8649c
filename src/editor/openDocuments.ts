// The open text document behind a uri, for code that keeps articles by uri string (the tree, navigation, annotations).
import * as vscode from 'vscode';

/** The open (not closed) document whose uri is `uri` (a Uri or its toString()), if any. */
export function openDocument(uri: vscode.Uri | string): vscode.TextDocument | undefined {
  const key = typeof uri === 'string' ? uri : uri.toString();
  return vscode.workspace.textDocuments.find(d => !d.isClosed && d.uri.toString() === key);
}
