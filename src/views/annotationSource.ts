// Adapts the annotations module (src/editor/annotations) to what the Entities view and navigation read: each open
// article's user annotations (labels, notes, orphans) and the detected mentions the user rejected. Wiring, in
// extension.ts: `entities.setAnnotationSource(annotationSourceFrom(annotations, analyses))`.
import * as vscode from 'vscode';
import type { Analysis, Mention } from '../analysis/types';
import { mentionRef, type AnnotationKind, type SidecarDocument } from '../annotations';
import type { ArticleAnalyses } from '../editor/articleAnalyses';
import type { AnnotationManager } from '../editor/annotations/annotationManager';
import type { AnnotationSource } from './entityTree';
import type { ArticleAnnotations, RejectedMention } from './userAnnotations';

/** Where annotations of the built-in kinds are listed (a label of the user's own is listed under its name). */
const KIND_NODES: Record<Exclude<AnnotationKind, 'label'>, string> = { person: 'Added people', date: 'Added dates', quote: 'Added quotes' };

export function annotationSourceFrom(manager: AnnotationManager, analyses: ArticleAnalyses): AnnotationSource {
  // One answer per (sidecar document, analysis) pair, both immutable values: the same object while neither changes,
  // so the index sees an unchanged article and does not rebuild it.
  const cache = new WeakMap<SidecarDocument, { analysis: Analysis | undefined; value: ArticleAnnotations }>();
  return {
    onDidChange: manager.onDidChange,
    get(uri: vscode.Uri): ArticleAnnotations | undefined {
      const session = manager.loaded(uri);
      if (!session) return undefined;
      const doc = session.store.document;
      const analysis = analyses.peek(uri)?.analysis;
      const hit = cache.get(doc);
      if (hit && hit.analysis === analysis) return hit.value;
      const rejected: RejectedMention[] = [];
      if (analysis && doc.decisions.some(d => d.verdict === 'rejected')) {
        const check = (m: Mention) => {
          if (session.store.decisionFor(mentionRef(m, analysis))?.verdict === 'rejected') rejected.push({ type: m.type, start: m.start, end: m.end });
        };
        analysis.persons.forEach(check);
        analysis.dates.forEach(check);
        analysis.quotes.forEach(check);
      }
      const value: ArticleAnnotations = {
        annotations: doc.annotations.map(a => ({
          id: a.id, label: a.kind === 'label' ? a.label ?? 'Label' : KIND_NODES[a.kind], note: a.note,
          start: a.anchor.start, end: a.anchor.end, text: a.anchor.text, orphaned: a.orphaned,
        })),
        rejected,
      };
      cache.set(doc, { analysis, value });
      return value;
    },
  };
}
