// The hash of an article's text stored in its sidecar, to tell on open whether the text changed outside the editor.
// Isolated here because it is the one place that needs node:crypto: a web-worker build of the editor layer would
// swap this one function (e.g. for a small pure-JS SHA-256), nothing else.
import { createHash } from 'node:crypto';

export const HASH_PREFIX = 'sha256:';

/** "sha256:" + hex SHA-256 of the UTF-8 encoding of the text. */
export function hashText(text: string): string {
  return HASH_PREFIX + createHash('sha256').update(text, 'utf8').digest('hex');
}
