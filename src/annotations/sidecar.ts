// The sidecar file beside an article (`story.txt` → `story.annotations.yaml`): its path, its deterministic YAML
// form, reading it with full validation, and deciding what to write. The editor layer does the file I/O (atomic
// write through vscode.workspace.fs); this module only turns bytes into a document and back.
//
// Format (version 2), keys always in this order, annotations and decisions sorted by position:
//
//   # News Annotator: ...
//
//   version: 2
//   article: "story.txt"
//   textHash: sha256:…
//   annotations:
//     - id: k3f9x2m1qa
//       kind: label            # person | date | quote | label
//       label: "dubious"       # only for kind: label
//       speaker: "John Kerry"  # optional, only for kind: quote
//       note: "…"              # optional
//       created: 2026-01-01T10:00:00.000Z
//       anchor: {start, end, text, prefix, suffix}   (one key a line)
//       orphaned: true         # only when the text could not be found
//   decisions:                 # one per entity
//     - id: …
//       type: person           # person | date | quote
//       entity: "John Kerry"   # a person's canonical name, a date's value, a quote's text
//       verdict: retyped       # confirmed | rejected | retyped
//       as: organisation       # only for retyped: organisation | place | other
//       names: ["Kerry"]       # only for retyped: the names that are not a person
//       decided: 2026-…
//       anchors:               # the mentions it covered, each as an annotation's anchor (+ orphaned: true)
//         - start: …
//
// Version 1 (decisions on single mentions, with one `anchor`) is still read: each decision becomes the decision on
// its entity, covering that mention; a quote's decision is keyed by the quote's text. Files are written as version 2.
//
// Free text (article, label, note, entity, names, anchor text/prefix/suffix) is always double-quoted in JSON style on
// one line, so a file we wrote reads back and writes out byte for byte, and a change is a one-line diff. Comments
// written by hand are kept when the file is written again (on the field, item or list they were attached to, a
// decision's anchor found by its words; those of a field left out as a default, at the end of its item).
//
// What is an error (the file is then unreadable, and the editor must not overwrite it): malformed YAML, several
// YAML documents, aliases, a missing or future `version`, a missing, unknown or mistyped field, a duplicate id,
// a negative or fractional offset, end < start, an empty anchored text. Every problem of a file is reported, not
// just the first. Offsets beyond the current article text are NOT an error here: the file does not know the text;
// re-anchoring (anchoring.ts) places or orphans them.
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, Document, YAMLSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { ID_PATTERN } from './ids';
import type { Annotation, AnnotationKind, DecisionAnchor, EntityDecision, RetypedAs, SidecarDocument, TextAnchor, Verdict } from './model';
import { ANNOTATION_KINDS, RETYPED_AS, VERDICTS, isEmptyDocument } from './model';
import type { MentionType } from '../analysis/types';

export const SIDECAR_SUFFIX = '.annotations.yaml';
export const SCHEMA_VERSION = 2;
/** Versions this one reads (older ones are migrated on reading, see the module comment). */
const READABLE_VERSIONS = [1, 2];
/** Sidecar files above this size are refused unread (a real one is a few hundred bytes per annotation). */
export const MAX_SIDECAR_BYTES = 10 * 1024 * 1024;
const HEADER = ' News Annotator: annotations and entity decisions for the article named below. Offsets are\n' +
  ' UTF-16 code units into its text; `text`, `prefix` and `suffix` let them be found again after edits.';
const MENTION_TYPES: readonly MentionType[] = ['person', 'date', 'quote'];

// ---------------------------------------------------------------------------------------------------- paths

/** Index where the file name starts in a path with / or \ separators. */
function baseNameStart(path: string): number {
  return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
}

/**
 * The sidecar path of an article: its last extension replaced by ".annotations.yaml" (`news/story.txt` →
 * `news/story.annotations.yaml`), or that appended to a name without one (`story`, `.profile`, `v1.2/notes`).
 */
export function sidecarPathFor(articlePath: string): string {
  const nameStart = baseNameStart(articlePath);
  const dot = articlePath.lastIndexOf('.');
  const stem = dot > nameStart ? articlePath.slice(0, dot) : articlePath;
  return stem + SIDECAR_SUFFIX;
}

/** True for a path that names a sidecar file (so the editor does not treat it as an article). */
export function isSidecarPath(path: string): boolean {
  return path.length - baseNameStart(path) > SIDECAR_SUFFIX.length && path.toLowerCase().endsWith(SIDECAR_SUFFIX);
}

/** The file name part of a path. */
export function fileNameOf(path: string): string {
  return path.slice(baseNameStart(path));
}

// ---------------------------------------------------------------------------------------------------- writing

const byPosition = (x: TextAnchor, y: TextAnchor) => x.start - y.start || x.end - y.end;
const byString = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const NO_PLACE: TextAnchor = { start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER, text: '', prefix: '', suffix: '' };

/** Annotations and decisions (and each decision's anchors) in file order: by position, then by fields that make the order total. */
export function sortedDocument(doc: SidecarDocument): SidecarDocument {
  const decisions = doc.decisions.map(d => (d.anchors.every((a, i) => i === 0 || byPosition(d.anchors[i - 1], a) <= 0) ? d : { ...d, anchors: [...d.anchors].sort(byPosition) }));
  return {
    ...doc,
    annotations: [...doc.annotations].sort((x, y) => byPosition(x.anchor, y.anchor) || byString(x.created, y.created) || byString(x.id, y.id)),
    decisions: decisions.sort((x, y) => byPosition(x.anchors[0] ?? NO_PLACE, y.anchors[0] ?? NO_PLACE) || byString(x.type, y.type) || byString(x.entity, y.entity) || byString(x.id, y.id)),
  };
}

function quoted(value: string): Scalar<string> {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

function anchorNode(a: TextAnchor) {
  return { start: a.start, end: a.end, text: quoted(a.text), prefix: quoted(a.prefix), suffix: quoted(a.suffix) };
}

function annotationNode(a: Annotation) {
  return {
    id: a.id, kind: a.kind, ...(a.kind === 'label' ? { label: quoted(a.label ?? '') } : {}),
    ...(a.kind === 'quote' && a.speaker !== undefined ? { speaker: quoted(a.speaker) } : {}),
    ...(a.note !== undefined ? { note: quoted(a.note) } : {}), created: a.created, anchor: anchorNode(a.anchor),
    ...(a.orphaned ? { orphaned: true } : {}),
  };
}

function namesNode(names: readonly string[]): YAMLSeq<Scalar<string>> {
  const seq = new YAMLSeq<Scalar<string>>();
  seq.flow = true;
  seq.items = names.map(quoted);
  return seq;
}

function decisionNode(d: EntityDecision) {
  return {
    id: d.id, type: d.type, entity: quoted(d.entity), verdict: d.verdict,
    ...(d.verdict === 'retyped' ? { as: d.retypedAs ?? 'other', names: namesNode(d.names ?? []) } : {}),
    decided: d.decided, anchors: d.anchors.map(a => ({ ...anchorNode(a), ...(a.orphaned ? { orphaned: true } : {}) })),
  };
}

export type LineEnding = '\n' | '\r\n';

/**
 * Carry the comments of a file as read over to the document about to be written: matched field by field, list items
 * by their `id`, a decision's anchors (which have none) by their words (anchorMatches), other items by position, so a
 * comment stays on the annotation or anchor it was written beside wherever sorting puts it.
 */
function keepComments(from: unknown, to: unknown, source: string): void {
  if (!isNode(from) || !isNode(to)) return;
  if (isSeq(from)) commentOfFirstItem(from, source);
  if (from.commentBefore !== undefined) to.commentBefore = from.commentBefore;
  if (from.comment !== undefined) to.comment = from.comment;
  if (from.spaceBefore !== undefined) to.spaceBefore = from.spaceBefore;
  if (isMap(from) && isMap(to)) {
    const keyOf = (p: Pair<unknown, unknown>) => (isScalar(p.key) ? p.key.value : undefined);
    const old = new Map((from.items as Pair<unknown, unknown>[]).map(p => [keyOf(p), p] as const));
    for (const pair of to.items as Pair<unknown, unknown>[]) {
      const match = old.get(keyOf(pair));
      if (!match) continue;
      keepComments(match.key, pair.key, source);
      keepComments(match.value, pair.value, source);
      old.delete(keyOf(pair));
      // What is left of a list's own comment (on its key's line) goes above the key: read back there, not as the list's.
      if (isSeq(pair.value) && isNode(pair.key) && pair.value.commentBefore) {
        pair.key.commentBefore = [pair.key.commentBefore, pair.value.commentBefore].filter(Boolean).join('\n');
        pair.value.commentBefore = undefined;
      }
    }
    // A field not written again (`note: ""`, `orphaned: false`: the default is left out) keeps its comments on its
    // item, after the item's fields, where they are read back as the item's own.
    const orphans = [...old.values()].flatMap(p => [p.key, p.value]).filter(isNode).flatMap(n => [n.commentBefore, n.comment]);
    const comment = [...orphans, to.comment].filter(c => typeof c === 'string' && c !== '').join('\n');
    if (comment !== '') to.comment = comment;
  } else if (isSeq(from) && isSeq(to)) {
    const idOf = (n: unknown) => (isMap(n) ? n.get('id') : undefined);
    const byId = new Map(from.items.map(n => [idOf(n), n] as const).filter(([id]) => typeof id === 'string'));
    const withoutId = (items: unknown[]) => items.filter(n => typeof idOf(n) !== 'string');
    const anchors = anchorMatches(withoutId(from.items), withoutId(to.items));
    to.items.forEach((n, i) => { const id = idOf(n); keepComments(typeof id === 'string' ? byId.get(id) : isMap(n) ? anchors.get(n) : from.items[i], n, source); });
  }
}

/**
 * yaml gives the comment lines right above a block list's first item to the list (with one on its key's line); they
 * are the first item's, as the lines above every other item are its own, so they follow it wherever sorting puts it.
 */
function commentOfFirstItem(seq: YAMLSeq, source: string): void {
  const first = seq.items[0];
  if (seq.flow || !seq.commentBefore || !isNode(first) || !first.range) return;
  let n = 0;
  for (let end = source.lastIndexOf('\n', first.range[0]); end > 0; n++) {
    const start = source.lastIndexOf('\n', end - 1);
    if (!/^\s*#/.test(source.slice(start + 1, end))) break;
    end = start;
  }
  const lines = seq.commentBefore.split('\n');
  const k = Math.min(n, lines.length);
  if (k === 0) return;
  first.commentBefore = [lines.slice(-k).join('\n'), first.commentBefore].filter(Boolean).join('\n');
  const rest = lines.slice(0, -k).join('\n').replace(/\n+$/, '');
  seq.commentBefore = rest === '' ? undefined : rest;
}

/**
 * The item as read for each item written of a list of maps without ids (a decision's anchors): the same anchor, not
 * the one at its place in the list, which sorting, a removed anchor or an edit moving them changes. An anchor is
 * unchanged (start, end, text), else moved (text, prefix, suffix), else its words alone, the first left of them in
 * file order; an anchor read that none is matched to was removed, and its comments with it.
 */
function anchorMatches(from: readonly unknown[], to: readonly unknown[]): Map<unknown, unknown> {
  const field = (n: unknown, key: string) => (isMap(n) ? n.get(key) : undefined);
  const keys = [
    (n: unknown) => JSON.stringify([field(n, 'start'), field(n, 'end'), field(n, 'text')]),
    (n: unknown) => JSON.stringify([field(n, 'text'), field(n, 'prefix'), field(n, 'suffix')]),
    (n: unknown) => JSON.stringify([field(n, 'text')]),
  ];
  const matched = new Map<unknown, unknown>();
  let left = from.filter(n => isMap(n));
  for (const key of keys) {
    const byKey = new Map<string, unknown[]>();
    for (const n of left) { const k = key(n); const list = byKey.get(k); if (list) list.push(n); else byKey.set(k, [n]); }
    for (const n of to) {
      if (!isMap(n) || matched.has(n)) continue;
      const old = byKey.get(key(n))?.shift();
      if (old !== undefined) matched.set(n, old);
    }
    const taken = new Set(matched.values());
    left = left.filter(n => !taken.has(n));
  }
  return matched;
}

/**
 * The sidecar text of a document: deterministic, sorted, ending with a line break. With `previous` (the file's text
 * as read), the comments written in it by hand are kept.
 */
export function serializeSidecar(doc: SidecarDocument, eol: LineEnding = '\n', previous?: string): string {
  const d = sortedDocument(doc);
  const ydoc = new Document({
    version: SCHEMA_VERSION, article: quoted(d.article), textHash: d.textHash,
    annotations: d.annotations.map(annotationNode), decisions: d.decisions.map(decisionNode),
  });
  ydoc.commentBefore = HEADER;
  if (previous !== undefined && previous.includes('#')) {
    // Read as LF: a comment of several lines would keep its CRs, and the line ends written below add one more each time.
    const source = (previous.charCodeAt(0) === 0xfeff ? previous.slice(1) : previous).replace(/\r\n/g, '\n');
    const old = parseDocument(source);
    if (old.errors.length === 0) {
      // The header is the document's comment, or, with no blank line after it, part of the first field's.
      ydoc.commentBefore = old.commentBefore ?? null;
      if (old.comment) ydoc.comment = old.comment;
      keepComments(old.contents, ydoc.contents, source);
    }
  }
  const text = ydoc.toString({ lineWidth: 0, doubleQuotedAsJSON: true, indentSeq: true, flowCollectionPadding: false });
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

export function encodeSidecar(doc: SidecarDocument, eol: LineEnding = '\n'): Uint8Array {
  return new TextEncoder().encode(serializeSidecar(doc, eol));
}

function asText(bytes: Uint8Array | string): string {
  return typeof bytes === 'string' ? bytes : new TextDecoder('utf-8').decode(bytes);
}

/** False when writing `next` would not change the file: the editor then leaves it alone (no mtime churn). */
export function shouldWrite(previous: Uint8Array | string | undefined, next: Uint8Array | string): boolean {
  if (previous === undefined) return true;
  if (typeof previous !== 'string' && typeof next !== 'string') {
    return previous.length !== next.length || previous.some((b, i) => b !== next[i]);
  }
  return asText(previous) !== asText(next);
}

// ---------------------------------------------------------------------------------------------------- errors

export interface SidecarProblem {
  /** 1-based line in the sidecar file, when the problem has one. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** Why a sidecar file cannot be read; its message reads "story.annotations.yaml:12: …" for the editor to show. */
export class SidecarError extends Error {
  override readonly name = 'SidecarError';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The first problem's message without the file and line. */
  readonly reason: string;
  /** Every problem found (the first is this error's own). */
  readonly problems: readonly SidecarProblem[];

  constructor(file: string, problems: readonly SidecarProblem[]) {
    const first = problems[0] ?? { message: 'unreadable' };
    const where = first.line !== undefined ? `${file}:${first.line}` : file;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(`${where}: ${first.message}${more}`);
    this.file = file;
    this.line = first.line;
    this.column = first.column;
    this.reason = first.message;
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------------- reading

class Validator {
  readonly problems: SidecarProblem[] = [];
  private readonly ids = new Map<string, number | undefined>();

  constructor(private readonly lines: LineCounter) {}

  lineOf(node: Node | null | undefined): number | undefined {
    return node?.range ? this.lines.linePos(node.range[0]).line : undefined;
  }

  report(node: Node | null | undefined, message: string): undefined {
    this.problems.push({ line: this.lineOf(node), message });
    return undefined;
  }

  /** The fields of a map node by key, reporting unknown and missing keys. */
  fields(node: Node, what: string, required: readonly string[], optional: readonly string[] = []): Map<string, Node | null> | undefined {
    if (!isMap(node)) return this.report(node, `${what} must be a mapping of fields`);
    const out = new Map<string, Node | null>();
    for (const pair of (node as YAMLMap<unknown, unknown>).items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string') { this.report(pair.key, `${what} has a field name that is not text`); continue; }
      if (!required.includes(key) && !optional.includes(key)) { this.report(pair.key, `unknown field '${key}' in ${what}`); continue; }
      out.set(key, pair.value);
    }
    for (const key of required) if (!out.has(key)) this.report(node, `${what} is missing the field '${key}'`);
    return out;
  }

  text(fields: Map<string, Node | null>, key: string, what: string, parent: Node, allowEmpty = true): string | undefined {
    if (!fields.has(key)) return undefined;
    const node = fields.get(key);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string') return this.report(node ?? parent, `${what}: '${key}' must be text`);
    if (!allowEmpty && value === '') return this.report(node, `${what}: '${key}' must not be empty`);
    return value;
  }

  oneOf<T extends string>(fields: Map<string, Node | null>, key: string, what: string, parent: Node, allowed: readonly T[]): T | undefined {
    const value = this.text(fields, key, what, parent);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      return this.report(fields.get(key), `${what}: '${key}' must be one of ${allowed.join(', ')}, not '${value}'`);
    }
    return value as T;
  }

  time(fields: Map<string, Node | null>, key: string, what: string, parent: Node): string | undefined {
    const value = this.text(fields, key, what, parent);
    if (value !== undefined && Number.isNaN(Date.parse(value))) return this.report(fields.get(key), `${what}: '${key}' is not a date and time: '${value}'`);
    return value;
  }

  offset(fields: Map<string, Node | null>, key: string, what: string, parent: Node): number | undefined {
    if (!fields.has(key)) return undefined;
    const node = fields.get(key);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      return this.report(node ?? parent, `${what}: '${key}' must be a whole number >= 0`);
    }
    return value;
  }

  flag(fields: Map<string, Node | null>, key: string, what: string, parent: Node): boolean | undefined {
    if (!fields.has(key)) return undefined;
    const node = fields.get(key);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'boolean') return this.report(node ?? parent, `${what}: '${key}' must be true or false`);
    return value;
  }

  id(fields: Map<string, Node | null>, what: string, parent: Node): string | undefined {
    const id = this.text(fields, 'id', what, parent);
    if (id === undefined) return undefined;
    const node = fields.get('id');
    if (!ID_PATTERN.test(id)) return this.report(node, `${what}: id '${id}' must be 1 to 64 letters, digits, '-' or '_'`);
    if (this.ids.has(id)) {
      const first = this.ids.get(id);
      return this.report(node, `duplicate id '${id}'${first !== undefined ? ` (first used at line ${first})` : ''}`);
    }
    this.ids.set(id, this.lineOf(node));
    return id;
  }

  anchor(node: Node | null | undefined, what: string, parent: Node): TextAnchor | undefined {
    if (!node) return this.report(parent, `${what}: 'anchor' is empty`);
    const f = this.fields(node, `the anchor of ${what}`, ['start', 'end', 'text', 'prefix', 'suffix']);
    if (!f) return undefined;
    const w = `the anchor of ${what}`;
    const start = this.offset(f, 'start', w, node), end = this.offset(f, 'end', w, node);
    const text = this.text(f, 'text', w, node, false), prefix = this.text(f, 'prefix', w, node), suffix = this.text(f, 'suffix', w, node);
    if (start !== undefined && end !== undefined && end < start) return this.report(f.get('end'), `${w}: end (${end}) is before start (${start})`);
    if (start === undefined || end === undefined || text === undefined || prefix === undefined || suffix === undefined) return undefined;
    return { start, end, text, prefix, suffix };
  }

  items(root: Map<string, Node | null>, key: string, rootNode: Node): Node[] {
    const node = root.get(key);
    if (node === undefined) return [];
    if (node === null || (isScalar(node) && node.value === null)) return []; // `annotations:` left empty by hand
    if (!isSeq(node)) { this.report(node, `'${key}' must be a list`); return []; }
    return node.items as Node[];
  }

  annotation(node: Node, n: number): Annotation | undefined {
    const what = `annotation ${n}`;
    const f = this.fields(node, what, ['id', 'kind', 'created', 'anchor'], ['label', 'speaker', 'note', 'orphaned']);
    if (!f) return undefined;
    const id = this.id(f, what, node);
    const kind = this.oneOf<AnnotationKind>(f, 'kind', what, node, ANNOTATION_KINDS);
    const label = this.text(f, 'label', what, node, false);
    if (kind === 'label' && !f.has('label')) this.report(node, `${what} has kind 'label' but no 'label' field`);
    if (kind !== undefined && kind !== 'label' && f.has('label')) this.report(f.get('label'), `${what}: 'label' is only for kind 'label' (this one is '${kind}')`);
    const speaker = this.text(f, 'speaker', what, node, false);
    if (kind !== undefined && kind !== 'quote' && f.has('speaker')) this.report(f.get('speaker'), `${what}: 'speaker' is only for kind 'quote' (this one is '${kind}')`);
    const note = this.text(f, 'note', what, node);
    const created = this.time(f, 'created', what, node);
    const anchor = f.has('anchor') ? this.anchor(f.get('anchor'), what, node) : undefined;
    const orphaned = this.flag(f, 'orphaned', what, node);
    if (id === undefined || kind === undefined || created === undefined || anchor === undefined) return undefined;
    return {
      id, kind, ...(kind === 'label' && label !== undefined ? { label } : {}), ...(kind === 'quote' && speaker !== undefined ? { speaker } : {}),
      ...(note ? { note } : {}), created, anchor,
      ...(orphaned ? { orphaned } : {}),
    };
  }

  /** A version 2 decision: on one entity, with the anchors of the mentions it covered. */
  decision(node: Node, n: number): EntityDecision | undefined {
    const what = `decision ${n}`;
    const f = this.fields(node, what, ['id', 'type', 'entity', 'verdict', 'decided', 'anchors'], ['as', 'names']);
    if (!f) return undefined;
    const id = this.id(f, what, node);
    const type = this.oneOf<MentionType>(f, 'type', what, node, MENTION_TYPES);
    const entity = this.text(f, 'entity', what, node);
    const verdict = this.oneOf<Verdict>(f, 'verdict', what, node, VERDICTS);
    const retypedAs = this.oneOf<RetypedAs>(f, 'as', what, node, RETYPED_AS);
    const names = f.has('names') ? this.names(f.get('names'), what, node) : undefined;
    if (verdict === 'retyped') {
      if (!f.has('as')) this.report(node, `${what} has verdict 'retyped' but no 'as' field (${RETYPED_AS.join(', ')})`);
      if (!f.has('names')) this.report(node, `${what} has verdict 'retyped' but no 'names' field (the names that are not a person)`);
      if (type !== undefined && type !== 'person') this.report(f.get('type'), `${what}: only a person can be retyped, not a ${type}`);
    } else if (verdict !== undefined) {
      for (const key of ['as', 'names']) if (f.has(key)) this.report(f.get(key), `${what}: '${key}' is only for verdict 'retyped' (this one is '${verdict}')`);
    }
    const decided = this.time(f, 'decided', what, node);
    const anchors = f.has('anchors') ? this.anchorList(f.get('anchors'), what, node) : undefined;
    if (id === undefined || type === undefined || entity === undefined || verdict === undefined || decided === undefined || anchors === undefined) return undefined;
    if (verdict === 'retyped' && (retypedAs === undefined || names === undefined)) return undefined;
    return { id, type, entity, verdict, ...(verdict === 'retyped' ? { retypedAs, names } : {}), decided, anchors };
  }

  /** A version 1 decision (on one mention), as the version 2 decision on its entity covering that mention. */
  decisionV1(node: Node, n: number): EntityDecision | undefined {
    const what = `decision ${n}`;
    const f = this.fields(node, what, ['id', 'type', 'entity', 'verdict', 'decided', 'anchor'], ['orphaned']);
    if (!f) return undefined;
    const id = this.id(f, what, node);
    const type = this.oneOf<MentionType>(f, 'type', what, node, MENTION_TYPES);
    const entity = this.text(f, 'entity', what, node);
    const verdict = this.oneOf<Verdict>(f, 'verdict', what, node, ['confirmed', 'rejected']);
    const decided = this.time(f, 'decided', what, node);
    const anchor = f.has('anchor') ? this.anchor(f.get('anchor'), what, node) : undefined;
    const orphaned = this.flag(f, 'orphaned', what, node);
    if (id === undefined || type === undefined || entity === undefined || verdict === undefined || decided === undefined || anchor === undefined) return undefined;
    // Version 1 named a quote by its speaker; version 2 by its text (its speaker may be what the reader corrects).
    return { id, type, entity: type === 'quote' ? anchor.text : entity, verdict, decided, anchors: [{ ...anchor, ...(orphaned ? { orphaned } : {}) }] };
  }

  names(node: Node | null | undefined, what: string, parent: Node): string[] | undefined {
    if (!isSeq(node) || node.items.length === 0) return this.report(node ?? parent, `${what}: 'names' must be a list of names, e.g. ["Ford"]`);
    const out: string[] = [];
    for (const item of node.items as Node[]) {
      const value = isScalar(item) ? item.value : undefined;
      if (typeof value !== 'string' || value.trim() === '') { this.report(item, `${what}: each of 'names' must be a name (text)`); continue; }
      out.push(value);
    }
    return out.length === node.items.length ? out : undefined;
  }

  anchorList(node: Node | null | undefined, what: string, parent: Node): DecisionAnchor[] | undefined {
    if (node === null || (isScalar(node) && node.value === null)) return []; // `anchors:` left empty by hand
    if (!isSeq(node)) return this.report(node ?? parent, `${what}: 'anchors' must be a list of anchors`);
    const out: DecisionAnchor[] = [];
    (node.items as Node[]).forEach((item, i) => {
      const w = `anchor ${i + 1} of ${what}`;
      const f = isMap(item) ? this.fields(item, w, ['start', 'end', 'text', 'prefix', 'suffix'], ['orphaned']) : undefined;
      if (!f) { if (!isMap(item)) this.report(item, `${w} must be a mapping of fields`); return; }
      const start = this.offset(f, 'start', w, item), end = this.offset(f, 'end', w, item);
      const text = this.text(f, 'text', w, item, false), prefix = this.text(f, 'prefix', w, item), suffix = this.text(f, 'suffix', w, item);
      const orphaned = this.flag(f, 'orphaned', w, item);
      if (start !== undefined && end !== undefined && end < start) { this.report(f.get('end'), `${w}: end (${end}) is before start (${start})`); return; }
      if (start === undefined || end === undefined || text === undefined || prefix === undefined || suffix === undefined) return;
      out.push({ start, end, text, prefix, suffix, ...(orphaned ? { orphaned } : {}) });
    });
    return out.length === node.items.length ? out : undefined;
  }
}

/** The first line of a yaml library message, without its own "at line L, column C:" (we report the line apart). */
function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
}

/**
 * Parse and validate sidecar text (version 1 is migrated, see the module comment); throws a SidecarError naming
 * `fileName` and listing every problem found with its line.
 * An empty file (or one with only comments) reads as a document with no annotations.
 */
export function parseSidecar(text: string, fileName: string): SidecarDocument {
  const lines = new LineCounter();
  const ydoc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (ydoc.errors.length > 0) {
    throw new SidecarError(fileName, ydoc.errors.map(e => ({ line: e.linePos?.[0].line, column: e.linePos?.[0].col, message: `not valid YAML: ${yamlMessage(e.message)}` })));
  }
  // Refuse aliases before anything could expand them: a file we write has none, and "billion laughs" files are
  // made of them. (This module never converts the document with toJS, so no alias is ever resolved.)
  const aliases: SidecarProblem[] = [];
  visit(ydoc, { Alias(_key, node) { aliases.push({ line: node.range ? lines.linePos(node.range[0]).line : undefined, message: `YAML aliases (*${node.source}) are not allowed in an annotations file` }); } });
  if (aliases.length > 0) throw new SidecarError(fileName, aliases);

  const root = ydoc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return { article: '', textHash: '', annotations: [], decisions: [] };
  const v = new Validator(lines);
  if (!isMap(root)) throw new SidecarError(fileName, [{ line: v.lineOf(root), message: 'an annotations file must be a mapping of fields (version, article, …)' }]);

  // The version comes first: a future file's other fields are not ours to judge.
  const versionNode = (root as YAMLMap<unknown, unknown>).get('version', true) as Node | undefined;
  const version = isScalar(versionNode) ? versionNode.value : undefined;
  if (versionNode === undefined) throw new SidecarError(fileName, [{ line: v.lineOf(root), message: `missing the field 'version' (this version of News Annotator writes version ${SCHEMA_VERSION})` }]);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || (version < SCHEMA_VERSION && !READABLE_VERSIONS.includes(version))) {
    throw new SidecarError(fileName, [{ line: v.lineOf(versionNode), message: `unsupported schema version '${String(isScalar(versionNode) ? versionNode.source ?? version : 'a collection')}': expected ${SCHEMA_VERSION}` }]);
  }
  if (version > SCHEMA_VERSION) {
    throw new SidecarError(fileName, [{ line: v.lineOf(versionNode), message: `written by a newer version of News Annotator (schema version ${version}; this one reads version ${SCHEMA_VERSION}). Update the extension; the file is left as it is.` }]);
  }

  const f = v.fields(root, 'the file', ['version', 'article', 'textHash'], ['annotations', 'decisions'])!;
  const article = v.text(f, 'article', 'the file', root);
  const textHash = v.text(f, 'textHash', 'the file', root);
  const annotations = v.items(f, 'annotations', root).map((node, i) => v.annotation(node, i + 1));
  const decisions = v.items(f, 'decisions', root).map((node, i) => (version === 1 ? v.decisionV1(node, i + 1) : v.decision(node, i + 1)));
  if (v.problems.length > 0) throw new SidecarError(fileName, v.problems);
  return {
    article: article!, textHash: textHash!,
    annotations: annotations as Annotation[], decisions: decisions as EntityDecision[],
  };
}

/**
 * What the editor knows about an article's sidecar. `readable: false` means the file exists but could not be
 * read: the editor must never write over it (it shows `error.message` and leaves the file for the user to fix).
 */
export type SidecarState =
  | { readonly readable: true; readonly exists: false; readonly document: undefined }
  | {
    readonly readable: true; readonly exists: true; readonly document: SidecarDocument;
    /** The file's text as read, to compare with what would be written. */
    readonly text: string; readonly eol: LineEnding;
    /** Things the user may want to know that do not stop reading (e.g. the file names another article). */
    readonly warnings: readonly string[];
  }
  | { readonly readable: false; readonly exists: true; readonly error: SidecarError };

export const ABSENT_SIDECAR: SidecarState = { readable: true, exists: false, document: undefined };

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Read a sidecar file's content (`undefined` when there is no file) into a SidecarState. `sidecarFileName` is used
 * in messages; with `articleFileName`, a file naming another article is read but flagged in `warnings`.
 */
export function readSidecar(content: Uint8Array | string | undefined, sidecarFileName: string, articleFileName?: string): SidecarState {
  if (content === undefined) return ABSENT_SIDECAR;
  const size = typeof content === 'string' ? content.length : content.byteLength;
  const refuse = (problem: SidecarProblem): SidecarState => ({ readable: false, exists: true, error: new SidecarError(sidecarFileName, [problem]) });
  if (size > MAX_SIDECAR_BYTES) {
    return refuse({ message: `the file is ${formatSize(size)}, above the ${formatSize(MAX_SIDECAR_BYTES)} limit for an annotations file; it was not read` });
  }
  let text: string;
  try {
    text = typeof content === 'string' ? content : new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return refuse({ message: 'the file is not valid UTF-8 text' });
  }
  try {
    const document = parseSidecar(text, sidecarFileName);
    const warnings: string[] = [];
    if (articleFileName !== undefined && document.article !== '' && document.article !== articleFileName) {
      warnings.push(`${sidecarFileName} names the article '${document.article}', not '${articleFileName}'`);
    }
    return { readable: true, exists: true, document, text, eol: text.includes('\r\n') ? '\r\n' : '\n', warnings };
  } catch (e) {
    if (e instanceof SidecarError) return { readable: false, exists: true, error: e };
    throw e;
  }
}

/**
 * The sidecar as the article at `articlePath` may use it. Two articles can share one sidecar name (`a.txt` and
 * `a.TXT`, `notes` and `notes.txt`, `story.txt` and `story.text`): when the file's `article` names the other one and
 * that is another file beside it (`isOtherFile`, asked of the file system: on one that ignores case `a.TXT` is
 * `a.txt`), the file holds that article's annotations, and this one would write over them. It is then unreadable for
 * this article — never written, the user told why — as any file that cannot be read. An `article` naming a file that
 * is not there (the article was renamed) is read as before, with the warning of readSidecar.
 */
export async function sidecarStateFor(state: SidecarState, sidecarFileName: string, articlePath: string, isOtherFile: (path: string) => boolean | Promise<boolean>): Promise<SidecarState> {
  if (!state.readable || !state.exists) return state;
  const named = state.document.article, own = fileNameOf(articlePath);
  if (named === '' || named === own || /[\\/]/.test(named)) return state;
  const other = articlePath.slice(0, baseNameStart(articlePath)) + named;
  // Only another name of this same sidecar: a copy of b.txt's sidecar beside c.txt takes nothing of b's when written.
  if (sidecarPathFor(other) !== sidecarPathFor(articlePath) || !(await isOtherFile(other))) return state;
  return {
    readable: false, exists: true, error: new SidecarError(sidecarFileName, [{
      message: `the file holds the annotations of the article '${named}', which shares this annotations file name with '${own}'; ` +
        `it is neither read nor written for '${own}' (rename one of the two articles to annotate both)`,
    }]),
  };
}

/** What the editor should do with the sidecar file to save `doc`, and the state to adopt once done. */
export type SidecarWritePlan =
  | { readonly action: 'none'; readonly next: SidecarState }
  | { readonly action: 'write'; readonly bytes: Uint8Array; readonly next: SidecarState }
  | { readonly action: 'delete'; readonly next: SidecarState }
  /** The file on disk could not be read: writing would destroy what the user has there. */
  | { readonly action: 'refuse'; readonly reason: string; readonly next: SidecarState };

/**
 * Decide the write for `doc` (prepared with prepareForSave) given the state of the file on disk: write only when
 * the bytes change, no file for nothing to keep (and delete the file when everything has been removed), and never
 * touch an unreadable file.
 */
export function planSidecarWrite(state: SidecarState, doc: SidecarDocument): SidecarWritePlan {
  if (!state.readable) return { action: 'refuse', reason: `${state.error.message} — not overwriting it`, next: state };
  if (isEmptyDocument(doc)) return state.exists ? { action: 'delete', next: ABSENT_SIDECAR } : { action: 'none', next: state };
  const eol = state.exists ? state.eol : '\n';
  const text = serializeSidecar(doc, eol, state.exists ? state.text : undefined);
  const next: SidecarState = { readable: true, exists: true, document: doc, text, eol, warnings: [] };
  if (state.exists && !shouldWrite(state.text, text)) return { action: 'none', next: { ...state, document: doc } };
  return { action: 'write', bytes: new TextEncoder().encode(text), next };
}
