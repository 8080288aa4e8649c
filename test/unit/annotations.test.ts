import assert from 'node:assert/strict';
import {
  AnnotationInputError, AnnotationStore, DecisionResolver, combineNotes, commandChange, decideEntity, emptyDocument, entityKeyOf, hashText,
  isEmptyDocument, mergeAnnotations, prepareForSave, randomId, retypedNamesOf, revertCommand, sequentialIds, targetOfEntity,
  type Annotation, type EntityTarget, type SidecarDocument,
} from '../../src/annotations';
import { analyze } from '../../src/analysis';
import type { Analysis, PersonMention } from '../../src/analysis/types';
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

  it('after a save holds what was written, unless a change was made while it was being written: that change is kept', () => {
    const store = newStore();
    store.add(article, { ...span('John Kerry'), kind: 'person' });
    const from = store.document;
    const written = store.forSave(article, 'story.txt');
    store.saved(from, written);
    assert.equal(store.document, written, 'nothing changed meanwhile: the store holds the written document');

    const next = store.forSave(article, 'story.txt');
    const before = store.document;
    const made = store.add(article, { ...span('Wang Yi'), kind: 'person', note: 'made during the write' });
    store.saved(before, next);
    assert.deepEqual(store.document.annotations.map(a => a.id), [...next.annotations.map(a => a.id), made.id], 'the annotation made during the write is kept');
    assert.equal(store.document.annotations.at(-1)?.note, 'made during the write');
  });
});

describe('entity decisions', () => {
  const analysis = analyze(article);
  const kerryFull = analysis.persons.find(p => p.text === 'John Kerry')!;
  const kerrySurname = analysis.persons.find(p => p.text === 'Kerry' && p.entityId === kerryFull.entityId)!;
  const kerryMentions = analysis.persons.filter(p => p.entityId === kerryFull.entityId);
  const target = targetOfEntity(kerryFull, analysis);

  it('names an entity the same way from any of its mentions: a person by canonical name, a date by value, a quote by text', () => {
    assert.ok(kerryMentions.length >= 3, 'the SCMP article names John Kerry several times');
    assert.equal(entityKeyOf(kerryFull, analysis), 'John Kerry');
    assert.equal(entityKeyOf(kerrySurname, analysis), 'John Kerry');
    assert.deepEqual(targetOfEntity(kerrySurname, analysis), target);
    assert.deepEqual(target.mentions.map(m => article.slice(m.start, m.end)), kerryMentions.map(m => m.text));
    assert.equal(entityKeyOf({ type: 'date', start: 0, end: 7, text: 'Tuesday', value: '2016-01-26', relative: true }, analysis), '2016-01-26');
    assert.equal(entityKeyOf({ type: 'date', start: 0, end: 7, text: 'Tuesday', relative: true }, analysis), 'Tuesday');
    assert.equal(entityKeyOf({ type: 'quote', start: 0, end: 3, text: '"x"', kind: 'quotation', speakerId: null, speakerText: 'he', group: 0 }, analysis), '"x"');
  });

  it('stores one decision for the whole entity, with an anchor per mention; the same verdict again changes nothing', () => {
    const store = newStore();
    assert.equal(store.decide(article, target, 'rejected'), true);
    const [d] = store.document.decisions;
    assert.equal(store.document.decisions.length, 1);
    assert.deepEqual([d.type, d.entity, d.verdict], ['person', 'John Kerry', 'rejected']);
    assert.deepEqual(d.anchors.map(a => [a.start, a.text]), kerryMentions.map(m => [m.start, m.text]));
    assert.equal(store.decide(article, target, 'rejected'), false, 'same verdict: no change');
    assert.equal(store.decide(article, target, 'confirmed'), true);
    assert.deepEqual(store.document.decisions.map(x => [x.id, x.verdict]), [[d.id, 'confirmed']], 'one decision per entity, id kept');
    assert.equal(store.clearDecisions([d.id]), true);
    assert.deepEqual(store.document.decisions, []);
    assert.equal(store.clearDecisions([d.id]), false);
  });

  it('applies to every mention of the entity in a new analysis, after edits, and not to other people', () => {
    const store = newStore();
    store.decide(article, target, 'rejected');
    const edited = `PREFACE\n${article}`;
    store.applyChanges([{ start: 0, end: 0, text: 'PREFACE\n' }]);
    const again = analyze(edited);
    const resolver = new DecisionResolver(store.document.decisions, again);
    const rejected = again.persons.filter(p => resolver.forMention(p)?.verdict === 'rejected');
    assert.deepEqual(rejected.map(p => p.start), kerryMentions.map(m => m.start + 8));
    assert.ok(again.persons.some(p => p.text === 'Wang Yi' && resolver.forMention(p) === undefined), 'other people stay undecided');
    assert.equal(store.document.decisions[0].anchors[0].start, kerryFull.start + 8, 'the anchors moved with the edit');
  });

  it('finds the entity again by the mentions it covered when the analyzer names it differently', () => {
    const text = 'Jon Kerry arrived. Kerry spoke.';
    const people = (name: string): Analysis => {
      const persons: PersonMention[] = [
        { type: 'person', start: 0, end: 9, text: 'Jon Kerry', entityId: 'p1', fullName: true },
        { type: 'person', start: 19, end: 24, text: 'Kerry', entityId: 'p1', fullName: false },
      ];
      return { persons, dates: [], quotes: [], people: new Map([['p1', { id: 'p1', name, mentions: [0, 1] }]]) };
    };
    const before = people('Jon Kerry');
    const doc = decideEntity(emptyDocument('s.txt'), text, targetOfEntity(before.persons[0], before), 'confirmed', { newId: sequentialIds(), now: () => new Date(0) });
    const renamed = people('Jonathan Kerry');
    const resolver = new DecisionResolver(doc.decisions, renamed);
    assert.deepEqual(renamed.persons.map(p => resolver.forMention(p)?.verdict), ['confirmed', 'confirmed']);
  });

  it('keeps a decision whose mention is deleted: its anchor is orphaned, the decision still applies by entity', () => {
    const store = newStore();
    store.decide(article, target, 'confirmed');
    store.applyChanges([{ start: kerryFull.start, end: kerryFull.end, text: 'Wang Yi' }]);
    const anchors = store.document.decisions[0].anchors;
    assert.equal(anchors.length, kerryMentions.length, 'no anchor dropped');
    assert.equal(anchors[0].orphaned, true);
    assert.ok(anchors.slice(1).every(a => !a.orphaned));
  });

  it('retypes names as not a person: only those names, for the analyzer too', () => {
    const store = newStore();
    const surnames: EntityTarget = { ...target, mentions: kerryMentions.filter(m => m.text === 'Kerry') };
    store.decide(article, surnames, 'retyped', { retypedAs: 'organisation', names: ['Kerry'] });
    const d = store.document.decisions[0];
    assert.deepEqual([d.verdict, d.retypedAs, d.names], ['retyped', 'organisation', ['Kerry']]);
    assert.deepEqual(retypedNamesOf(store.document.decisions), ['Kerry']);
    const resolver = new DecisionResolver(store.document.decisions, analysis);
    assert.equal(resolver.forMention(kerryFull), undefined, 'the full name is still a person');
    assert.equal(resolver.forMention(kerrySurname)?.verdict, 'retyped');
    store.decide(article, surnames, 'retyped', { retypedAs: 'place', names: ['Kerry'] });
    assert.deepEqual(store.document.decisions.map(x => [x.id, x.retypedAs]), [[d.id, 'place']], 'a new retype of the same name replaces the old one');
    const reanalysed = analyze(article, { corrections: { notPersons: retypedNamesOf(store.document.decisions) } });
    assert.ok(!reanalysed.persons.some(p => p.text === 'Kerry'), 'the analyzer, told of it, no longer finds the bare name');
    assert.ok(reanalysed.persons.some(p => p.text === 'John Kerry'));
  });

  it('refuses a retype of something that is not a person, or without names', () => {
    const services = { newId: sequentialIds(), now: () => new Date(0) };
    const date: EntityTarget = { type: 'date', entity: '2016-01-26', mentions: [] };
    assert.throws(() => decideEntity(emptyDocument('s'), article, date, 'retyped', services, { retypedAs: 'other', names: ['x'] }), AnnotationInputError);
    assert.throws(() => decideEntity(emptyDocument('s'), article, target, 'retyped', services, { retypedAs: 'other', names: [' '] }), AnnotationInputError);
  });

  it('undoes one command at a time, keeping what edits did since', () => {
    const store = newStore();
    const a = store.add(article, { ...span('Beijing'), kind: 'label', label: 'place', note: 'first' });
    const beforeDecision = store.document;
    store.decide(article, target, 'rejected');
    store.editNote(a.id, 'second');
    const afterCommands = store.document;
    store.applyChanges([{ start: 0, end: 0, text: 'NEW ' }]); // typing after the commands
    const undoNote = commandChange(beforeDecision, afterCommands)!;
    const reverted = revertCommand(store.document, undoNote);
    assert.deepEqual(reverted.decisions, [], 'the decision the command made is gone');
    const back = reverted.annotations.find(x => x.id === a.id)!;
    assert.equal(back.note, 'first');
    assert.equal(back.anchor.start, a.anchor.start + 4, 'at its current place');
    const removed = newStore(store.document);
    removed.remove(a.id);
    const restored = revertCommand(removed.document, commandChange(store.document, removed.document)!);
    assert.deepEqual(restored.annotations.map(x => x.id), [a.id]);
    assert.equal(commandChange(store.document, store.document), undefined);
  });
});

describe('three-way merge of sidecar documents', () => {
  const kerryTarget: EntityTarget = { type: 'person', entity: 'John Kerry', mentions: [span('John Kerry'), span('Kerry', span('John Kerry').end)] };
  function base(): { store: AnnotationStore; doc: SidecarDocument; a: Annotation; b: Annotation } {
    const store = newStore();
    const a = store.add(article, { ...span('John Kerry'), kind: 'person', note: 'base note' });
    const b = store.add(article, { ...span('Beijing'), kind: 'label', label: 'place' });
    store.decide(article, kerryTarget, 'confirmed');
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

  it('applies a removal made on disk when this side only moved the item by typing elsewhere (not an edit of it)', () => {
    const { doc, b } = base();
    const mine = newStoreFrom(doc, 'm'), theirs = newStoreFrom(doc, 't');
    theirs.remove(b.id);
    theirs.clearDecisions(theirs.document.decisions.map(d => d.id));
    mine.applyChanges([{ start: 0, end: 0, text: 'UPDATED: ' }]); // every anchor moves
    assert.notEqual(mine.document.annotations.find(x => x.id === b.id)!.anchor.start, b.anchor.start);
    const merged = mergeAnnotations(doc, mine.document, theirs.document);
    assert.ok(!merged.annotations.some(x => x.id === b.id), 'the annotation removed on disk stays removed');
    assert.deepEqual(merged.decisions, [], 'so does the decision');
    // Typing inside its words changes what it marks: kept, as an edit is (nothing is lost).
    const inside = newStoreFrom(doc, 'i');
    inside.applyChanges([{ start: b.anchor.start + 1, end: b.anchor.start + 1, text: 'x' }]);
    assert.ok(mergeAnnotations(doc, inside.document, theirs.document).annotations.some(x => x.id === b.id));
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

  it('lets the later decision win when both sides decided differently, and keeps one decision per entity', () => {
    const { doc } = base();
    const mine = newStoreFrom(doc, 'm', '2026-05-01T00:00:00.000Z'), theirs = newStoreFrom(doc, 't', '2026-06-01T00:00:00.000Z');
    mine.decide(article, kerryTarget, 'rejected');
    theirs.decide(article, kerryTarget, 'rejected');
    theirs.decide(article, kerryTarget, 'confirmed');
    const merged = mergeAnnotations(doc, mine.document, theirs.document);
    assert.equal(merged.decisions.length, 1);
    assert.equal(merged.decisions[0].verdict, 'confirmed');
    // Both sides deciding on a new entity under different ids: one decision survives, the later.
    const wang: EntityTarget = { type: 'person', entity: 'Wang Yi', mentions: [span('Wang Yi')] };
    mine.decide(article, wang, 'confirmed');
    theirs.decide(article, wang, 'rejected');
    const merged2 = mergeAnnotations(doc, mine.document, theirs.document);
    assert.deepEqual(merged2.decisions.filter(d => d.entity === 'Wang Yi').map(d => d.verdict), ['rejected']);
    // A retype made on one side only is kept with its details.
    const mine3 = newStoreFrom(doc, 'm3');
    mine3.decide(article, { ...kerryTarget, mentions: [kerryTarget.mentions[1]] }, 'retyped', { retypedAs: 'place', names: ['Kerry'] });
    const retyped = mergeAnnotations(doc, mine3.document, doc).decisions.find(d => d.verdict === 'retyped')!;
    assert.deepEqual([retyped.retypedAs, retyped.names], ['place', ['Kerry']]);
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
