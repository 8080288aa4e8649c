// Decoding article bytes: strict UTF-8 (optional BOM), with binary content refused rather than analysed.

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

export function decodeArticle(bytes: Uint8Array): DecodeResult {
  if (looksBinary(bytes)) return { ok: false, reason: 'looks like a binary file, not text' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 text' };
  }
}
