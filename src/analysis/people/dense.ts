// Dense numbers for the word ids of one call, so per-word facts can live in small arrays instead of Maps (an article
// names a few dozen words among a vocabulary of up to 200 000), and sets of word ids without a Set per call.

/** Up to this many slots, DenseIds.clear keeps the table for reuse; a larger one is dropped. */
const KEPT_SLOTS = 1 << 14;
const INITIAL_SLOTS = 256;

/** Word ids that can be asked about. */
export interface WordSet {
  has(id: number): boolean;
}

/**
 * Numbers 0, 1, 2… for the distinct non-negative integers added since the last clear, in order of first addition.
 * An open-addressing table (linear probing) reused from call to call.
 */
export class DenseIds implements WordSet {
  /** Slot: id + 1 (0 = empty), and its number. */
  private keys = new Int32Array(INITIAL_SLOTS);
  private numbers = new Int32Array(INITIAL_SLOTS);
  /** Ids numbered so far. */
  count = 0;

  /** Forgets all ids; a table much larger than its last use needed is dropped rather than zeroed. */
  clear(): void {
    const length = this.keys.length;
    if (length > KEPT_SLOTS || (length > INITIAL_SLOTS && this.count * 8 < length)) {
      this.keys = new Int32Array(INITIAL_SLOTS);
      this.numbers = new Int32Array(INITIAL_SLOTS);
    } else this.keys.fill(0);
    this.count = 0;
  }

  has(id: number): boolean { return this.numberOf(id) >= 0; }

  /** The number of `id`, or -1 if it was not added. */
  numberOf(id: number): number {
    const keys = this.keys, mask = keys.length - 1;
    for (let i = slotOf(id, mask); ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === id + 1) return this.numbers[i];
      if (k === 0) return -1;
    }
  }

  /** The number of `id`, numbering it if new. */
  add(id: number): number {
    const keys = this.keys, mask = keys.length - 1;
    for (let i = slotOf(id, mask); ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === id + 1) return this.numbers[i];
      if (k === 0) {
        keys[i] = id + 1;
        const n = this.count++;
        this.numbers[i] = n;
        if (this.count * 2 > keys.length) this.grow();
        return n;
      }
    }
  }

  private grow(): void {
    const oldKeys = this.keys, oldNumbers = this.numbers;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.numbers = new Int32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] === 0) continue;
      let i = slotOf(oldKeys[j] - 1, mask);
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = oldKeys[j];
      this.numbers[i] = oldNumbers[j];
    }
  }
}

/** Word ids are consecutive: scrambled (Fibonacci hashing) so neighbours do not fill neighbouring slots. */
function slotOf(id: number, mask: number): number {
  const h = Math.imul(id, 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
}
