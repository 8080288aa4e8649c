// Live edits: keep every anchor on its text while the user types, one content change at a time, without looking
// at the document (the quote is updated from the change itself; prefix/suffix are refreshed at save time by
// refreshContext in anchors.ts).
//
// The rules, for an anchor [s, e) and a change replacing [cs, ce) (offsets before the change) with `text`:
// - A change entirely before the anchor, or ending exactly at s, shifts it. Text inserted exactly at s or at e
//   stays outside: an annotation does not grow by typing at its edges (as a highlight does not in most editors).
// - A change entirely after it, or starting exactly at e, leaves it as it is.
// - A change inside it (s <= cs, ce <= e, not the whole of it) grows or shrinks it: the inserted text becomes part
//   of the annotated text.
// - A change across one boundary trims the annotation to the characters of it that survive; the inserted text
//   stays outside.
// - A change removing or replacing the whole annotated text orphans the annotation (kept, never dropped; it keeps
//   its last text so re-anchoring can find it again, e.g. after an undo), except when the replacement puts the very
//   same text back at the same place (an editor replacing a range with identical text).
// - Orphaned items have their position moved, as a hint for later re-anchoring; a change that puts their words back
//   at that position, once (an undo of their deletion), places them on those words again.
import { mapDecisionAnchors } from './decisionAnchors';
import type { Anchored, SidecarDocument, TextAnchor } from './model';
import { withOrphaned } from './model';

/** One replacement, with start/end in the text before it (as VS Code's rangeOffset/rangeLength give them). */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Where a position lands after a change: unchanged before it, shifted after it, at its start if inside it. */
function mapPoint(p: number, c: TextChange, delta: number): number {
  if (p <= c.start) return p;
  return p >= c.end ? p + delta : c.start;
}

function moved<T extends Anchored>(item: T, anchor: TextAnchor, orphaned: boolean): T {
  return withOrphaned({ ...item, anchor }, orphaned);
}

/** The item after one change (the same object when the change does not concern it). */
export function moveThroughChange<T extends Anchored>(item: T, c: TextChange): T {
  const a = item.anchor;
  const { start: s, end: e } = a;
  const delta = c.text.length - (c.end - c.start);
  if (item.orphaned) {
    // Its words put back where they were (an undo of their deletion, the same passage pasted there): found again.
    const back = c.start <= s && s <= c.end && a.text !== '' ? onlyIndexOf(c.text, a.text) : -1;
    if (back >= 0) return moved(item, { ...a, start: c.start + back, end: c.start + back + a.text.length }, false);
    const start = mapPoint(s, c, delta), end = Math.max(start, mapPoint(e, c, delta));
    return start === s && end === e ? item : { ...item, anchor: { ...a, start, end } };
  }
  if (c.end <= s) {
    if (delta === 0) return item;
    return { ...item, anchor: { ...a, start: s + delta, end: e + delta } };
  }
  if (c.start >= e) return item;
  if (c.start <= s && c.end >= e) {
    // The whole annotated text is removed, unless the replacement puts the same text back at the same place.
    const fromStart = s - c.start, fromEnd = c.end - s;
    if (c.text.substr(fromStart, a.text.length) === a.text) {
      const start = c.start + fromStart;
      return { ...item, anchor: { ...a, start, end: start + a.text.length } };
    }
    const fromEndStart = c.text.length - fromEnd;
    if (fromEndStart >= 0 && c.text.substr(fromEndStart, a.text.length) === a.text) {
      const start = c.start + fromEndStart;
      return { ...item, anchor: { ...a, start, end: start + a.text.length } };
    }
    return moved(item, { ...a, start: c.start, end: c.start }, true);
  }
  if (c.start >= s && c.end <= e) {
    const text = a.text.slice(0, c.start - s) + c.text + a.text.slice(c.end - s);
    return { ...item, anchor: { ...a, end: e + delta, text } };
  }
  if (c.start < s) {
    // Across the start: keep the surviving tail; the inserted text lies before it.
    return { ...item, anchor: { ...a, start: c.start + c.text.length, end: e + delta, text: a.text.slice(c.end - s) } };
  }
  // Across the end: keep the surviving head.
  return { ...item, anchor: { ...a, end: c.start, text: a.text.slice(0, c.start - s) } };
}

/** Where `part` occurs in `text` when it occurs there once, else -1. */
function onlyIndexOf(text: string, part: string): number {
  const at = text.indexOf(part);
  return at >= 0 && text.indexOf(part, at + 1) < 0 ? at : -1;
}

/** Every item after one change. Items are never dropped; the array keeps its order and length. */
export function applyTextChange<T extends Anchored>(items: readonly T[], change: TextChange): T[] {
  return items.map(item => moveThroughChange(item, change));
}

/**
 * Order a batch of changes (VS Code's contentChanges of one event: non-overlapping, all expressed against the
 * document before the event) so that applying them one after another is right: from the end of the document to
 * its start, so that each change leaves the offsets of the ones still to come untouched. VS Code already sends
 * them in that order, but does not promise it, and the array is shared with other extensions, which have been
 * seen to reverse it in place (microsoft/vscode#11487, #88570): so sort a copy, never the caller's array.
 */
export function inApplicationOrder(changes: readonly TextChange[]): TextChange[] {
  return [...changes].sort((x, y) => y.start - x.start || y.end - x.end);
}

/** Every item after one event's changes (see inApplicationOrder). */
export function applyTextChanges<T extends Anchored>(items: readonly T[], changes: readonly TextChange[]): T[] {
  let out: T[] = [...items];
  for (const c of inApplicationOrder(changes)) out = applyTextChange(out, c);
  return out;
}

/**
 * Annotations and decisions of a document after one event's changes; the same document object when no anchor
 * moved (typing after the last annotation), so the editor can tell by identity that nothing needs redrawing.
 */
export function applyChangesToDocument(doc: SidecarDocument, changes: readonly TextChange[]): SidecarDocument {
  const annotations = applyTextChanges(doc.annotations, changes);
  const decisions = mapDecisionAnchors(doc.decisions, items => applyTextChanges(items, changes));
  if (annotations.every((x, i) => x === doc.annotations[i]) && decisions === doc.decisions) return doc;
  return { ...doc, annotations, decisions };
}

/** The text after one event's changes: what the editor's document becomes (used by tests and re-anchoring checks). */
export function applyChangesToText(text: string, changes: readonly TextChange[]): string {
  for (const c of inApplicationOrder(changes)) text = text.slice(0, c.start) + c.text + text.slice(c.end);
  return text;
}
