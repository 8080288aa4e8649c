import assert from 'node:assert/strict';
import type { Analysis, DateMention, PersonEntity, PersonMention, QuoteMention } from '../../src/analysis';
import { decideEntity, emptyDocument, sequentialIds, targetOfEntity, type SidecarDocument } from '../../src/annotations';
import { layTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../src/editor/tokenLayout';
import { describeDateValue } from '../../src/entities/describe';
import { readerView } from '../../src/entities/readerView';
import { lineStarts } from '../../src/entities/textLines';
import { mentionAt } from '../../src/analysis/query';

function at(text: string, s: string, from = 0) { const start = text.indexOf(s, from); assert.ok(start >= 0, s); return { start, end: start + s.length, text: s }; }

function analysisOf(text: string, parts: { persons?: [string, string, boolean][]; dates?: string[]; quotes?: [string, string | null][] }): Analysis {
  const people = new Map<string, PersonEntity>();
  const persons: PersonMention[] = [];
  let from = 0;
  for (const [s, name, full] of parts.persons ?? []) {
    const m = at(text, s, from); from = m.end;
    const id = `person:${name}`;
    if (!people.has(id)) people.set(id, { id, name, mentions: [] });
    people.get(id)!.mentions.push(persons.length);
    persons.push({ type: 'person', ...m, entityId: id, fullName: full });
  }
  const dates: DateMention[] = (parts.dates ?? []).map(s => ({ type: 'date', ...at(text, s), relative: true }));
  const quotes: QuoteMention[] = (parts.quotes ?? []).map(([s, speaker], i) => {
    if (speaker && !people.has(speaker)) people.set(speaker, { id: speaker, name: speaker.replace(/^person:/, ''), mentions: [] });
    return { type: 'quote', ...at(text, s), kind: 'quotation', speakerId: speaker, speakerText: null, group: i };
  });
  return { persons, dates, quotes, people };
}

/** The tokens of what the reader sees: the analysis after the sidecar's decisions. */
const lay = (text: string, a: Analysis, doc?: SidecarDocument) => layTokens(text, readerView(a, doc).items);

const names = (text: string, toks: ReturnType<typeof layTokens>) => {
  const starts = lineStarts(text);
  return toks.map(t => `${TOKEN_TYPES[t.type]}:${text.slice(starts[t.line] + t.char, starts[t.line] + t.char + t.length)}`);
};

describe('semantic token layout', () => {
  it('splits a quote around the names and dates inside it', () => {
    const text = 'He said “Kerry met Xi on Tuesday.” Then left.';
    const a = analysisOf(text, { persons: [['Kerry', 'John Kerry', false], ['Xi', 'Xi Jinping', false]], dates: ['Tuesday'], quotes: [['“Kerry met Xi on Tuesday.”', null]] });
    assert.deepEqual(names(text, lay(text, a)), ['quote:“', 'person:Kerry', 'quote: met ', 'person:Xi', 'quote: on ', 'date:Tuesday', 'quote:.”']);
  });

  it('splits multi-line quotes at every line end (\\n and \\r\\n), never across', () => {
    const text = 'A “first line\r\nsecond line\nthird” B';
    const a = analysisOf(text, { quotes: [['“first line\r\nsecond line\nthird”', 'person:x']] });
    const toks = lay(text, a);
    assert.deepEqual(names(text, toks), ['quote:“first line', 'quote:second line', 'quote:third”']);
    assert.deepEqual(toks.map(t => t.line), [0, 1, 2]);
    assert.ok(toks.every(t => t.modifiers & (1 << TOKEN_MODIFIERS.indexOf('attributed'))));
  });

  it('marks the first full mention, surnames and relative dates with modifiers', () => {
    const text = 'John Kerry spoke. Kerry left. John Kerry returned on Tuesday.';
    const a = analysisOf(text, { persons: [['John Kerry', 'John Kerry', true], ['Kerry', 'John Kerry', false], ['John Kerry', 'John Kerry', true]], dates: ['Tuesday'] });
    const mods = lay(text, a).map(t => TOKEN_MODIFIERS.filter((_, b) => t.modifiers & (1 << b)).join('+'));
    assert.deepEqual(mods, ['firstMention', 'surname', '', 'relative']);
  });

  it('marks a quoted term (a title, a name, a scare quote) with the term modifier, and quotations without it', () => {
    const text = 'She starred in “The Long Goodbye” and said “we will see” later.';
    const a = analysisOf(text, { quotes: [['“The Long Goodbye”', null], ['“we will see”', 'person:x']] });
    a.quotes[0].kind = 'term';
    const mods = lay(text, a).map(t => TOKEN_MODIFIERS.filter((_, b) => t.modifiers & (1 << b)).join('+'));
    assert.deepEqual(mods, ['term', 'attributed']);
  });

  it('leaves out rejected mentions and marks confirmed ones', () => {
    const text = 'Kerry and Wang met.';
    const a = analysisOf(text, { persons: [['Kerry', 'John Kerry', false], ['Wang', 'Wang Yi', false]] });
    const services = { newId: sequentialIds(), now: () => new Date(0) };
    let doc = decideEntity(emptyDocument('s.txt'), text, targetOfEntity(a.persons[0], a), 'rejected', services);
    doc = decideEntity(doc, text, targetOfEntity(a.persons[1], a), 'confirmed', services);
    const toks = lay(text, a, doc);
    assert.deepEqual(names(text, toks), ['person:Wang']);
    assert.ok(toks[0].modifiers & (1 << TOKEN_MODIFIERS.indexOf('confirmed')));
    assert.ok(!(lay(text, a)[1].modifiers & (1 << TOKEN_MODIFIERS.indexOf('confirmed'))), 'undecided: not marked');
  });

  it('finds the mention under an offset, the name before its quote', () => {
    const text = 'He said “Kerry met Xi.”';
    const a = analysisOf(text, { persons: [['Kerry', 'John Kerry', false]], quotes: [['“Kerry met Xi.”', null]] });
    assert.equal(mentionAt(a, text.indexOf('Kerry') + 2)?.type, 'person');
    assert.equal(mentionAt(a, text.indexOf('met'))?.type, 'quote');
    assert.equal(mentionAt(a, 2), undefined);
  });

  it('describes resolved dates for people', () => {
    assert.equal(describeDateValue('2016-01-27'), 'Wednesday, 27 January 2016');
    assert.equal(describeDateValue('2016-01'), 'January 2016');
    assert.equal(describeDateValue('199X'), 'the 1990s');
    assert.equal(describeDateValue('2016-W03'), 'week 3 of 2016');
    assert.equal(describeDateValue('2016-01-27T17:05'), 'Wednesday, 27 January 2016 17:05');
    assert.equal(describeDateValue('2016-01-26TNI'), 'Tuesday, 26 January 2016 night');
    assert.equal(describeDateValue('2025-H2'), 'the second half of 2025');
    assert.equal(describeDateValue('FY2025'), 'fiscal year 2025');
    assert.equal(describeDateValue('FY2025-Q1'), 'Q1 of fiscal 2025');
    assert.equal(describeDateValue('2023/2024'), '2023–2024');
    assert.equal(describeDateValue('20XX'), 'the 21st century');
  });
});
