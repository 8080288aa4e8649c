// Annotations at the edges of what the export formats can say: spans of line breaks only, and sidecar anchors (edited
// by hand) whose ends fall inside a character that other tools count as one.
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { addAnnotation, emptyDocument, encodeSidecar, prepareForSave, sequentialIds, type NewAnnotation, type SidecarDocument } from '../../src/annotations';
import { exportOutputs, importBrat, loadArticle, parseBrat, type ExportArticle } from '../../src/export';
import { bratAnnotations, bratCopyText, bratCounting, BratTypes } from '../../src/export/brat';

const services = () => ({ newId: sequentialIds('e'), now: () => new Date(0) });

/** The article as the export loads it, with a sidecar holding `doc` (written as the editor writes it). */
function exported(text: string, doc: SidecarDocument): ExportArticle {
  const r = loadArticle({
    name: 's.txt', uri: 'file:///s.txt', bytes: new TextEncoder().encode(text), sidecar: encodeSidecar(prepareForSave(doc, text)),
    sidecarName: 's.annotations.yaml',
  });
  if (!r.ok) throw new Error(r.error);
  return r.article;
}

function withAnnotations(text: string, specs: NewAnnotation[]): SidecarDocument {
  let doc = emptyDocument('s.txt');
  const s = services();
  for (const spec of specs) doc = addAnnotation(doc, text, spec, s).document;
  return doc;
}

const annOf = (article: ExportArticle, copied: boolean) => bratAnnotations(article, BratTypes.of([article]), bratCounting(false, copied));
const outputOf = (article: ExportArticle, format: 'w3c' | 'csv' | 'jsonl') => exportOutputs([article], { format, lines: true })[0].content;

/** The reader's annotations as every format writes them: [code point start, end, text], and the brat .ann. */
function everyFormat(article: ExportArticle) {
  const codePoints = Array.from(article.text), slice = (s: number, e: number) => codePoints.slice(s, e).join('');
  const w3c = outputOf(article, 'w3c').trimEnd().split('\n').map(l => JSON.parse(l) as { provenance: string; target: { selector: Record<string, string | number>[] } })
    .filter(a => a.provenance === 'user').map(a => {
      const [quote, position] = a.target.selector;
      return [position.start, position.end, quote.exact];
    });
  const csv = (parse(outputOf(article, 'csv'), { columns: true }) as Record<string, string>[]).filter(r => r.provenance === 'user').map(r => {
    assert.equal(article.text.slice(Number(r.start_utf16), Number(r.end_utf16)), r.text, 'CSV: the UTF-16 offsets re-read its text');
    return [Number(r.start_codepoint), Number(r.end_codepoint), r.text];
  });
  const jsonl = (JSON.parse(outputOf(article, 'jsonl')) as { entities: Record<string, string | number>[] }).entities.filter(e => e.provenance === 'user').map(e => {
    assert.equal(article.text.slice(Number(e.start), Number(e.end)), e.text, 'JSONL: the UTF-16 offsets re-read its text');
    return [e.codePointStart, e.codePointEnd, e.text];
  });
  const ann = annOf(article, true);
  const brat = ann.split('\n').filter(l => l.startsWith('T')).flatMap(l => {
    const [id, data, text] = l.split('\t');
    if (!new RegExp(`^A\\d+\tProvenance ${id} user$`, 'm').test(ann)) return [];
    const spans = data.split(' ').slice(1).join(' ').split(';').map(f => f.split(' ').map(Number));
    return [[spans[0][0], spans.at(-1)![1], text]];
  });
  return { w3c, csv, jsonl, brat, ann, slice };
}

describe('export: annotations at the edges of what the formats can say', () => {
  it('an annotation of line breaks only goes to brat and comes back from it, in the copy and beside the CRLF original', () => {
    for (const [text, breaks] of [['First paragraph.\n\nSecond paragraph.\n', '\n\n'], ['First paragraph.\r\nSecond paragraph.\r\n', '\r\n']]) {
      const start = text.indexOf(breaks), end = start + breaks.length;
      const article = exported(text, withAnnotations(text, [{ start, end, kind: 'label', label: 'paragraph break', note: 'cut here?' }]));
      for (const copied of [true, false]) {
        const where = `${JSON.stringify(text)}${copied ? ' (copy)' : ''}`;
        const bratText = copied ? bratCopyText(text) : text;
        const ann = annOf(article, copied);
        const result = importBrat(parseBrat(ann), bratText, { articleName: 's.txt', bom: false, labels: new Map([['paragraph_break', 'paragraph break']]), services: services() });
        assert.deepEqual(result.problems, [], `${where}: our own .ann imports\n${ann}`);
        const [a] = result.document.annotations;
        assert.ok(a && !a.orphaned, `${where}: the annotation comes back`);
        assert.equal(a.label, 'paragraph break');
        assert.equal(a.note, 'cut here?');
        assert.equal(a.anchor.text, bratText.slice(start, start + a.anchor.text.length), where);
        assert.equal(a.anchor.text, copied ? bratCopyText(breaks) : breaks, `${where}: on the same line breaks`);
        // …and exports again to the same .ann.
        assert.equal(annOf(exported(bratText, result.document), copied), ann, `${where}: export → import → export`);
      }
    }
  });

  it('a sidecar anchor whose start or end falls inside a surrogate pair is widened to the whole character, in every format', () => {
    const text = 'Hello 😀 world, 𠮷野家 today.\n';
    const emoji = text.indexOf('😀'), kanji = text.indexOf('𠮷');
    // As edited by hand: from inside 😀, and to inside 𠮷.
    const doc = withAnnotations(text, [{ start: emoji + 1, end: emoji + 8, kind: 'label', label: 'a' }, { start: emoji + 3, end: kanji + 1, kind: 'label', label: 'b' }]);
    const article = exported(text, doc);
    const { w3c, csv, jsonl, brat, ann, slice } = everyFormat(article);
    const cp = (utf16: number) => Array.from(text.slice(0, utf16)).length;
    const expected = [[cp(emoji), cp(emoji + 8), '😀 world'], [cp(emoji + 3), cp(kanji + 2), 'world, 𠮷']];
    assert.deepEqual(w3c, expected, 'W3C');
    assert.deepEqual(csv, expected, 'CSV');
    assert.deepEqual(jsonl, expected, 'JSONL');
    assert.deepEqual(brat, expected, 'brat');
    for (const [s, e, t] of expected) assert.equal(slice(s as number, e as number), t, 'the code points re-read the text');
    const result = importBrat(parseBrat(ann), text, { articleName: 's.txt', bom: false, labels: new Map(), services: services() });
    assert.deepEqual(result.problems, [], ann);
    assert.deepEqual(result.document.annotations.map(a => a.anchor.text).sort(), ['world, 𠮷', '😀 world']);
  });

  it('a sidecar anchor whose start or end falls between the CR and the LF of a line break takes the whole line break, in every format', () => {
    // Mixed line ends, so that the anchors stay where they are put (re-anchoring reads an LF of a CRLF-only file as its CR LF).
    const text = 'First line here.\r\nSecond line.\nThird line.\r\n';
    const lf = text.indexOf('\n');
    const doc = withAnnotations(text, [
      { start: 6, end: lf, kind: 'label', label: 'a' }, // "line here.\r"
      { start: lf, end: lf + 7, kind: 'label', label: 'b' }, // "\nSecond"
      { start: lf, end: lf + 1, kind: 'label', label: 'c' }, // "\n" of the CR LF
    ]);
    const article = exported(text, doc);
    const { w3c, csv, jsonl } = everyFormat(article);
    // No character outside the BMP: code points are UTF-16 offsets here.
    const expected = [[6, lf + 1, 'line here.\r\n'], [lf - 1, lf + 1, '\r\n'], [lf - 1, lf + 7, '\r\nSecond']];
    assert.deepEqual(w3c, expected, 'W3C');
    assert.deepEqual(csv, expected, 'CSV');
    assert.deepEqual(jsonl, expected, 'JSONL');
    // brat (its fragments leave line breaks out) reads back the same spans, the line breaks of the one made of them.
    const ann = annOf(article, false);
    const result = importBrat(parseBrat(ann), text, { articleName: 's.txt', bom: false, labels: new Map(), services: services() });
    assert.deepEqual(result.problems, [], ann);
    assert.deepEqual(result.document.annotations.map(a => [a.label, a.anchor.start, a.anchor.end]).sort(),
      [['a', 6, lf - 1], ['b', lf + 1, lf + 7], ['c', lf - 1, lf + 1]], ann);
  });
});
