// Draws what the reader did in the editor: their annotations (a background per kind in theme colours, see
// contributes.colors, and a mark in the overview ruler), an inline hint after each with its label and the first words
// of its note (setting newsAnnotator.annotations.inlineHints), a check mark after each entity they confirmed, and
// what they rejected in the plain text colour (the grammar, which knows nothing of decisions, would colour a name).
// The hover (../hover.ts) describes them; decorations carry no hover of their own, so nothing is listed twice.
import * as vscode from 'vscode';
import type { AnnotationKind } from '../../annotations';
import { noteSummary } from '../../entities/describe';
import type { ViewItem } from '../../entities/readerView';
import type { ArticleAnalyses } from '../articleAnalyses';
import { Disposable } from '../disposable';
import type { ReaderViews } from '../readerViews';
import { SECTION } from '../settings';
import type { AnnotationManager } from './annotationManager';

const KINDS: AnnotationKind[] = ['person', 'date', 'quote', 'label'];
const HINT_SETTING = 'annotations.inlineHints';
const HINT_CHARS = 40;

function kindDecoration(kind: AnnotationKind): vscode.TextEditorDecorationType {
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

/** The hint after an annotation: its label (for a label of the reader's own) and the first words of its note. */
export function hintOf(a: Pick<ViewItem, 'type' | 'label' | 'note'>): string | undefined {
  const words = noteSummary(a.note, HINT_CHARS);
  const label = a.type === 'label' ? a.label : undefined;
  if (!label && !words) return undefined;
  return label && words ? `${label}: ${words}` : label ?? words;
}

export class AnnotationDecorations extends Disposable {
  private readonly kinds = new Map(KINDS.map(k => [k, this.register(kindDecoration(k))]));
  private readonly hint = this.register(vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('newsAnnotator.noteHintForeground'), fontStyle: 'italic', margin: '0 0 0 0.6em' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  }));
  private readonly confirmed = this.register(vscode.window.createTextEditorDecorationType({
    after: { contentText: '✓', color: new vscode.ThemeColor('newsAnnotator.confirmedForeground'), margin: '0 0 0 0.1em' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  }));

  private readonly rejected = this.register(vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor('editor.foreground'), fontStyle: 'normal', fontWeight: 'normal',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  }));

  constructor(private readonly annotations: AnnotationManager, private readonly views: ReaderViews, private readonly analyses: ArticleAnalyses) {
    super();
    this.register(annotations.onDidChange(uri => this.redraw(uri)));
    this.register(views.onDidChange(uri => this.redraw(uri)));
    this.register(vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(e => this.draw(e))));
    this.register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(`${SECTION}.${HINT_SETTING}`)) vscode.window.visibleTextEditors.forEach(ed => this.draw(ed));
    }));
    vscode.window.visibleTextEditors.forEach(e => this.draw(e));
  }

  private redraw(uri: vscode.Uri): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === uri.toString()) this.draw(e);
  }

  private draw(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const session = this.annotations.loaded(doc.uri);
    const range = (start: number, end: number) => new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    // The reader's annotations, with their hints, at the places the store keeps current as the user types.
    const byKind = new Map<AnnotationKind, vscode.Range[]>(KINDS.map(k => [k, []]));
    const hints: vscode.DecorationOptions[] = [];
    const hinted = vscode.workspace.getConfiguration(SECTION, doc.uri).get<boolean>(HINT_SETTING, true);
    for (const a of session?.store.document.annotations ?? []) {
      if (a.orphaned) continue;
      byKind.get(a.kind)!.push(range(a.anchor.start, a.anchor.end));
      const text = hinted ? hintOf({ type: a.kind, label: a.label, note: a.note }) : undefined;
      if (text) hints.push({ range: range(a.anchor.end, a.anchor.end), renderOptions: { after: { contentText: text } } });
    }
    for (const [kind, type] of this.kinds) editor.setDecorations(type, byKind.get(kind)!);
    editor.setDecorations(this.hint, hints);
    // Check marks and veils come from the analysis: while an edit waits out its debounce, VS Code moves the ones drawn.
    if (!session || this.analyses.isPending(doc.uri)) return;
    const view = this.views.of(doc);
    editor.setDecorations(this.confirmed, (view?.items ?? []).filter(i => i.provenance === 'confirmed').map(i => range(i.end, i.end)));
    editor.setDecorations(this.rejected, (view?.rejected ?? []).map(i => range(i.start, i.end)));
  }
}
