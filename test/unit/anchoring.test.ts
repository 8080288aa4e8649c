import assert from 'node:assert/strict';
import {
  AnnotationStore, CONTEXT_LENGTH, applyChangesToDocument, applyChangesToText, applyTextChange, applyTextChanges, emptyDocument, hashText, makeAnchor,
  reanchorDocument, reanchorItems, sequentialIds, type Annotation, type TextChange,
} from '../../src/annotations';
import { readArticle } from '../support/paths';

const article = readArticle('kerry-beijing-scmp.txt');

function annotationOn(text: string, start: number, end: number, id = 'x'): Annotation {
  return { id, kind: 'quote', created: '2026-01-01T00:00:00.000Z', anchor: makeAnchor(text, start, end) };
}

/** Apply one change to the text and to the annotation, and return both. */
function edit(text: string, a: Annotation, change: TextChange): { text: string; a: Annotation } {
  return { text: applyChangesToText(text, [change]), a: applyTextChange([a], change)[0] };
}

const placed = (text: string, a: Annotation) => text.slice(a.anchor.start, a.anchor.end);

describe('makeAnchor', () => {
  it('keeps the text with up to 32 characters of context, not splitting a surrogate pair', () => {
    const text = 'x'.repeat(40) + 'Kerry' + 'y'.repeat(40);
    const a = makeAnchor(text, 40, 45);
    assert.equal(CONTEXT_LENGTH, 32);
    assert.deepEqual(a, { start: 40, end: 45, text: 'Kerry', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) });
    const emoji = '😀'.repeat(20) + 'Kerry' + '😀'.repeat(20);
    const b = makeAnchor(emoji, 40, 45);
    assert.equal(b.prefix, '😀'.repeat(16));
    assert.equal(b.suffix, '😀'.repeat(16));
    const odd = '😀'.repeat(20) + 'a' + 'Kerry' + 'b' + '😀'.repeat(20);
    assert.equal(makeAnchor(odd, 41, 46).prefix, '😀'.repeat(15) + 'a', 'a prefix never starts with a lone low surrogate');
    assert.equal(makeAnchor(odd, 41, 46).suffix, 'b' + '😀'.repeat(15), 'a suffix never ends with a lone high surrogate');
  });

  it('refuses an empty or out-of-range selection', () => {
    assert.throws(() => makeAnchor('abc', 1, 1), /0 <= start < end <= length/);
    assert.throws(() => makeAnchor('abc', 2, 5), /length 3/);
    assert.throws(() => makeAnchor('abc', -1, 2));
  });
});

describe('applyTextChange (live edits)', () => {
  const text = 'The minister John Kerry said so.';
  const s = text.indexOf('John Kerry'), e = s + 'John Kerry'.length;
  const a = annotationOn(text, s, e);

  it('shifts an annotation when text is inserted or deleted before it', () => {
    let r = edit(text, a, { start: 4, end: 4, text: 'foreign ' });
    assert.equal(r.a.anchor.start, s + 8);
    assert.equal(placed(r.text, r.a), 'John Kerry');
    r = edit(text, a, { start: 0, end: 4, text: '' });
    assert.equal(placed(r.text, r.a), 'John Kerry');
  });

  it('leaves an annotation alone for a change after it', () => {
    const r = edit(text, a, { start: e + 1, end: e + 5, text: 'told' });
    assert.equal(r.a, a, 'the very same object: nothing to re-render');
    const doc = { ...emptyDocument('s.txt'), annotations: [a] };
    assert.equal(applyChangesToDocument(doc, [{ start: e + 1, end: e + 5, text: 'told' }]), doc);
    assert.notEqual(applyChangesToDocument(doc, [{ start: 0, end: 0, text: 'So, ' }]), doc);
  });

  it('does not grow when text is inserted exactly at either boundary', () => {
    let r = edit(text, a, { start: s, end: s, text: 'Mr ' });
    assert.equal(placed(r.text, r.a), 'John Kerry');
    r = edit(text, a, { start: e, end: e, text: ' Jr' });
    assert.equal(placed(r.text, r.a), 'John Kerry');
    assert.equal(r.text.slice(r.a.anchor.end), ' Jr said so.');
  });

  it('grows or shrinks with an edit inside it, and tracks its new text', () => {
    let r = edit(text, a, { start: s + 4, end: s + 4, text: ' F.' });
    assert.equal(placed(r.text, r.a), 'John F. Kerry');
    assert.equal(r.a.anchor.text, 'John F. Kerry');
    r = edit(text, a, { start: s, end: s + 5, text: '' });
    assert.equal(placed(r.text, r.a), 'Kerry');
    r = edit(text, a, { start: s, end: s + 4, text: 'Jon' });
    assert.equal(placed(r.text, r.a), 'Jon Kerry', 'a replacement from its start is inside it');
  });

  it('trims to the surviving characters when a change crosses one boundary', () => {
    let r = edit(text, a, { start: s - 9, end: s + 5, text: 'Secretary ' });
    assert.equal(placed(r.text, r.a), 'Kerry');
    assert.equal(r.text, 'The Secretary Kerry said so.');
    r = edit(text, a, { start: s + 4, end: e + 5, text: ' said' });
    assert.equal(placed(r.text, r.a), 'John');
    assert.ok(!r.a.orphaned);
  });

  it('orphans (and keeps) an annotation whose whole text is deleted or replaced', () => {
    let r = edit(text, a, { start: s - 1, end: e, text: '' });
    assert.equal(r.a.orphaned, true);
    assert.equal(r.a.anchor.text, 'John Kerry', 'keeps its last text for re-anchoring');
    assert.equal(r.a.anchor.start, s - 1);
    r = edit(text, a, { start: s, end: e, text: 'Wang Yi' });
    assert.equal(r.a.orphaned, true);
    r = edit(r.text, r.a, { start: 0, end: 0, text: 'Yes. ' });
    assert.equal(r.a.orphaned, true, 'stays orphaned, its position still follows the text');
    assert.equal(r.a.anchor.start, s + 5);
  });

  it('finds an orphan again when its words are put back at its place (undo of their deletion), not elsewhere', () => {
    // The sentence around it deleted, then put back by undo: the annotation is on its words again, exactly.
    const sentenceStart = text.indexOf('minister'), sentenceEnd = text.indexOf(' said');
    let r = edit(text, a, { start: sentenceStart, end: sentenceEnd, text: '' });
    assert.equal(r.a.orphaned, true);
    r = edit(r.text, r.a, { start: sentenceStart, end: sentenceStart, text: text.slice(sentenceStart, sentenceEnd) });
    assert.equal(r.text, text);
    assert.ok(!r.a.orphaned, 'found again');
    assert.deepEqual([r.a.anchor.start, r.a.anchor.end], [s, e]);
    // Its words typed somewhere else, or twice over at its place (which copy?), leave it orphaned.
    const gone = edit(text, a, { start: s, end: e, text: '' });
    assert.equal(edit(gone.text, gone.a, { start: 0, end: 0, text: 'John Kerry ' }).a.orphaned, true);
    assert.equal(edit(gone.text, gone.a, { start: s, end: s, text: 'John Kerry and John Kerry' }).a.orphaned, true);
  });

  it('survives a replacement that puts the same text back in place', () => {
    const r = edit(text, a, { start: 0, end: text.length, text });
    assert.ok(!r.a.orphaned);
    assert.equal(placed(r.text, r.a), 'John Kerry');
  });

  it('applies the changes of one event from the end of the document to its start', () => {
    // VS Code gives all changes of an event against the text before the event (here: a multi-cursor edit).
    const changes: TextChange[] = [
      { start: 0, end: 3, text: 'A' }, // "The" -> "A"
      { start: s, end: s, text: '«' },
      { start: e, end: e, text: '»' },
      { start: text.length - 1, end: text.length, text: '!' },
    ];
    for (const order of [changes, [...changes].reverse()]) {
      const after = applyChangesToText(text, order);
      assert.equal(after, 'A minister «John Kerry» said so!');
      const [moved] = applyTextChanges([a], order);
      assert.equal(placed(after, moved), 'John Kerry');
    }
  });
});

describe('re-anchoring on open', () => {
  const find = (t: string, s: string) => { const i = t.indexOf(s); assert.ok(i >= 0, s); return i; };
  const quote = 'address North Korea’s nuclear testing programme';
  const qs = find(article, quote);
  const saved = annotationOn(article, qs, qs + quote.length, 'q');
  const reanchor = (text: string, items = [saved]) => reanchorItems(items, text);

  it('keeps an annotation whose text did not change (same object)', () => {
    const r = reanchor(article);
    assert.equal(r.items[0], saved);
    assert.deepEqual(r.outcomes, ['unchanged']);
  });

  it('finds the exact text near its old position after edits before it', () => {
    const text = 'BREAKING. ' + article.replace('Advertisement', 'Ad');
    const r = reanchor(text);
    assert.equal(r.outcomes[0], 'moved');
    assert.equal(placed(text, r.items[0]), quote);
    assert.equal(r.items[0].anchor.start, qs + 10 - 'vertisement'.length);
    assert.equal(r.items[0].anchor.prefix, text.slice(r.items[0].anchor.start - 32, r.items[0].anchor.start));
  });

  it('finds the exact text elsewhere when its paragraph moved', () => {
    const para = article.slice(find(article, 'US Secretary of State John Kerry arrived'), find(article, '\n\nKerry’s trip'));
    const text = article.replace(para + '\n\n', '') + '\n\n' + para;
    const r = reanchor(text);
    assert.equal(r.outcomes[0], 'moved');
    assert.equal(placed(text, r.items[0]), quote);
  });

  it('tells repeated occurrences apart by their context', () => {
    const line = 'Kerry said: “We will press China.”';
    const base = `Intro.\n${line} In Beijing today.\nMiddle part.\n${line} In Laos yesterday.\nEnd.`;
    const second = base.lastIndexOf(line);
    const a = annotationOn(base, second, second + line.length);
    // Delete the first occurrence's tail and add text so the stored offset now points into the first occurrence.
    const text = base.replace('Intro.\n', 'Intro, much longer than before, and more.\n');
    const r = reanchorItems([a], text);
    assert.equal(r.items[0].anchor.start, text.lastIndexOf(line));
    assert.equal(r.items[0].anchor.suffix.startsWith(' In Laos'), true);
  });

  it('tells repeated occurrences apart by their context when the line endings were converted (LF to CRLF and back)', () => {
    const line = 'Kerry said: “We will press China on this.”';
    const base = `Intro.\nIn Beijing today:\n${line}\nMore from Beijing.\n${'Filler line.\n'.repeat(250)}In Laos yesterday:\n${line}\nMore from Laos.\nEnd.\n`;
    const first = base.indexOf(line), second = base.lastIndexOf(line);
    for (const [from, to] of [['\n', '\r\n'], ['\r\n', '\n']]) {
      const stored = base.replaceAll('\n', from);
      const at = stored.lastIndexOf(line);
      const a = annotationOn(stored, at, at + line.length);
      // Text added at the top puts the stored offset on the first occurrence: only the context tells them apart.
      const converted = stored.replaceAll(from, to);
      const top = 'x'.repeat(at - converted.indexOf(line) - to.length) + to;
      const text = top + converted;
      assert.ok(Math.abs(text.indexOf(line) - at) < 20, 'the first occurrence is where the annotation was');
      const r = reanchorItems([a], text);
      assert.equal(r.items[0].anchor.start, text.lastIndexOf(line), JSON.stringify(to));
      assert.ok(r.items[0].anchor.prefix.endsWith(`In Laos yesterday:${to}`));
    }
    assert.ok(second - first > 3000, 'farther apart than the approximate search near the expected position looks');
  });

  it('finds an annotation across a paragraph break exactly when the line endings were converted (LF to CRLF and back)', () => {
    const base = `${'A line of filler text.\n'.repeat(40)}The minister resigned.\n\nHe denied it.\n${'More filler here.\n'.repeat(40)}`;
    for (const [from, to] of [['\n', '\r\n'], ['\r\n', '\n']]) {
      const stored = base.replaceAll('\n', from);
      const short = stored.indexOf(`resigned.${from}`) + 'resigned'.length; // ".\n\nHe": shorter than the approximate search takes
      const long = stored.indexOf('The minister');
      const items = [annotationOn(stored, short, short + 3 + 2 * from.length, 'short'), annotationOn(stored, long, stored.indexOf(' it.') + 4, 'long')];
      const text = stored.replaceAll(from, to);
      const r = reanchorItems(items, text);
      assert.deepEqual(r.outcomes, ['moved', 'moved'], JSON.stringify(to));
      assert.equal(placed(text, r.items[0]), `.${to}${to}He`);
      assert.equal(placed(text, r.items[1]), `The minister resigned.${to}${to}He denied it.`);
    }
  });

  it('keeps exactly its text when text is inserted at its edge outside the editor, as a live edit does', () => {
    // A long annotation: a fuzzy match over the insertion is within its error rate and has all the context.
    const para = find(article, 'US Secretary of State John Kerry arrived');
    const long = article.slice(para, article.indexOf('.', para) + 1);
    const a = annotationOn(article, para, para + long.length, 'long');
    const nextPara = article.slice(find(article, 'Kerry’s trip'), article.indexOf('\n', find(article, 'Kerry’s trip')));
    const end = para + long.length;
    for (const change of [
      { start: end, end, text: ' ' }, { start: end, end, text: ' (Reuters)' }, { start: para, end: para, text: 'BEIJING — ' },
      { start: end, end, text: '\n\n' + nextPara }, { start: para, end: para, text: ' ' },
    ]) {
      const text = applyChangesToText(article, [change]);
      const [placedOnOpen] = reanchorItems([a], text).items;
      const [placedLive] = applyTextChanges([a], [change]);
      assert.equal(placedOnOpen.anchor.text, long, JSON.stringify(change.text));
      assert.equal(placed(text, placedOnOpen), long);
      assert.deepEqual([placedOnOpen.anchor.start, placedOnOpen.anchor.end], [placedLive.anchor.start, placedLive.anchor.end], 'on open as live');
    }
  });

  it('prefers an exact copy of the text elsewhere, when it is the only one, to an approximate match in its place', () => {
    // A pull quote at the end repeats the passage; then the original is edited: the annotation goes to the copy.
    const edited = article.replace(quote, 'address North Korea’s nuclear-testing programme') + '\n\nThey want to ' + quote + ', officials say.';
    assert.equal(edited.split(quote).length, 2, 'one exact copy left');
    const r = reanchor(edited);
    assert.equal(r.outcomes[0], 'moved');
    assert.equal(placed(edited, r.items[0]), quote);
    assert.equal(r.items[0].anchor.start, edited.indexOf(quote));
  });

  it('finds a slightly edited text by an approximate match, and updates the anchored text', () => {
    const edited = 'address North Korea’s nuclear-testing program';
    const text = article.replace(quote, edited);
    const r = reanchor(text);
    assert.equal(r.outcomes[0], 'fuzzy');
    assert.ok(!r.items[0].orphaned);
    assert.equal(placed(text, r.items[0]), r.items[0].anchor.text);
    assert.ok(r.items[0].anchor.text.startsWith('address North Korea’s nuclear-testing program'), r.items[0].anchor.text);
  });

  it('finds a short text whose context was edited but that stayed near its place', () => {
    const k = find(article, 'Kerry’s trip');
    const a = annotationOn(article, k, k + 5, 'k');
    const text = article.slice(0, k - 40) + 'Something quite different was written here. ' + article.slice(k, k + 5) + ' visit, made soon' + article.slice(k + 12);
    const r = reanchorItems([a], text);
    assert.equal(placed(text, r.items[0]), 'Kerry');
    assert.ok(!r.items[0].orphaned);
  });

  it('orphans (keeps, with its last text) an annotation whose text is gone', () => {
    const text = article.replace(quote, 'stop');
    const r = reanchor(text);
    assert.deepEqual(r.outcomes, ['orphaned']);
    assert.equal(r.items[0].orphaned, true);
    assert.equal(r.items[0].anchor.text, quote);
    assert.equal(r.items[0].id, 'q');
    assert.ok(r.items[0].anchor.start <= text.length);
  });

  it('does not put a short text on an unrelated occurrence far away', () => {
    const text = 'Kerry ' + 'z'.repeat(2000) + ' the end';
    const a: Annotation = { ...annotationOn('ab he cd', 3, 5), anchor: { start: 1500, end: 1502, text: 'he', prefix: 'quite another context he', suffix: ' said, and then' } };
    assert.equal(reanchorItems([a], text + ' he').items[0].orphaned, true);
  });

  it('places an orphan again when its text comes back', () => {
    const gone = reanchor(article.replace(quote, ''));
    assert.equal(gone.items[0].orphaned, true);
    const back = reanchorItems(gone.items, article);
    assert.ok(!back.items[0].orphaned);
    assert.equal(back.items[0].anchor.start, qs);
  });

  it('re-anchors a whole document: counts outcomes and records the new text hash', () => {
    const store = new AnnotationStore(emptyDocument('story.txt'), { newId: sequentialIds('d'), now: () => new Date(0) });
    for (const s of ['John Kerry', 'Beijing', quote, 'Cambodia']) {
      const i = find(article, s);
      store.add(article, { start: i, end: i + s.length, kind: 'label', label: 'l' });
    }
    const doc = store.forSave(article);
    const text = 'New headline\n' + article.replace('Cambodia', 'Laos');
    const { document, report } = reanchorDocument(doc, text);
    assert.deepEqual(report, { unchanged: 0, moved: 3, fuzzy: 0, orphaned: 1 });
    assert.equal(document.textHash, hashText(text));
    const same = reanchorDocument(doc, article);
    assert.deepEqual(same.report, { unchanged: 4, moved: 0, fuzzy: 0, orphaned: 0 });
    assert.equal(same.document.annotations[0], doc.annotations[0]);
  });

  it('copes with a 1 MB article and hundreds of annotations, most of them moved', function () {
    this.timeout(60_000);
    // Distinct paragraphs (numbered) so each annotation has one true place; no time is asserted, but this would
    // take minutes with a whole-text approximate search per annotation.
    const paras: string[] = [];
    for (let i = 0, length = 0; length < 1_000_000; i++) {
      paras.push(`Paragraph ${i}: ${article.slice((i * 97) % 3000, (i * 97) % 3000 + 600)}`);
      length += paras[i].length + 2;
    }
    const big = paras.join('\n\n');
    const items: Annotation[] = [];
    for (let i = 0; i < 400; i++) {
      const p = Math.floor(i * paras.length / 400);
      const at = big.indexOf(`Paragraph ${p}: `) + `Paragraph ${p}: `.length + 10;
      items.push(annotationOn(big, at, at + 30 + (i % 50), `b${i}`));
    }
    // Insert text at the start, delete text between two annotations, edit the text of every tenth annotation.
    const changes: TextChange[] = [{ start: 0, end: 0, text: 'Preface. '.repeat(50) }];
    changes.push({ start: items[199].anchor.end + 50, end: items[199].anchor.end + 350, text: '' });
    assert.ok(items[199].anchor.end + 350 < items[200].anchor.start);
    for (let i = 0; i < items.length; i += 10) changes.push({ start: items[i].anchor.start + 10, end: items[i].anchor.start + 11, text: 'XY' });
    const text = applyChangesToText(big, changes);
    const r = reanchorItems(items, text);
    for (const [i, a] of r.items.entries()) {
      assert.ok(!a.orphaned, `annotation ${i} orphaned`);
      assert.equal(placed(text, a), a.anchor.text);
      if (i % 10 === 0) assert.equal(r.outcomes[i], 'fuzzy', `annotation ${i}`);
      else assert.equal(a.anchor.text, items[i].anchor.text, `annotation ${i}`);
    }
  });

  it('finds a lightly edited annotation in its place after the paragraph before it moved away, however many paragraphs moved', function () {
    this.timeout(60_000);
    // 1 MB of numbered paragraphs; 40 of them move to the end (each annotated: found there, far away), and the
    // annotation at the start of the paragraph after each is edited by one character. Each is expected where the items
    // before the moved one put it, not where the moved one went; a search of the whole text per jump would run out of
    // its budget, and every edited annotation after that would be orphaned.
    // Each paragraph draws its words at random from the article's (a seeded generator), so no two look alike.
    const words = article.split(/\s+/).filter(w => w !== '');
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const paras: string[] = [];
    for (let i = 0, length = 0; length < 1_000_000; i++) {
      paras.push(`Paragraph ${i}: ${Array.from({ length: 100 }, () => words[Math.floor(random() * words.length)]).join(' ')}`);
      length += paras[i].length + 2;
    }
    const big = paras.join('\n\n');
    const startOf = (p: number) => big.indexOf(`Paragraph ${p}: `);
    const moved = Array.from({ length: 40 }, (_, k) => 20 + k * 37);
    const items: Annotation[] = [];
    for (const p of moved) {
      items.push(annotationOn(big, startOf(p) + 100, startOf(p) + 160, `moved${p}`));
      items.push(annotationOn(big, startOf(p + 1), startOf(p + 1) + 60, `edited${p + 1}`));
    }
    const order = [...paras.keys()].filter(p => !moved.includes(p)).concat(moved);
    const text = order.map(p => moved.includes(p - 1) ? paras[p].slice(0, 30) + '#' + paras[p].slice(31) : paras[p]).join('\n\n');
    const r = reanchorItems(items, text);
    for (const [i, a] of r.items.entries()) {
      assert.ok(!a.orphaned, `${a.id} orphaned`);
      assert.equal(placed(text, a), a.anchor.text);
      if (a.id.startsWith('edited')) {
        assert.equal(r.outcomes[i], 'fuzzy', a.id);
        assert.ok(a.anchor.text.startsWith(`Paragraph ${a.id.slice('edited'.length)}: `) && a.anchor.text.includes('#'), `${a.id}: ${a.anchor.text}`);
      } else assert.equal(a.anchor.text, items[i].anchor.text, a.id);
    }
  });
});
