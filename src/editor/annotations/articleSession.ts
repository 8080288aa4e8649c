// One article's annotations while it is open: the in-memory store, what the sidecar on disk holds, and the rules
// that keep them together — anchors move with every edit (and are placed again, as on reopen, when the article is
// reloaded from disk), the file is re-read (and merged) when it changes on disk, it is written only when something
// changed and never while it cannot be read.
import * as vscode from 'vscode';
import {
  ABSENT_SIDECAR, AnnotationStore, emptyDocument, fileNameOf, MAX_SIDECAR_BYTES, mergeAnnotations, planSidecarWrite,
  readSidecar, reanchorDocument, SidecarError, type ReanchorReport, type SidecarDocument, type SidecarState, type TextChange,
} from '../../annotations';
import { deleteIfPresent, readSidecarFile, sidecarStateOf, sidecarUriFor, UnreadableFileError, unreadableSidecar, writeAtomically } from './sidecarFiles';

export type SessionEvent =
  | { kind: 'unreadable'; error: SidecarError }
  | { kind: 'reanchored'; report: ReanchorReport }
  | { kind: 'refusedWrite'; message: string };

export class ArticleSession {
  readonly sidecarUri: vscode.Uri;
  readonly store: AnnotationStore;
  private state: SidecarState = ABSENT_SIDECAR;
  /** The document as last read from or written to disk: the base of a three-way merge. */
  private base: SidecarDocument;
  private queue: Promise<unknown> = Promise.resolve();
  /** Something done here could not be written: the last write failed or was refused (see unsaved). */
  private unwritten = false;

  constructor(readonly articleUri: vscode.Uri, private readonly notify: (e: SessionEvent) => void) {
    this.sidecarUri = sidecarUriFor(articleUri);
    this.base = emptyDocument(fileNameOf(articleUri.path));
    this.store = new AnnotationStore(this.base);
  }

  get readable(): boolean { return this.state.readable; }
  /** True when the annotations in memory hold changes the file does not (its last write failed or was refused). */
  get unsaved(): boolean { return this.unwritten; }
  /** Why the sidecar on disk cannot be read (every problem found), while it cannot. */
  get unreadable(): SidecarError | undefined { return this.state.readable ? undefined : this.state.error; }

  /**
   * Read the sidecar (first open, or after it changed on disk) and merge it with what is in memory. Resolves to false
   * when the file holds what was last read or written (the watcher reporting our own write), true otherwise.
   * The article's text is asked for when it is used, with the store: an edit may arrive while the file is read.
   */
  reload(currentText: () => string): Promise<boolean> {
    return this.serialized(() => this.mergeFromDisk(currentText));
  }

  private async mergeFromDisk(currentText: () => string): Promise<boolean> {
    const theirs = await this.readState();
    if (!theirs.readable) {
      this.state = theirs;
      this.notify({ kind: 'unreadable', error: theirs.error });
      return true; // keep the annotations in memory; the file stays as it is
    }
    if (theirs.exists && this.state.readable && this.state.exists && theirs.text === this.state.text) return false; // our own write
    const wasUnreadable = !this.state.readable;
    this.state = theirs;
    const onDisk = theirs.document ?? emptyDocument(fileNameOf(this.articleUri.path));
    const articleText = currentText();
    const { document: placed, report } = reanchorDocument(onDisk, articleText);
    if (report.moved + report.fuzzy + report.orphaned > 0 && onDisk.textHash !== placed.textHash) this.notify({ kind: 'reanchored', report });
    const mine = this.store.document;
    // After an unreadable spell, nothing was saved: everything in memory counts as added on our side.
    const base = wasUnreadable ? emptyDocument(onDisk.article) : this.base;
    const merged = mine === this.base && !wasUnreadable ? placed : mergeAnnotations(base, mine, placed);
    this.base = placed;
    this.store.replace(merged);
    if (merged !== placed) await this.writeNow(currentText);
    return true;
  }

  /** Move every anchor through one editor change event (contentChanges are against the text before the event). */
  applyEdits(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    const mapped: TextChange[] = changes.map(c => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    this.store.applyChanges(mapped);
  }

  /**
   * The article was reloaded from disk (changed outside the editor while open): place the annotations as they were
   * before that change on its new text, exactly as when the article is opened after a change outside the editor.
   */
  reanchorAfterReload(before: SidecarDocument, articleText: string): ReanchorReport {
    const { document, report } = reanchorDocument(before, articleText);
    this.store.replace(document);
    return report;
  }

  /**
   * Save the annotations for the article's current text, if anything changed; never over a file that could not be
   * read, and never over what another tool (or the user, by hand: comments) wrote since the file was last read — that
   * is merged first.
   */
  save(currentText: () => string): Promise<void> {
    return this.serialized(async () => {
      await this.mergeFromDisk(currentText);
      await this.writeNow(currentText);
    });
  }

  /**
   * Take back annotations kept from an earlier opening of this article that could not be saved (see unsaved): placed
   * on the article's text as on reopen, merged with what the file holds now (all of them count as added, as after an
   * unreadable spell), then written if the file allows it.
   */
  adopt(kept: SidecarDocument, currentText: () => string): Promise<void> {
    return this.serialized(async () => {
      const { document: placed } = reanchorDocument(kept, currentText());
      this.store.replace(mergeAnnotations(emptyDocument(placed.article), placed, this.store.document));
      await this.writeNow(currentText);
    });
  }

  private async writeNow(currentText: () => string): Promise<void> {
    const from = this.store.document;
    const doc = this.store.forSave(currentText(), fileNameOf(this.articleUri.path));
    const plan = planSidecarWrite(this.state, doc);
    const pending = from !== this.base; // something done here, not yet in the file
    if (plan.action === 'refuse') {
      this.unwritten ||= pending;
      this.notify({ kind: 'refusedWrite', message: plan.reason });
      return;
    }
    try {
      if (plan.action === 'write') await writeAtomically(this.sidecarUri, plan.bytes);
      else if (plan.action === 'delete') await deleteIfPresent(this.sidecarUri);
    } catch (e) {
      this.unwritten ||= pending;
      throw e;
    }
    this.unwritten = false;
    this.state = plan.next;
    this.store.saved(from, doc);
    this.base = doc;
  }

  /**
   * The sidecar bytes of this article renamed to `articleName`, when its annotations are in memory only: none is on
   * disk (its write failed: a name too long for the file system, a full disk) although there is something to write.
   * Undefined when the file on disk holds them (it moves with the article) or when there is nothing to write.
   */
  unsavedSidecarFor(currentText: string, articleName: string): Uint8Array | undefined {
    if (!this.state.readable || this.state.exists) return undefined;
    const plan = planSidecarWrite(ABSENT_SIDECAR, this.store.forSave(currentText, articleName));
    return plan.action === 'write' ? plan.bytes : undefined;
  }

  /** Its unsaved annotations went with the article to its new name (a rename): closing it loses nothing. */
  handedOver(): void { this.unwritten = false; }

  private async readState(): Promise<SidecarState> {
    const name = fileNameOf(this.sidecarUri.path);
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readSidecarFile(this.sidecarUri, MAX_SIDECAR_BYTES);
    } catch (e) {
      // A directory, FIFO, device, socket, a link out of the workspace, a file over the limit: unreadable, never written.
      if (!(e instanceof UnreadableFileError)) throw e;
      return { readable: false, exists: true, error: unreadableSidecar(name, e) };
    }
    return sidecarStateOf(readSidecar(bytes, name, fileNameOf(this.articleUri.path)), name, this.articleUri);
  }

  /** File operations of one session run one at a time, in order. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
