// What the entity views need from the user's annotations, one article at a time. Pure data, no vscode: the
// annotations module (src/annotations) is adapted to this shape where the extension is wired, so the views do not
// depend on how annotations are stored.
import type { MentionType } from '../analysis/types';

/** One user annotation, at its current place in the article text (UTF-16 offsets, end exclusive). */
export interface UserAnnotation {
  /** Stable id from the sidecar, passed back to commands (e.g. to fix an orphan); optional for tests. */
  readonly id?: string;
  /** The node the annotation is listed under: the user's own label, or the kind name for a built-in kind. */
  readonly label: string;
  readonly note?: string;
  readonly start: number;
  readonly end: number;
  /** The annotated text (for an orphan: the last text it had). */
  readonly text: string;
  /** The annotated text can no longer be found; start/end are only near where it was. */
  readonly orphaned?: boolean;
}

/** A detected mention the user rejected: hidden from the tree and from navigation. */
export interface RejectedMention {
  readonly type: MentionType;
  readonly start: number;
  readonly end: number;
}

export interface ArticleAnnotations {
  readonly annotations: readonly UserAnnotation[];
  readonly rejected: readonly RejectedMention[];
}

export const NO_ANNOTATIONS: ArticleAnnotations = { annotations: [], rejected: [] };

/** O(1) "is this mention rejected?" for one article. */
export class RejectedSet {
  private readonly keys: Set<string>;

  constructor(rejected: readonly RejectedMention[]) {
    this.keys = new Set(rejected.map(r => RejectedSet.key(r.type, r.start, r.end)));
  }

  get size(): number { return this.keys.size; }

  has(m: { type: MentionType; start: number; end: number }): boolean {
    return this.keys.size > 0 && this.keys.has(RejectedSet.key(m.type, m.start, m.end));
  }

  private static key(type: string, start: number, end: number): string { return `${type}:${start}:${end}`; }
}
