import assert from 'node:assert/strict';
import { articlePieces } from '../bench/analyzer.bench';
import { largestParagraphBytes, loadSourceDocs, seededRandom, syntheticArticle, type SourceDoc } from '../bench/corpus';
import { measure, median } from '../bench/measure';
import { TokenEncoder } from '../bench/tokens.bench';

/** A tiny labelled story, so what the generator does to names and dates can be checked exactly. */
function story(): SourceDoc {
  const text = 'Minister meets farmers\n\nMonday, March 7, 2016\n\nJohn Smith met farmers on March 7, 2016. Smith said "we listen".\n\nThe talks went on.';
  const at = (s: string, from = 0) => { const start = text.indexOf(s, from); return { start, end: start + s.length, text: s }; };
  const first = at('John Smith');
  return {
    id: 'story', text, entities: [
      { type: 'date', ...at('Monday, March 7, 2016') }, { type: 'person', ...first },
      { type: 'date', ...at('March 7, 2016', first.end) }, { type: 'person', ...at('Smith', first.end) },
    ],
  };
}

describe('benchmark corpus generator', () => {
  const sources = loadSourceDocs();

  it('loads the GUM and seed articles as sources', () => {
    assert.ok(sources.length >= 14, `only ${sources.length} source documents`);
    assert.ok(sources.every(d => d.entities.every(e => d.text.slice(e.start, e.end) === e.text)));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = syntheticArticle(sources, { targetBytes: 50_000, seed: 7 });
    assert.equal(syntheticArticle(sources, { targetBytes: 50_000, seed: 7 }), a);
    assert.notEqual(syntheticArticle(sources, { targetBytes: 50_000, seed: 8 }), a);
  });

  for (const target of [1_000, 100_000, 1_000_000]) {
    it(`reaches ${target} bytes and overshoots by less than one paragraph`, () => {
      const bytes = Buffer.byteLength(syntheticArticle(sources, { targetBytes: target, seed: 3 }), 'utf8');
      assert.ok(bytes >= target, `${bytes} < ${target}`);
      // Renaming can lengthen a paragraph a little: allow half again the largest source paragraph.
      assert.ok(bytes <= target + 1.5 * largestParagraphBytes(sources) + 2, `${bytes} overshoots ${target}`);
    });
  }

  it('does not repeat the source text verbatim: most paragraphs of a 1 MB article are distinct', () => {
    const paragraphs = syntheticArticle(sources, { targetBytes: 1_000_000, seed: 11 }).split('\n\n');
    assert.ok(new Set(paragraphs).size / paragraphs.length > 0.5);
  });

  it('renames a person consistently (the surname follows the full name) and shifts the years of dates', () => {
    const text = syntheticArticle([story()], { targetBytes: 2_000, seed: 5, keepShare: 1 });
    assert.ok(!text.includes('John Smith'), text);
    const first = /^(\S+ (\S+)) met farmers on (\w+) (\d+), (\d{4})\. (\S+) said/m.exec(text);
    assert.ok(first, text);
    assert.equal(first[6], first[2], 'the bare surname maps to the full name\'s last token');
    const year = Number(first[5]);
    assert.ok(year >= 2001 && year <= 2024, `year ${year}`);
    assert.ok(text.startsWith('Minister meets farmers\n\n'));
  });

  it('seededRandom gives the same stream for a seed, in [0, 1)', () => {
    const a = seededRandom(42), b = seededRandom(42);
    const xs = Array.from({ length: 100 }, () => a());
    assert.deepEqual(Array.from({ length: 100 }, () => b()), xs);
    assert.ok(xs.every(x => x >= 0 && x < 1));
    assert.ok(new Set(xs).size > 95);
  });
});

describe('benchmark helpers', () => {
  it('articlePieces cuts at blank lines into pieces of at most the limit, losing nothing', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} `.repeat(1 + (i * 7) % 13).trim());
    const text = paragraphs.join('\n\n');
    const pieces = articlePieces(text, 300);
    assert.ok(pieces.length > 1);
    assert.ok(pieces.every(p => p.length <= 300));
    assert.equal(pieces.join('\n\n'), text);
  });

  it('articlePieces keeps a paragraph longer than the limit whole', () => {
    const long = 'x'.repeat(500);
    assert.deepEqual(articlePieces(`a\n\n${long}\n\nb`, 100), ['a', long, 'b']);
  });

  it('median of odd and even counts', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });

  it('measure runs the warm-up then the measured repetitions', () => {
    let calls = 0;
    const t = measure(() => { calls++; }, { warmup: 2, reps: 5 });
    assert.equal(calls, 7);
    assert.equal(t.runsMs.length, 5);
  });
});

describe('benchmark SemanticTokensBuilder encoding', () => {
  const tokens = [[0, 4, 5, 0, 1], [0, 20, 3, 1, 0], [2, 1, 7, 2, 8], [2, 12, 4, 0, 2], [5, 0, 9, 2, 0]];
  const expected = [0, 4, 5, 0, 1, 0, 16, 3, 1, 0, 2, 1, 7, 2, 8, 0, 11, 4, 0, 2, 3, 0, 9, 2, 0];

  it('encodes in-order tokens relative to the previous one (start char only on the same line)', () => {
    const e = new TokenEncoder();
    for (const [l, c, len, t, m] of tokens) e.push(l, c, len, t, m);
    assert.deepEqual([...e.build()], expected);
  });

  it('sorts tokens pushed out of order before encoding them, as VS Code does', () => {
    const e = new TokenEncoder();
    for (const i of [2, 0, 4, 1, 3]) { const [l, c, len, t, m] = tokens[i]; e.push(l, c, len, t, m); }
    assert.deepEqual([...e.build()], expected);
  });

  it('turns back to absolute positions when order breaks after in-order pushes', () => {
    const e = new TokenEncoder();
    for (const i of [0, 1, 2, 4, 3]) { const [l, c, len, t, m] = tokens[i]; e.push(l, c, len, t, m); }
    assert.deepEqual([...e.build()], expected);
  });
});
