// Lays the analysis out as semantic tokens: sorted, non-overlapping, one line each (VS Code's token model).
// A quote that contains a name or a date is split around it so the inner token keeps its own colour.
// Pure (no vscode) so it is unit-tested in plain Node.
import type { Analysis, Mention } from '../analysis';

export const TOKEN_TYPES = ['person', 'date', 'quote'] as const;
export const TOKEN_MODIFIERS = ['firstMention', 'surname', 'relative', 'attributed', 'confirmed', 'term'] as const;

export type Decision = 'confirmed' | 'rejected';
/** The user's verdict on a detected mention, if any (from the annotations sidecar). */
export type DecisionLookup = (m: Mention) => Decision | undefined;

export interface LaidToken { line: number; char: number; length: number; type: number; modifiers: number }

interface Piece { start: number; end: number; type: number; modifiers: number }

const bit = (m: typeof TOKEN_MODIFIERS[number]) => 1 << TOKEN_MODIFIERS.indexOf(m);

/** Offsets where each line starts ("\n", "\r\n" and "\r" all end a line). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; starts.push(i + 1); }
  }
  return starts;
}

function piecesOf(a: Analysis, decide: DecisionLookup): { inner: Piece[]; quotes: Piece[] } {
  const inner: Piece[] = [];
  const firstFull = new Set<string>();
  for (const p of a.persons) {
    const verdict = decide(p);
    if (verdict === 'rejected') continue;
    let mods = p.fullName ? 0 : bit('surname');
    if (p.fullName && !firstFull.has(p.entityId)) { firstFull.add(p.entityId); mods |= bit('firstMention'); }
    if (verdict === 'confirmed') mods |= bit('confirmed');
    inner.push({ start: p.start, end: p.end, type: 0, modifiers: mods });
  }
  for (const d of a.dates) {
    const verdict = decide(d);
    if (verdict === 'rejected') continue;
    inner.push({ start: d.start, end: d.end, type: 1, modifiers: (d.relative ? bit('relative') : 0) | (verdict === 'confirmed' ? bit('confirmed') : 0) });
  }
  const quotes: Piece[] = [];
  for (const q of a.quotes) {
    const verdict = decide(q);
    if (verdict === 'rejected') continue;
    const kind = q.kind === 'term' ? bit('term') : q.speakerId ? bit('attributed') : 0; // a title, name or scare quote has no speaker
    quotes.push({ start: q.start, end: q.end, type: 2, modifiers: kind | (verdict === 'confirmed' ? bit('confirmed') : 0) });
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

/** The tokens for one analysed text, in document order, split at line ends. */
export function layTokens(text: string, a: Analysis, decide: DecisionLookup = () => undefined): LaidToken[] {
  const { inner, quotes } = piecesOf(a, decide);
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
