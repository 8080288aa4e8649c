// Annotations that could not be saved (an unreadable sidecar, a failed write), kept from the first failed write until
// one succeeds, for the article's next opening, also after VS Code restarts: in the workspace's state (a
// vscode.Memento), as the YAML their sidecar would hold, and read back with the sidecar's own checks.
import { isEmptyDocument, readSidecar, serializeSidecar, type SidecarDocument } from '../../annotations';

/** What is used of a vscode.Memento (context.workspaceState). */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY = 'newsAnnotator.unsavedAnnotations';

export class KeptAnnotations {
  constructor(private readonly state: StateStore) {}

  /** Keeps `doc` for the article (by its uri string); nothing is kept of a document without annotations or decisions. */
  keep(article: string, doc: SidecarDocument): PromiseLike<void> {
    if (isEmptyDocument(doc)) return Promise.resolve();
    return this.state.update(KEY, { ...this.all(), [article]: serializeSidecar(doc) });
  }

  /** The document kept for the article, no longer kept; undefined when there is none (or it cannot be read back). */
  take(article: string): SidecarDocument | undefined {
    const yaml = this.all()[article];
    if (yaml === undefined) return undefined;
    void this.drop(article);
    const read = readSidecar(yaml, `annotations kept for ${article}`);
    return read.readable && read.exists ? read.document : undefined;
  }

  /** Forgets what is kept for the article (its annotations reached its sidecar after all). */
  drop(article: string): PromiseLike<void> {
    const all = this.all();
    if (!(article in all)) return Promise.resolve();
    const { [article]: _dropped, ...rest } = all;
    return this.state.update(KEY, rest);
  }

  /** The articles with annotations kept. */
  articles(): string[] { return Object.keys(this.all()); }

  private all(): Record<string, string> {
    const stored = this.state.get<unknown>(KEY);
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(Object.entries(stored).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
}
