// Lays out what the reader sees of an article (its ReaderView items) as semantic tokens: sorted, non-overlapping,
// one line each (VS Code's token model). A quote that contains a name or a date is split around it so the inner
// token keeps its own colour. Rejected entities are not in the items, so they get no token.
// Pure (no vscode) so it is unit-tested in plain Node.
import type { ViewItem } from '../entities/readerView';
import { lineStarts } from '../entities/textLines';

export const TOKEN_TYPES = ['person', 'date', 'quote'] as const;
export const TOKEN_MODIFIERS = ['firstMention', 'surname', 'relative', 'attributed', 'confirmed', 'term'] as const;

export interface LaidToken { line: number; char: number; length: number; type: number; modifiers: number }

interface Piece { start: number; end: number; type: number; modifiers: number }

const bit = (m: typeof TOKEN_MODIFIERS[number]) => 1 << TOKEN_MODIFIERS.indexOf(m);

function piecesOf(items: readonly ViewItem[]): { inner: Piece[]; quotes: Piece[] } {
  const inner: Piece[] = [], quotes: Piece[] = [];
  const firstFull = new Set<string>();
  for (const i of items) {
    const confirmed = i.provenance === 'confirmed' ? bit('confirmed') : 0;
    if (i.type === 'person') {
      const full = i.fullName !== false;
      let mods = full ? 0 : bit('surname');
      const who = i.entityId ?? i.person ?? i.text;
      if (full && !firstFull.has(who)) { firstFull.add(who); mods |= bit('firstMention'); }
      inner.push({ start: i.start, end: i.end, type: 0, modifiers: mods | confirmed });
    } else if (i.type === 'date') {
      inner.push({ start: i.start, end: i.end, type: 1, modifiers: (i.relative ? bit('relative') : 0) | confirmed });
    } else if (i.type === 'quote') {
      const kind = i.kind === 'term' ? bit('term') : i.speakerIsPerson ? bit('attributed') : 0; // a title, name or scare quote has no speaker
      quotes.push({ start: i.start, end: i.end, type: 2, modifiers: kind | confirmed });
    }
  }
  const byStart = (x: Piece, y: Piece) => x.start - y.start || y.end - x.end;
  return { inner: inner.sort(byStart), quotes: quotes.sort(byStart) };
}

/** Non-overlapping pieces: names and dates win over the quote around them; overlapping names/dates keep the first. */
function flatten(inner: Piece[], quotes: Piece[]): Piece[] {
  const out: Piece[] = [];
  let lastEnd = 0;
  const kept: Piece[] = [];
  for (const p of inner) if (p.start >= lastEnd) { kept.push(p); lastEnd = p.end; }
  let k = 0;
  let quoteEnd = 0;
  for (const q of quotes) {
    let cursor = Math.max(q.start, quoteEnd);
    while (k < kept.length && kept[k].end <= cursor) out.push(kept[k++]);
    while (k < kept.length && kept[k].start < q.end) {
      const p = kept[k++];
      if (p.start > cursor) out.push({ ...q, start: cursor, end: p.start });
      out.push(p);
      cursor = Math.max(cursor, p.end);
    }
    if (cursor < q.end) out.push({ ...q, start: cursor, end: q.end });
    quoteEnd = Math.max(quoteEnd, q.end);
  }
  while (k < kept.length) out.push(kept[k++]);
  return out.sort((x, y) => x.start - y.start);
}

/** The tokens for one article's text and what the reader sees of it, in document order, split at line ends. */
export function layTokens(text: string, items: readonly ViewItem[]): LaidToken[] {
  const { inner, quotes } = piecesOf(items);
  const starts = lineStarts(text);
  const tokens: LaidToken[] = [];
  let line = 0;
  for (const p of flatten(inner, quotes)) {
    while (line + 1 < starts.length && starts[line + 1] <= p.start) line++;
    let from = p.start;
    let l = line;
    while (from < p.end) {
      const nextLineStart = l + 1 < starts.length ? starts[l + 1] : text.length + 1;
      let lineEnd = Math.min(nextLineStart, text.length);
      while (lineEnd > starts[l] && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
      const to = Math.min(p.end, lineEnd);
      if (to > from) tokens.push({ line: l, char: from - starts[l], length: to - from, type: p.type, modifiers: p.modifiers });
      if (p.end <= nextLineStart || l + 1 >= starts.length) break;
      l++;
      from = starts[l];
    }
  }
  return tokens;
}
