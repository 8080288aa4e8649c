// Public surface of the user-annotations core (pure TypeScript, no vscode): the editor layer imports from here.
export * from './model';
export { CONTEXT_LENGTH, makeAnchor, refreshContext, sameAnchor, AnchorRangeError } from './anchors';
export { randomId, sequentialIds, type IdGenerator } from './ids';
export { hashText } from './hash';
export { applyTextChange, applyTextChanges, applyChangesToDocument, applyChangesToText, inApplicationOrder, type TextChange } from './changes';
export { reanchorItems, reanchorDocument, type AnchorOutcome, type ReanchorOptions, type ReanchorReport } from './anchoring';
export { entityKeyOf, mentionsOfEntity, targetOfEntity, retypedNamesOf, DecisionResolver, type EntityTarget, type Span } from './decisions';
export {
  addAnnotation, editNote, setKind, setSpeaker, nameSpeaker, removeAnnotation, annotationById, annotationsAt, orphanedAnnotations, labelsUsed,
  decideEntity, clearDecisions, decisionById, prepareForSave, AnnotationInputError, type NewAnnotation, type RetypeDetails, type Services,
} from './operations';
export { mergeAnnotations, combineNotes } from './merge';
export {
  sidecarPathFor, isSidecarPath, fileNameOf, serializeSidecar, encodeSidecar, parseSidecar, readSidecar, sidecarStateFor, shouldWrite,
  planSidecarWrite, sortedDocument, SidecarError, ABSENT_SIDECAR, SIDECAR_SUFFIX, SCHEMA_VERSION, MAX_SIDECAR_BYTES,
  type SidecarState, type SidecarWritePlan, type SidecarProblem, type LineEnding,
} from './sidecar';
export { commandChange, revertCommand, type CommandChange } from './undo';
export { AnnotationStore } from './store';
