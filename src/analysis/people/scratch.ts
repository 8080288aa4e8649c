// Working arrays of one findPeople call, kept for the next call while they are small. Allocating a typed array
// costs about a microsecond, and a short article needs some fifteen of them: a sizeable share of its whole cost.
// Arrays past REUSE_LIMIT entries (articles past about 100 KB) are made for their call alone, so at most some 700 KB
// stay alive between calls.
// Calls are synchronous and never nested, so one kept array per use is enough.

const REUSE_LIMIT = 1 << 14;

/** One reusable typed array. */
export class Scratch<A extends Int32Array | Uint8Array> {
  private kept: A | null = null;

  constructor(private readonly make: (length: number) => A) {}

  /** An array of at least `length` entries whose first `length` entries are 0. */
  take(length: number): A {
    const kept = this.kept;
    if (kept !== null && kept.length >= length) {
      kept.fill(0, 0, length);
      return kept;
    }
    if (length > REUSE_LIMIT) return this.make(length);
    // Rounded up to a power of two, so slowly growing needs reallocate only a few times.
    this.kept = this.make(Math.max(256, 2 ** Math.ceil(Math.log2(length))));
    return this.kept;
  }
}

export const int32Scratch = (): Scratch<Int32Array> => new Scratch(length => new Int32Array(length));
export const uint8Scratch = (): Scratch<Uint8Array> => new Scratch(length => new Uint8Array(length));
