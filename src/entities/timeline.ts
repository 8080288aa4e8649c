// When things happen in a set of articles: every date of the reader's view with a calendar value placed as an interval
// on one time axis, one row per article (so two outlets' dates for the same event can be compared), the article's
// own publication date marked, relative dates with what they resolve to, and the dates that cannot be placed listed
// with the reason.
import { sentenceEnd, sentenceStart } from '../analysis/quotes/tokens';
import { describeInterval, intervalOf, type Precision } from './calendarValue';
import type { Provenance } from './readerView';
import type { ArticleViewInput } from './quoteSources';

export interface TimelineDate {
  readonly article: string;
  readonly start: number;
  readonly end: number;
  /** The date as the article writes it ("Tuesday", "Jan. 27"). */
  readonly text: string;
  readonly provenance: Provenance;
  readonly relative: boolean;
  /** The sentence it is in, white space collapsed. */
  readonly sentence: string;
}

export interface PlacedDate extends TimelineDate {
  readonly value: string;
  readonly from: number;
  readonly to: number;
  readonly precision: Precision;
  /** The value in words: "Tue 19 Jan 2016". */
  readonly resolved: string;
}

export interface UnplacedDate extends TimelineDate {
  readonly value?: string;
  /** Why it is not on the axis. */
  readonly reason: string;
}

export interface TimelineRow {
  readonly article: string;
  readonly name: string;
  readonly publication?: { readonly value: string; readonly from: number; readonly to: number; readonly resolved: string };
  /** In time order (then text order). */
  readonly dates: readonly PlacedDate[];
  /** In text order. */
  readonly unplaced: readonly UnplacedDate[];
}

export interface Timeline {
  /** One row per article, in the order given. */
  readonly rows: readonly TimelineRow[];
  /** From the earliest to the latest time drawn (dates and publication dates); undefined when nothing is placed. */
  readonly extent?: { readonly from: number; readonly to: number };
  /**
   * The span to show first: that of the dates finer than a year and the publication dates (a "this year" would
   * squeeze a story's days into a corner), or the whole extent when there are none.
   */
  readonly focus?: { readonly from: number; readonly to: number };
  readonly placed: number;
  readonly unplaced: number;
}

const MAX_SENTENCE = 320;

/** The sentence around text[start, end): within its line, cut at sentence ends that are not abbreviations or initials. */
export function sentenceAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const first = sentenceStart(text, lineStart, start), last = sentenceEnd(text, Math.max(start, end - 1), lineEnd);
  let from = first, to = last;
  // A very long "sentence" (a list, a table row) is cut around the date.
  if (to - from > MAX_SENTENCE) {
    const half = Math.floor((MAX_SENTENCE - (end - start)) / 2);
    from = Math.max(from, start - half);
    to = Math.min(to, end + half);
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > first ? '…' : ''}${body}${to < last ? '…' : ''}`;
}

function reasonFor(value: string | undefined, relative: boolean, hasPublicationDate: boolean, provenance: Provenance): string {
  if (value !== undefined) return `its value ${value} has no place on a time axis`;
  if (provenance === 'user') return 'marked as a date by you; it has no calendar value';
  if (relative && !hasPublicationDate) return 'relative to a publication date the article does not give';
  return 'no calendar value';
}

const COARSE: ReadonlySet<Precision> = new Set(['year', 'years', 'decade', 'century']);

export function buildTimeline(articles: readonly ArticleViewInput[]): Timeline {
  let lo = Infinity, hi = -Infinity, fineLo = Infinity, fineHi = -Infinity, placed = 0, unplacedCount = 0;
  const fine = (from: number, to: number) => { fineLo = Math.min(fineLo, from); fineHi = Math.max(fineHi, to); };
  const rows = articles.map((a): TimelineRow => {
    const dates: PlacedDate[] = [], unplaced: UnplacedDate[] = [];
    const pubValue = a.view.publicationDate;
    const pubInterval = pubValue ? intervalOf(pubValue) : undefined;
    const publication = pubValue && pubInterval ? { value: pubValue, from: pubInterval.from, to: pubInterval.to, resolved: describeInterval(pubValue, pubInterval) } : undefined;
    if (publication) { lo = Math.min(lo, publication.from); hi = Math.max(hi, publication.to); fine(publication.from, publication.to); }
    for (const item of a.view.items) {
      if (item.type !== 'date') continue;
      const base: TimelineDate = { article: a.id, start: item.start, end: item.end, text: item.text, provenance: item.provenance,
        relative: item.relative ?? false, sentence: sentenceAround(a.text, item.start, item.end) };
      const interval = item.value !== undefined ? intervalOf(item.value) : undefined;
      if (item.value !== undefined && interval) {
        dates.push({ ...base, value: item.value, from: interval.from, to: interval.to, precision: interval.precision, resolved: describeInterval(item.value, interval) });
        lo = Math.min(lo, interval.from); hi = Math.max(hi, interval.to);
        if (!COARSE.has(interval.precision)) fine(interval.from, interval.to);
      } else {
        unplaced.push({ ...base, value: item.value, reason: reasonFor(item.value, base.relative, publication !== undefined, item.provenance) });
      }
    }
    dates.sort((x, y) => x.from - y.from || x.to - y.to || x.start - y.start);
    placed += dates.length; unplacedCount += unplaced.length;
    return { article: a.id, name: a.name, publication, dates, unplaced };
  });
  const extent = lo <= hi ? { from: lo, to: hi } : undefined;
  return { rows, extent, focus: fineLo <= fineHi ? { from: fineLo, to: fineHi } : extent, placed, unplaced: unplacedCount };
}
