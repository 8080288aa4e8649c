// Annotation and decision ids: short, random, stable once made. Injectable so tests are deterministic.

/** Makes a new id; called once per new annotation or decision. */
export type IdGenerator = () => string;

export const ID_LENGTH = 10;
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** What a valid id looks like in a sidecar file (hand-written ids are accepted too, within these bounds). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * 10 base36 characters (about 51 bits) from the Web Crypto random source, which exists both in Node and in a
 * web worker; collisions are checked by the caller against the ids in use (see AnnotationStore).
 */
export function randomId(): string {
  const bytes = new Uint8Array(ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  // 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps every character equally likely.
  for (let i = 0; id.length < ID_LENGTH; i++) {
    if (i === bytes.length) { globalThis.crypto.getRandomValues(bytes); i = 0; }
    if (bytes[i] < 252) id += ALPHABET[bytes[i] % 36];
  }
  return id;
}

/** Deterministic ids for tests: prefix + zero-padded counter. */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(4, '0')}`;
}
