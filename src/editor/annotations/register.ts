// Wires the user's annotations into the editor: sessions and sidecar files, decorations, hover, commands, and the
// user's confirm/reject decisions into the semantic highlighting.
import * as vscode from 'vscode';
import { mentionRef } from '../../annotations';
import type { ArticleAnalyses } from '../articleAnalyses';
import type { DecisionLookup } from '../tokenLayout';
import { AnnotationManager } from './annotationManager';
import { registerAnnotationCommands } from './annotationCommands';
import { AnnotationDecorations } from './annotationDecorations';
import { AnnotationHover } from './annotationHover';

export function registerAnnotations(context: vscode.ExtensionContext, analyses: ArticleAnalyses, log: vscode.LogOutputChannel,
  selector: vscode.DocumentSelector): AnnotationManager {
  const annotations = new AnnotationManager(log);
  context.subscriptions.push(annotations, new AnnotationDecorations(annotations),
    vscode.languages.registerHoverProvider(selector, new AnnotationHover(annotations)),
    ...registerAnnotationCommands(annotations, analyses));
  return annotations;
}

/** The user's verdict on each detected mention of an article, for highlighting and the tree. */
export function decisionsOf(annotations: AnnotationManager, analyses: ArticleAnalyses, uri: vscode.Uri): DecisionLookup {
  const session = annotations.loaded(uri);
  const analysis = analyses.peek(uri)?.analysis;
  if (!session || !analysis || session.store.document.decisions.length === 0) return () => undefined;
  return m => session.store.decisionFor(mentionRef(m, analysis))?.verdict;
}

/** The speaker the user set on a quote (Set Quote Speaker), for the hover. */
export function userSpeakerOf(annotations: AnnotationManager): (uri: vscode.Uri, start: number, end: number) => string | undefined {
  return (uri, start, end) => annotations.loaded(uri)?.store.document.annotations
    .find(a => a.kind === 'quote' && a.speaker && !a.orphaned && a.anchor.start === start && a.anchor.end === end)?.speaker;
}
