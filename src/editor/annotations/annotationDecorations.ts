// Draws the user's annotations in the editor: a background per kind in theme colours (contributes.colors), a mark in
// the overview ruler, and a hover with the label, note and when it was made.
import * as vscode from 'vscode';
import { kindLabel, type Annotation, type AnnotationKind } from '../../annotations';
import type { AnnotationManager } from './annotationManager';
import { escapeMarkdown as escapeMd } from '../describe';

const KINDS: AnnotationKind[] = ['person', 'date', 'quote', 'label'];

function decorationType(kind: AnnotationKind): vscode.TextEditorDecorationType {
  const colour = (part: string) => new vscode.ThemeColor(`newsAnnotator.${kind}Annotation${part}`);
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: colour('Background'),
    border: '1px solid',
    borderColor: colour('Border'),
    borderRadius: '2px',
    overviewRulerColor: colour('Ruler'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

export class AnnotationDecorations implements vscode.Disposable {
  private readonly types = new Map(KINDS.map(k => [k, decorationType(k)]));
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly annotations: AnnotationManager) {
    this.subscriptions = [
      annotations.onDidChange(uri => this.redraw(uri)),
      vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(e => this.draw(e))),
    ];
    vscode.window.visibleTextEditors.forEach(e => this.draw(e));
  }

  private redraw(uri: vscode.Uri): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === uri.toString()) this.draw(e);
  }

  private draw(editor: vscode.TextEditor): void {
    const session = this.annotations.loaded(editor.document.uri);
    const byKind = new Map<AnnotationKind, vscode.DecorationOptions[]>(KINDS.map(k => [k, []]));
    for (const a of session?.store.document.annotations ?? []) {
      if (a.orphaned) continue;
      const range = new vscode.Range(editor.document.positionAt(a.anchor.start), editor.document.positionAt(a.anchor.end));
      byKind.get(a.kind)!.push({ range, hoverMessage: describeAnnotation(a) });
    }
    for (const [kind, type] of this.types) editor.setDecorations(type, byKind.get(kind)!);
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export function describeAnnotation(a: Annotation): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`$(tag) **${escapeMd(kindLabel(a))}**`);
  if (a.speaker) md.appendMarkdown(` — said by **${escapeMd(a.speaker)}**`);
  if (a.note) md.appendMarkdown(`\n\n${escapeMd(a.note)}`);
  md.appendMarkdown(`\n\n_annotated ${new Date(a.created).toLocaleString()}_`);
  return md;
}

