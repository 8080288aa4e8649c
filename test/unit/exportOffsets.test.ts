import assert from 'node:assert/strict';
import { OffsetMap } from '../../src/export/offsets';
import { seededRandom } from '../support/random';

// The characters a tool counts, the slow and obvious way: one per code point, a CR LF as one with universal newlines.
function characterStarts(text: string, crlfAsOne: boolean): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length;) {
    starts.push(i);
    const c = text.codePointAt(i)!;
    i += c > 0xffff ? 2 : crlfAsOne && text.startsWith('\r\n', i) ? 2 : 1;
  }
  return starts;
}

const PIECES = ['a', 'Z', ' ', '\n', '\r\n', '\r', '😀', '𠮷', '王', 'é', '\ud800', '\udc00', '🇰🇷'];

describe('OffsetMap: UTF-16 offsets ↔ characters as other tools count them', () => {
  it('counts code points, and a CR LF as one when asked, on random texts with pairs, lone surrogates and line ends', () => {
    const random = seededRandom(12);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const n = Math.floor(random() * 40);
      for (let i = 0; i < n; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      for (const crlfAsOne of [false, true]) {
        const leading = round % 2;
        const map = new OffsetMap(text, { crlfAsOne, leading });
        const starts = [...characterStarts(text, crlfAsOne), text.length];
        assert.equal(map.characters, starts.length - 1 + leading, JSON.stringify(text));
        starts.forEach((utf16, characters) => {
          assert.equal(map.toCharacters(utf16), characters + leading, `toCharacters(${utf16}) of ${JSON.stringify(text)}`);
          assert.equal(map.toUtf16(characters + leading), utf16, `toUtf16(${characters + leading}) of ${JSON.stringify(text)}`);
        });
      }
    }
  });

  it('gives NaN for characters outside the text, and counts the same as Array.from for code points', () => {
    const text = '🌏 Asia 📰 — 𠮷野家';
    const map = new OffsetMap(text);
    assert.equal(map.characters, Array.from(text).length);
    assert.ok(Number.isNaN(map.toUtf16(-1)));
    assert.ok(Number.isNaN(map.toUtf16(map.characters + 1)));
    assert.ok(Number.isNaN(map.toUtf16(1.5)));
    const start = text.indexOf('Asia');
    assert.equal(Array.from(text).slice(map.toCharacters(start), map.toCharacters(start + 4)).join(''), 'Asia');
  });
});
