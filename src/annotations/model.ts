// The user's annotations on one article and their decisions on detected entities: pure, immutable
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

/**
 * The reader's verdict on a detected entity: right (confirmed), not an entity at all (rejected), or, for a person,
 * not a person but an organisation, a place or something else (retyped; see RetypedAs).
 */
export type Verdict = 'confirmed' | 'rejected' | 'retyped';
export const VERDICTS: readonly Verdict[] = ['confirmed', 'rejected', 'retyped'];

/** What a name retyped as "Not a Person" is instead. */
export type RetypedAs = 'organisation' | 'place' | 'other';
export const RETYPED_AS: readonly RetypedAs[] = ['organisation', 'place', 'other'];

/** One mention a decision covered when it was made; kept on its words like an annotation's anchor. */
export interface DecisionAnchor extends TextAnchor {
  /** The mention's text can no longer be found (kept, never dropped). */
  readonly orphaned?: boolean;
}

/**
 * The reader's verdict on one entity the analyzer detected: every mention of it in the article, stored once. It is
 * found again by its type and entity (see decisions.ts) and, when the analyzer names that entity differently after
 * an edit, by the mentions it covered (`anchors`), which move with edits and re-anchor like annotations.
 */
export interface EntityDecision {
  readonly id: string;
  readonly type: MentionType;
  /**
   * Which entity: a person's canonical name, a date's resolved value (its text when unresolved), a quote's text
   * (see entityKeyOf in decisions.ts).
   */
  readonly entity: string;
  readonly verdict: Verdict;
  /** verdict 'retyped' only (type person): what the name is instead. */
  readonly retypedAs?: RetypedAs;
  /**
   * verdict 'retyped' only: the names, as written, that are not a person here; the analyzer is told of them
   * (AnalyzeOptions.corrections.notPersons), so "Ford" stops being linked to "Henry Ford".
   */
  readonly names?: readonly string[];
  /** ISO-8601 time of the decision; the later decision wins when two sides disagree (merge.ts). */
  readonly decided: string;
  /** The mentions it covered when made, in text order (may be empty in a hand-written file). */
  readonly anchors: readonly DecisionAnchor[];
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

/** Anything anchored in the text: annotations and each anchor of a decision move and re-anchor the same way. */
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
