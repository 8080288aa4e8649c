// Pairing a long line piece by piece (pairMarksOfLine, which holds a few hundred marks at a time) gives what pairing
// it whole does (pairLine), on random lines dense with every kind of mark, and holds few marks on a line of marks.
import assert from 'node:assert/strict';
import { MarkScanner, pairLine, pairMarksOfLine, splitLines, type RawQuote } from '../../src/analysis/quotes/pairing';
import { seededRandom } from '../support/random';

/** The quotations of each line of `text`, paired whole and paired in pieces. */
function bothWays(text: string): { whole: RawQuote[]; pieces: RawQuote[] } {
  const whole: RawQuote[] = [], pieces: RawQuote[] = [];
  const wholeScanner = new MarkScanner(text), pieceScanner = new MarkScanner(text);
  for (const line of splitLines(text)) {
    whole.push(...pairLine(text, line, wholeScanner.marksOf(line)));
    pairMarksOfLine(text, line, pieceScanner, q => pieces.push(q));
  }
  return { whole, pieces };
}

// Words, spaces and punctuation around marks of every kind, so marks open, close, nest, stray and straddle.
const PIECES = ['a', 'word', ' ', ' ', ', ', '. ', '"', '“', '”', '‘', '’', "'", "''", '«', '»', '(', '—'];

function randomLine(next: () => number, tokens: number, far: boolean): string {
  let s = '';
  for (let i = 0; i < tokens; i++) {
    s += PIECES[Math.floor(next() * PIECES.length)];
    // Now and then a long quiet stretch, so pending marks age past the longest quotation.
    if (far && next() < 0.002) s += ' x'.repeat(800 + Math.floor(next() * 1200));
  }
  return s;
}

describe('quote pairing in pieces', () => {
  it('pairs random lines of thousands of marks exactly as pairing them whole', () => {
    const next = seededRandom(13);
    let quotes = 0;
    for (let n = 0; n < 60; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 3) }, () => randomLine(next, 500 + Math.floor(next() * 4000), n % 2 === 0)).join('\n');
      const { whole, pieces } = bothWays(text);
      assert.deepEqual(pieces, whole, `text ${n}`);
      quotes += whole.length;
    }
    assert.ok(quotes > 10_000, `the lines must pair into many quotations (${quotes})`);
  });

  it('pairs lines made only of openers, or of one kind of mark, exactly as pairing them whole', () => {
    for (const unit of ['“', '“a ', '"', '‘a ', "''", ' ‘x “y', '« ', '“‘a']) {
      const text = unit.repeat(3000);
      const { whole, pieces } = bothWays(text);
      assert.deepEqual(pieces, whole, JSON.stringify(unit));
    }
  });

  it('hands quotations over as it goes: a line of marks is never held whole', () => {
    const text = '"“”'.repeat(20_000);
    const line = splitLines(text)[0];
    const scanner = new MarkScanner(text);
    let emitted = 0, emittedBeforeTheEnd = 0;
    const original = scanner.nextMark.bind(scanner);
    let marksRead = 0;
    scanner.nextMark = l => { const m = original(l); if (m) marksRead++; return m; };
    pairMarksOfLine(text, line, scanner, () => { emitted++; if (marksRead < 50_000) emittedBeforeTheEnd++; });
    assert.equal(marksRead, 60_000);
    assert.ok(emitted > 10_000, `${emitted} pairs`);
    assert.ok(emittedBeforeTheEnd > 10_000, `pairs handed over before the line was read to its end: ${emittedBeforeTheEnd}`);
  });
});
