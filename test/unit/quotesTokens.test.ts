// A LazyTokens reader started over on another window reads exactly what tokenize() reads there.
import assert from 'node:assert/strict';
import { LazyTokens, tokenize } from '../../src/analysis/quotes/tokens';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('LazyTokens.restart', () => {
  it('reads each new window as tokenize does, whatever the previous window left behind', () => {
    const pieces = ['Zhao', ' ', 'said', ',', '.', '“', '”', 'U.S', '-', "don't", '\n', '  ', 'é', '\uD83D\uDE00', '42'];
    const next = random(11);
    for (let n = 0; n < 100; n++) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      const reader = new LazyTokens(text, 0, 0);
      for (let w = 0; w < 8; w++) {
        const from = Math.floor(next() * (text.length + 1));
        const to = from + Math.floor(next() * 40);
        reader.restart(from, to);
        const expected = tokenize(text, from, to);
        const asked = Math.floor(next() * (expected.length + 2)); // read part of a window, or past its end
        for (let i = 0; i < asked; i++) assert.deepEqual(reader.at(i), expected[i], `${JSON.stringify(text)} [${from}, ${to}) #${i}`);
      }
    }
  });
});
