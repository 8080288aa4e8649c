import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis';
import { addAnnotation, emptyDocument, sequentialIds, setDecision, setSpeaker, mentionRef } from '../../src/annotations';
import { analysisOptionsFor, readerView } from '../../src/entities/readerView';

const services = { newId: sequentialIds('t'), now: () => new Date('2026-12-01T10:00:00Z') };
const text = 'Jane Roe met Tom Lee on Tuesday. "We will win," Roe said. The Velvet Hammer agreed.';

describe('readerView: what the reader sees of one article', () => {
  it('shows detected items as detected, in text order', () => {
    const v = readerView(analyze(text), undefined);
    assert.deepEqual(v.items.map(i => [i.type, i.text, i.provenance]).slice(0, 3),
      [['person', 'Jane Roe', 'detected'], ['person', 'Tom Lee', 'detected'], ['date', 'Tuesday', 'detected']]);
    const quote = v.items.find(i => i.type === 'quote')!;
    assert.equal(quote.speaker, 'Jane Roe');
    assert.equal(quote.speakerAsWritten, 'Roe');
  });

  it('moves a rejected mention out of the items and marks a confirmed one', () => {
    const a = analyze(text);
    const tom = a.persons.find(p => p.text === 'Tom Lee')!;
    const tuesday = a.dates[0];
    let doc = setDecision(emptyDocument('story.txt'), text, mentionRef(tom, a), 'rejected', services);
    doc = setDecision(doc, text, mentionRef(tuesday, a), 'confirmed', services);
    const v = readerView(a, doc);
    assert.ok(!v.items.some(i => i.text === 'Tom Lee'));
    assert.deepEqual(v.rejected.map(i => i.text), ['Tom Lee']);
    assert.equal(v.items.find(i => i.text === 'Tuesday')!.provenance, 'confirmed');
  });

  it('a speaker set by hand wins, and a person added by hand is found by the analyzer and counted once', () => {
    const a0 = analyze(text);
    const quote = a0.quotes[0];
    const hammer = text.indexOf('Velvet Hammer');
    let doc = setSpeaker(emptyDocument('story.txt'), text, quote, 'Tom Lee', services);
    doc = addAnnotation(doc, text, { start: hammer, end: hammer + 'Velvet Hammer'.length, kind: 'person', note: 'a nickname' }, services).document;
    const a = analyze(text, analysisOptionsFor(doc));
    const v = readerView(a, doc);
    const q = v.items.find(i => i.type === 'quote')!;
    assert.equal(q.speaker, 'Tom Lee');
    assert.equal(q.speakerProvenance, 'user');
    const hammers = v.items.filter(i => i.text === 'Velvet Hammer');
    assert.equal(hammers.length, 1);
    assert.equal(hammers[0].provenance, 'user');
    assert.equal(hammers[0].note, 'a nickname');
  });
});
