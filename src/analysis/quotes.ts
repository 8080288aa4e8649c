// Quotes: every span in quote marks, with its marks and its kind — a quotation (someone's words) or a term (a title, a
// name, a scare quote); speakers are attributed separately, in speakers.ts. Marks are paired per paragraph
// (quotes/pairing.ts); spans that are no quoted text at all are dropped (quotes/filter.ts); the kind is read from the
// span's form and its attribution (quotes/kind.ts); pieces of one quotation — split by its attribution or continued
// over paragraphs — share a group number; a span runs past its closing mark only over a source-language tag
// (quotes/extent.ts).
import { AttributionMemo, findAttribution, isSplitByAttribution, leadInAttribution } from './quotes/attribution';
import { extendOverLanguageTag } from './quotes/extent';
import { hasAtMostWords, isStructurallyNotQuote, SHORT_QUOTE_WORDS, singlesAreQuotations } from './quotes/filter';
import { followsNamingCue, introducedBySpeech, isTitleCase, opensItsSentence, soundsSpoken } from './quotes/kind';
import { MarkScanner, pairMarksOfLine, splitLines, type Line, type RawQuote } from './quotes/pairing';
import type { QuoteKind, QuoteMention } from './types';

interface Located extends RawQuote {
  line: number;
}

/** The quotes of one text, with what was learnt finding them that attributing their speakers asks again. */
export interface QuoteSearch {
  readonly quotes: QuoteMention[];
  /** The attributions looked for (and the paragraph lines they were looked for in). */
  readonly attributions: AttributionMemo;
}

export function findQuotes(text: string): QuoteSearch {
  const lines = splitLines(text);
  const marks = new MarkScanner(text);
  // Spans that are never quotations are dropped as they are paired (a line of quote marks pairs into millions), after
  // they are counted for the article's style.
  const raw: Located[] = [];
  let closedDoubles = 0, closedSingles = 0;
  let open: { line: number; kind: RawQuote['kind'] } | undefined; // the last span paired, when it ran unclosed to its line's end
  for (let i = 0; i < lines.length; i++) {
    const continued = open && open.line === i - 1 ? open.kind : undefined;
    open = undefined;
    pairMarksOfLine(text, lines[i], marks, q => {
      if (q.closed) { if (q.kind === 'double') closedDoubles++; else closedSingles++; }
      open = q.closed ? undefined : { line: i, kind: q.kind };
      if (isStructurallyNotQuote(text, q)) return;
      raw.push({ start: q.start, end: q.end, kind: q.kind, closed: q.closed, opensParagraph: q.opensParagraph, line: i });
    }, continued);
  }
  const singlesQuote = singlesAreQuotations(closedDoubles, closedSingles);
  const candidates = raw;
  const memo = new AttributionMemo(lines);
  const groups = assignGroups(text, lines, candidates, memo);
  const kinds = classify(text, lines, candidates, groups, memo, singlesQuote);
  const quotes: QuoteMention[] = [];
  candidates.forEach((q, i) => {
    const kind = kinds[i];
    if (kind === null) return;
    const end = q.closed ? extendOverLanguageTag(text, q.end) : q.end;
    quotes.push({ type: 'quote', start: q.start, end, text: text.slice(q.start, end), kind, speakerId: null, speakerText: null, group: groups[i] });
  });
  return { quotes, attributions: memo };
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
 * The kind of each candidate, or null for one dropped. A term by its form — a name after a naming word, a title in
 * title case — stays a term whatever its surroundings. A short span (a few words) is a
 * quotation when its paragraph attributes it (or a lead-in introduces it) or when it sounds spoken; else it is a scare quote, a term. Everything longer is a quotation, attributed or not. In an
 * article that quotes with double marks, a span in single marks outside them (a headline's ‘Misled’) is a term when
 * short and dropped when long (more likely apostrophes paired by mistake).
 */
function classify(text: string, lines: Line[], qs: Located[], groups: number[], memo: AttributionMemo,
  singlesQuote: boolean): (QuoteKind | null)[] {
  const isShort = qs.map(q => hasAtMostWords(text, q, SHORT_QUOTE_WORDS));
  const titled = qs.map(q => isTitleCase(text, q, lines[q.line].start) && !introducedBySpeech(text, q));
  const checked = new Set(groups.filter((_g, i) => isShort[i] || titled[i]));
  const attributed = new Set<number>();
  qs.forEach((q, i) => {
    const g = groups[i];
    if (!checked.has(g) || attributed.has(g)) return; // only short and title-like spans need the check
    const line = lines[q.line];
    if (findAttribution(text, q, line.start, line.end, memo) ||
      (q.opensParagraph && q.line > 0 && leadInAttribution(text, lines[q.line - 1].start, lines[q.line - 1].end, memo))) attributed.add(g);
  });
  const kinds = qs.map((q, i): QuoteKind | null => {
    if (q.kind === 'single' && !singlesQuote) return isShort[i] ? 'term' : null;
    if (followsNamingCue(text, q)) return 'term';
    if (titled[i] && !(attributed.has(groups[i]) && opensItsSentence(text, q, lines[q.line].start))) return 'term';
    if (!isShort[i]) return 'quotation';
    if (attributed.has(groups[i])) return 'quotation';
    return soundsSpoken(text, q) || introducedBySpeech(text, q) ? 'quotation' : 'term';
  });
  // A short piece of a quotation split by its attribution is a quotation too: “We will win,” she said, “and soon.”
  const quoted = new Set(groups.filter((_g, i) => kinds[i] === 'quotation'));
  return kinds.map((k, i) => (k === 'term' && isShort[i] && !titled[i] && quoted.has(groups[i]) && !followsNamingCue(text, qs[i]) ? 'quotation' : k));
}
