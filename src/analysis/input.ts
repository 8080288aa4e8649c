// Decoding article bytes: UTF-8 (strict, optional BOM) or UTF-16 with a byte-order mark; binary content refused
// rather than analysed. The whole file is looked at: a NUL byte anywhere is binary (one native search), and strict
// decoding rejects any invalid byte.

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const SNIFF_BYTES = 8192;

/** True when the first bytes hold a NUL or mostly control characters: an image, an archive, a PDF. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** True when a decoded text looks binary (same test as looksBinary, on UTF-16 code units). */
export function textLooksBinary(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** The encoding a byte-order mark names, and its length. */
function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32'; length: number } | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return { encoding: 'utf-32', length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** 'le' or 'be' when the NULs of the first bytes fall on every other byte, as in UTF-16 text of Latin script. */
function utf16WithoutMark(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) { if (bytes[i] === 0) even++; if (bytes[i + 1] === 0) odd++; }
  if (n < 8) return undefined;
  if (odd > 0.4 * (n / 2) && even === 0) return 'le';
  if (even > 0.4 * (n / 2) && odd === 0) return 'be';
  return undefined;
}

const convertHint = (from: string) => `convert it to UTF-8 first, e.g. iconv -f ${from} -t UTF-8 FILE > FILE.utf8.txt`;

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (for the error message). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const c = bytes[i + 1];
    if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c >= 0xa0) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c >= 0x90)) return i;
    i += n;
  }
  return -1;
}

/** Line (1-based) of a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

export function decodeArticle(bytes: Uint8Array): DecodeResult {
  const mark = byteOrderMark(bytes);
  if (mark?.encoding === 'utf-32') return { ok: false, reason: `is UTF-32 text, which is not read; ${convertHint('UTF-32')}` };
  if (mark?.encoding === 'utf-16le' || mark?.encoding === 'utf-16be') {
    let text: string;
    try {
      text = new TextDecoder(mark.encoding, { fatal: true }).decode(bytes.subarray(mark.length));
    } catch {
      return { ok: false, reason: `is not valid ${mark.encoding.toUpperCase()} text (it starts with a UTF-16 byte-order mark)` };
    }
    return text.includes('\0') ? { ok: false, reason: 'looks like a binary file, not text (UTF-16 with NUL characters)' } : { ok: true, text };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = utf16WithoutMark(bytes);
    if (utf16) return { ok: false, reason: `looks like UTF-16 text without a byte-order mark; ${convertHint(utf16 === 'le' ? 'UTF-16LE' : 'UTF-16BE')}` };
    return { ok: false, reason: `looks like a binary file, not text (a NUL byte at offset ${nul})` };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'looks like a binary file, not text' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(mark ? bytes.subarray(mark.length) : bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    if (at < 0) return { ok: false, reason: 'is not valid UTF-8 text' };
    return { ok: false, reason: `is not valid UTF-8 text (byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at}, line ${lineOf(bytes, at)}); if it is Latin-1 or Windows-1252, ${convertHint('WINDOWS-1252')}` };
  }
}
