import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis';
import { addAnnotation, decideEntity, emptyDocument, nameSpeaker, sequentialIds, setSpeaker, targetOfEntity, type SidecarDocument } from '../../src/annotations';
import { analysisOptionsFor, readerView } from '../../src/entities/readerView';
import { annotationItemsAt, entityItemAt, rejectedItemAt } from '../../src/entities/viewQueries';

const services = { newId: sequentialIds('t'), now: () => new Date('2026-12-01T10:00:00Z') };
const text = 'Jane Roe met Tom Lee on Tuesday. "We will win," Roe said. Later the Velvet Hammer agreed. Lee left on Tuesday.';
/** The analysis the editor makes: with the reader's corrections. */
const seen = (doc: SidecarDocument | undefined, t = text) => readerView(analyze(t, analysisOptionsFor(doc)), doc);

describe('readerView: what the reader sees of one article', () => {
  it('shows detected items as detected, in text order', () => {
    const v = readerView(analyze(text), undefined);
    assert.deepEqual(v.items.map(i => [i.type, i.text, i.provenance]).slice(0, 3),
      [['person', 'Jane Roe', 'detected'], ['person', 'Tom Lee', 'detected'], ['date', 'Tuesday', 'detected']]);
    const quote = v.items.find(i => i.type === 'quote')!;
    assert.equal(quote.speaker, 'Jane Roe');
    assert.equal(quote.speakerAsWritten, 'Roe');
    assert.equal(quote.speakerId, v.items[0].entityId);
    assert.deepEqual(v.people.map(p => [p.name, p.mentions, p.quotes]), [['Jane Roe', 2, 1], ['Tom Lee', 2, 0]]);
  });

  it('moves every mention of a rejected entity out of the items, and marks every mention of a confirmed one', () => {
    const a = analyze(text);
    const tom = a.persons.find(p => p.text === 'Tom Lee')!;
    const tuesday = a.dates[0];
    let doc = decideEntity(emptyDocument('story.txt'), text, targetOfEntity(tom, a), 'rejected', services);
    doc = decideEntity(doc, text, targetOfEntity(tuesday, a), 'confirmed', services);
    const v = readerView(a, doc);
    assert.ok(!v.items.some(i => i.entityId === tom.entityId), 'neither "Tom Lee" nor "Lee" is shown');
    assert.deepEqual(v.rejected.map(i => [i.text, i.verdict]), [['Tom Lee', 'rejected'], ['Lee', 'rejected']]);
    const tuesdays = v.items.filter(i => i.text === 'Tuesday');
    assert.equal(tuesdays.length, 2);
    assert.ok(tuesdays.every(i => i.provenance === 'confirmed' && i.decisionId === doc.decisions[1].id));
    assert.equal(rejectedItemAt(v, { offset: text.indexOf('Lee left') + 1 })?.text, 'Lee');
    assert.equal(entityItemAt(v, { offset: text.indexOf('Lee left') + 1 }), undefined);
    assert.deepEqual(v.people.map(p => p.name), ['Jane Roe']);
    const rejectRoe = decideEntity(emptyDocument('story.txt'), text, targetOfEntity(a.persons[0], a), 'rejected', services);
    const q = readerView(a, rejectRoe).items.find(i => i.type === 'quote')!;
    assert.deepEqual([q.speaker, q.speakerIsPerson, q.speakerId], ['Roe', false, undefined], 'a rejected person\'s quote keeps only its source as written');
  });

  it('a name retyped as not a person is no person, nor linked, and is listed as rejected from the places it covered', () => {
    const a = analyze(text);
    const roe = a.persons.find(p => p.text === 'Roe')!;
    const doc = decideEntity(emptyDocument('story.txt'), text, { ...targetOfEntity(roe, a), mentions: [roe] }, 'retyped', services, { retypedAs: 'organisation', names: ['Roe'] });
    assert.deepEqual(analysisOptionsFor(doc).corrections?.notPersons, ['Roe']);
    const v = seen(doc);
    assert.deepEqual(v.items.filter(i => i.type === 'person').map(i => i.text), ['Jane Roe', 'Tom Lee', 'Lee']);
    assert.deepEqual(v.rejected.map(i => [i.text, i.verdict, i.retypedAs]), [['Roe', 'retyped', 'organisation']]);
    const quote = v.items.find(i => i.type === 'quote')!;
    assert.notEqual(quote.speaker, 'Jane Roe', 'the quote is no longer attributed to Jane Roe through "Roe"');
  });

  it('a speaker set by hand wins, and a person added by hand is found by the analyzer, linked, and counted once', () => {
    const a0 = analyze(text);
    const quote = a0.quotes[0];
    const hammer = text.indexOf('Velvet Hammer');
    let doc = setSpeaker(emptyDocument('story.txt'), text, quote, 'Tom Lee', services);
    doc = addAnnotation(doc, text, { start: hammer, end: hammer + 'Velvet Hammer'.length, kind: 'person', note: 'a nickname' }, services).document;
    const v = seen(doc);
    const q = v.items.find(i => i.type === 'quote')!;
    assert.equal(q.speaker, 'Tom Lee');
    assert.equal(q.speakerProvenance, 'user');
    assert.equal(q.speakerId, v.items.find(i => i.text === 'Tom Lee')!.entityId, 'the hand-set speaker is the person of the article');
    const hammers = v.items.filter(i => i.text === 'Velvet Hammer');
    assert.equal(hammers.length, 1);
    assert.equal(hammers[0].provenance, 'user');
    assert.equal(hammers[0].note, 'a nickname');
    assert.deepEqual(annotationItemsAt(v, hammer + 2).map(i => i.text), ['Velvet Hammer'], 'the annotation is listed once');
    assert.equal(v.people.find(p => p.name === 'Velvet Hammer')?.provenance, 'user');
    assert.equal(v.people.find(p => p.name === 'Tom Lee')?.quotes, 1);
  });

  it('a typed speaker becomes a person: found where the article names them, listed with their quote where it does not', () => {
    const named = 'Officials met. "We will finish the bridge by spring," one said. Later the Velvet Hammer spoke, and Hammer left.';
    assert.deepEqual(readerView(analyze(named), undefined).people, [], 'the analyzer finds no one');
    const doc = nameSpeaker(emptyDocument('s.txt'), named, analyze(named).quotes[0], 'Velvet Hammer', false, services);
    assert.deepEqual(doc.annotations.map(a => [a.kind, a.anchor.text, a.speaker]), [['quote', analyze(named).quotes[0].text, 'Velvet Hammer'], ['person', 'Velvet Hammer', undefined]]);
    assert.deepEqual(analysisOptionsFor(doc).corrections?.persons, ['Velvet Hammer']);
    const v = seen(doc, named);
    assert.deepEqual(v.items.filter(i => i.type === 'person').map(i => [i.text, i.person]), [['Velvet Hammer', 'Velvet Hammer'], ['Hammer', 'Velvet Hammer']]);
    assert.deepEqual(v.people.map(p => [p.name, p.mentions, p.quotes]), [['Velvet Hammer', 2, 1]]);
    const unnamed = nameSpeaker(emptyDocument('s.txt'), named, analyze(named).quotes[0], 'Bo Quill', false, services);
    assert.equal(unnamed.annotations.length, 1, 'a name the article does not spell is the speaker only');
    const known = nameSpeaker(emptyDocument('s.txt'), named, analyze(named).quotes[0], 'Hammer', true, services);
    assert.equal(known.annotations.length, 1, 'one of the people already: nothing to add');
    assert.deepEqual(seen(unnamed, named).people.map(p => [p.name, p.entityId, p.mentions, p.quotes, p.provenance]), [['Bo Quill', undefined, 0, 1, 'user']]);
  });

  it('keeps the reader\'s orphans apart, and labels as items', () => {
    let doc = addAnnotation(emptyDocument('s.txt'), text, { start: 0, end: 8, kind: 'label', label: 'check', note: 'who?' }, services).document;
    doc = { ...doc, annotations: [...doc.annotations, { ...doc.annotations[0], id: 'gone', orphaned: true, anchor: { ...doc.annotations[0].anchor, text: 'lost words' } }] };
    const v = seen(doc);
    assert.deepEqual(v.orphans.map(o => o.text), ['lost words']);
    assert.equal(v.items.find(i => i.type === 'label')?.label, 'check');
  });
});
