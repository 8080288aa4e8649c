// Three-way merge when the sidecar changes on disk while the editor holds unsaved annotations: `base` is the
// document last read from or written to disk, `mine` the editor's (unsaved) document, `theirs` the one now on disk.
// Items are matched by id, and merged field by field so that neither side's additions, edits or removals are lost:
// - added on one side: kept; removed on one side and untouched on the other: removed (an item only moved by typing
//   elsewhere in the article is untouched: its anchor marks the same words, at another place);
// - removed on one side but edited on the other: the edited item is kept (an edit is newer intent than a removal,
//   and removing it again is one click, while a lost note is gone);
// - a field changed on one side only: that side's value;
// - a field changed differently on both sides:
//   - note: both notes are kept, mine first, joined by a blank line (a note containing the other wins whole, so
//     one side appending to the note does not duplicate it);
//   - kind/label, speaker: mine (what the user in front of the editor chose last);
//   - anchor (with the orphaned flag): mine — mine is tracked against the text in the editor, the one this
//     document is for; theirs refers to whatever text was on disk when it was written;
//   - a decision's verdict (with what it is about, and a retype's details): the later `decided` time wins, mine on a
//     tie; a decision's anchors: mine, as for an annotation's.
// Anchors that come only from theirs may refer to another text: re-anchor the result (reanchorDocument) against
// the editor's text afterwards. The result's article/textHash are mine's.
import { sameAnchor } from './anchors';
import type { Annotation, AnnotationKind, DecisionAnchor, EntityDecision, SidecarDocument, TextAnchor, Verdict } from './model';

// Stand-ins for the base of an item both sides added under the same id (only possible with hand-made ids): equal
// to no real value, so every field that differs between the two is merged as a conflict.
const NONE = '\u0000none';
const NO_ANCHOR: TextAnchor = { start: -1, end: -1, text: NONE, prefix: NONE, suffix: NONE };

/** Three-way merge of one field: the changed side's value, `conflict` when both changed it differently. */
function mergeField<V>(base: V, mine: V, theirs: V, same: (x: V, y: V) => boolean, conflict: (mine: V, theirs: V) => V): V {
  if (same(mine, theirs)) return mine;
  if (same(base, mine)) return theirs;
  if (same(base, theirs)) return mine;
  return conflict(mine, theirs);
}

const eq = <V>(x: V, y: V) => x === y;

/** Both notes of a conflict, without repeating one that the other already contains. */
export function combineNotes(mine: string | undefined, theirs: string | undefined): string | undefined {
  if (mine === undefined || mine === '') return theirs;
  if (theirs === undefined || theirs === '' || mine.includes(theirs)) return mine;
  if (theirs.includes(mine)) return theirs;
  return `${mine}\n\n${theirs}`;
}

interface Placement { anchor: TextAnchor; orphaned: boolean }
const placementOf = (x: { anchor: TextAnchor; orphaned?: boolean }): Placement => ({ anchor: x.anchor, orphaned: Boolean(x.orphaned) });
const samePlacement = (x: Placement, y: Placement) => x.orphaned === y.orphaned && sameAnchor(x.anchor, y.anchor);

function withPlacement<T extends { orphaned?: boolean }>(item: T, p: Placement): T {
  const { orphaned: _old, ...rest } = item;
  return { ...rest, anchor: p.anchor, ...(p.orphaned ? { orphaned: true } : {}) } as unknown as T;
}

/** The same words, found or orphaned alike, wherever they now are. */
const sameWords = (x: { text: string; orphaned?: boolean }, y: { text: string; orphaned?: boolean }) =>
  x.text === y.text && Boolean(x.orphaned) === Boolean(y.orphaned);

/** Untouched since: the same fields and the same words marked (typing elsewhere moves an anchor, and is no edit of it). */
function untouchedAnnotation(x: Annotation, y: Annotation): boolean {
  return x.kind === y.kind && x.label === y.label && x.speaker === y.speaker && x.note === y.note && x.created === y.created &&
    sameWords({ text: x.anchor.text, orphaned: x.orphaned }, { text: y.anchor.text, orphaned: y.orphaned });
}

function mergeAnnotation(base: Annotation | undefined, mine: Annotation, theirs: Annotation): Annotation {
  // Both added the same id (only with hand-made ids): merge against an empty base, as an edit/edit conflict.
  const b = base ?? { ...mine, kind: NONE as AnnotationKind, label: NONE, speaker: NONE, note: NONE, created: NONE, anchor: NO_ANCHOR };
  const kind = mergeField({ kind: b.kind, label: b.label }, { kind: mine.kind, label: mine.label }, { kind: theirs.kind, label: theirs.label },
    (x, y) => x.kind === y.kind && x.label === y.label, m => m);
  const note = mergeField(b.note, mine.note, theirs.note, eq, combineNotes);
  const speaker = kind.kind === 'quote' ? mergeField(b.speaker, mine.speaker, theirs.speaker, eq, m => m) : undefined;
  const created = mergeField(b.created, mine.created, theirs.created, eq, m => m);
  const placement = mergeField(placementOf(b), placementOf(mine), placementOf(theirs), samePlacement, m => m);
  const { label: _l, note: _n, speaker: _s, ...rest } = mine;
  return withPlacement({
    ...rest, kind: kind.kind, ...(kind.label !== undefined ? { label: kind.label } : {}), ...(speaker !== undefined ? { speaker } : {}),
    ...(note !== undefined ? { note } : {}), created,
  }, placement);
}

type Ruling = Pick<EntityDecision, 'type' | 'entity' | 'verdict' | 'retypedAs' | 'names' | 'decided'>;
const rulingOf = (d: EntityDecision): Ruling => ({ type: d.type, entity: d.entity, verdict: d.verdict, retypedAs: d.retypedAs, names: d.names, decided: d.decided });
const sameRuling = (x: Ruling, y: Ruling) => x.type === y.type && x.entity === y.entity && x.verdict === y.verdict &&
  x.retypedAs === y.retypedAs && x.decided === y.decided && (x.names ?? []).join('\u0000') === (y.names ?? []).join('\u0000');
const sameAnchors = (x: readonly DecisionAnchor[], y: readonly DecisionAnchor[]) =>
  x.length === y.length && x.every((a, i) => Boolean(a.orphaned) === Boolean(y[i].orphaned) && sameAnchor(a, y[i]));

function untouchedDecision(x: EntityDecision, y: EntityDecision): boolean {
  return sameRuling(rulingOf(x), rulingOf(y)) && x.anchors.length === y.anchors.length && x.anchors.every((a, i) => sameWords(a, y.anchors[i]));
}

function mergeDecision(base: EntityDecision | undefined, mine: EntityDecision, theirs: EntityDecision): EntityDecision {
  const b = base ?? { ...mine, verdict: NONE as Verdict, decided: NONE, anchors: [NO_ANCHOR] };
  const ruling = mergeField(rulingOf(b), rulingOf(mine), rulingOf(theirs), sameRuling, (m, t) => (t.decided > m.decided ? t : m));
  const anchors = mergeField(b.anchors, mine.anchors, theirs.anchors, sameAnchors, m => m);
  const { retypedAs: _r, names: _n, ...rest } = mine;
  return {
    ...rest, type: ruling.type, entity: ruling.entity, verdict: ruling.verdict, decided: ruling.decided,
    ...(ruling.retypedAs !== undefined ? { retypedAs: ruling.retypedAs } : {}), ...(ruling.names !== undefined ? { names: ruling.names } : {}), anchors,
  };
}

/** Three-way merge of one list by id, in the order: mine's items, then items only theirs has. */
function mergeById<T extends { id: string }>(base: readonly T[], mine: readonly T[], theirs: readonly T[],
  untouched: (base: T, now: T) => boolean, merge: (base: T | undefined, mine: T, theirs: T) => T): T[] {
  const byId = (items: readonly T[]) => new Map(items.map(x => [x.id, x] as const));
  const b = byId(base), m = byId(mine), t = byId(theirs);
  const out: T[] = [];
  for (const mi of mine) {
    const bi = b.get(mi.id), ti = t.get(mi.id);
    if (ti) out.push(merge(bi, mi, ti));
    else if (!bi || !untouched(bi, mi)) out.push(mi); // added by me, or edited by me and removed by them
    // else: removed by them, untouched by me
  }
  for (const ti of theirs) {
    if (m.has(ti.id)) continue;
    const bi = b.get(ti.id);
    if (!bi || !untouched(bi, ti)) out.push(ti); // added by them, or edited by them and removed by me
  }
  return out;
}

/**
 * Merge mine (the editor's unsaved document) and theirs (the file now on disk) against base (the file as last
 * read or written). The result's item order is not significant (serialization sorts).
 */
export function mergeAnnotations(base: SidecarDocument, mine: SidecarDocument, theirs: SidecarDocument): SidecarDocument {
  return {
    ...mine,
    annotations: mergeById(base.annotations, mine.annotations, theirs.annotations, untouchedAnnotation, mergeAnnotation),
    decisions: oneDecisionPerEntity(mergeById(base.decisions, mine.decisions, theirs.decisions, untouchedDecision, mergeDecision)),
  };
}

/**
 * Both sides may have decided on the same entity under different ids: keep one per entity (same type and entity; a
 * retype: the same names), the later decision, mine (listed first) on a tie.
 */
function oneDecisionPerEntity(decisions: EntityDecision[]): EntityDecision[] {
  const kept = new Map<string, number>();
  const out: (EntityDecision | undefined)[] = [...decisions];
  decisions.forEach((d, i) => {
    const key = d.verdict === 'retyped' ? ['retyped', ...[...(d.names ?? [])].sort()].join('\u0000') : `${d.type}\u0000${d.entity}`;
    const j = kept.get(key);
    if (j === undefined) { kept.set(key, i); return; }
    if (d.decided > decisions[j].decided) { out[j] = undefined; kept.set(key, i); } else out[i] = undefined;
  });
  return out.filter((d): d is EntityDecision => d !== undefined);
}
