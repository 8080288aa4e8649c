// The reader's view (src/entities/readerView.ts) of each open article, from the editor's analyses and the
// annotations loaded for it, and one event for "what the reader sees of this article may have changed".
import * as vscode from 'vscode';
import { readerView, type ReaderView } from '../../entities/readerView';
import type { ArticleAnalyses } from '../../editor/articleAnalyses';
import type { AnnotationManager } from '../../editor/annotations/annotationManager';

export class ArticleViews implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];
  /**
   * Fires with an article's uri when its analysis settled after edits (after the analysis delay) or it was closed,
   * and when its annotations or decisions changed other than by moving with an edit.
   */
  readonly onDidChange = this.changed.event;

  constructor(private readonly analyses: ArticleAnalyses, private readonly annotations: AnnotationManager) {
    this.subscriptions = [this.changed,
      analyses.onDidChange(uri => this.changed.fire(uri)),
      annotations.onDidChangeOtherThanByEdit(uri => this.changed.fire(uri))];
  }

  /** What the reader sees of the document now; undefined when it is not analysed (not an article, too large, binary). */
  viewOf(doc: vscode.TextDocument): ReaderView | undefined {
    const analysis = this.analyses.get(doc);
    return analysis && readerView(analysis, this.annotations.loaded(doc.uri)?.store.document);
  }

  dispose(): void { for (const d of this.subscriptions) d.dispose(); }
}
