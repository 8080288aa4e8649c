// What the user does with annotations and decisions, as pure functions from one immutable SidecarDocument to the
// next (so the editor can keep the last saved document as the base of a three-way merge, see merge.ts).
import { makeAnchor, refreshContext } from './anchors';
import { reanchorItems } from './anchoring';
import { mapDecisionAnchors } from './decisionAnchors';
import type { EntityTarget } from './decisions';
import { hashText } from './hash';
import type { IdGenerator } from './ids';
import type { Anchored, Annotation, AnnotationKind, EntityDecision, RetypedAs, SidecarDocument, Verdict } from './model';
import { ANNOTATION_KINDS, RETYPED_AS } from './model';

/** Where new ids and times come from; injectable so tests are deterministic. */
export interface Services {
  readonly newId: IdGenerator;
  readonly now: () => Date;
}

export interface NewAnnotation {
  /** Selection offsets in the article text. */
  readonly start: number;
  readonly end: number;
  readonly kind: AnnotationKind;
  /** Required (non-blank) for kind 'label', ignored otherwise. */
  readonly label?: string;
  readonly note?: string;
}

export class AnnotationInputError extends Error {}

/** A note as stored: absent when blank. Line breaks and inner spacing are the user's and are kept. */
function normalizeNote(note: string | undefined): string | undefined {
  return note === undefined || note.trim() === '' ? undefined : note;
}

/** A label as stored: trimmed, inner whitespace runs (line breaks too) made single spaces. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ');
}

function freshId(doc: SidecarDocument, newId: IdGenerator): string {
  const used = new Set([...doc.annotations.map(a => a.id), ...doc.decisions.map(d => d.id)]);
  for (let tries = 0; tries < 100; tries++) {
    const id = newId();
    if (!used.has(id)) return id;
  }
  throw new Error('the id generator keeps returning ids already in use');
}

function kindFields(kind: AnnotationKind, label: string | undefined): Pick<Annotation, 'kind' | 'label'> {
  if (!ANNOTATION_KINDS.includes(kind)) throw new AnnotationInputError(`unknown annotation kind '${String(kind)}'`);
  if (kind !== 'label') return { kind };
  const l = normalizeLabel(label ?? '');
  if (l === '') throw new AnnotationInputError('a label annotation needs a non-blank label');
  return { kind, label: l };
}

/** Annotate the selection [start, end) of the article text (throws AnchorRangeError for a bad selection). */
export function addAnnotation(doc: SidecarDocument, articleText: string, spec: NewAnnotation, services: Services): { document: SidecarDocument; annotation: Annotation } {
  const anchor = makeAnchor(articleText, spec.start, spec.end);
  const note = normalizeNote(spec.note);
  const annotation: Annotation = {
    id: freshId(doc, services.newId), ...kindFields(spec.kind, spec.label), ...(note !== undefined ? { note } : {}),
    created: services.now().toISOString(), anchor,
  };
  return { document: { ...doc, annotations: [...doc.annotations, annotation] }, annotation };
}

function updateAnnotation(doc: SidecarDocument, id: string, update: (a: Annotation) => Annotation): SidecarDocument {
  const i = doc.annotations.findIndex(a => a.id === id);
  if (i < 0) return doc;
  const next = update(doc.annotations[i]);
  if (next === doc.annotations[i]) return doc;
  const annotations = [...doc.annotations];
  annotations[i] = next;
  return { ...doc, annotations };
}

/** Set or (with a blank note) clear an annotation's note; the same document if nothing changes. */
export function editNote(doc: SidecarDocument, id: string, note: string | undefined): SidecarDocument {
  const n = normalizeNote(note);
  return updateAnnotation(doc, id, a => {
    if (a.note === n) return a;
    const { note: _old, ...rest } = a;
    return n === undefined ? rest : { ...rest, note: n };
  });
}

/** Change an annotation's kind or label (a speaker is kept only while the kind stays 'quote'). */
export function setKind(doc: SidecarDocument, id: string, kind: AnnotationKind, label?: string): SidecarDocument {
  const fields = kindFields(kind, label);
  return updateAnnotation(doc, id, a => {
    if (a.kind === fields.kind && a.label === fields.label) return a;
    const { label: _old, speaker, ...rest } = a;
    return { ...rest, ...fields, ...(kind === 'quote' && speaker !== undefined ? { speaker } : {}) };
  });
}

/**
 * Say who said the quote at [start, end): sets the speaker of the user's quote annotation on exactly that range,
 * or creates one (the analyzer's quote confirmed with the user's attribution). A blank speaker clears it.
 */
export function setSpeaker(doc: SidecarDocument, articleText: string, range: { start: number; end: number }, speaker: string | null, services: Services): SidecarDocument {
  const name = speaker === null ? '' : normalizeLabel(speaker);
  const existing = doc.annotations.find(a => a.kind === 'quote' && !a.orphaned && a.anchor.start === range.start && a.anchor.end === range.end);
  if (existing) {
    return updateAnnotation(doc, existing.id, a => {
      if ((a.speaker ?? '') === name) return a;
      const { speaker: _old, ...rest } = a;
      return name === '' ? rest : { ...rest, speaker: name };
    });
  }
  if (name === '') return doc;
  const { document, annotation } = addAnnotation(doc, articleText, { ...range, kind: 'quote' }, services);
  return updateAnnotation(document, annotation.id, a => ({ ...a, speaker: name }));
}

/**
 * Say who said the quote at [start, end) with a name that may be no one the article's people include yet: the speaker
 * is set (setSpeaker), and a name the article spells out (as a whole word) that is not `known` to be a person is made
 * one — annotated as a person where it first occurs, so the analyzer finds it, and links its other mentions, there.
 */
export function nameSpeaker(doc: SidecarDocument, articleText: string, range: { start: number; end: number }, speaker: string,
  known: boolean, services: Services): SidecarDocument {
  let next = setSpeaker(doc, articleText, range, speaker, services);
  const name = normalizeLabel(speaker);
  if (known || name === '') return next;
  const at = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').exec(articleText);
  if (at && !next.annotations.some(a => a.kind === 'person' && !a.orphaned && a.anchor.text === name)) {
    next = addAnnotation(next, articleText, { start: at.index, end: at.index + name.length, kind: 'person' }, services).document;
  }
  return next;
}

export function removeAnnotation(doc: SidecarDocument, id: string): SidecarDocument {
  const annotations = doc.annotations.filter(a => a.id !== id);
  return annotations.length === doc.annotations.length ? doc : { ...doc, annotations };
}

export function annotationById(doc: SidecarDocument, id: string): Annotation | undefined {
  return doc.annotations.find(a => a.id === id);
}

/**
 * The placed annotations covering `offset` (start <= offset < end), innermost (shortest) first. With
 * `includeEnd`, an annotation also covers its end offset: a caret just after the last character is "in" it.
 */
export function annotationsAt(doc: SidecarDocument, offset: number, includeEnd = false): Annotation[] {
  return doc.annotations
    .filter(a => !a.orphaned && a.anchor.start <= offset && (offset < a.anchor.end || (includeEnd && offset === a.anchor.end)))
    .sort((x, y) => (x.anchor.end - x.anchor.start) - (y.anchor.end - y.anchor.start) || x.anchor.start - y.anchor.start);
}

export function orphanedAnnotations(doc: SidecarDocument): Annotation[] {
  return doc.annotations.filter(a => a.orphaned);
}

/** The user's own labels in use, each once, sorted (case-insensitively, then exactly) for a pick list. */
export function labelsUsed(doc: SidecarDocument): string[] {
  const labels = new Set<string>();
  for (const a of doc.annotations) if (a.kind === 'label' && a.label) labels.add(a.label);
  return [...labels].sort((x, y) => x.localeCompare(y, 'en', { sensitivity: 'base' }) || (x < y ? -1 : x > y ? 1 : 0));
}

/** For verdict 'retyped': what the name is instead, and which names (as written) are not a person. */
export interface RetypeDetails {
  readonly retypedAs: RetypedAs;
  readonly names: readonly string[];
}

const sameNames = (x: readonly string[] = [], y: readonly string[] = []) => x.length === y.length && x.every(n => y.includes(n));

/**
 * Decide on a whole entity: one decision covering every mention in `target`, replacing the decisions it supersedes —
 * those listed in `replaces` (what applied to the entity before, see DecisionResolver), any confirm or reject on
 * the same entity, and, for a retype, any retype of one of the same names. The same decision again changes nothing;
 * a changed one keeps the id of the decision it replaces.
 */
export function decideEntity(doc: SidecarDocument, articleText: string, target: EntityTarget, verdict: Verdict, services: Services,
  retype?: RetypeDetails, replaces: readonly string[] = []): SidecarDocument {
  if (verdict === 'retyped') {
    if (target.type !== 'person') throw new AnnotationInputError(`only a person can be retyped, not a ${target.type}`);
    if (!retype || !RETYPED_AS.includes(retype.retypedAs)) throw new AnnotationInputError(`retype as one of ${RETYPED_AS.join(', ')}`);
  }
  const names = verdict === 'retyped' ? [...new Set(retype!.names.map(normalizeLabel).filter(n => n !== ''))] : undefined;
  if (names && names.length === 0) throw new AnnotationInputError('a retype needs the names that are not a person');
  const superseded = (d: EntityDecision) => replaces.includes(d.id) ||
    (verdict === 'retyped' ? d.verdict === 'retyped' && (d.names ?? []).some(n => names!.includes(n))
      : d.verdict !== 'retyped' && d.type === target.type && d.entity === target.entity);
  const old = doc.decisions.filter(superseded);
  if (old.length === 1 && old[0].verdict === verdict && old[0].type === target.type && old[0].entity === target.entity &&
    old[0].retypedAs === retype?.retypedAs && sameNames(old[0].names, names)) return doc;
  const spans = [...new Map(target.mentions.map(m => [`${m.start}:${m.end}`, m])).values()].sort((x, y) => x.start - y.start || x.end - y.end);
  const anchors = spans.map(m => makeAnchor(articleText, m.start, m.end));
  const decision: EntityDecision = {
    id: old[0]?.id ?? freshId(doc, services.newId), type: target.type, entity: target.entity, verdict,
    ...(verdict === 'retyped' ? { retypedAs: retype!.retypedAs, names } : {}), decided: services.now().toISOString(), anchors,
  };
  return { ...doc, decisions: [...doc.decisions.filter(d => !superseded(d)), decision] };
}

/** Withdraw decisions (Clear Decision): the analyzer's view of those entities comes back. */
export function clearDecisions(doc: SidecarDocument, ids: readonly string[]): SidecarDocument {
  const decisions = doc.decisions.filter(d => !ids.includes(d.id));
  return decisions.length === doc.decisions.length ? doc : { ...doc, decisions };
}

export function decisionById(doc: SidecarDocument, id: string): EntityDecision | undefined {
  return doc.decisions.find(d => d.id === id);
}

/**
 * The document as it should be saved with this article text: context re-read around every anchor, the text hash
 * and article name current. Anchors that no longer match the text (which live edits should never leave) are
 * placed again rather than saved wrong.
 */
export function prepareForSave(doc: SidecarDocument, articleText: string, articleName = doc.article): SidecarDocument {
  const fix = <T extends Anchored>(items: readonly T[]): readonly T[] => {
    const refreshed = items.map(item => refreshContext(item, articleText));
    const stale = refreshed.some(item => !item.orphaned && articleText.slice(item.anchor.start, item.anchor.end) !== item.anchor.text);
    const out = stale ? reanchorItems(refreshed, articleText).items : refreshed;
    return out.every((item, i) => item === items[i]) ? items : out;
  };
  return { ...doc, article: articleName, textHash: hashText(articleText), annotations: fix(doc.annotations), decisions: mapDecisionAnchors(doc.decisions, fix) };
}
