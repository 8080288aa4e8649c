// Hover on the user's own annotations: label, note, speaker and when it was made (decorations carry the same text,
// but a provider also answers vscode.executeHoverProvider and keyboard hovers).
import * as vscode from 'vscode';
import type { AnnotationManager } from './annotationManager';
import { describeAnnotation } from './annotationDecorations';

export class AnnotationHover implements vscode.HoverProvider {
  constructor(private readonly annotations: AnnotationManager) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const session = this.annotations.loaded(doc.uri);
    const here = session?.store.at(doc.offsetAt(pos), true).filter(a => !a.orphaned) ?? [];
    if (here.length === 0) return undefined;
    const a = here[0];
    return new vscode.Hover(here.map(describeAnnotation), new vscode.Range(doc.positionAt(a.anchor.start), doc.positionAt(a.anchor.end)));
  }
}
