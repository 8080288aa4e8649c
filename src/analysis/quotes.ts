// Quotes: direct quotations with their marks (speakers are attributed separately, in speakers.ts).
// Marks are paired per paragraph (quotes/pairing.ts); spans that are not quotations are dropped (quotes/filter.ts);
// pieces of one quotation — split by its attribution or continued over paragraphs — share a group number; a span runs
// past its closing mark only over a source-language tag (quotes/extent.ts).
import {
  AttributionMemo, findAttribution, handOverAttributions, isSplitByAttribution, leadInAttribution,
} from './quotes/attribution';
import { extendOverLanguageTag } from './quotes/extent';
import {
  endsWithSignature, hasAtMostWords, isBlockQuotation, isPossessedTitle, isStructurallyNotQuote, SHORT_QUOTE_WORDS, singlesAreQuotations,
} from './quotes/filter';
import { MarkScanner, pairMarksOfLine, splitLines, type Line, type RawQuote } from './quotes/pairing';
import type { QuoteMention } from './types';

interface Located extends RawQuote {
  line: number;
}

export function findQuotes(text: string): QuoteMention[] {
  const lines = splitLines(text);
  const marks = new MarkScanner(text);
  // Spans that are never quotations are dropped as they are paired (a line of quote marks pairs into millions), after
  // they are counted for the article's style.
  const raw: Located[] = [];
  let closedDoubles = 0, closedSingles = 0;
  for (let i = 0; i < lines.length; i++) {
    pairMarksOfLine(text, lines[i], marks, q => {
      if (q.closed) { if (q.kind === 'double') closedDoubles++; else closedSingles++; }
      if (isStructurallyNotQuote(text, q)) return;
      raw.push({ start: q.start, end: q.end, kind: q.kind, closed: q.closed, opensParagraph: q.opensParagraph, line: i });
    });
  }
  const keepSingles = singlesAreQuotations(closedDoubles, closedSingles);
  const candidates = keepSingles ? raw : raw.filter(q => q.kind === 'double');
  const memo = new AttributionMemo(lines);
  const groups = assignGroups(text, lines, candidates, memo);
  const kept = keptQuotes(text, lines, candidates, groups, memo);
  const quotes = kept.map((i): QuoteMention => {
    const q = candidates[i];
    const end = q.closed ? extendOverLanguageTag(text, q.end) : q.end;
    return { type: 'quote', start: q.start, end, text: text.slice(q.start, end), kind: 'quotation', speakerId: null, speakerText: null, group: groups[i] };
  });
  handOverAttributions(quotes, memo); // attributeSpeakers asks about the same quotations
  return quotes;
}

/** Group numbers: a piece joins the previous one when only its attribution separates them, or continues it over a paragraph. */
function assignGroups(text: string, lines: Line[], qs: Located[], memo: AttributionMemo): number[] {
  const groups: number[] = [];
  let next = 0;
  qs.forEach((q, i) => {
    const prev = i > 0 ? qs[i - 1] : undefined;
    const continues = prev !== undefined && (
      (prev.line === q.line && isSplitByAttribution(text, prev, q, lines[q.line].end, memo)) ||
      (!prev.closed && q.opensParagraph && q.line === prev.line + 1));
    groups.push(continues ? groups[i - 1] : next++);
  });
  return groups;
}

/**
 * Indices of the quotes kept. Short quotes need an attribution (scare quotes and titles go); block quotations — a
 * paragraph opened by a quotation of several sentences — need one in their own paragraph (see isBlockQuotation).
 */
function keptQuotes(text: string, lines: Line[], qs: Located[], groups: number[], memo: AttributionMemo): number[] {
  const isShort = qs.map(q => hasAtMostWords(text, q, SHORT_QUOTE_WORDS));
  const isBlock = qs.map(q => isBlockQuotation(text, q));
  const checked = new Set(groups.filter((_g, i) => isShort[i] || isBlock[i]));
  const attributedHere = new Set<number>(), ledIn = new Set<number>();
  qs.forEach((q, i) => {
    const g = groups[i];
    if (!checked.has(g) || attributedHere.has(g)) return; // only short and block quotes need the check
    const line = lines[q.line];
    if (findAttribution(text, q, line.start, line.end, memo) || (isBlock[i] && endsWithSignature(text, line))) attributedHere.add(g);
    else if (q.opensParagraph && q.line > 0 && leadInAttribution(text, lines[q.line - 1].start, lines[q.line - 1].end, memo)) ledIn.add(g);
  });
  const kept: number[] = [];
  qs.forEach((q, i) => {
    const g = groups[i];
    if (isBlock[i] && !attributedHere.has(g)) return;
    if (isShort[i] && ((!attributedHere.has(g) && !ledIn.has(g)) || isPossessedTitle(text, q))) return;
    kept.push(i);
  });
  return kept;
}
