// What the reader sees of each open article (src/entities/readerView.ts over the article's analysis and its
// annotations), for everything the editor and the views show: tokens, hovers, decorations, the tree, navigation.
// One value per (analysis, sidecar document) pair, both immutable, so it is computed once per change.
import * as vscode from 'vscode';
import type { SidecarDocument } from '../annotations';
import { readerView, type ReaderView } from '../entities/readerView';
import type { Analysis } from '../analysis/types';
import type { AnnotationManager } from './annotations/annotationManager';
import type { ArticleAnalyses } from './articleAnalyses';
import { Disposable } from './disposable';

export class ReaderViews extends Disposable {
  private readonly cache = new WeakMap<Analysis, { doc: SidecarDocument | undefined; view: ReaderView }>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  /**
   * Fires with an article whose view may have changed: its analysis did (an edit settled, corrections, closed), or its
   * annotations and decisions did other than by moving with an edit (which the analysis then follows).
   */
  readonly onDidChange = this.changed.event;

  constructor(private readonly analyses: ArticleAnalyses, private readonly annotations: AnnotationManager) {
    super();
    this.register(analyses.onDidChange(uri => this.changed.fire(uri)));
    this.register(annotations.onDidChangeOtherThanByEdit(uri => this.changed.fire(uri)));
  }

  /** The view of an open article's current text (analysing it now if needed); undefined when it is not analysed. */
  of(doc: vscode.TextDocument): ReaderView | undefined {
    const analysis = this.analyses.get(doc);
    return analysis && this.ofAnalysis(doc.uri, analysis);
  }

  /** The view over the article's last analysis, whatever its version (for cross-article summaries). */
  peek(uri: vscode.Uri): ReaderView | undefined {
    const analysis = this.analyses.peek(uri)?.analysis;
    return analysis && this.ofAnalysis(uri, analysis);
  }

  /** The view over a given analysis of an open article (with its current annotations). */
  ofAnalysis(uri: vscode.Uri, analysis: Analysis): ReaderView {
    return this.viewOf(analysis, this.annotations.loaded(uri)?.store.document);
  }

  private viewOf(analysis: Analysis, doc: SidecarDocument | undefined): ReaderView {
    const hit = this.cache.get(analysis);
    if (hit && hit.doc === doc) return hit.view;
    const view = readerView(analysis, doc);
    this.cache.set(analysis, { doc, view });
    return view;
  }
}
