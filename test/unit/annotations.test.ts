import assert from 'node:assert/strict';
import {
  AnnotationInputError, AnnotationStore, DecisionIndex, combineNotes, emptyDocument, entityOfMention, hashText, isEmptyDocument,
  mergeAnnotations, mentionRef, prepareForSave, randomId, sequentialIds, setDecision, type Annotation, type MentionRef, type SidecarDocument,
} from '../../src/annotations';
import type { Analysis, Mention } from '../../src/analysis/types';
import { readArticle } from '../support/paths';

const article = readArticle('kerry-beijing-scmp.txt');
const span = (s: string, from = 0) => { const i = article.indexOf(s, from); assert.ok(i >= 0, s); return { start: i, end: i + s.length }; };

function newStore(doc: SidecarDocument = emptyDocument('story.txt')): AnnotationStore {
  let t = Date.parse('2026-02-01T00:00:00.000Z');
  return new AnnotationStore(doc, { newId: sequentialIds('n'), now: () => new Date((t += 1000)) });
}

describe('annotation model', () => {
  it('creates an annotation from a selection, with kind or label and note', () => {
    const store = newStore();
    const a = store.add(article, { ...span('John Kerry'), kind: 'person', note: 'US Secretary of State' });
    assert.deepEqual(a, {
      id: 'n0001', kind: 'person', note: 'US Secretary of State', created: '2026-02-01T00:00:01.000Z',
      anchor: { ...span('John Kerry'), text: 'John Kerry', prefix: article.slice(span('John Kerry').start - 32, span('John Kerry').start), suffix: article.slice(span('John Kerry').end, span('John Kerry').end + 32) },
    });
    const l = store.add(article, { ...span('mission to press China'), kind: 'label', label: '  loaded\nwording ' });
    assert.equal(l.label, 'loaded wording');
    assert.equal(l.note, undefined);
    assert.equal(store.document.annotations.length, 2);
  });

  it('refuses a label annotation without a label, an unknown kind and an empty selection', () => {
    const store = newStore();
    assert.throws(() => store.add(article, { start: 0, end: 5, kind: 'label', label: '  ' }), AnnotationInputError);
    assert.throws(() => store.add(article, { start: 0, end: 5, kind: 'villain' as never }), /unknown annotation kind 'villain'/);
    assert.throws(() => store.add(article, { start: 5, end: 5, kind: 'quote' }), RangeError);
    assert.equal(store.document.annotations.length, 0);
  });

  it('edits and clears a note, changes a kind, and removes by id', () => {
    const store = newStore();
    const a = store.add(article, { ...span('Beijing'), kind: 'date' });
    const before = store.document;
    assert.equal(store.editNote(a.id, 'a place, not a date'), true);
    assert.equal(before.annotations[0].note, undefined, 'documents are immutable values');
    assert.equal(store.get(a.id)?.note, 'a place, not a date');
    assert.equal(store.editNote(a.id, 'a place, not a date'), false, 'same note: no change');
    assert.equal(store.setKind(a.id, 'label', 'place'), true);
    assert.deepEqual([store.get(a.id)?.kind, store.get(a.id)?.label], ['label', 'place']);
    assert.equal(store.setKind(a.id, 'person'), true);
    assert.equal(store.get(a.id)?.label, undefined);
    assert.equal(store.editNote(a.id, ' '), true);
    assert.ok(!('note' in store.get(a.id)!), 'a blank note is removed, not stored empty');
    assert.equal(store.remove('nope'), false);
    assert.equal(store.remove(a.id), true);
    assert.ok(isEmptyDocument(store.document));
  });

  it('records who said a quote, on the user\'s quote annotation or a new one on the detected quote', () => {
    const store = newStore();
    const q = span('mission to press China');
    assert.equal(store.setSpeaker(article, q, '  John  Kerry '), true, 'creates a quote annotation');
    const [a] = store.document.annotations;
    assert.deepEqual([a.kind, a.speaker, a.anchor.text], ['quote', 'John Kerry', 'mission to press China']);
    assert.equal(store.setSpeaker(article, q, 'John Kerry'), false, 'same speaker: no change');
    assert.equal(store.setSpeaker(article, q, 'Wang Yi'), true);
    assert.equal(store.document.annotations.length, 1, 'the same annotation is updated');
    assert.equal(store.get(a.id)?.speaker, 'Wang Yi');
    assert.equal(store.setSpeaker(article, q, null), true);
    assert.equal(store.get(a.id)?.speaker, undefined);
    assert.equal(store.setSpeaker(article, span('Beijing'), ''), false, 'clearing where there is nothing does nothing');
    store.setSpeaker(article, q, 'Kerry');
    store.setKind(a.id, 'label', 'claim');
    assert.equal(store.get(a.id)?.speaker, undefined, 'only quotes have speakers');
  });

  it('finds the annotations at an offset, innermost first, never orphans', () => {
    const store = newStore();
    const outer = store.add(article, { ...span('US Secretary of State John Kerry arrived'), kind: 'quote' });
    const inner = store.add(article, { ...span('John Kerry arrived'), kind: 'person' });
    const k = span('John Kerry arrived');
    assert.deepEqual(store.at(k.start + 2).map(a => a.id), [inner.id, outer.id]);
    assert.deepEqual(store.at(k.end).map(a => a.id), [], 'end is exclusive');
    assert.deepEqual(store.at(k.end, true).map(a => a.id), [inner.id, outer.id]);
    store.applyChanges([{ start: k.start, end: k.end, text: '' }]);
    assert.deepEqual(store.at(k.start).map(a => a.id), [], 'the orphaned inner one is not "at" anything');
    assert.deepEqual(store.orphans().map(a => a.id), [inner.id]);
  });

  it('lists the labels in use, once each, sorted', () => {
    const store = newStore();
    for (const label of ['spin', 'Attribution', 'spin', 'anonymous source']) store.add(article, { start: 0, end: 3, kind: 'label', label });
    store.add(article, { start: 0, end: 3, kind: 'quote' });
    assert.deepEqual(store.labels(), ['anonymous source', 'Attribution', 'spin']);
  });

  it('makes random ids of 10 base36 characters, and never reuses an id in use', () => {
    const ids = new Set(Array.from({ length: 1000 }, randomId));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, /^[0-9a-z]{10}$/);
    const repeating = ['same', 'same', 'other'];
    const store = new AnnotationStore(emptyDocument('s.txt'), { newId: () => repeating.shift()!, now: () => new Date(0) });
    assert.equal(store.add(article, { start: 0, end: 2, kind: 'quote' }).id, 'same');
    assert.equal(store.add(article, { start: 0, end: 2, kind: 'quote' }).id, 'other');
  });

  it('prepares a document for saving: context re-read after edits, hash and name current', () => {
    const store = newStore();
    const a = store.add(article, { ...span('John Kerry arrived'), kind: 'person' });
    const changes = [{ start: a.anchor.start - 6, end: a.anchor.start - 1, text: 'Minister' }];
    store.applyChanges(changes);
    const text = article.slice(0, a.anchor.start - 6) + 'Minister' + article.slice(a.anchor.start - 1);
    const saved = store.forSave(text, 'renamed.txt');
    const b = saved.annotations[0];
    assert.equal(text.slice(b.anchor.start, b.anchor.end), 'John Kerry arrived');
    assert.equal(b.anchor.prefix, text.slice(b.anchor.start - 32, b.anchor.start));
    assert.equal(saved.textHash, hashText(text));
    assert.equal(saved.article, 'renamed.txt');
    assert.equal(prepareForSave(saved, text).annotations, saved.annotations, 'nothing to refresh: same array');
  });
});

describe('entity decisions', () => {
  const kerry = span('John Kerry');
  const analysis: Pick<Analysis, 'people'> = { people: new Map([['person:john-kerry', { id: 'person:john-kerry', name: 'John Kerry', mentions: [0] }]]) };
  const person: Mention = { type: 'person', ...kerry, text: 'John Kerry', entityId: 'person:john-kerry', fullName: true };

  it('identifies a mention by type, place and what the analyzer says it is', () => {
    assert.equal(entityOfMention(person, analysis), 'John Kerry');
    assert.equal(entityOfMention({ type: 'date', start: 0, end: 7, text: 'Tuesday', value: '2016-01-26', relative: true }, analysis), '2016-01-26');
    assert.equal(entityOfMention({ type: 'date', start: 0, end: 7, text: 'Tuesday', relative: true }, analysis), 'Tuesday');
    assert.equal(entityOfMention({ type: 'quote', start: 0, end: 4, text: '"x"', kind: 'quotation', speakerId: 'person:john-kerry', speakerText: 'he', group: 0 }, analysis), 'John Kerry');
    assert.equal(entityOfMention({ type: 'quote', start: 0, end: 4, text: '"x"', kind: 'quotation', speakerId: null, speakerText: 'the ministry', group: 0 }, analysis), 'the ministry');
    assert.equal(entityOfMention({ type: 'quote', start: 0, end: 4, text: '"x"', kind: 'quotation', speakerId: null, speakerText: null, group: 0 }, analysis), '');
  });

  it('sets, changes, looks up and withdraws a decision', () => {
    const store = newStore();
    const ref = mentionRef(person, analysis);
    assert.equal(store.decisionFor(ref), undefined);
    assert.equal(store.setDecision(article, ref, 'confirmed'), true);
    assert.equal(store.decisionFor(ref)?.verdict, 'confirmed');
    assert.equal(store.setDecision(article, ref, 'confirmed'), false, 'same verdict: no change');
    const id = store.document.decisions[0].id;
    assert.equal(store.setDecision(article, ref, 'rejected'), true);
    assert.deepEqual(store.document.decisions.map(d => [d.id, d.verdict]), [[id, 'rejected']], 'one decision per mention, id kept');
    assert.equal(store.decisionFor(ref)?.verdict, 'rejected');
    assert.equal(store.setDecision(article, ref, null), true);
    assert.equal(store.decisionFor(ref), undefined);
  });

  it('does not apply a decision to the same place identified as someone else, or another type', () => {
    const store = newStore();
    const ref = mentionRef(person, analysis);
    store.setDecision(article, ref, 'rejected');
    assert.equal(store.decisionFor({ ...ref, entity: 'Kerry Packer' }), undefined);
    assert.equal(store.decisionFor({ ...ref, type: 'quote' }), undefined);
    assert.equal(store.decisionFor({ ...ref, start: ref.start + 1 }), undefined);
  });

  it('re-applies a decision after edits move its mention, and not after its text is deleted', () => {
    const store = newStore();
    const ref = mentionRef(person, analysis);
    store.setDecision(article, ref, 'confirmed');
    store.applyChanges([{ start: 0, end: 0, text: 'PREFACE\n' }]);
    const moved: MentionRef = { ...ref, start: ref.start + 8, end: ref.end + 8 };
    assert.equal(store.decisionFor(moved)?.verdict, 'confirmed');
    store.applyChanges([{ start: moved.start, end: moved.end, text: 'Wang Yi' }]);
    assert.equal(store.decisionFor(moved), undefined);
    assert.equal(store.document.decisions[0].orphaned, true, 'kept, orphaned');
  });

  it('refuses a decision on a mention that is not where it says', () => {
    assert.throws(() => setDecision(emptyDocument('s'), article, { type: 'person', start: 0, end: 10, text: 'John Kerry', entity: 'John Kerry' }, 'confirmed',
      { newId: sequentialIds(), now: () => new Date(0) }), /is not at \[0, 10\)/);
  });

  it('looks up thousands of mentions through an index', () => {
    const store = newStore();
    const refs: MentionRef[] = [];
    for (let i = 0; i + 5 <= article.length && refs.length < 300; i += 11) refs.push({ type: 'date', start: i, end: i + 5, text: article.slice(i, i + 5), entity: `v${i}` });
    for (const [i, r] of refs.entries()) store.setDecision(article, r, i % 2 ? 'confirmed' : 'rejected');
    const index = new DecisionIndex(store.document.decisions);
    for (const [i, r] of refs.entries()) assert.equal(index.get(r)?.verdict, i % 2 ? 'confirmed' : 'rejected');
    assert.equal(index.get({ ...refs[0], text: 'other' }), undefined);
  });
});

describe('three-way merge of sidecar documents', () => {
  function base(): { store: AnnotationStore; doc: SidecarDocument; a: Annotation; b: Annotation } {
    const store = newStore();
    const a = store.add(article, { ...span('John Kerry'), kind: 'person', note: 'base note' });
    const b = store.add(article, { ...span('Beijing'), kind: 'label', label: 'place' });
    store.setDecision(article, { type: 'person', ...span('John Kerry'), text: 'John Kerry', entity: 'John Kerry' }, 'confirmed');
    return { store, doc: store.document, a, b };
  }
  const ids = (d: SidecarDocument) => d.annotations.map(x => x.id).sort();
  const byId = (d: SidecarDocument, id: string) => d.annotations.find(x => x.id === id)!;

  it('keeps additions from both sides', () => {
    const { doc } = base();
    const mine = newStoreFrom(doc, 'm'), theirs = newStoreFrom(doc, 't');
    mine.add(article, { ...span('Cambodia'), kind: 'label', label: 'place' });
    theirs.add(article, { ...span('Laos'), kind: 'label', label: 'place' });
    const merged = mergeAnnotations(doc, mine.document, theirs.document);
    assert.deepEqual(ids(merged), ['m0001', 'n0001', 'n0002', 't0001']);
  });

  it('applies a removal made on one side when the other did not touch the item', () => {
    const { doc, a, b } = base();
    const mine = newStoreFrom(doc, 'm'), theirs = newStoreFrom(doc, 't');
    mine.remove(a.id);
    theirs.remove(b.id);
    assert.deepEqual(ids(mergeAnnotations(doc, mine.document, theirs.document)), []);
  });

  it('keeps an item edited on one side and removed on the other (the edit wins)', () => {
    const { doc, a, b } = base();
    const mine = newStoreFrom(doc, 'm'), theirs = newStoreFrom(doc, 't');
    mine.remove(a.id);
    theirs.editNote(a.id, 'edited on disk');
    mine.editNote(b.id, 'edited here');
    theirs.remove(b.id);
    const merged = mergeAnnotations(doc, mine.document, theirs.document);
    assert.equal(byId(merged, a.id).note, 'edited on disk');
    assert.equal(byId(merged, b.id).note, 'edited here');
  });

  it('merges edits of different fields of one item', () => {
    const { doc, a } = base();
    const mine = newStoreFrom(doc, 'm'), theirs = newStoreFrom(doc, 't');
    mine.applyChanges([{ start: 0, end: 0, text: 'NEW ' }]);
    theirs.setKind(a.id, 'label', 'official');
    const merged = byId(mergeAnnotations(doc, mine.document, theirs.document), a.id);
    assert.equal(merged.anchor.start, a.anchor.start + 4, 'my anchor (tracked against the editor text)');
    assert.deepEqual([merged.kind, merged.label, merged.note], ['label', 'official', 'base note']);
  });

  it('keeps both notes when both sides edited the same note', () => {
    const { doc, a } = base();
    const mine = newStoreFrom(doc, 'm'), theirs = newStoreFrom(doc, 't');
    mine.editNote(a.id, 'mine');
    theirs.editNote(a.id, 'theirs');
    assert.equal(byId(mergeAnnotations(doc, mine.document, theirs.document), a.id).note, 'mine\n\ntheirs');
    mine.editNote(a.id, 'base note, extended here');
    theirs.editNote(a.id, 'base note, extended here and on disk');
    assert.equal(byId(mergeAnnotations(doc, mine.document, theirs.document), a.id).note, 'base note, extended here and on disk');
    assert.equal(combineNotes(undefined, 'x'), 'x');
    assert.equal(combineNotes('x', undefined), 'x');
  });

  it('merges a quote speaker set on one side with a note edited on the other', () => {
    const { doc } = base();
    const q = span('mission to press China');
    const mine = newStoreFrom(doc, 'm'), theirs = newStoreFrom(doc, 't');
    mine.setSpeaker(article, q, 'Kerry');
    const id = mine.document.annotations.find(a => a.speaker)!.id;
    const merged1 = mergeAnnotations(doc, mine.document, theirs.document);
    const base2 = merged1;
    const mine2 = newStoreFrom(base2, 'm2'), theirs2 = newStoreFrom(base2, 't2');
    mine2.setSpeaker(article, q, 'John Kerry');
    theirs2.editNote(id, 'check the transcript');
    const merged = byId(mergeAnnotations(base2, mine2.document, theirs2.document), id);
    assert.deepEqual([merged.speaker, merged.note], ['John Kerry', 'check the transcript']);
  });

  it('keeps mine for a kind changed differently on both sides', () => {
    const { doc, b } = base();
    const mine = newStoreFrom(doc, 'm'), theirs = newStoreFrom(doc, 't');
    mine.setKind(b.id, 'label', 'city');
    theirs.setKind(b.id, 'person');
    const merged = byId(mergeAnnotations(doc, mine.document, theirs.document), b.id);
    assert.deepEqual([merged.kind, merged.label], ['label', 'city']);
  });

  it('lets the later decision win when both sides decided differently, and keeps one decision per mention', () => {
    const { doc } = base();
    const ref: MentionRef = { type: 'person', ...span('John Kerry'), text: 'John Kerry', entity: 'John Kerry' };
    const mine = newStoreFrom(doc, 'm', '2026-05-01T00:00:00.000Z'), theirs = newStoreFrom(doc, 't', '2026-06-01T00:00:00.000Z');
    mine.setDecision(article, ref, 'rejected');
    theirs.setDecision(article, ref, 'rejected');
    theirs.setDecision(article, ref, 'confirmed');
    const merged = mergeAnnotations(doc, mine.document, theirs.document);
    assert.equal(merged.decisions.length, 1);
    assert.equal(merged.decisions[0].verdict, 'confirmed');
    // Both sides deciding on a new mention under different ids: one decision survives.
    const kerry2 = span('Kerry', span('John Kerry').end);
    const ref2: MentionRef = { type: 'person', ...kerry2, text: 'Kerry', entity: 'John Kerry' };
    mine.setDecision(article, ref2, 'confirmed');
    theirs.setDecision(article, ref2, 'rejected');
    const merged2 = mergeAnnotations(doc, mine.document, theirs.document);
    assert.deepEqual(merged2.decisions.filter(d => d.anchor.start === kerry2.start).map(d => d.verdict), ['rejected']);
  });

  it('returns mine unchanged in content when theirs equals base', () => {
    const { doc, a } = base();
    const mine = newStoreFrom(doc, 'm');
    mine.editNote(a.id, 'x');
    mine.add(article, { ...span('Laos'), kind: 'quote' });
    const merged = mergeAnnotations(doc, mine.document, doc);
    assert.deepEqual(merged.annotations, mine.document.annotations);
    assert.deepEqual(merged.decisions, mine.document.decisions);
  });
});

function newStoreFrom(doc: SidecarDocument, prefix: string, startIso = '2026-03-01T00:00:00.000Z'): AnnotationStore {
  let t = Date.parse(startIso);
  return new AnnotationStore(doc, { newId: sequentialIds(prefix), now: () => new Date((t += 1000)) });
}
