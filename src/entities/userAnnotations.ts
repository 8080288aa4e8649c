// The detected mentions the reader rejected, as navigation and the index ask about them: "is this mention hidden?"
// in O(1). Pure data, no vscode. Built from ReaderView.rejected (readerView.ts).
import type { MentionType } from '../analysis/types';

/** A detected mention the reader rejected or retyped: hidden from the tree and from navigation. */
export interface RejectedMention {
  readonly type: MentionType | 'label';
  readonly start: number;
  readonly end: number;
}

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
