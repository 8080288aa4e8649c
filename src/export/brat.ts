// brat standoff (brat.nlplab.org/standoff.html) of an article's merged view: `story.ann` beside the text, one
// annotation.conf for the export.
//   T  Person / Date / Quote / each label (made brat-safe) with its span; a span across line breaks is split into
//      fragments at them ("10 20;21 30"), its text the fragments joined by a space, as brat writes it
//   R  Said Arg1:<quote> Arg2:<person>: a quote's speaker, when the speaker is a person mentioned in the article
//   A  Provenance (detected | confirmed | user), QuoteKind (quotation | term), SpeakerByReader, Orphaned
//   #  AnnotatorNotes (the reader's note), Speaker (a speaker with no person mention to point at), LastText (an
//      orphan's last known text; an orphan's T is empty, at the place its words were), LineBreaks (how many line
//      breaks an annotation of line breaks only marks: its T is empty, at the first, as no fragment lies between them)
// Offsets count characters as brat reads the .txt: Unicode code points, a CR LF as one (brat opens text files with
// universal newlines), a byte-order mark as one. The copy written into a target folder has LF line ends and no
// byte-order mark, so there the offsets are plain code points of the file.
import type { ViewItem } from '../entities/readerView';
import { typeName, type ExportArticle } from './article';
import { OffsetMap, type CharacterCounting } from './offsets';

export const CONF_FILE = 'annotation.conf';
export const BUILT_IN_TYPES = { person: 'Person', date: 'Date', quote: 'Quote' } as const;
const RESERVED = new Set(['Person', 'Date', 'Quote', 'Said', 'Provenance', 'QuoteKind', 'SpeakerByReader', 'Orphaned']);
const LABEL_MAPPING = /^# label (\S+) = (".*")$/;
const builtIn = (item: ViewItem): string | undefined => (BUILT_IN_TYPES as Record<string, string>)[item.type];

/** The brat type of each of the reader's labels in one export: brat-safe, unique, the same for the same labels. */
export class BratTypes {
  private readonly byLabel = new Map<string, string>();

  constructor(labels: Iterable<string>) {
    const taken = new Set(RESERVED);
    for (const label of [...new Set(labels)].sort()) {
      let base = label.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
      if (!/^[A-Za-z]/.test(base)) base = `Label_${base}`.replace(/_+$/, '');
      let type = base;
      for (let n = 2; taken.has(type); n++) type = `${base}_${n}`;
      taken.add(type);
      this.byLabel.set(label, type);
    }
  }

  /** The types of an export: the reader's labels (and any kind of item other than person, date, quote) get one each. */
  static of(articles: readonly ExportArticle[]): BratTypes {
    return new BratTypes(articles.flatMap(a => [...a.view.items, ...a.view.orphans]).flatMap(i => (builtIn(i) ? [] : [typeName(i)])));
  }

  typeOf(item: ViewItem): string {
    return builtIn(item) ?? this.byLabel.get(typeName(item)) ?? 'Label';
  }

  /** [brat type, label] for every label that has one. */
  entries(): [string, string][] {
    return [...this.byLabel].map(([label, type]) => [type, label]);
  }
}

/** The annotation.conf of an export: its types, relation and attributes, and which label each brat type stands for. */
export function bratConfig(types: BratTypes): string {
  const labels = types.entries();
  return [
    '# brat configuration written by News Annotator (news-annotate export --format brat).',
    ...(labels.length ? ['# The reader\'s labels and the brat-safe types they are written as:'] : []),
    ...labels.map(([type, label]) => `# label ${type} = ${JSON.stringify(label)}`),
    '[entities]', 'Person', 'Date', 'Quote', ...labels.map(([type]) => type), '',
    '[relations]', 'Said\tArg1:Quote, Arg2:Person', '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>', '',
    '[events]', '',
    '[attributes]',
    'Provenance\tArg:<ENTITY>, Value:detected|confirmed|user',
    'QuoteKind\tArg:Quote, Value:quotation|term',
    'SpeakerByReader\tArg:Quote',
    'Orphaned\tArg:<ENTITY>',
    '',
  ].join('\n');
}

/** brat type → the reader's label, from the comments bratConfig writes (an empty map for any other conf). */
export function labelsOfConfig(conf: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of conf.split(/\r?\n/)) {
    const m = LABEL_MAPPING.exec(line);
    if (!m) continue;
    try {
      const label: unknown = JSON.parse(m[2]);
      if (typeof label === 'string') out.set(m[1], label);
    } catch { /* a comment of someone else's: not a mapping */ }
  }
  return out;
}

/** The article text as written into a target folder beside its .ann: LF line ends, no byte-order mark. */
export function bratCopyText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** How brat counts characters in the .txt beside the .ann: the copy (see bratCopyText) or the original file. */
export function bratCounting(bom: boolean, copied: boolean): CharacterCounting {
  return { crlfAsOne: true, leading: !copied && bom ? 1 : 0 };
}

/** One-line free text in a # line: backslash, line breaks and tabs escaped (see unescapeNote). */
export function escapeNote(s: string): string {
  return s.replace(/[\\\n\r\t]/g, c => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

export function unescapeNote(s: string): string {
  return s.replace(/\\([\\nrt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : '\\'));
}

/** The pieces of [start, end) between line breaks, in UTF-16 offsets (none when it holds only line breaks). */
export function fragmentsOf(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = start;
  for (let m = breaks.exec(text); m && m.index < end; m = breaks.exec(text)) {
    if (m.index > from) out.push([from, m.index]);
    from = Math.min(end, m.index + m[0].length);
  }
  if (end > from) out.push([from, end]);
  return out;
}

/** How many line breaks (CR LF, CR, LF: one each) [start, end) holds. */
export function lineBreaksIn(text: string, start: number, end: number): number {
  return text.slice(start, end).match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** The person item a quote's speaker points at: the nearest mention of that person outside the quote. */
function speakerMention(quote: ViewItem, people: readonly ViewItem[]): ViewItem | undefined {
  let best: ViewItem | undefined, bestDistance = Infinity;
  for (const p of people) {
    if (p.person !== quote.speaker || (p.start >= quote.start && p.end <= quote.end)) continue;
    const distance = p.start >= quote.end ? p.start - quote.end : Math.max(0, quote.start - p.end);
    if (distance < bestDistance) { best = p; bestDistance = distance; }
  }
  return best;
}

/** The .ann of one article, for its text as brat will read it (see bratCounting). */
export function bratAnnotations(article: ExportArticle, types: BratTypes, counting: CharacterCounting): string {
  const offsets = new OffsetMap(article.text, counting);
  const items = [...article.view.items, ...article.view.orphans];
  const ids = new Map<ViewItem, string>(items.map((item, i) => [item, `T${i + 1}`]));
  const t: string[] = [], r: string[] = [], a: string[] = [], notes: string[] = [];
  const attribute = (line: string) => a.push(`A${a.length + 1}\t${line}`);
  const note = (kind: string, id: string, value: string) => notes.push(`#${notes.length + 1}\t${kind} ${id}\t${escapeNote(value)}`);
  const people = article.view.items.filter(i => i.type === 'person');
  const lineBreaksOnly = new Set<ViewItem>();

  for (const item of items) {
    const id = ids.get(item)!;
    const spans = item.orphaned ? [] : fragmentsOf(article.text, item.start, item.end);
    // Line breaks only (a paragraph break marked): no fragment to write, so an empty T where they start and a
    // LineBreaks note saying how many, which import reads back (an empty T alone it refuses).
    if (!item.orphaned && !spans.length) lineBreaksOnly.add(item);
    const at = item.orphaned ? Math.min(item.start, article.text.length) : item.start;
    const written = spans.length ? spans : [[at, at] as [number, number]];
    const offsetsText = written.map(([s, e]) => `${offsets.toCharacters(s)} ${offsets.toCharacters(e)}`).join(';');
    t.push(`${id}\t${types.typeOf(item)} ${offsetsText}\t${spans.map(([s, e]) => article.text.slice(s, e)).join(' ')}`);
  }
  for (const item of items) {
    const id = ids.get(item)!;
    attribute(`Provenance ${id} ${item.provenance}`);
    if (item.type === 'quote') {
      attribute(`QuoteKind ${id} ${item.kind ?? 'quotation'}`);
      if (item.speakerProvenance === 'user') attribute(`SpeakerByReader ${id}`);
      const speaker = item.speaker !== undefined && !item.orphaned ? speakerMention(item, people) : undefined;
      if (speaker) r.push(`R${r.length + 1}\tSaid Arg1:${id} Arg2:${ids.get(speaker)}`);
      else if (item.speaker !== undefined) note('Speaker', id, item.speaker);
    }
    if (item.orphaned) attribute(`Orphaned ${id}`);
    if (item.note !== undefined) note('AnnotatorNotes', id, item.note);
    if (item.orphaned) note('LastText', id, item.text);
    if (lineBreaksOnly.has(item)) note('LineBreaks', id, String(lineBreaksIn(article.text, item.start, item.end)));
  }
  const lines = [...t, ...r, ...a, ...notes];
  return lines.length ? lines.join('\n') + '\n' : '';
}
