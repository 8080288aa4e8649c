// The user's annotations on one article and their confirm/reject decisions on detected entities: pure, immutable
// data. Offsets are UTF-16 code-unit indices into the article text, end exclusive (as in src/analysis/types.ts).
// No vscode import anywhere under src/annotations.
import type { MentionType } from '../analysis/types';

/**
 * Where an annotation sits, in the two forms of the W3C Web Annotation model: a TextPositionSelector (start/end)
 * and a TextQuoteSelector (the exact text with up to CONTEXT_LENGTH characters of prefix and suffix). The position
 * is fast and exact while the text is unchanged; the quote lets the anchor be found again after outside edits.
 * Invariant for an anchor that is not orphaned: `articleText.slice(start, end) === text`.
 */
export interface TextAnchor {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** The built-in kinds, matching the analyzer's mention types, and `label` for a label of the user's own. */
export type AnnotationKind = MentionType | 'label';
export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['person', 'date', 'quote', 'label'];

export interface Annotation {
  /** Stable random id (see ids.ts); the key for merging. */
  readonly id: string;
  readonly kind: AnnotationKind;
  /** The user's own label; present exactly when kind === 'label'. */
  readonly label?: string;
  /** Free text; absent rather than empty. */
  readonly note?: string;
  /** Who said it, for kind 'quote' only: the user's attribution (absent when the user gave none). */
  readonly speaker?: string;
  /** ISO-8601 creation time. */
  readonly created: string;
  readonly anchor: TextAnchor;
  /**
   * True when the annotated text can no longer be found (deleted, or rewritten beyond recognition). An orphaned
   * annotation is kept, never dropped: its anchor keeps the last text it had and a position near where it was.
   */
  readonly orphaned?: boolean;
}

export type Verdict = 'confirmed' | 'rejected';
export const VERDICTS: readonly Verdict[] = ['confirmed', 'rejected'];

/**
 * The user's verdict on one entity the analyzer detected. It is identified by anchor + type + entity, so it can be
 * re-applied when the analyzer runs again on an edited text: see decisions.ts.
 */
export interface EntityDecision {
  readonly id: string;
  readonly type: MentionType;
  /**
   * What the analyzer said the mention is: a person's canonical name, a date's resolved value, a quote's speaker
   * name; empty when the analyzer gave none (see entityOfMention in decisions.ts).
   */
  readonly entity: string;
  readonly verdict: Verdict;
  /** ISO-8601 time of the decision; the later decision wins when two sides disagree (merge.ts). */
  readonly decided: string;
  readonly anchor: TextAnchor;
  readonly orphaned?: boolean;
}

/** Everything a sidecar file holds (its schema version is the writer's, see sidecar.ts). */
export interface SidecarDocument {
  /** File name (not path) of the article, e.g. "story.txt". */
  readonly article: string;
  /** Hash of the article text the anchors were last saved against (hash.ts), e.g. "sha256:9f2c…". */
  readonly textHash: string;
  readonly annotations: readonly Annotation[];
  readonly decisions: readonly EntityDecision[];
}

/** Anything anchored in the text: annotations and decisions move and re-anchor the same way. */
export interface Anchored {
  readonly id: string;
  readonly anchor: TextAnchor;
  readonly orphaned?: boolean;
}

export function emptyDocument(article: string, textHash = ''): SidecarDocument {
  return { article, textHash, annotations: [], decisions: [] };
}

/** True when there is nothing worth a sidecar file: the editor then writes none, or deletes the one there is. */
export function isEmptyDocument(doc: SidecarDocument): boolean {
  return doc.annotations.length === 0 && doc.decisions.length === 0;
}

/** The display name of an annotation's kind: the user's label for kind 'label'. */
export function kindLabel(a: Annotation): string {
  return a.kind === 'label' ? (a.label ?? '') : a.kind;
}

/** Return `orphaned` set or cleared, without an `orphaned: false` key (absent is the not-orphaned form). */
export function withOrphaned<T extends Anchored>(item: T, orphaned: boolean): T {
  if (Boolean(item.orphaned) === orphaned) return item;
  const copy = { ...item } as { orphaned?: boolean } & T;
  if (orphaned) copy.orphaned = true;
  else delete copy.orphaned;
  return copy;
}
