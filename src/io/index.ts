// Safe reading and writing of files on a local disk, shared by the editor (sidecar files) and the command line
// (article and JSONL inputs). Node only: no vscode import.
export {
  describeKind, fileSource, formatMB, isInside, openRegularFile, readAtMost, readRegularFile, resolvedTarget, tooLarge, UnreadableFileError,
  type ByteSource,
} from './regularFile';
export { fileIdentity, isOtherFile } from './fileIdentity';
export {
  RefusedWriteError, removeLeftoverTemps, shortTempPathFor, STALE_TEMP_MS, tempPathFor, writeFileAtomically, type RefusalReason,
} from './atomicWrite';
