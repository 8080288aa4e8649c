// The editor layer's handle on one article's annotations: the current document plus where ids and times come from,
// with the operations of operations.ts as methods. The document itself stays an immutable value, so the editor can
// keep the last saved one as a merge base and compare documents by identity to see whether anything changed.
import { applyChangesToDocument, type TextChange } from './changes';
import type { EntityTarget } from './decisions';
import { randomId } from './ids';
import type { Annotation, AnnotationKind, EntityDecision, SidecarDocument, Verdict } from './model';
import * as ops from './operations';

export class AnnotationStore {
  private doc: SidecarDocument;
  private readonly services: ops.Services;

  constructor(document: SidecarDocument, services: Partial<ops.Services> = {}) {
    this.doc = document;
    this.services = { newId: services.newId ?? randomId, now: services.now ?? (() => new Date()) };
  }

  /** The current document (a new object after every change, the same one when nothing changed). */
  get document(): SidecarDocument { return this.doc; }

  /** Replace the whole document (after a merge or a re-anchor). */
  replace(document: SidecarDocument): void {
    this.doc = document;
  }

  /** Annotate the selection [start, end) of the current article text. */
  add(articleText: string, spec: ops.NewAnnotation): Annotation {
    const { document, annotation } = ops.addAnnotation(this.doc, articleText, spec, this.services);
    this.replace(document);
    return annotation;
  }

  /** Returns false when there is no such annotation or the note is unchanged. */
  editNote(id: string, note: string | undefined): boolean { return this.update(ops.editNote(this.doc, id, note)); }
  setKind(id: string, kind: AnnotationKind, label?: string): boolean { return this.update(ops.setKind(this.doc, id, kind, label)); }
  /** Who said the quote at [start, end) (see operations.setSpeaker); null or blank clears it. */
  setSpeaker(articleText: string, range: { start: number; end: number }, speaker: string | null): boolean {
    return this.update(ops.setSpeaker(this.doc, articleText, range, speaker, this.services));
  }
  /** Set a quote's speaker, making a name the article spells out a person when it is not `known` (see operations.nameSpeaker). */
  nameSpeaker(articleText: string, range: { start: number; end: number }, speaker: string, known: boolean): boolean {
    return this.update(ops.nameSpeaker(this.doc, articleText, range, speaker, known, this.services));
  }
  remove(id: string): boolean { return this.update(ops.removeAnnotation(this.doc, id)); }

  get(id: string): Annotation | undefined { return ops.annotationById(this.doc, id); }
  at(offset: number, includeEnd = false): Annotation[] { return ops.annotationsAt(this.doc, offset, includeEnd); }
  labels(): string[] { return ops.labelsUsed(this.doc); }
  orphans(): Annotation[] { return ops.orphanedAnnotations(this.doc); }

  /** Confirm, reject or retype a whole entity (see operations.decideEntity). */
  decide(articleText: string, target: EntityTarget, verdict: Verdict, retype?: ops.RetypeDetails, replaces?: readonly string[]): boolean {
    return this.update(ops.decideEntity(this.doc, articleText, target, verdict, this.services, retype, replaces));
  }

  /** Withdraw decisions by id. */
  clearDecisions(ids: readonly string[]): boolean { return this.update(ops.clearDecisions(this.doc, ids)); }

  decision(id: string): EntityDecision | undefined { return ops.decisionById(this.doc, id); }

  /** Move every anchor through one change event of the editor (see changes.ts). */
  applyChanges(changes: readonly TextChange[]): void { this.replace(applyChangesToDocument(this.doc, changes)); }

  /**
   * `saved` (prepared from `from` by forSave) is now on disk: hold it, unless the store changed while the file was
   * being written. That change (a command run meanwhile, a keystroke that moved anchors) is kept; the next save writes it.
   */
  saved(from: SidecarDocument, saved: SidecarDocument): void {
    if (this.doc === from) this.replace(saved);
  }

  /** The document to serialize for this article text (see prepareForSave). */
  forSave(articleText: string, articleName?: string): SidecarDocument {
    return ops.prepareForSave(this.doc, articleText, articleName);
  }

  private update(next: SidecarDocument): boolean {
    const changed = next !== this.doc;
    this.replace(next);
    return changed;
  }
}
