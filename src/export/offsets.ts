// Offsets between the UTF-16 code units of JavaScript strings (the unit of the editor, the sidecar and the analyzer)
// and the characters other tools count: Unicode code points (the W3C Web Annotation model, Python, brat), with a
// CR LF pair counted as one character where the other tool reads text files with universal newlines (brat). Built
// once per text; each conversion is a binary search.

export interface CharacterCounting {
  /** Count CR LF as one character, as brat and Python's default text mode read a file (universal newlines). */
  readonly crlfAsOne?: boolean;
  /** Characters the other tool sees before the text: 1 for a byte-order mark, which brat keeps as U+FEFF. */
  readonly leading?: number;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * [start, end) on whole characters: a boundary inside a surrogate pair (a sidecar anchor edited by hand, in an emoji)
 * or between the CR and the LF of a line break is moved outwards, to take the whole character. Half a code point is
 * no text another tool can count or show (each format rounded it its own way, and wrote the lone surrogate as its
 * text), and half a CR LF is a place brat (universal newlines) cannot name while the other formats can; the export
 * widens the span once, before any format sees it (see loadArticle), so all of them write the same span and text.
 */
export function wholeCharacters(text: string, start: number, end: number): [number, number] {
  const inside = (i: number) => {
    if (i <= 0 || i >= text.length) return false;
    const before = text.charCodeAt(i - 1), at = text.charCodeAt(i);
    return (isHigh(before) && isLow(at)) || (before === 13 && at === 10);
  };
  return [inside(start) ? start - 1 : start, inside(end) ? end + 1 : end];
}

export class OffsetMap {
  /**
   * Ascending UTF-16 indices of units that do not count as a character of their own: the first unit of a surrogate
   * pair, the CR of a CR LF pair (with crlfAsOne). Marking the first unit puts every boundary inside such a pair on
   * the character's start, in both directions.
   */
  private readonly uncounted: Int32Array;
  private readonly leading: number;
  /** The text's length in UTF-16 units. */
  readonly units: number;

  constructor(text: string, counting: CharacterCounting = {}) {
    const marks: number[] = [];
    for (let i = 0; i + 1 < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((isHigh(c) && isLow(text.charCodeAt(i + 1))) || (counting.crlfAsOne && c === 13 && text.charCodeAt(i + 1) === 10)) {
        marks.push(i);
        i++;
      }
    }
    this.uncounted = Int32Array.from(marks);
    this.leading = counting.leading ?? 0;
    this.units = text.length;
  }

  /** The text's length in characters as the other tool counts them (leading characters included). */
  get characters(): number { return this.toCharacters(this.units); }

  /** UTF-16 offset → character offset. */
  toCharacters(utf16: number): number {
    return utf16 - this.countBefore(utf16) + this.leading;
  }

  /** Character offset → UTF-16 offset (the start of that character); NaN when it is outside the text. */
  toUtf16(characters: number): number {
    const c = characters - this.leading;
    if (!Number.isInteger(c) || c < 0 || c > this.units - this.uncounted.length) return NaN;
    // The k-th uncounted unit sits at character uncounted[k] - k; those before character c shift it right by one each.
    let lo = 0, hi = this.uncounted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.uncounted[mid] - mid < c) lo = mid + 1; else hi = mid;
    }
    return c + lo;
  }

  /** Number of uncounted units before the UTF-16 offset. */
  private countBefore(utf16: number): number {
    let lo = 0, hi = this.uncounted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.uncounted[mid] < utf16) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}
