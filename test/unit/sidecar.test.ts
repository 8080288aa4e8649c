import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AnnotationStore, MAX_SIDECAR_BYTES, SidecarError, emptyDocument, hashText, isSidecarPath, parseSidecar, planSidecarWrite,
  readSidecar, serializeSidecar, sequentialIds, shouldWrite, sidecarPathFor, sidecarStateFor, type SidecarDocument, type SidecarState,
} from '../../src/annotations';
import { isOtherFile } from '../../src/io';
import { readArticle } from '../support/paths';

const FILE = 'story.annotations.yaml';
const article = readArticle('kerry-beijing-scmp.txt');

function clock(startIso = '2026-03-01T09:00:00.000Z'): () => Date {
  let t = Date.parse(startIso);
  return () => new Date((t += 60_000));
}

/** A document with annotations of every shape and decisions, added out of position order. */
function sampleDocument(): SidecarDocument {
  const store = new AnnotationStore(emptyDocument('story.txt'), { newId: sequentialIds('a'), now: clock() });
  const at = (s: string, from = 0) => { const i = article.indexOf(s, from); assert.ok(i >= 0, s); return [i, i + s.length] as const; };
  const [qs, qe] = at('mission to press China');
  store.add(article, { start: qs, end: qe, kind: 'label', label: 'framing', note: 'Verb choice: "press".\nCompare the Hankyoreh piece.' });
  const [ps, pe] = at('John Kerry');
  store.add(article, { start: ps, end: pe, kind: 'person' });
  const [ds, de] = at('Tuesday night');
  store.add(article, { start: ds, end: de, kind: 'date', note: '  leading spaces, “curly quotes”, tab\tand # hash: colon' });
  const [ss, se] = at('mission to press China to address');
  store.setSpeaker(article, { start: ss, end: se }, 'Kerry');
  const [ks, ke] = at('Kerry', pe);
  store.decide(article, { type: 'person', entity: 'John Kerry', mentions: [{ start: ps, end: pe }, { start: ks, end: ke }] }, 'confirmed');
  store.decide(article, { type: 'date', entity: '2016-01-26', mentions: [{ start: ds, end: de }] }, 'rejected');
  const [ws, we] = at('Wang');
  store.decide(article, { type: 'person', entity: 'Wang Yi', mentions: [{ start: ws, end: we }] }, 'retyped', { retypedAs: 'organisation', names: ['Wang'] });
  return store.forSave(article, 'story.txt');
}

function problem(text: string): SidecarError {
  try {
    parseSidecar(text, FILE);
  } catch (e) {
    assert.ok(e instanceof SidecarError, String(e));
    assert.equal(e.file, FILE);
    return e;
  }
  assert.fail('expected the sidecar to be refused');
}

describe('sidecar paths', () => {
  it('replaces the last extension, or appends to a name without one', () => {
    assert.equal(sidecarPathFor('story.txt'), 'story.annotations.yaml');
    assert.equal(sidecarPathFor('/news/2016/story.txt'), '/news/2016/story.annotations.yaml');
    assert.equal(sidecarPathFor('C:\\news\\story.final.txt'), 'C:\\news\\story.final.annotations.yaml');
    assert.equal(sidecarPathFor('story'), 'story.annotations.yaml');
    assert.equal(sidecarPathFor('v1.2/story'), 'v1.2/story.annotations.yaml');
    assert.equal(sidecarPathFor('.profile'), '.profile.annotations.yaml');
  });

  it('recognises sidecar paths and nothing else', () => {
    assert.ok(isSidecarPath(sidecarPathFor('/a/story.txt')));
    assert.ok(isSidecarPath('C:\\a\\Story.Annotations.YAML'));
    assert.ok(!isSidecarPath('/a/story.txt'));
    assert.ok(!isSidecarPath('/a/story.yaml'));
    assert.ok(!isSidecarPath('/a/.annotations.yaml'));
  });
});

describe('sidecar serialization', () => {
  it('round-trips byte for byte, and serializing twice gives the same text', () => {
    const doc = sampleDocument();
    const text = serializeSidecar(doc);
    assert.equal(serializeSidecar(doc), text);
    const parsed = parseSidecar(text, FILE);
    assert.deepEqual(parsed, { ...doc, annotations: [...doc.annotations].sort((x, y) => x.anchor.start - y.anchor.start), decisions: [...doc.decisions].sort((x, y) => x.anchors[0].start - y.anchors[0].start) });
    assert.equal(serializeSidecar(parsed), text);
    assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
  });

  it('writes annotations and decisions sorted by position, whatever order they were made in', () => {
    const doc = sampleDocument();
    const starts = (d: SidecarDocument, key: 'annotations' | 'decisions') => d[key].map(a => ('anchor' in a ? a.anchor : a.anchors[0]).start);
    const parsed = parseSidecar(serializeSidecar(doc), FILE);
    const a = starts(parsed, 'annotations');
    assert.deepEqual(a, [...a].sort((x, y) => x - y));
    assert.notDeepEqual(starts(doc, 'annotations'), a, 'the sample adds annotations out of order');
    const reversed = { ...doc, annotations: [...doc.annotations].reverse(), decisions: [...doc.decisions].reverse() };
    assert.equal(serializeSidecar(reversed), serializeSidecar(doc));
  });

  it('uses a fixed key order, quotes free text on one line, and writes machine values plain', () => {
    const text = serializeSidecar(sampleDocument());
    const lines = text.split('\n');
    const firstKeys = lines.filter(l => /^[a-zA-Z]/.test(l)).map(l => l.split(':')[0]);
    assert.deepEqual(firstKeys, ['version', 'article', 'textHash', 'annotations', 'decisions']);
    assert.match(text, /^version: 2$/m);
    assert.match(text, /^article: "story.txt"$/m);
    assert.match(text, new RegExp(`^textHash: ${hashText(article)}$`, 'm'));
    assert.match(text, /^ {4}note: "Verb choice: \\"press\\"\.\\nCompare the Hankyoreh piece\."$/m);
    assert.match(text, /^ {4}note: " {2}leading spaces, “curly quotes”, tab\\tand # hash: colon"$/m);
    assert.match(text, /^ {2}- id: a0002\n {4}kind: person\n {4}created: 2026-03-01T09:02:00\.000Z\n {4}anchor:\n {6}start: \d+\n {6}end: \d+\n {6}text: "John Kerry"\n {6}prefix: ".*"\n {6}suffix: ".*"$/m);
    assert.match(text, /^ {4}verdict: confirmed\n {4}decided: .*\n {4}anchors:\n {6}- start: \d+\n {8}end: \d+\n {8}text: "John Kerry"\n/m);
    assert.match(text, /^ {4}verdict: retyped\n {4}as: organisation\n {4}names: \["Wang"\]\n {4}decided: /m);
    assert.match(text, /^ {4}kind: quote\n {4}speaker: "Kerry"\n {4}created: /m);
    assert.ok(!/orphaned/.test(text), 'orphaned is written only when true');
  });

  it('keeps the line endings of the file it read, so a CRLF checkout does not churn', () => {
    const doc = sampleDocument();
    const crlf = serializeSidecar(doc).replace(/\n/g, '\r\n');
    const state = readSidecar(crlf, FILE, 'story.txt');
    assert.ok(state.readable && state.exists);
    assert.equal(state.eol, '\r\n');
    assert.equal(planSidecarWrite(state, state.document).action, 'none');
  });

  it('a CRLF file with comments of several lines is not rewritten, and their line ends stay CR LF', () => {
    const lines = serializeSidecar(sampleDocument()).split('\n');
    const at = lines.findIndex(l => l.startsWith('annotations:')) + 1;
    lines.splice(at, 0, '  # checked with the press office', '  # on 3 March');
    const crlf = lines.join('\r\n') + '\r\n# the end\r\n# of the file\r\n';
    const state = readSidecar(crlf, FILE, 'story.txt');
    assert.ok(state.readable && state.exists);
    assert.equal(planSidecarWrite(state, state.document).action, 'none', 'nothing changed: nothing to write');
    // Written after a change, the comments keep one CR LF per line (each write added a CR to them).
    const written = serializeSidecar({ ...state.document!, textHash: 'sha256:changed' }, '\r\n', crlf);
    assert.ok(written.includes('  # checked with the press office\r\n  # on 3 March\r\n'), written);
    assert.ok(!written.includes('\r\r'));
  });

  it('reads a hand-written file in other YAML styles and writes it canonically, stable from then on', () => {
    const hand = [
      'version: 1', "article: story.txt", 'textHash: ""',
      'annotations:',
      "- {id: h1, kind: quote, created: '2026-01-01T00:00:00Z', orphaned: false,",
      "   anchor: {start: 5, end: 9, text: 'abcd', prefix: '', suffix: x}}",
      'decisions:', '',
    ].join('\n');
    const doc = parseSidecar(hand, FILE);
    assert.equal(doc.annotations[0].orphaned, undefined);
    const canonical = serializeSidecar(doc);
    assert.notEqual(canonical, hand);
    assert.equal(serializeSidecar(parseSidecar(canonical, FILE)), canonical);
  });

  it('keeps comments written by hand, on the items they were written beside, when the file is written again', () => {
    const doc = sampleDocument();
    const text = serializeSidecar(doc);
    const firstId = doc.annotations.find(a => a.kind === 'label')!.id;
    const hand = text
      .replace('\nversion: 2', '\n# checked with the desk on Monday\nversion: 2')
      .replace(`  - id: ${firstId}\n`, `  # the framing is the story here\n  - id: ${firstId}\n`)
      .replace('    kind: person\n', '    kind: person # the Secretary of State\n')
      + '# end of file note\n';
    const state = readSidecar(hand, FILE);
    assert.ok(state.readable && state.exists);
    // Something changes (a note is added at the top of the text order), so the file is rewritten and re-sorted.
    const changed = { ...state.document, annotations: state.document.annotations.map(a => (a.kind === 'person' ? { ...a, note: 'new note' } : a)) };
    const plan = planSidecarWrite(state, changed);
    assert.ok(plan.action === 'write');
    const written = new TextDecoder().decode(plan.bytes);
    for (const comment of ['# checked with the desk on Monday', '# the framing is the story here', '# the Secretary of State', '# end of file note']) {
      assert.ok(written.includes(comment), `${comment} is kept:\n${written}`);
    }
    assert.match(written, new RegExp(`# the framing is the story here\\n {2}- id: ${firstId}\\n`), 'the comment stays with its annotation');
    assert.match(written, /kind: person # the Secretary of State\n(?: {4}.*\n)*? {4}note: "new note"/);
    assert.deepEqual(parseSidecar(written, FILE), changed);
    assert.equal(planSidecarWrite(readSidecar(written, FILE), changed).action, 'none', 'stable once written');
  });

  it('keeps a comment on a field that is written no more because it holds the default (note: "", orphaned: false), on its item', () => {
    const text = serializeSidecar(sampleDocument());
    const person = text.indexOf('    kind: person\n');
    const kerry = text.indexOf('        text: "Kerry"\n');
    assert.ok(person > 0 && kerry > person);
    const hand = text.slice(0, person) + '    kind: person\n    # to fill in after the call\n    note: ""\n' +
      text.slice(person + '    kind: person\n'.length, kerry) + '        orphaned: false # checked on 3 March\n' + text.slice(kerry);
    const state = readSidecar(hand, FILE);
    assert.ok(state.readable && state.exists);
    const changed = { ...state.document, textHash: 'sha256:changed' };
    const plan = planSidecarWrite(state, changed);
    assert.ok(plan.action === 'write');
    const written = new TextDecoder().decode(plan.bytes);
    assert.ok(!/note: ""|orphaned: false/.test(written), 'the defaults are still left out');
    const items = written.split(/\n(?= {2}- id: )/);
    assert.ok(items.some(i => i.includes('kind: person\n') && i.includes('# to fill in after the call')), written);
    const anchors = items.find(i => i.includes('entity: "John Kerry"'))!.split(/\n(?= {6}- start: )/);
    assert.ok(anchors.some(a => a.includes('text: "Kerry"') && a.includes('# checked on 3 March')), written);
    assert.deepEqual(parseSidecar(written, FILE), changed);
    assert.equal(planSidecarWrite(readSidecar(written, FILE), changed).action, 'none', 'stable once written');
  });

  it('keeps the comments on a decision\'s anchors on the anchors they were written on, when they are reordered or one is removed', () => {
    const anchor = (start: number, text: string, comment: string) => [
      `      # ${comment}`, `      - start: ${start}`, `        end: ${start + text.length}`, `        text: "${text}"`, '        prefix: "p "', `        suffix: " s${start}"`,
    ];
    const hand = ['version: 2', 'article: "story.txt"', 'textHash: ""', 'annotations: []', 'decisions:',
      '  - id: d1', '    type: person', '    entity: "John Kerry"', '    verdict: confirmed', '    decided: 2026-03-01T09:00:00.000Z', '    anchors:',
      // Written by hand out of position order: the file is written sorted.
      ...anchor(300, 'Kerry', 'the surname, in the second paragraph'), ...anchor(10, 'John Kerry', 'the full name, in the lead'),
      ...anchor(500, 'Mr Kerry', 'with a title'), ''].join('\n');
    const state = readSidecar(hand, FILE);
    assert.ok(state.readable && state.exists);
    const commentOf = (written: string, text: string) => written.split(/\n(?= {6}# )/).find(b => b.includes(`text: "${text}"`))?.match(/^ {6}# (.*)$/m)?.[1];
    const sorted = serializeSidecar(state.document, '\n', hand);
    assert.equal(commentOf(sorted, 'John Kerry'), 'the full name, in the lead', sorted);
    assert.equal(commentOf(sorted, 'Kerry'), 'the surname, in the second paragraph', sorted);
    assert.equal(commentOf(sorted, 'Mr Kerry'), 'with a title', sorted);
    // The first mention's anchor is removed and the others moved by an edit before them: each comment stays on its own.
    const d = state.document.decisions[0];
    const fewer = { ...state.document, decisions: [{ ...d, anchors: d.anchors.filter(a => a.text !== 'John Kerry').map(a => ({ ...a, start: a.start + 7, end: a.end + 7 })) }] };
    const written = serializeSidecar(fewer, '\n', sorted);
    assert.equal(commentOf(written, 'Kerry'), 'the surname, in the second paragraph', written);
    assert.equal(commentOf(written, 'Mr Kerry'), 'with a title', written);
    assert.ok(!written.includes('the full name'), 'the removed anchor\'s comment goes with it');
  });

  it('reads version 1 files, each decision on one mention becoming the decision on its entity', () => {
    const v1 = [
      'version: 1', 'article: "story.txt"', 'textHash: ""', 'annotations: []', 'decisions:',
      '  - id: d1', '    type: person', '    entity: "Wang Yi"', '    verdict: rejected', '    decided: 2026-01-01T00:00:00.000Z',
      '    anchor: {start: 5, end: 12, text: "Wang Yi", prefix: "", suffix: ""}',
      '  - id: d2', '    type: quote', '    entity: "Hua Chunying"', '    verdict: confirmed', '    decided: 2026-01-01T00:00:00.000Z',
      '    anchor: {start: 20, end: 35, text: "“irresponsible”", prefix: "", suffix: ""}', '    orphaned: true', '',
    ].join('\n');
    const doc = parseSidecar(v1, FILE);
    assert.deepEqual(doc.decisions.map(d => [d.id, d.type, d.entity, d.verdict, d.anchors.map(a => [a.start, a.text, a.orphaned ?? false])]), [
      ['d1', 'person', 'Wang Yi', 'rejected', [[5, 'Wang Yi', false]]],
      ['d2', 'quote', '“irresponsible”', 'confirmed', [[20, '“irresponsible”', true]]],
    ]);
    const v2 = serializeSidecar(doc);
    assert.match(v2, /^version: 2$/m);
    assert.deepEqual(parseSidecar(v2, FILE), doc, 'written as version 2, nothing lost');
    assert.match(problem(v1.replace('verdict: rejected', 'verdict: retyped')).reason, /must be one of confirmed, rejected/);
  });

  it('reads an empty file as a document with nothing in it', () => {
    assert.deepEqual(parseSidecar('# only a comment\n', FILE).annotations, []);
  });
});

describe('sidecar validation', () => {
  const valid = serializeSidecar(sampleDocument());
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex(l => l.includes(needle)) + 1;

  it('reports malformed YAML with its line', () => {
    const bad = valid.replace('    kind: person', '    kind: [person');
    const e = problem(bad);
    assert.match(e.message, /^story\.annotations\.yaml:\d+: not valid YAML: /);
    assert.ok(e.line !== undefined && e.line >= lineOf(bad, 'kind: [person'), `line ${e.line}`);
  });

  it('reports a duplicate key with its line', () => {
    const bad = valid.replace('    kind: person\n', '    kind: person\n    kind: date\n');
    const e = problem(bad);
    assert.equal(e.line, lineOf(bad, 'kind: date'));
    assert.match(e.reason, /unique/);
  });

  it('refuses a file written by a newer version, saying so', () => {
    const e = problem(valid.replace('version: 2', 'version: 3'));
    assert.match(e.message, /^story\.annotations\.yaml:\d+: written by a newer version of News Annotator \(schema version 3/);
    assert.equal(e.line, lineOf(valid, 'version: 2'));
  });

  it('refuses a missing or nonsensical version', () => {
    assert.match(problem(valid.replace('version: 2\n', '')).reason, /missing the field 'version'/);
    assert.match(problem(valid.replace('version: 2', 'version: one')).reason, /unsupported schema version 'one'/);
    assert.match(problem(valid.replace('version: 2', 'version: 0')).reason, /unsupported schema version/);
  });

  it('names a missing field and the line of the item that lacks it', () => {
    const bad = valid.replace(/^ {4}created: .*\n/m, '');
    const e = problem(bad);
    assert.match(e.reason, /^annotation 1 is missing the field 'created'$/);
    assert.equal(e.line, lineOf(bad, '  - id: '));
  });

  it('names an unknown field', () => {
    const bad = valid.replace('    kind: person\n', '    kind: person\n    colour: red\n');
    const e = problem(bad);
    assert.match(e.reason, /unknown field 'colour' in annotation 1/);
    assert.equal(e.line, lineOf(bad, 'colour: red'));
  });

  it('refuses duplicate ids, pointing at the second and naming the first', () => {
    const bad = valid.replace('id: a0002', 'id: a0001');
    const e = problem(bad);
    const lines = bad.split('\n').map((l, i) => (l.includes('id: a0001') ? i + 1 : 0)).filter(Boolean);
    assert.equal(lines.length, 2);
    assert.match(e.reason, new RegExp(`duplicate id 'a0001' \\(first used at line ${lines[0]}\\)`));
    assert.equal(e.line, lines[1]);
  });

  it('refuses ids shared between an annotation and a decision too', () => {
    const doc = sampleDocument();
    const bad = serializeSidecar({ ...doc, decisions: [{ ...doc.decisions[0], id: doc.annotations[0].id }] });
    assert.match(problem(bad).reason, /duplicate id/);
  });

  it('refuses end before start, negative and fractional offsets, with the line of the value', () => {
    const m = /^ {6}start: (\d+)\n {6}end: (\d+)$/m.exec(valid)!;
    const swapped = valid.replace(m[0], `      start: ${m[2]}\n      end: ${m[1]}`);
    const e = problem(swapped);
    assert.match(e.reason, /the anchor of annotation 1: end \(\d+\) is before start \(\d+\)/);
    assert.equal(e.line, lineOf(swapped, `end: ${m[1]}`));
    assert.match(problem(valid.replace(m[0], `      start: -3\n      end: ${m[2]}`)).reason, /'start' must be a whole number >= 0/);
    assert.match(problem(valid.replace(m[0], `      start: 1.5\n      end: ${m[2]}`)).reason, /'start' must be a whole number >= 0/);
    assert.match(problem(valid.replace(m[0], `      start: "1"\n      end: ${m[2]}`)).reason, /'start' must be a whole number >= 0/);
  });

  it('accepts offsets beyond the article text: re-anchoring, not parsing, deals with them', () => {
    const far = valid.replace(/^( {6}start: )\d+\n( {6}end: )\d+$/m, '$1' + 9_000_000 + '\n$2' + 9_000_010);
    assert.equal(parseSidecar(far, FILE).annotations[0].anchor.start, 9_000_000);
  });

  it('refuses wrong types and values with the field named', () => {
    assert.match(problem(valid.replace('kind: person', 'kind: villain')).reason, /'kind' must be one of person, date, quote, label, not 'villain'/);
    assert.match(problem(valid.replace('verdict: confirmed', 'verdict: yes')).reason, /decision \d: 'verdict' must be one of confirmed, rejected, retyped/);
    assert.match(problem(valid.replace('    as: organisation\n', '')).reason, /verdict 'retyped' but no 'as' field/);
    assert.match(problem(valid.replace('names: ["Wang"]', 'names: []')).reason, /'names' must be a list of names/);
    assert.match(problem(valid.replace('verdict: confirmed', 'verdict: confirmed\n    as: place')).reason, /'as' is only for verdict 'retyped'/);
    assert.match(problem(valid.replace(/( {4}type: )date(\n {4}entity: .*\n {4}verdict: )rejected/, '$1date$2retyped\n    as: place\n    names: ["x"]')).reason, /only a person can be retyped/);
    assert.match(problem(valid.replace(/created: 2026-03-01T09:02:00.000Z/, 'created: yesterday')).reason, /'created' is not a date and time/);
    assert.match(problem(valid.replace('text: "John Kerry"', 'text: ""')).reason, /'text' must not be empty/);
    assert.match(problem(valid.replace('    kind: person\n', '    kind: person\n    label: "x"\n')).reason, /'label' is only for kind 'label'/);
    assert.match(problem(valid.replace('    kind: person\n', '    kind: person\n    speaker: "x"\n')).reason, /'speaker' is only for kind 'quote'/);
    assert.match(problem('version: 1\narticle: "x"\ntextHash: ""\nannotations: 3\n').reason, /'annotations' must be a list/);
    assert.match(problem('- just\n- a list\n').reason, /must be a mapping/);
  });

  it('refuses YAML aliases, so an alias bomb is never expanded', () => {
    const bomb = ['version: 2', 'article: "x"', 'textHash: ""', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`),
      'annotations: *j', ''].join('\n');
    const e = problem(bomb);
    assert.match(e.reason, /YAML aliases \(\*a\) are not allowed/);
    assert.equal(e.line, 5);
    assert.equal(e.problems.length, 82, 'every alias is listed (9 lines of 9, and the last)');
  });

  it('refuses several YAML documents in one file', () => {
    assert.match(problem(valid + '---\nversion: 2\n').reason, /not valid YAML/);
  });

  it('reports every problem it finds, each with its line, the first in the message', () => {
    const bad = valid.replace('kind: person', 'kind: villain').replace('verdict: confirmed', 'verdict: yes').replace(/created: 2026-03-01T09:02:00.000Z/, 'created: soon');
    const e = problem(bad);
    assert.equal(e.problems.length, 3);
    assert.deepEqual(e.problems.map(p => p.line), [lineOf(bad, 'kind: villain'), lineOf(bad, 'created: soon'), lineOf(bad, 'verdict: yes')]);
    assert.match(e.message, /\(and 2 more problems\)$/);
  });
});

describe('sidecar state and write plan', () => {
  const doc = sampleDocument();
  const bytes = new TextEncoder().encode(serializeSidecar(doc));

  it('refuses a file above the size limit before reading it', () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    const state = readSidecar(big, FILE);
    assert.equal(state.readable, false);
    assert.ok(!state.readable);
    assert.equal(state.error.message, `${FILE}: the file is 50.0 MB, above the ${MAX_SIDECAR_BYTES / 1024 / 1024}.0 MB limit for an annotations file; it was not read`);
    assert.equal(planSidecarWrite(state, doc).action, 'refuse');
  });

  it('refuses a file that is not UTF-8', () => {
    const state = readSidecar(new Uint8Array([0x76, 0xff, 0xfe, 0x0a]), FILE);
    assert.ok(!state.readable);
    assert.match(state.error.message, /not valid UTF-8/);
  });

  it('never plans to overwrite an unreadable file, and says why', () => {
    const state = readSidecar(serializeSidecar(doc).replace('version: 2', 'version: 7'), FILE);
    assert.ok(!state.readable);
    const plan = planSidecarWrite(state, doc);
    assert.equal(plan.action, 'refuse');
    assert.ok(plan.action === 'refuse' && /newer version.*not overwriting it/.test(plan.reason));
  });

  it('writes nothing when the bytes would not change', () => {
    const state = readSidecar(bytes, FILE, 'story.txt');
    assert.ok(state.readable && state.exists);
    assert.deepEqual(state.warnings, []);
    assert.equal(planSidecarWrite(state, state.document).action, 'none');
    assert.equal(shouldWrite(bytes, new TextEncoder().encode(serializeSidecar(state.document))), false);
  });

  it('writes the new bytes when something changed, and adopts them as the next state', () => {
    const state = readSidecar(bytes, FILE);
    assert.ok(state.readable && state.exists);
    const changed = { ...state.document, annotations: state.document.annotations.map((a, i) => (i === 0 ? { ...a, note: 'new' } : a)) };
    const plan = planSidecarWrite(state, changed);
    assert.equal(plan.action, 'write');
    assert.ok(plan.action === 'write' && shouldWrite(bytes, plan.bytes));
    assert.ok(plan.next.readable && plan.next.exists);
    assert.equal(planSidecarWrite(plan.next, changed).action, 'none');
  });

  it('writes no file for an article with nothing to keep, and deletes the file once all is removed', () => {
    const empty = emptyDocument('story.txt', hashText(article));
    assert.equal(readSidecar(undefined, FILE).exists, false);
    assert.equal(planSidecarWrite(readSidecar(undefined, FILE), empty).action, 'none');
    assert.equal(planSidecarWrite(readSidecar(undefined, FILE), doc).action, 'write');
    const plan = planSidecarWrite(readSidecar(bytes, FILE), empty);
    assert.equal(plan.action, 'delete');
    assert.equal(plan.next.exists, false);
    assert.equal(planSidecarWrite(readSidecar(bytes, FILE), { ...empty, decisions: doc.decisions }).action, 'write', 'decisions alone keep the file');
  });

  it('warns when the file names another article', () => {
    const state = readSidecar(bytes, FILE, 'other.txt');
    assert.ok(state.readable && state.exists);
    assert.match(state.warnings[0], /names the article 'story\.txt', not 'other\.txt'/);
  });

  it('compares bytes and strings alike', () => {
    assert.equal(shouldWrite(undefined, 'x'), true);
    assert.equal(shouldWrite('abc', new TextEncoder().encode('abc')), false);
    assert.equal(shouldWrite(new TextEncoder().encode('abc'), new TextEncoder().encode('abd')), true);
  });
});

describe('two articles sharing one sidecar name (real files)', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-shared-sidecar-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The sidecar beside `articleName`, naming `named`, as the article `articleName` may use it. */
  async function stateFor(articleName: string, named: string): Promise<SidecarState> {
    const file = path.join(dir, articleName);
    const sidecar = sidecarPathFor(file);
    fs.writeFileSync(sidecar, serializeSidecar({ ...sampleDocument(), article: named }));
    const name = path.basename(sidecar);
    return sidecarStateFor(readSidecar(fs.readFileSync(sidecar), name, articleName), name, file, p => isOtherFile(file, p));
  }

  for (const [first, second] of [['a.txt', 'a.TXT'], ['notes', 'notes.txt'], ['story.txt', 'story.text']]) {
    it(`"${second}" does not read nor write the sidecar of "${first}" beside it, and says so naming both`, async () => {
      fs.writeFileSync(path.join(dir, first), 'the first article\n');
      fs.writeFileSync(path.join(dir, second), 'the second article\n');
      const state = await stateFor(second, first);
      assert.ok(!state.readable, 'cannot be used for the second article');
      assert.ok(state.error.message.includes(`'${first}'`) && state.error.message.includes(`'${second}'`), state.error.message);
      const plan = planSidecarWrite(state, emptyDocument(second));
      assert.equal(plan.action, 'refuse', 'never written, not even deleted');
      const own = await stateFor(first, first);
      assert.ok(own.readable && own.exists, 'the first article still reads it');
    });
  }

  it('"a.TXT" that is "a.txt" itself (a case-insensitive file system: one file, here a hard link) keeps reading it', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'the article\n');
    fs.linkSync(path.join(dir, 'a.txt'), path.join(dir, 'a.TXT'));
    const state = await stateFor('a.TXT', 'a.txt');
    assert.ok(state.readable && state.exists);
    assert.match(state.warnings[0], /names the article 'a\.txt', not 'a\.TXT'/);
  });

  it('a sidecar naming an article that is gone (renamed) or one of another sidecar name is read as before, with a warning', async () => {
    fs.writeFileSync(path.join(dir, 'story.text'), 'renamed from story.txt\n');
    const renamed = await stateFor('story.text', 'story.txt');
    assert.ok(renamed.readable && renamed.exists);
    assert.match(renamed.warnings[0], /names the article 'story\.txt', not 'story\.text'/);
    // A copy of another article's sidecar (b.txt has b.annotations.yaml): writing this one loses nothing of b's.
    fs.writeFileSync(path.join(dir, 'b.txt'), 'b\n');
    fs.writeFileSync(path.join(dir, 'c.txt'), 'c, a copy of b\n');
    const copied = await stateFor('c.txt', 'b.txt');
    assert.ok(copied.readable && copied.exists);
  });
});
