// Hashing of text ranges without slicing them: the 32-bit FNV-1a hash of a range of UTF-16 code units, and a set of
// such hashes.

/** 32-bit FNV-1a over UTF-16 code units of text[start, end), as a signed int (never 0: 0 marks an empty slot). */
export const FNV_OFFSET = 0x811c9dc5 | 0, FNV_PRIME = 0x01000193;
export function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h === 0 ? 1 : h;
}

/**
 * The slot table of an open-addressing map from hash to id: slot = id + 1 (0 = empty), linear probing, for ids
 * 0..count-1 whose hashes are hashes[id]. `size` is a power of two larger than count.
 */
export function slotTable(hashes: Int32Array, count: number, size: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let id = 0; id < count; id++) {
    let i = hashes[id] & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  return slots;
}

const INITIAL_SLOTS = 1024;
/** Up to this many slots, HashSet32.clear keeps the table for reuse; a larger one is dropped. */
const KEPT_SLOTS = 1 << 15;

/** An open-addressing set of 32-bit hashes (hashRange values). */
export class HashSet32 {
  private slots = new Int32Array(INITIAL_SLOTS);
  private size = 0;

  /** Empties the set; a table much larger than its last use needed is dropped rather than zeroed. */
  clear(): void {
    const length = this.slots.length;
    if (length > KEPT_SLOTS || (length > INITIAL_SLOTS && this.size * 8 < length)) this.slots = new Int32Array(INITIAL_SLOTS);
    else this.slots.fill(0);
    this.size = 0;
  }

  add(h: number): void {
    let mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i];
      if (s === h) return;
      if (s === 0) {
        this.slots[i] = h;
        if (++this.size * 2 > this.slots.length) this.grow();
        return;
      }
    }
  }

  has(h: number): boolean {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i];
      if (s === h) return true;
      if (s === 0) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.size = 0;
    for (const h of old) if (h !== 0) this.add(h);
  }
}
