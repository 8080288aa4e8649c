import assert from 'node:assert/strict';
import type { Analysis, DateMention, PersonEntity, PersonMention } from '../../src/analysis';
import { definitionOf, mentionsAcross, step, targetAt, type NavArticle } from '../../src/editor/occurrences';
import { linkPeople } from '../../src/entities/identity';
import { RejectedSet } from '../../src/entities/userAnnotations';

/** An article whose person mentions are [surface, canonical name, full?] and dates [surface, value], left to right. */
function article(key: string, text: string, persons: [string, string, boolean][], dates: [string, string][] = [], rejected?: RejectedSet): NavArticle & { text: string } {
  const people = new Map<string, PersonEntity>();
  const mentions: PersonMention[] = [];
  let from = 0;
  for (const [s, name, full] of persons) {
    const start = text.indexOf(s, from); assert.ok(start >= 0, s); from = start + s.length;
    const id = `person:${name.toLowerCase().replace(/\W+/g, '-')}`;
    if (!people.has(id)) people.set(id, { id, name, mentions: [] });
    people.get(id)!.mentions.push(mentions.length);
    mentions.push({ type: 'person', start, end: start + s.length, text: s, entityId: id, fullName: full });
  }
  const dateMentions: DateMention[] = dates.map(([s, value]) => { const start = text.indexOf(s); return { type: 'date', start, end: start + s.length, text: s, value, relative: false }; });
  const analysis: Analysis = { persons: mentions, dates: dateMentions, quotes: [], people };
  return { key, text, analysis, rejected };
}

const A = article('a', 'John Kerry flew in on Tuesday. Kerry met Xi. Later Kerry left.', [['John Kerry', 'John Kerry', true], ['Kerry', 'John Kerry', false], ['Xi', 'Xi', false], ['Kerry', 'John Kerry', false]], [['Tuesday', '2016-01-26']]);
const B = article('b', 'Only Kerry spoke, on Jan. 26.', [['Kerry', 'Kerry', false]], [['Jan. 26', '2016-01-26']]);
const C = article('c', 'Secretary John Kerry and Xi Jinping.', [['John Kerry', 'John Kerry', true], ['Xi Jinping', 'Xi Jinping', true]]);
const ALL = [A, B, C];
const links = linkPeople(ALL);
const offsetOf = (x: { text: string }, s: string, nth = 0) => { let i = -1; for (let k = 0; k <= nth; k++) i = x.text.indexOf(s, i + 1); return i; };

describe('entity navigation (pure)', () => {
  it('finds the person under the cursor and all their mentions across articles, surname-only articles linked', () => {
    const target = targetAt(A, links, offsetOf(A, 'Kerry met') + 1);
    assert.deepEqual(target && { kind: target.kind, name: target.name }, { kind: 'person', name: 'John Kerry' });
    const list = mentionsAcross(ALL, links, target!);
    assert.deepEqual(list.map(m => `${m.article}:${m.text}`), ['a:John Kerry', 'a:Kerry', 'a:Kerry', 'b:Kerry', 'c:John Kerry']);
    const xi = targetAt(A, links, offsetOf(A, 'Xi'))!;
    assert.deepEqual(mentionsAcross(ALL, links, xi).map(m => `${m.article}:${m.text}`), ['a:Xi', 'c:Xi Jinping'], '"Xi" joins the one full name it is a word of');
    assert.equal(targetAt(A, links, offsetOf(A, 'flew')), undefined);
  });

  it('groups dates by value across articles', () => {
    const target = targetAt(B, links, offsetOf(B, 'Jan. 26') + 2)!;
    assert.equal(target.kind, 'date');
    assert.deepEqual(mentionsAcross(ALL, links, target).map(m => `${m.article}:${m.text}`), ['a:Tuesday', 'b:Jan. 26']);
    assert.equal(definitionOf(B, ALL, links, target), undefined, 'dates have no definition');
  });

  it('steps to the next mention, on to the next article, and wraps around; previous goes back', () => {
    const target = targetAt(A, links, 0)!;
    const list = mentionsAcross(ALL, links, target);
    const order = ALL.map(a => a.key);
    const lastInA = offsetOf(A, 'Kerry left');
    assert.deepEqual(step(list, order, { article: 'a', offset: lastInA }, 1)?.occurrence, list[3], 'after the last mention in a: the one in b');
    assert.deepEqual(step(list, order, { article: 'c', offset: list[4].start }, 1), { occurrence: list[0], index: 0, wrapped: true }, 'wraps to the first');
    assert.deepEqual(step(list, order, { article: 'a', offset: 0 }, -1), { occurrence: list[4], index: 4, wrapped: true }, 'previous from the first wraps to the last');
    assert.equal(step(list, order, { article: 'a', offset: 0 }, 1)?.wrapped, false, 'no wrap on the way');
    assert.deepEqual(step(list, order, { article: 'b', offset: list[3].start }, -1)?.occurrence, list[2]);
    assert.deepEqual(step(list, order, { article: 'a', offset: offsetOf(A, 'flew') }, 1)?.occurrence, list[1], 'from between mentions: the next one after the cursor');
    assert.equal(step([], order, { article: 'a', offset: 0 }, 1), undefined);
  });

  it('defines a surname by the first full-name mention: in this article, else in another', () => {
    const target = targetAt(B, links, offsetOf(B, 'Kerry'))!;
    const inB = definitionOf(B, ALL, links, target)!;
    assert.deepEqual([inB.article, inB.text, inB.start], ['a', 'John Kerry', 0], 'b never names him in full: the first article that does');
    const inC = definitionOf(C, ALL, links, target)!;
    assert.equal(inC.article, 'c');
  });

  it('skips rejected mentions, and finds nothing under a rejected one', () => {
    const kerry = offsetOf(A, 'Kerry met');
    const withRejection = { ...A, rejected: new RejectedSet([{ type: 'person', start: kerry, end: kerry + 5 }]) };
    const target = targetAt(withRejection, links, 0)!;
    assert.deepEqual(mentionsAcross([withRejection, B, C], links, target).map(m => m.start).filter((_, i) => i < 2), [0, offsetOf(A, 'Kerry left')]);
    assert.equal(targetAt(withRejection, links, kerry + 1), undefined);
  });
});
