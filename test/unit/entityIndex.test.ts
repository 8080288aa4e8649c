import assert from 'node:assert/strict';
import { analyze, type Analysis, type DateMention, type PersonEntity, type PersonMention, type QuoteMention } from '../../src/analysis';
import { EntityIndex, type ArticleSnapshot } from '../../src/views/entityIndex';
import { EntityTreeModel, type TreeNode, type ViewOptions } from '../../src/views/entityTreeModel';
import { linkAcrossArticles } from '../../src/analysis/linking';
import { addAnnotation, decideEntity, emptyDocument, sequentialIds, targetOfEntity, withOrphaned, type SidecarDocument } from '../../src/annotations';
import { readerView } from '../../src/entities/readerView';
import { readArticle } from '../support/paths';

// A hand-made analysis: person mentions as [surface, canonical name, full?], dates as [surface, value?], quotes as
// [surface, speaker canonical name | null, speaker text | null]. Surfaces are found left to right in the text.
interface Parts { persons?: [string, string, boolean][]; dates?: [string, string | undefined][]; quotes?: [string, string | null, string | null][] }

function analysisOf(text: string, parts: Parts): Analysis {
  const people = new Map<string, PersonEntity>();
  const find = (s: string, from: number) => { const start = text.indexOf(s, from); assert.ok(start >= 0, `"${s}" is in the text`); return { start, end: start + s.length, text: s }; };
  const idOf = (name: string) => `person:${name.toLowerCase().replace(/\W+/g, '-')}`;
  const persons: PersonMention[] = [];
  let from = 0;
  for (const [s, name, full] of parts.persons ?? []) {
    const m = find(s, from); from = m.end;
    const id = idOf(name);
    if (!people.has(id)) people.set(id, { id, name, mentions: [] });
    people.get(id)!.mentions.push(persons.length);
    persons.push({ type: 'person', ...m, entityId: id, fullName: full });
  }
  from = 0;
  const dates: DateMention[] = (parts.dates ?? []).map(([s, value]) => { const m = find(s, from); from = m.end; return { type: 'date', ...m, value, relative: false }; });
  from = 0;
  const quotes: QuoteMention[] = (parts.quotes ?? []).map(([s, speaker, speakerText], i) => {
    const m = find(s, from); from = m.end;
    if (speaker && !people.has(idOf(speaker))) people.set(idOf(speaker), { id: idOf(speaker), name: speaker, mentions: [] });
    return { type: 'quote', ...m, kind: 'quotation', speakerId: speaker ? idOf(speaker) : null, speakerText, group: i };
  });
  return { persons, dates, quotes, people };
}

const A_TEXT = 'John Kerry arrived on Tuesday.\nKerry said “we will see” in Beijing.\nXi Jinping met Kerry on Jan. 27.';
const A_PARTS: Parts = {
  persons: [['John Kerry', 'John Kerry', true], ['Kerry', 'John Kerry', false], ['Xi Jinping', 'Xi Jinping', true], ['Kerry', 'John Kerry', false]],
  dates: [['Tuesday', '2016-01-26'], ['Jan. 27', '2016-01-27']],
  quotes: [['“we will see”', 'John Kerry', 'Kerry']],
};
const B_TEXT = 'On Jan. 27 John Kerry met Tony Blinken.\n“It is late,” the ministry said last week.';
const B_PARTS: Parts = {
  persons: [['John Kerry', 'John Kerry', true], ['Tony Blinken', 'Tony Blinken', true]],
  dates: [['Jan. 27', '2016-01-27'], ['last week', undefined]],
  quotes: [['“It is late,”', null, 'the ministry']],
};

const snap = (key: string, text: string, parts: Parts, doc?: SidecarDocument): ArticleSnapshot => {
  const analysis = analysisOf(text, parts);
  return { key, name: `${key}.txt`, text, analysis, view: readerView(analysis, doc) };
};
const services = () => ({ newId: sequentialIds('s'), now: () => new Date('2026-02-01T00:00:00Z') });

/** The cross-article key the index gives a person, found by display name. */
function personKey(index: EntityIndex, name: string): string {
  const e = index.entities('people', 'name').find(p => p.name === name);
  assert.ok(e, `${name} is listed`);
  return e.key;
}

function twoArticles(): EntityIndex {
  const index = new EntityIndex();
  index.setArticle(snap('a', A_TEXT, A_PARTS));
  index.setArticle(snap('b', B_TEXT, B_PARTS));
  return index;
}

const BY_TYPE: ViewOptions = { groupBy: 'type', sortBy: 'name' };

/** Finds a child by label, failing with the labels it saw. */
function child(model: EntityTreeModel, parent: TreeNode | undefined, label: string): TreeNode {
  const kids = model.children(parent);
  const found = kids.find(k => model.present(k).label === label);
  assert.ok(found, `"${label}" among ${kids.map(k => JSON.stringify(model.present(k).label)).join(', ')}`);
  return found;
}
const labels = (model: EntityTreeModel, parent?: TreeNode) => model.children(parent).map(k => model.present(k).label);

describe('entity index (pure)', () => {
  it('groups people across articles (linked by name) with mention and article counts', () => {
    const index = twoArticles();
    const kerry = index.entity('people', personKey(index, 'John Kerry'))!;
    assert.equal(kerry.mentions, 4, '3 in a + 1 in b');
    assert.equal(kerry.articles, 2);
    assert.equal(kerry.quotes, 1);
    assert.deepEqual(index.entities('people', 'name').map(e => e.name), ['John Kerry', 'Tony Blinken', 'Xi Jinping']);
    assert.deepEqual(index.articlesOf('people', personKey(index, 'Tony Blinken')).map(p => p.key), ['b']);
  });

  it('counts the seed articles as the analyzer does (mentions of each person summed over both articles)', () => {
    const index = new EntityIndex();
    const analyses = ['kerry-beijing-scmp.txt', 'kerry-blinken-hankyoreh.txt'].map(name => {
      const text = readArticle(name);
      const analysis = analyze(text);
      index.setArticle({ key: name, name, text, analysis });
      return analysis;
    });
    // Expected: each linked person's mentions, summed over the articles as linkAcrossArticles joins them.
    const links = linkAcrossArticles(analyses);
    const expected = new Map<string, { mentions: number; articles: number }>();
    for (const person of links.persons.values()) {
      const counts = person.members.map(m => analyses[m.article].people.get(m.entityId)!.mentions.length);
      const articles = new Set(person.members.filter((_, i) => counts[i] > 0).map(m => m.article)).size;
      expected.set(person.name, { mentions: counts.reduce((x, y) => x + y, 0), articles });
    }
    const listed = index.entities('people', 'mentions').filter(e => e.mentions > 0);
    assert.equal(listed.length, [...expected.values()].filter(x => x.mentions > 0).length);
    for (const e of listed) assert.deepEqual({ mentions: e.mentions, articles: e.articles }, expected.get(e.name), e.name);
    assert.equal(index.entity('people', personKey(index, 'John Kerry'))?.articles, 2, 'the seed gold has John Kerry in both articles');
  });

  it('lists under a person the articles, their occurrences (line and snippet), then the quotes the person said', () => {
    const model = new EntityTreeModel(twoArticles(), BY_TYPE);
    const kerry = child(model, child(model, undefined, 'People'), 'John Kerry');
    assert.equal(model.present(kerry).description, '4 mentions · 2 articles · 1 quote');
    assert.deepEqual(labels(model, kerry), ['a.txt', 'b.txt', 'Quotes']);
    const inA = model.children(child(model, kerry, 'a.txt')).map(n => model.present(n));
    assert.deepEqual(inA.map(p => p.description), ['line 1', 'line 2', 'line 3']);
    for (const p of inA) {
      assert.ok(p.open, 'an occurrence opens its span');
      const mention = A_TEXT.slice(p.open.start, p.open.end);
      assert.ok(mention === 'John Kerry' || mention === 'Kerry');
      assert.equal(p.label.slice(...p.highlight!), mention, `the snippet "${p.label}" highlights the mention`);
    }
    const quotes = model.children(child(model, kerry, 'Quotes')).map(n => model.present(n));
    assert.deepEqual(quotes.map(q => [q.label.slice(...q.highlight!), q.description]), [['“we will see”', 'a.txt:2']]);
  });

  it('groups dates by resolved value (in calendar order) and unresolved dates by their wording', () => {
    const index = twoArticles();
    assert.deepEqual(index.entities('dates', 'name').map(e => [e.name, e.mentions, e.articles]), [['2016-01-26', 1, 1], ['2016-01-27', 2, 2], ['last week', 1, 1]]);
    const model = new EntityTreeModel(index, BY_TYPE);
    const dates = model.children(child(model, undefined, 'Dates')).map(n => model.present(n));
    assert.deepEqual(dates.map(d => d.label), ['Tuesday, 26 January 2016', 'Wednesday, 27 January 2016', 'last week']);
    assert.match(dates[2].description!, /unresolved/);
  });

  it('groups quotes by speaker: a person, a named source, or unknown', () => {
    const index = twoArticles();
    assert.deepEqual(index.entities('quotes', 'name').map(e => [e.name, e.mentions]), [['John Kerry', 1], ['the ministry', 1]]);
  });

  it('lists quoted terms apart from the speakers, after them, whatever the sort', () => {
    const text = 'She starred in “The Long Goodbye” and “Nights in Lisbon.” “It is late,” the ministry said.';
    const parts: Parts = { quotes: [['“The Long Goodbye”', null, null], ['“Nights in Lisbon.”', null, null], ['“It is late,”', null, 'the ministry']] };
    const analysis = analysisOf(text, parts);
    for (const q of analysis.quotes.slice(0, 2)) q.kind = 'term';
    const index = new EntityIndex();
    index.setArticle({ key: 't', name: 't.txt', text, analysis, view: readerView(analysis, undefined) });
    for (const sortBy of ['name', 'mentions'] as const) {
      assert.deepEqual(index.entities('quotes', sortBy).map(e => [e.name, e.mentions]), [['the ministry', 1], ['Terms', 2]]);
    }
    const model = new EntityTreeModel(index, BY_TYPE);
    const terms = model.children(child(model, undefined, 'Quotes')).map(n => model.present(n)).find(p => p.label === 'Terms');
    assert.match(terms?.description ?? '', /^2 terms · .*titles, names, scare quotes$/);
  });

  it('sorts by name or by mentions', () => {
    const index = twoArticles();
    const model = new EntityTreeModel(index, { groupBy: 'type', sortBy: 'mentions' });
    assert.deepEqual(labels(model, child(model, undefined, 'People')), ['John Kerry', 'Tony Blinken', 'Xi Jinping']);
    index.setArticle(snap('c', 'Xi Jinping, Xi Jinping, Xi Jinping, Xi Jinping and Xi Jinping.', { persons: Array.from({ length: 5 }, () => ['Xi Jinping', 'Xi Jinping', true] as [string, string, boolean]) }));
    assert.deepEqual(labels(model, child(model, undefined, 'People')), ['Xi Jinping', 'John Kerry', 'Tony Blinken'], '6 mentions, then 4 + 1 quote, then 1');
    model.options = BY_TYPE;
    assert.deepEqual(labels(model, child(model, undefined, 'People')), ['John Kerry', 'Tony Blinken', 'Xi Jinping']);
  });

  it('updates one article incrementally: the other articles\' parts are untouched and totals follow', () => {
    const index = twoArticles();
    const partB = index.article('b');
    const before = index.generation;
    const edited = 'John Kerry arrived.';
    assert.equal(index.setArticle(snap('a', edited, { persons: [['John Kerry', 'John Kerry', true]] })), true);
    assert.ok(index.generation > before);
    assert.equal(index.article('b'), partB, 'article b was not rebuilt');
    const kerry = index.entities('people', 'name').find(e => e.name === 'John Kerry');
    assert.deepEqual(kerry && { mentions: kerry.mentions, articles: kerry.articles, quotes: kerry.quotes }, { mentions: 2, articles: 2, quotes: 0 });
    assert.deepEqual(index.entities('people', 'name').map(e => e.name), ['John Kerry', 'Tony Blinken'], 'Xi was only in the old text of a');
    assert.equal(index.entity('dates', '=2016-01-26'), undefined);
    assert.equal(index.entity('dates', '=2016-01-27')?.articles, 1);
    index.removeArticle('b');
    assert.deepEqual(index.entities('people', 'name').map(e => [e.name, e.mentions]), [['John Kerry', 1]]);
    index.removeArticle('a');
    assert.equal(index.size, 0);
    assert.deepEqual(new EntityTreeModel(index, BY_TYPE).children(), [], 'no article: empty tree (the welcome content shows)');
  });

  it('ignores a snapshot it already holds', () => {
    const index = new EntityIndex();
    const s = snap('a', A_TEXT, A_PARTS);
    assert.equal(index.setArticle(s), true);
    const g = index.generation;
    assert.equal(index.setArticle({ ...s }), false);
    assert.equal(index.generation, g);
  });

  it('keeps a display name when the article that gave it goes', () => {
    const index = new EntityIndex();
    index.setArticle(snap('a', 'JOHN KERRY spoke.', { persons: [['JOHN KERRY', 'JOHN KERRY', true]] }));
    index.setArticle(snap('b', 'John Kerry spoke.', { persons: [['John Kerry', 'John Kerry', true]] }));
    assert.deepEqual(index.entities('people', 'name').map(e => e.name), ['JOHN KERRY'], 'one person, named as first seen');
    index.removeArticle('a');
    assert.deepEqual(index.entities('people', 'name').map(e => e.name), ['John Kerry']);
  });

  it('links a surname-only article to the one full name that fits, and relinks when another full name appears', () => {
    const index = twoArticles();
    const only = 'Kerry flew home. Kerry slept.';
    index.setArticle(snap('c', only, { persons: [['Kerry', 'Kerry', true], ['Kerry', 'Kerry', true]] }));
    const partB = index.article('b')!;
    const blinkenInB = partB.groups.people.get(personKey(index, 'Tony Blinken'));
    assert.deepEqual(index.entities('people', 'name').map(e => [e.name, e.mentions, e.articles]), [['John Kerry', 6, 3], ['Tony Blinken', 1, 1], ['Xi Jinping', 1, 1]]);
    // A second full name with the same surname makes "Kerry" ambiguous: it stands alone, in its own article.
    index.setArticle(snap('d', 'Mary Kerry spoke.', { persons: [['Mary Kerry', 'Mary Kerry', true]] }));
    assert.deepEqual(index.entities('people', 'name').map(e => [e.name, e.mentions, e.articles]),
      [['John Kerry', 4, 2], ['Kerry', 2, 1], ['Mary Kerry', 1, 1], ['Tony Blinken', 1, 1], ['Xi Jinping', 1, 1]]);
    assert.equal(index.article('b')!.groups.people.get(personKey(index, 'Tony Blinken')), blinkenInB, 'article b, whose people kept their identity, was not listed again');
    index.removeArticle('d');
    assert.equal(index.entity('people', personKey(index, 'John Kerry'))?.mentions, 6);
  });

  it('lists rejected entities (every mention) under Rejected, not among people and dates, and marks confirmed ones', () => {
    const index = new EntityIndex();
    const a = analysisOf(A_TEXT, A_PARTS);
    const xi = a.persons.find(p => p.text === 'Xi Jinping')!;
    const jan27 = a.dates[1];
    const svc = services();
    let doc = decideEntity(emptyDocument('a.txt'), A_TEXT, targetOfEntity(xi, a), 'rejected', svc);
    doc = decideEntity(doc, A_TEXT, targetOfEntity(jan27, a), 'rejected', svc);
    doc = decideEntity(doc, A_TEXT, targetOfEntity(a.persons[1], a), 'confirmed', svc);
    index.setArticle({ key: 'a', name: 'a.txt', text: A_TEXT, analysis: a, view: readerView(a, doc) });
    assert.deepEqual(index.entities('people', 'name').map(e => [e.name, e.mentions]), [['John Kerry', 3]]);
    assert.deepEqual(index.entities('dates', 'name').map(e => e.name), ['2016-01-26']);
    assert.deepEqual(index.entities('rejected', 'name').map(e => [e.name, e.mentions]), [['2016-01-27', 1], ['Xi Jinping', 1]]);
    assert.equal(index.article('a')!.locate(xi.start + 1)?.category, 'rejected', 'the cursor on a rejected mention finds it under Rejected');
    const model = new EntityTreeModel(index, BY_TYPE);
    assert.deepEqual(labels(model), ['People', 'Dates', 'Quotes', 'Rejected']);
    const rejected = child(model, undefined, 'Rejected');
    const xiNode = child(model, rejected, 'Xi Jinping');
    assert.equal(model.present(xiNode).greyed, true);
    assert.equal(model.present(xiNode).contextValue, 'entity.rejected');
    assert.match(model.present(xiNode).description!, /^rejected · 1 mention · 1 article/);
    const kerry = child(model, child(model, undefined, 'People'), 'John Kerry');
    assert.match(model.present(kerry).description!, /^confirmed · 3 mentions/);
  });

  it('does not link other articles to a person the reader rejected', () => {
    const index = twoArticles();
    const c = analysisOf('Kerry spoke.', { persons: [['Kerry', 'Kerry', false]] });
    index.setArticle({ key: 'c', name: 'c.txt', text: 'Kerry spoke.', analysis: c, view: readerView(c, undefined) });
    assert.equal(index.entity('people', personKey(index, 'John Kerry'))?.articles, 3, '"Kerry" alone joins John Kerry');
    const b = analysisOf(B_TEXT, B_PARTS), a = analysisOf(A_TEXT, A_PARTS);
    const svc = services();
    for (const [key, text, analysis] of [['a', A_TEXT, a], ['b', B_TEXT, b]] as const) {
      const doc = decideEntity(emptyDocument(`${key}.txt`), text, targetOfEntity(analysis.persons.find(p => p.text === 'John Kerry')!, analysis), 'rejected', svc);
      index.setArticle({ key, name: `${key}.txt`, text, analysis, view: readerView(analysis, doc) });
    }
    assert.deepEqual(index.entities('people', 'name').map(e => [e.name, e.articles]), [['Kerry', 1], ['Tony Blinken', 1], ['Xi Jinping', 1]]);
  });

  it('filters the entities listed by name, accents and case ignored', () => {
    const index = twoArticles();
    const model = new EntityTreeModel(index, { ...BY_TYPE, filter: 'KER' });
    assert.deepEqual(labels(model, child(model, undefined, 'People')), ['John Kerry']);
    assert.match(model.present(child(model, undefined, 'Dates')).description!, /none/);
    model.options = { ...BY_TYPE, filter: 'january' };
    assert.deepEqual(model.children(child(model, undefined, 'Dates')).map(n => model.present(n).description!.split(' · ')[0]), ['2016-01-26', '2016-01-27'], 'a date by its spelled-out value');
  });

  it('lists one top-level node per user label, and orphaned annotations apart where they can be fixed', () => {
    const index = new EntityIndex();
    const at = (s: string) => ({ start: A_TEXT.indexOf(s), end: A_TEXT.indexOf(s) + s.length });
    const svc = services();
    let doc = emptyDocument('a.txt');
    for (const [s, label, note] of [['we will see', 'claim', 'check this'], ['Beijing', 'place'], ['arrived', 'claim'], ['Xi', 'claim']]) {
      doc = addAnnotation(doc, A_TEXT, { ...at(s), kind: 'label', label, note }, svc).document;
    }
    // The last one's text was deleted: it is kept, orphaned, with the last text it had and a place near it.
    doc = { ...doc, annotations: doc.annotations.map((a, i) => (i === 3 ? withOrphaned({ ...a, anchor: { ...a.anchor, start: 40, end: 45, text: 'a sentence that was deleted' } }, true) : a)) };
    index.setArticle(snap('a', A_TEXT, A_PARTS, doc));
    const model = new EntityTreeModel(index, BY_TYPE);
    assert.deepEqual(labels(model), ['People', 'Dates', 'Quotes', 'claim', 'place', 'Orphaned annotations']);
    const claim = child(model, undefined, 'claim');
    assert.equal(model.present(claim).description, '2 annotations · 1 article');
    const claims = model.children(model.children(claim)[0]).map(n => model.present(n));
    assert.deepEqual(claims.map(c => A_TEXT.slice(c.open!.start, c.open!.end)), ['arrived', 'we will see'], 'in text order');
    assert.equal(claims[1].tooltip, 'check this');
    const orphans = model.children(child(model, undefined, 'Orphaned annotations')).map(n => model.present(n));
    assert.equal(orphans.length, 1);
    assert.equal(orphans[0].contextValue, 'occurrence.orphaned');
    assert.equal(orphans[0].label, 'a sentence that was deleted');
    assert.match(orphans[0].description!, /^a\.txt:\d+ · orphaned$/);
    assert.deepEqual(orphans[0].open, { article: 'a', start: 40, end: 45 }, 'opens near where the text was');
    assert.equal(index.article('a')!.counts().labels, 3, 'orphans are not counted as entities of the article');
  });

  it('groups by article: article › category › entity › occurrence', () => {
    const model = new EntityTreeModel(twoArticles(), { groupBy: 'article', sortBy: 'name' });
    assert.deepEqual(labels(model), ['a.txt', 'b.txt']);
    const a = child(model, undefined, 'a.txt');
    assert.equal(model.present(a).description, '2 people · 2 dates · 1 quote');
    assert.deepEqual(labels(model, a), ['People', 'Dates', 'Quotes']);
    const kerry = child(model, child(model, a, 'People'), 'John Kerry');
    assert.equal(model.present(kerry).description, '3 mentions · 1 quote');
    assert.deepEqual(model.children(kerry).map(n => n.kind), ['occurrence', 'occurrence', 'occurrence', 'quotes']);
  });

  it('keeps node ids stable across an update, so expansion survives a refresh', () => {
    const index = twoArticles();
    const model = new EntityTreeModel(index, BY_TYPE);
    const ids = () => {
      const out: string[] = [];
      const walk = (n?: TreeNode) => { for (const k of model.children(n)) { if (k.kind !== 'occurrence') out.push(k.id); walk(k); } };
      walk();
      return out;
    };
    const before = ids();
    assert.equal(new Set(before).size, before.length, 'ids are unique');
    index.setArticle(snap('a', `Intro line.\n${A_TEXT}`, A_PARTS)); // every offset in a moves
    assert.deepEqual(ids(), before);
  });

  it('finds the node under the cursor with its parents, the same nodes the tree lists', () => {
    const index = twoArticles();
    for (const groupBy of ['type', 'article'] as const) {
      const model = new EntityTreeModel(index, { groupBy, sortBy: 'name' });
      const offset = A_TEXT.indexOf('Kerry said') + 2;
      const node = model.nodeAt('a', offset);
      assert.ok(node, groupBy);
      assert.equal(A_TEXT.slice(node.occurrence.start, node.occurrence.end), 'Kerry');
      // Walk down from the root along the parent chain: every step is among the listed children.
      const chain: TreeNode[] = [];
      for (let n: TreeNode | undefined = node; n; n = model.parent(n)) chain.unshift(n);
      let parent: TreeNode | undefined;
      for (const n of chain) {
        assert.ok(model.children(parent).some(k => k.id === n.id), `${groupBy}: ${n.id} is listed under its parent`);
        parent = n;
      }
      assert.equal(model.nodeAt('a', A_TEXT.indexOf('arrived') + 2), undefined, 'nothing listed under plain words');
      const date = model.nodeAt('a', A_TEXT.indexOf('Tuesday'));
      assert.equal(date?.occurrence.type, 'date');
    }
  });

  it('cuts long lines to a snippet around the mention, at word boundaries', () => {
    const text = `${'word '.repeat(40)}John Kerry ${'more '.repeat(40)}`;
    const index = new EntityIndex();
    index.setArticle(snap('a', text, { persons: [['John Kerry', 'John Kerry', true]] }));
    const part = index.article('a')!;
    const o = index.occurrences('people', personKey(index, 'John Kerry'), 'a')[0];
    const s = part.snippet(o);
    assert.ok(s.text.length <= 84, s.text);
    assert.ok(s.text.startsWith('…word') && s.text.endsWith('more…'), s.text);
    assert.equal(s.text.slice(...s.highlight), 'John Kerry');
  });
});
