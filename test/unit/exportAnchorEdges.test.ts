// Annotations at the edges of what the export formats can say: spans of line breaks only, and sidecar anchors (edited
// by hand) whose ends fall inside a character that other tools count as one.
import assert from 'node:assert/strict';
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
});
