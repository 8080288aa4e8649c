// Reading brat standoff back into a sidecar document: the inverse of brat.ts, for a .ann we wrote (and edited in brat
// or INCEpTION) or one from another tool.
//   T  Person / Date / Quote → those kinds; any other type → a label (named as annotation.conf's mapping says).
//      With `Provenance detected` or `confirmed` (our export) the T is the analyzer's: nothing to add for detected, a
//      confirmed decision for confirmed; one the analyzer no longer finds at that place is the reader's annotation.
//   R  Said Arg1:<quote> Arg2:<person>, # Speaker: who said the quote (the person's canonical name when the analyzer
//      knows the mention); on an analyzer quote it becomes the reader's speaker when it differs or SpeakerByReader says so.
//   #  AnnotatorNotes: the note (several: joined by line breaks). A Orphaned + # LastText: an orphaned annotation with
//      that text. # LineBreaks N on an empty T: an annotation of the N line breaks there.
// A T of several fragments is one span when only white space lies between them (brat writes a span that crosses lines
// so); a sidecar has no place for a discontinuous one, nor for a line naming an id the file does not have: reported.
// A .ann of ours lists everything the reader kept, so an entity of the analyzer's none of whose mentions it lists was
// rejected in brat or before the export: it is recorded as rejected (unless told not to), which makes export → import
// → export give the same .ann. Decisions are on whole entities (a confirmed T confirms its entity), as the reader makes
// them in the editor. The result is merged into the existing sidecar as an external change is (mergeAnnotations): nothing
// already there is removed.
import type { Analysis, Mention } from '../analysis';
import { analyze } from '../analysis';
import {
  addAnnotation, decideEntity, DecisionResolver, editNote, emptyDocument, entityKeyOf, mergeAnnotations, setSpeaker, targetOfEntity,
  type Annotation, type AnnotationKind, type EntityDecision, type EntityTarget, type NewAnnotation, type Services, type SidecarDocument,
} from '../annotations';
import { analysisOptionsFor, sourceOfQuote } from '../entities/readerView';
import { BUILT_IN_TYPES, bratCounting, escapeNote, unescapeNote } from './brat';
import { OffsetMap } from './offsets';

export interface BratProblem { readonly line: number; readonly message: string }

interface TextBound { id: string; type: string; fragments: [number, number][]; text: string | undefined; line: number }
interface Relation { id: string; type: string; arg1: string; arg2: string; line: number }
interface Attribute { id: string; name: string; target: string; value: string | undefined; line: number }
interface Comment { id: string; kind: string; target: string; text: string; line: number }

export interface BratFile {
  readonly textBounds: readonly TextBound[];
  readonly relations: readonly Relation[];
  readonly attributes: readonly Attribute[];
  readonly comments: readonly Comment[];
  /** Lines that cannot be read (reported, not imported). */
  readonly problems: readonly BratProblem[];
  /** Lines of kinds News Annotator has nothing for (events, normalizations, equivalences). */
  readonly ignored: number;
}

const ID = /^(?:[A-Za-z]+|#[A-Za-z]*)\d+\S*$/;

/** Parse the lines of a .ann file (brat's own reading: id TAB data [TAB text]). */
export function parseBrat(ann: string): BratFile {
  const textBounds: TextBound[] = [], relations: Relation[] = [], attributes: Attribute[] = [], comments: Comment[] = [];
  const problems: BratProblem[] = [];
  const ids = new Set<string>();
  let ignored = 0;
  ann.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const tab = raw.indexOf('\t');
    const id = tab < 0 ? raw : raw.slice(0, tab);
    if (tab < 0 || !(ID.test(id) || id === '*')) { problems.push({ line, message: `not a brat annotation line (expected "ID<TAB>…"): "${raw.slice(0, 60)}"` }); return; }
    if (id !== '*' && ids.has(id)) { problems.push({ line, message: `duplicate id ${id}` }); return; }
    ids.add(id);
    const rest = raw.slice(tab + 1);
    const tab2 = rest.indexOf('\t');
    const data = tab2 < 0 ? rest : rest.slice(0, tab2);
    const tail = tab2 < 0 ? undefined : rest.slice(tab2 + 1);
    const fields = data.trim().split(/ +/);
    switch (id[0]) {
      case 'T': {
        const space = data.indexOf(' ');
        const fragments = space < 0 ? [] : data.slice(space + 1).split(';').map(f => f.trim().split(/ +/).map(Number));
        if (space < 0 || fragments.some(f => f.length !== 2 || !f.every(n => Number.isSafeInteger(n) && n >= 0) || f[1] < f[0])) {
          problems.push({ line, message: `${id}: expected "TYPE START END[;START END…]", found "${data}"` });
          return;
        }
        textBounds.push({ id, type: data.slice(0, space), fragments: fragments as [number, number][], text: tail, line });
        return;
      }
      case 'R': {
        const args = new Map(fields.slice(1).map(f => f.split(':') as [string, string]));
        if (!args.get('Arg1') || !args.get('Arg2')) { problems.push({ line, message: `${id}: expected "TYPE Arg1:ID Arg2:ID", found "${data}"` }); return; }
        relations.push({ id, type: fields[0], arg1: args.get('Arg1')!, arg2: args.get('Arg2')!, line });
        return;
      }
      case 'A': case 'M':
        if (fields.length < 2) { problems.push({ line, message: `${id}: expected "NAME ID [VALUE]", found "${data}"` }); return; }
        attributes.push({ id, name: fields[0], target: fields[1], value: fields[2], line });
        return;
      case '#':
        if (fields.length !== 2) { problems.push({ line, message: `${id}: expected "KIND ID<TAB>TEXT", found "${data}"` }); return; }
        comments.push({ id, kind: fields[0], target: fields[1], text: unescapeNote(tail ?? ''), line });
        return;
      case 'E': case 'N': case '*':
        ignored++;
        return;
      default:
        problems.push({ line, message: `${id}: brat annotations of kind '${id[0]}' are not known` });
    }
  });
  // Checked once every line is read: brat does not require an annotation's line before the lines about it.
  const refersToKnown = (line: { id: string; line: number }, ...refs: string[]) => {
    const missing = refs.find(ref => !ids.has(ref));
    if (missing !== undefined) problems.push({ line: line.line, message: `${line.id}: ${missing} is not an annotation of this file` });
    return missing === undefined;
  };
  return {
    textBounds, relations: relations.filter(r => refersToKnown(r, r.arg1, r.arg2)),
    attributes: attributes.filter(a => refersToKnown(a, a.target)), comments: comments.filter(c => refersToKnown(c, c.target)),
    problems: problems.sort((x, y) => x.line - y.line), ignored,
  };
}

/** Look-up by key of items listed once: each key's items in list order. */
function indexBy<T>(items: readonly T[], key: (item: T) => string): (k: string) => readonly T[] {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item), list = index.get(k);
    if (list) list.push(item); else index.set(k, [item]);
  }
  return k => index.get(k) ?? [];
}

export interface BratImportOptions {
  /** Article file name, for a new sidecar document. */
  readonly articleName: string;
  /** The .txt starts with a byte-order mark (brat counted it). */
  readonly bom: boolean;
  /** brat type → the reader's label (labelsOfConfig of the export's annotation.conf). */
  readonly labels: ReadonlyMap<string, string>;
  /** The article's sidecar document as it is now, placed on this text (reanchorDocument), if it has one. */
  readonly existing?: SidecarDocument;
  readonly referenceDate?: string;
  /** Do not record the analyzer's findings a .ann of ours leaves out as rejected. */
  readonly keepOmitted?: boolean;
  readonly services: Services;
}

export interface BratImportResult {
  readonly document: SidecarDocument;
  readonly annotations: number;
  readonly confirmed: number;
  readonly rejected: number;
  /** Lines that could not be imported (the rest was). */
  readonly problems: readonly BratProblem[];
  readonly ignored: number;
  /** A .ann of ours whose omissions were not taken as rejections, because some of its lines could not be read. */
  readonly rejectionsSkipped: boolean;
}

const KIND_OF_TYPE = new Map<string, AnnotationKind>(Object.entries(BUILT_IN_TYPES).map(([kind, type]) => [type, kind as AnnotationKind]));
const keyOf = (type: string, start: number, end: number) => `${type}:${start}:${end}`;

interface Placed { t: TextBound; kind: AnnotationKind; label?: string; start: number; end: number; text: string; provenance?: string; orphaned: boolean }

/** The sidecar document a .ann describes for this article text, merged into `options.existing`. */
export function importBrat(file: BratFile, text: string, options: BratImportOptions): BratImportResult {
  const problems = [...file.problems];
  const offsets = new OffsetMap(text, bratCounting(options.bom, false));
  const attributesOf = indexBy(file.attributes, a => a.target);
  const commentsByTarget = indexBy(file.comments, c => `${c.kind}\u0000${c.target}`);
  const commentsOf = (id: string, kind: string) => commentsByTarget(`${kind}\u0000${id}`);
  const saidOf = indexBy(file.relations.filter(r => r.type === 'Said'), r => r.arg1);

  const placed = new Map<string, Placed>();
  for (const t of file.textBounds) {
    const p = place(t);
    if (typeof p === 'string') problems.push({ line: t.line, message: `${t.id}: ${p}` });
    else placed.set(t.id, p);
  }
  function place(t: TextBound): Placed | string {
    const frags = t.fragments.map(([s, e]) => [offsets.toUtf16(s), offsets.toUtf16(e)]);
    if (frags.some(([s, e]) => Number.isNaN(s) || Number.isNaN(e))) return `offsets ${t.fragments.map(f => f.join(' ')).join(';')} are outside the text (${offsets.characters} characters)`;
    const written = frags.map(([s, e]) => text.slice(s, e)).join(' ');
    if (t.text !== undefined && t.text !== written) return `its text "${t.text}" is not the article's "${written}" at ${t.fragments.map(f => f.join(' ')).join(';')}`;
    for (let i = 1; i < frags.length; i++) {
      const [from, to] = [frags[i - 1][1], frags[i][0]];
      if (to < from) return `its fragments ${t.fragments.map(f => f.join(' ')).join(';')} overlap or are out of order`;
      const gap = text.slice(from, to);
      if (gap.trim() !== '') return `a discontinuous span: its fragments leave out "${escapeNote(gap.length > 60 ? gap.slice(0, 60) + '…' : gap)}" (only white space between fragments makes them one span)`;
    }
    const attrs = attributesOf(t.id);
    const orphaned = attrs.some(a => a.name === 'Orphaned');
    const start = frags[0][0];
    let end = frags[frags.length - 1][1];
    const lastText = commentsOf(t.id, 'LastText')[0]?.text;
    if (orphaned && !lastText) return 'an orphaned annotation without its LastText';
    // Our export of an annotation of line breaks only: an empty T at the first, and how many it marks.
    const lineBreaks = commentsOf(t.id, 'LineBreaks')[0]?.text;
    if (!orphaned && end <= start && lineBreaks !== undefined) {
      end = /^[1-9]\d*$/.test(lineBreaks) ? afterLineBreaks(text, start, Number(lineBreaks)) : -1;
      if (end < 0) return `its LineBreaks "${lineBreaks}" are not line breaks of the article at ${t.fragments[0][0]}`;
    }
    if (!orphaned && end <= start) return 'an empty span';
    const kind = KIND_OF_TYPE.get(t.type) ?? 'label';
    return {
      t, kind, ...(kind === 'label' ? { label: options.labels.get(t.type) ?? t.type } : {}), start, end: orphaned ? start : end,
      text: orphaned ? lastText! : text.slice(start, end), provenance: attrs.find(a => a.name === 'Provenance')?.value, orphaned,
    };
  }

  const ours = file.attributes.some(a => a.name === 'Provenance');
  const isAnalyzers = (p: Placed) => p.kind !== 'label' && !p.orphaned && (p.provenance === 'detected' || p.provenance === 'confirmed');
  const noteOf = (p: Placed) => commentsOf(p.t.id, 'AnnotatorNotes').map(c => c.text).filter(n => n.trim() !== '').join('\n') || undefined;
  const imported = new ImportedDocument(options.articleName, text, options.services);
  let annotations = 0, confirmed = 0, rejected = 0;
  const add = (p: Placed) => {
    const note = noteOf(p);
    if (p.orphaned) imported.addOrphaned({ kind: p.kind, ...(p.label !== undefined ? { label: p.label } : {}), ...(note ? { note } : {}) }, p.start, p.text);
    else imported.add({ start: p.start, end: p.end, kind: p.kind, label: p.label, note });
    annotations++;
  };

  // The reader's own first: the people among them change what the analyzer finds (analysisOptionsFor).
  const analyzers = [...placed.values()].filter(isAnalyzers);
  for (const p of placed.values()) if (!isAnalyzers(p)) add(p);
  const readers = imported.document();
  const known = options.existing ? [...options.existing.annotations, ...readers.annotations] : readers.annotations;
  const analysis = analyze(text, analysisOptionsFor({ ...readers, annotations: known }, { referenceDate: options.referenceDate }));
  const mentions = new Map<string, Mention>();
  for (const m of [...analysis.persons, ...analysis.dates, ...analysis.quotes]) mentions.set(keyOf(m.type, m.start, m.end), m);

  // A decision on a whole entity, once, unless the sidecar imported into has it already (perhaps under the name the
  // entity had then: the decision is found as the editor finds it, by entity or by the mentions it covered).
  const standing = options.existing ? new DecisionResolver(options.existing.decisions, analysis) : undefined;
  const decided = new Set<string>();
  const decide = (m: Mention, verdict: 'confirmed' | 'rejected') => {
    const entity = `${m.type}\u0000${entityKeyOf(m, analysis)}`;
    if (decided.has(entity)) return false;
    decided.add(entity);
    if (standing?.forMention(m)?.verdict !== verdict) imported.decide(targetOfEntity(m, analysis), verdict);
    return true;
  };

  for (const p of analyzers) {
    const m = mentions.get(keyOf(p.kind, p.start, p.end));
    if (!m) { add(p); continue; } // the analyzer no longer finds it here (or it was moved in brat): the reader's now
    if (p.provenance === 'confirmed' && decide(m, 'confirmed')) confirmed++;
    const note = noteOf(p);
    if (note && m.type !== 'quote') add(p); // a note needs an annotation of the reader's to live on
    else if (note) imported.changeQuoteAt(p, (d, services) => withQuoteAnnotation(d, text, p, services, (withQuote, a) => editNote(withQuote, a.id, note)));
  }

  // Speakers of quotes: the reader's quotes always, the analyzer's when set by the reader or changed in brat.
  for (const p of placed.values()) {
    if (p.kind !== 'quote' || p.orphaned) continue;
    const speaker = speakerOf(p.t.id);
    if (speaker === undefined) continue;
    const m = mentions.get(keyOf('quote', p.start, p.end));
    const analyzersSpeaker = m?.type === 'quote' ? analyzerSpeaker(m, analysis) : undefined;
    // The source as the article names it is the analyzer's too: the view shows it when the reader rejected the person.
    const asWritten = m?.type === 'quote' ? m.speakerText ?? undefined : undefined;
    const byReader = !isAnalyzers(p) || !m || attributesOf(p.t.id).some(a => a.name === 'SpeakerByReader') ||
      (speaker !== analyzersSpeaker && speaker !== asWritten);
    if (byReader) imported.changeQuoteAt(p, (d, services) => setSpeaker(d, text, p, speaker, services));
  }
  function speakerOf(quoteId: string): string | undefined {
    const written = commentsOf(quoteId, 'Speaker')[0]?.text;
    if (written) return written;
    const said = saidOf(quoteId)[0];
    const person = said && placed.get(said.arg2);
    if (!person || person.orphaned) return undefined;
    const m = mentions.get(keyOf('person', person.start, person.end));
    return (m?.type === 'person' ? analysis.people.get(m.entityId)?.name : undefined) ?? person.text;
  }

  // An entity of the analyzer's that a .ann of ours leaves out was rejected: none of its mentions is listed as the
  // analyzer's, and one at least is not listed at all (the others may be the reader's own there: people, dates and
  // quotes are kept at their place as the reader's, as readerView merges those kinds, even when the entity is rejected).
  // With lines that could not be read, what the file leaves out is not known: nothing is taken as rejected then.
  const inferRejections = ours && !options.keepOmitted && problems.length === 0;
  if (inferRejections) {
    const listedAt = (keep: (p: Placed) => boolean) => new Set([...placed.values()].filter(p => !p.orphaned && keep(p)).map(p => keyOf(p.kind, p.start, p.end)));
    const asAnalyzers = listedAt(isAnalyzers), atAll = listedAt(p => isAnalyzers(p) || p.kind !== 'label');
    const listed = new Set<string>(), omitted = new Set<string>(), entities = new Map<string, Mention>();
    for (const m of mentions.values()) {
      const entity = `${m.type}\u0000${entityKeyOf(m, analysis)}`, at = keyOf(m.type, m.start, m.end);
      if (!entities.has(entity)) entities.set(entity, m);
      if (asAnalyzers.has(at)) listed.add(entity);
      if (!atAll.has(at)) omitted.add(entity);
    }
    for (const [entity, m] of entities) {
      if (!listed.has(entity) && omitted.has(entity) && decide(m, 'rejected')) rejected++;
    }
  }
  const document = options.existing ? mergeInto(options.existing, imported.document(), text) : imported.document();
  return {
    document, annotations, confirmed, rejected, problems: problems.sort((x, y) => x.line - y.line), ignored: file.ignored,
    rejectionsSkipped: ours && !options.keepOmitted && !inferRejections,
  };
}

/** Where `count` line breaks (CR LF, CR, LF: one each) starting at `at` end; -1 when the text has not as many there. */
function afterLineBreaks(text: string, at: number, count: number): number {
  const lineBreak = /\r\n|\r|\n/y;
  lineBreak.lastIndex = at;
  for (let i = 0; i < count; i++) if (!lineBreak.exec(text)) return -1;
  return lineBreak.lastIndex;
}

/** Who the analyzer says said a quote, as readerView names them: the person's canonical name, else the source as written. */
function analyzerSpeaker(m: Mention & { type: 'quote' }, analysis: Analysis): string | undefined {
  return (m.speakerId !== null ? analysis.people.get(m.speakerId)?.name : undefined) ?? sourceOfQuote(m);
}

/**
 * The document an import makes, changed by the operations the editor uses, each given a document holding only what it
 * looks at (the quote annotation on a span, the decision on an entity): given the whole document, each would go
 * through all of it, and an import of many annotations would take time growing as their square.
 */
class ImportedDocument {
  private readonly annotations: Annotation[] = [];
  /** Where in `annotations` the first quote annotation on each span is (as setSpeaker finds it). */
  private readonly quotesAt = new Map<string, number>();
  /** The decision on each entity, in the order decideEntity keeps them (a new one last). */
  private readonly decisions = new Map<string, EntityDecision>();
  private readonly ids = new Set<string>();
  /** The services with ids unique in the whole document: the operations see only the small one. */
  private readonly services: Services;

  constructor(private readonly article: string, private readonly text: string, services: Services) {
    this.services = {
      ...services, newId: () => {
        for (let tries = 0; tries < 100; tries++) {
          const id = services.newId();
          if (!this.ids.has(id)) { this.ids.add(id); return id; }
        }
        throw new Error('the id generator keeps returning ids already in use');
      },
    };
  }

  document(): SidecarDocument {
    return { ...emptyDocument(this.article), annotations: [...this.annotations], decisions: [...this.decisions.values()] };
  }

  add(spec: NewAnnotation): void {
    this.push(addAnnotation(this.holding([]), this.text, spec, this.services).annotation);
  }

  addOrphaned(fields: Pick<Annotation, 'kind' | 'label' | 'note'>, at: number, lastText: string): void {
    this.push({
      id: this.services.newId(), ...fields, created: this.services.now().toISOString(),
      anchor: { start: at, end: at, text: lastText, prefix: '', suffix: '' }, orphaned: true,
    });
  }

  /** `change` given a document holding the quote annotation on exactly `span`, if there is one; it may add that one. */
  changeQuoteAt(span: { start: number; end: number }, change: (doc: SidecarDocument, services: Services) => SidecarDocument): void {
    const i = this.quotesAt.get(`${span.start}:${span.end}`);
    const [changed] = change(this.holding(i === undefined ? [] : [this.annotations[i]]), this.services).annotations;
    if (i !== undefined && changed) this.annotations[i] = changed;
    else if (changed) this.push(changed);
  }

  decide(target: EntityTarget, verdict: 'confirmed' | 'rejected'): void {
    // What decideEntity replaces: the decision on the same entity (a retype is never made here).
    const entity = `${target.type}\u0000${target.entity}`, before = this.decisions.get(entity);
    const [decision] = decideEntity(this.holding([], before ? [before] : []), this.text, target, verdict, this.services).decisions;
    if (decision === before) return;
    this.decisions.delete(entity);
    this.decisions.set(entity, decision);
  }

  private holding(annotations: Annotation[], decisions: EntityDecision[] = []): SidecarDocument {
    return { ...emptyDocument(this.article), annotations, decisions };
  }

  private push(a: Annotation): void {
    const span = `${a.anchor.start}:${a.anchor.end}`;
    if (a.kind === 'quote' && !a.orphaned && !this.quotesAt.has(span)) this.quotesAt.set(span, this.annotations.length);
    this.annotations.push(a);
  }
}

/** `doc` with the reader's quote annotation on exactly p's span (made if missing) changed by `change`. */
function withQuoteAnnotation(doc: SidecarDocument, text: string, p: Placed, services: Services,
  change: (doc: SidecarDocument, a: Annotation) => SidecarDocument): SidecarDocument {
  const a = doc.annotations.find(x => x.kind === 'quote' && !x.orphaned && x.anchor.start === p.start && x.anchor.end === p.end);
  if (a) return change(doc, a);
  const made = addAnnotation(doc, text, { start: p.start, end: p.end, kind: 'quote' }, services);
  return change(made.document, made.annotation);
}

/**
 * Where an annotation is, as a key: the same for the same kind and label on the same words. The white space at a
 * span's ends does not count: the export leaves the line breaks at them out (brat's fragments lie between line
 * breaks), so a triple-clicked line comes back without its own.
 */
function placeOf(a: Annotation, text: string): string {
  const what = `${a.kind}\u0000${a.label ?? ''}\u0000`;
  if (a.orphaned) return `${what}orphaned\u0000${a.anchor.text}`;
  let { start, end } = a.anchor;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? `${what}${start}:${end}` : `${what}${a.anchor.start}:${a.anchor.end}`;
}
const entityOf = (d: EntityDecision) => `${d.type}\u0000${d.entity}\u0000${d.verdict === 'retyped'}`;

/** The first of `items` under each key. */
function firstBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, i) => { const k = key(item); if (!first.has(k)) first.set(k, i); });
  return first;
}

/**
 * The imported document merged into the existing one as an external change is (mergeAnnotations, from an empty base:
 * both sides only add). An imported item at the place of an existing one is that item: it takes its id, and each
 * side's empty fields the other's values, so that only real disagreements are conflicts (both notes kept, the
 * sidecar's speaker, the later decision).
 */
function mergeInto(existing: SidecarDocument, imported: SidecarDocument, text: string): SidecarDocument {
  const mine = [...existing.annotations];
  const minePlaces = firstBy(mine, m => placeOf(m, text));
  const theirs = imported.annotations.map(a => {
    const i = minePlaces.get(placeOf(a, text));
    if (i === undefined) return a;
    const m = mine[i];
    mine[i] = completed(m, a);
    return { ...completed(a, m), id: m.id, created: m.created, anchor: m.anchor };
  });
  // The same verdict again is the existing decision (its time too); another verdict is a newer decision on it.
  const existingEntities = firstBy(existing.decisions, entityOf);
  const decisions = imported.decisions.map(d => {
    const i = existingEntities.get(entityOf(d)), m = i === undefined ? undefined : existing.decisions[i];
    return !m ? d : m.verdict === d.verdict ? m : { ...d, id: m.id, anchors: m.anchors };
  });
  return mergeAnnotations(emptyDocument(existing.article), { ...existing, annotations: mine }, { ...imported, annotations: theirs, decisions });
}

function completed(a: Annotation, other: Annotation): Annotation {
  const note = a.note ?? other.note, speaker = a.kind === 'quote' ? a.speaker ?? other.speaker : undefined;
  return { ...a, ...(note !== undefined ? { note } : {}), ...(speaker !== undefined ? { speaker } : {}) };
}
