// A large word list kept as the one string it is generated as, searched in place: no string and no hash-table
// entry per word. The generated lexicon has some 25 000 words: as Sets they took about 6 ms to build at load and
// 2 MB of heap for as long as the extension runs; a word list costs an array of offsets.

/** The words of a list sorted in code-unit order (JavaScript's default sort) and separated by single spaces. */
export class WordList {
  /** Offset of each word in `list`, in list order. */
  private readonly starts: Int32Array;

  constructor(private readonly list: string) {
    // split is native and fast; its strings are dropped at once.
    const words = list.length === 0 ? [] : list.split(' ');
    this.starts = new Int32Array(words.length);
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      this.starts[i] = at;
      at += words[i].length + 1;
    }
  }

  get size(): number { return this.starts.length; }

  /** The words, in list order. */
  words(): string[] { return this.list.length === 0 ? [] : this.list.split(' '); }

  has(word: string): boolean {
    let lo = 0, hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const order = this.compareWith(word, this.starts[mid]);
      if (order === 0) return true;
      if (order < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return false;
  }

  /** `word` against the list's word at offset `at`, in code-unit order: negative, 0 or positive. */
  private compareWith(word: string, at: number): number {
    const list = this.list;
    for (let k = 0; ; k++) {
      const a = k < word.length ? word.charCodeAt(k) : -1;
      const c = at + k < list.length ? list.charCodeAt(at + k) : 32;
      const b = c === 32 ? -1 : c;
      if (a !== b) return a - b;
      if (a === -1) return 0;
    }
  }
}
