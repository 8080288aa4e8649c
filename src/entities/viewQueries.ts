// Questions asked of a ReaderView at a place of the article: what entity the reader sees there, what they rejected
// there, which of their annotations cover it. Cursor positions at either edge of an item count as in it.
import type { ReaderView, ViewItem } from './readerView';

/** An offset, and optionally the exact item wanted there (its end and type). */
export interface ItemPlace {
  readonly offset: number;
  readonly end?: number;
  readonly type?: string;
}

const covers = (i: { start: number; end: number }, offset: number) => i.start <= offset && offset <= i.end;
const exactly = (i: ViewItem, p: ItemPlace) => i.start === p.offset && i.end === p.end && (p.type === undefined || i.type === p.type);

function pick(list: readonly ViewItem[], p: ItemPlace): ViewItem | undefined {
  if (p.end !== undefined) {
    const exact = list.find(i => exactly(i, p));
    if (exact) return exact;
  }
  const here = list.filter(i => i.type !== 'label' && covers(i, p.offset));
  return here.find(i => i.type !== 'quote') ?? here[0];
}

/** The person, date or quote shown at a place: a name or a date wins over the quote around it. */
export function entityItemAt(view: ReaderView, p: ItemPlace): ViewItem | undefined {
  return pick(view.items, p);
}

/** What the reader rejected or retyped at a place (not shown, listed to be restored). */
export function rejectedItemAt(view: ReaderView, p: ItemPlace): ViewItem | undefined {
  return pick(view.rejected, p);
}

/** The reader's annotations covering an offset (labels, and the items they annotated), innermost first. */
export function annotationItemsAt(view: ReaderView, offset: number): ViewItem[] {
  return view.items.filter(i => i.annotationId !== undefined && covers(i, offset)).sort((x, y) => (x.end - x.start) - (y.end - y.start));
}
