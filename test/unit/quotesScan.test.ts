// The quotation-mark scan (nextQuoteChar) finds what the QUOTE_CHAR pattern matches, from any starting point.
import assert from 'node:assert/strict';
import { nextQuoteChar, QUOTE_CHAR } from '../../src/analysis/quotes/marks';
import { seededRandom } from '../support/random';

/** The reference: the pattern's first match at or after `from`. */
function referenceNext(text: string, from: number): number {
  const re = new RegExp(QUOTE_CHAR.source, 'g');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

const random = seededRandom; // deterministic, so a failure can be replayed

describe('quotation-mark scan', () => {
  it('finds the same next mark as the pattern on random text', () => {
    const alphabet = ['a', ' ', '"', "'", '\u201C', '\u201D', '\u201B', '\u2019', '\u00AB', '\u00BB', '\u2039', '\u203A', '\u201A', '\n', 'é', '\uD83D\uDE00'];
    const next = random(7);
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += next() < 0.6 ? 'a' : alphabet[Math.floor(next() * alphabet.length)];
      for (let from = 0; from <= text.length; from++) assert.equal(nextQuoteChar(text, from), referenceNext(text, from), JSON.stringify(text));
    }
  });
});
