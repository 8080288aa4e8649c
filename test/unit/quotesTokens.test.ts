// A LazyTokens reader started over on another window reads exactly what tokenize() reads there; a TokenWindow reused
// from call to call does too; and tokens (spelled from a shared cache of short words) match the token pattern.
import assert from 'node:assert/strict';
import { LazyTokens, TokenWindow, tokenize, type Token } from '../../src/analysis/quotes/tokens';
import { seededRandom } from '../support/random';

const random = seededRandom; // deterministic, so a failure can be replayed

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

/** The tokens the reader implements by hand, from its regular expression. */
function patternTokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const re = /([\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*)|\S/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], lower: m[1] ? m[0].toLowerCase() : m[0], word: !!m[1] });
  }
  return out;
}

describe('TokenWindow.read', () => {
  it('reads each window as tokenize does, reusing its tokens from the window before', () => {
    const pieces = ['Zhao', ' ', 'said', ',', '.', '“', '”', 'U.S', '-', "don't", '\n', '  ', 'É', 'Ⓐ', '\uD83D\uDE00', '42', 'Beijing-based'];
    const next = random(23);
    const window = new TokenWindow();
    for (let n = 0; n < 200; n++) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      const from = Math.floor(next() * (text.length + 1));
      const to = from + Math.floor(next() * 40);
      const limit = next() < 0.3 ? Math.floor(next() * 6) : Infinity;
      assert.deepEqual(window.read(text, from, to, limit), tokenize(text, from, to, limit), `${JSON.stringify(text)} [${from}, ${to})`);
    }
  });
});

describe('token spellings', () => {
  it('match the token pattern for many more distinct words than the spelling cache holds, seen again after eviction', () => {
    const next = random(5);
    const letters = 'aAbBcCdDeEéÉ’\'-.&0 ,';
    const words: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let w = '';
      const length = 1 + Math.floor(next() * 16);
      for (let i = 0; i < length; i++) w += letters[Math.floor(next() * letters.length)];
      words.push(w);
    }
    const text = words.join(' ') + ' ' + words.slice(0, 5000).join(' ');
    assert.deepEqual(tokenize(text, 0, text.length), patternTokens(text, 0, text.length));
  });
});
