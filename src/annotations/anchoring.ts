// Re-anchoring on open: when the article changed outside the editor (its hash differs from the sidecar's), find
// each anchored text again. In order, for each item:
//   1. the exact text at the expected position (the stored start, shifted by how far the items before it moved);
//   2. the exact text elsewhere: the occurrences nearest the expected position, scored on how much of the stored prefix/suffix surrounds it and on
//      its distance to the expected position (the nearest wins among equals); it is taken outright when it has all
//      its context or occurs only once in the article (a unique exact copy beats an approximate match in the old place);
//   3. an approximate match of the text (up to 25% edits, Myers' bit-parallel search from `approx-string-match`,
//      the matcher the Hypothesis annotation client uses), scored on text, context and position, with a threshold;
//      a match that holds or overlaps an exact occurrence of the text is that occurrence, so an annotation whose text
//      survived never grows over text inserted at its edge (as with live edits, changes.ts);
//   4. otherwise the item is kept and marked orphaned, never deleted.
// The editor uses this for every change it did not see as edits: on open, when the file changed outside it.
// An exact occurrence of a short text (under SHORT_QUOTE characters) is only trusted near the expected position or
// with some of its context around it: a lone "he" anywhere in the article is no evidence.
// After a jump (an item placed far from where the items before it put it: a moved paragraph, text inserted before
// it), the next items are also looked for, approximately, where the shift in force before the jump puts them: an
// item lightly edited in place is found whatever happened to the items before it.
// Cost: steps 1–2 are native string searches, from the expected position outwards until the best occurrence has all
// its context or enough candidates are found; step 3 first searches a window around the expected position and scans
// the whole text only within a budget of work per call (characters × the pattern's 32-character words, as Myers'
// search costs), so a 1 MB article with hundreds of changed annotations, or a long one deleted, stays fast (past the
// budget, what the windows miss is orphaned rather than searched for).
import search from 'approx-string-match';
import { makeAnchor } from './anchors';
import { decisionAnchorItems, withDecisionAnchorItems } from './decisionAnchors';
import { hashText } from './hash';
import type { Anchored, SidecarDocument, TextAnchor } from './model';
import { withOrphaned } from './model';

export type AnchorOutcome = 'unchanged' | 'moved' | 'fuzzy' | 'orphaned';

export interface ReanchorOptions {
  /**
   * The text is the one the anchors were saved against (hashes equal): an exact text at its stored position is then
   * accepted whatever its stored context says.
   */
  readonly textUnchanged?: boolean;
  /**
   * Work the whole-text approximate searches of one call may do, in total: characters scanned × the pattern's
   * 32-character words (see the module comment).
   */
  readonly fuzzyBudget?: number;
}

export interface ReanchorResult<T> {
  readonly items: T[];
  /** Outcome per item, in the order of `items`. */
  readonly outcomes: AnchorOutcome[];
}

/** Quotes shorter than this need context or nearness to be trusted as exact matches. */
export const SHORT_QUOTE = 10;
/** Distance (in characters from the expected position) within which an exact short quote is trusted. */
export const NEAR_DISTANCE = 256;
/** Quotes shorter than this are never searched approximately. */
export const MIN_FUZZY_LENGTH = 5;
/** Fraction of the quote's length that may differ in an approximate match. */
export const MAX_ERROR_RATE = 0.25;
/** Minimum score (0..1) of an approximate match, combining text, context and position. */
export const FUZZY_THRESHOLD = 0.7;
/** Default budget of whole-text approximate searches: this many scans of the text (1 MB at least) by a short pattern. */
const FUZZY_SCANS = 32, MIN_BUDGETED_LENGTH = 1_000_000;
/** Bits per word of Myers' bit-parallel search: its cost per character scanned is the pattern's words. */
const WORD_BITS = 32;
// The passage between the stored context (see QuoteLocator.bracketed): how much of each side is looked for, the
// least that is useful, and the longest text compared character by character (quadratic) against the stored one.
const BRACKET_CONTEXT = 16, MIN_BRACKET_CONTEXT = 8, MAX_BRACKETED_LENGTH = 2000;
/** Candidates scored per search, nearest to the expected position first (repetitive texts can have thousands). */
const MAX_CANDIDATES = 200;
// Weights of the parts of a candidate's score, as in Hypothesis's quote matcher: the text matters most, then
// each side's context, and the position only breaks near-ties.
const W_QUOTE = 50, W_CONTEXT = 20, W_POSITION = 2;
const W_TOTAL = W_QUOTE + 2 * W_CONTEXT + W_POSITION;

interface Candidate { start: number; end: number; errors: number }
interface Found { start: number; end: number; fuzzy: boolean }
interface Scored extends Found { score: number }

/** Length of the common tail of `prefix` and the text before `pos`. */
function commonTail(prefix: string, text: string, pos: number): number {
  let n = 0;
  for (let i = prefix.length - 1, j = pos - 1; i >= 0 && j >= 0;) {
    if (prefix.charCodeAt(i) === text.charCodeAt(j)) { i--; j--; n++; }
    else if (isLoneCR(text, j, prefix, i + 1)) j--;
    else if (isLoneCR(prefix, i, text, j + 1)) { i--; n++; }
    else break;
  }
  return n;
}

/** Length of the common head of `suffix` and the text from `pos`. */
function commonHead(suffix: string, text: string, pos: number): number {
  let n = 0;
  for (let i = 0, j = pos; i < suffix.length && j < text.length;) {
    if (suffix.charCodeAt(i) === text.charCodeAt(j)) { i++; j++; n++; }
    else if (isLoneCR(text, j, suffix, i)) j++;
    else if (isLoneCR(suffix, i, text, j)) { i++; n++; }
    else break;
  }
  return n;
}

/**
 * Whether `a[i]` is the CR of a CRLF where `b` has just the LF (at `lf`): the same line break, written another way.
 * A file whose line endings were converted (git's autocrlf, another editor) keeps its annotations' context.
 */
function isLoneCR(a: string, i: number, b: string, lf: number): boolean {
  return a.charCodeAt(i) === CR && a.charCodeAt(i + 1) === LF && b.charCodeAt(lf) === LF;
}
const CR = 13, LF = 10;

/** Levenshtein distance of two short strings (context of at most a few dozen characters). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1), cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Similarity (0..1) of a stored context and the text found in its place; an empty stored context (the anchor
 * was at the start or end of the text) matches only the same edge. */
function contextSimilarity(stored: string, found: string, atEdge: boolean): number {
  if (stored.length === 0) return atEdge ? 1 : 0;
  return 1 - editDistance(stored, found) / Math.max(stored.length, found.length);
}

class QuoteLocator {
  private fuzzyBudget: number;
  /** How the article writes line breaks when it uses one way only (see inArticleLineBreaks); computed on first use. */
  private lineBreaks: 'crlf' | 'lf' | 'mixed' | undefined;

  constructor(private readonly text: string, options: ReanchorOptions) {
    this.fuzzyBudget = options.fuzzyBudget ?? FUZZY_SCANS * Math.max(text.length, MIN_BUDGETED_LENGTH);
  }

  /**
   * The anchor with its text's line breaks written as the article writes them, when the article writes them one way
   * only and the anchor the other (its line endings were converted): the text as saved cannot occur in it then, and
   * an annotation across a paragraph break would be found only approximately, or, short, not at all.
   */
  private inArticleLineBreaks(a: TextAnchor): TextAnchor {
    if (!a.text.includes('\n')) return a;
    if (this.lineBreaks === undefined) {
      const crlf = this.text.includes('\r\n'), lf = /(?:^|[^\r])\n/.test(this.text);
      this.lineBreaks = crlf && lf ? 'mixed' : crlf ? 'crlf' : 'lf';
    }
    const text = this.lineBreaks === 'crlf' ? a.text.replace(/\r?\n/g, '\r\n') : this.lineBreaks === 'lf' ? a.text.replace(/\r\n/g, '\n') : a.text;
    return text === a.text ? a : { ...a, text };
  }

  /** The first occurrence of `needle` starting in [from, to), reading no text beyond that range. */
  private indexIn(needle: string, from: number, to: number): number {
    const start = Math.max(0, from), end = Math.min(this.text.length, to + needle.length - 1);
    if (end - start < needle.length) return -1;
    const i = this.text.slice(start, end).indexOf(needle);
    return i < 0 ? -1 : start + i;
  }

  /** Every occurrence of `needle` starting in [from, to). */
  private occurrencesIn(needle: string, from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = this.indexIn(needle, from, to); i >= 0; i = this.indexIn(needle, i + 1, to)) out.push(i);
    return out;
  }

  private positionScore(start: number, hint: number): number {
    return 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, this.text.length));
  }

  /** Share (0..1) of the stored prefix and suffix found verbatim around an exact occurrence. */
  private exactContextScore(a: TextAnchor, start: number, end: number): number {
    const pre = a.prefix.length === 0 ? (start === 0 ? 1 : 0) : commonTail(a.prefix, this.text, start) / a.prefix.length;
    const suf = a.suffix.length === 0 ? (end === this.text.length ? 1 : 0) : commonHead(a.suffix, this.text, end) / a.suffix.length;
    return (pre + suf) / 2;
  }

  /**
   * Step 2: the best exact occurrence, or null if none is trustworthy: the best-scoring one if enough of its
   * context is there, else the nearest one if it is near, else (for a long text) the best-scoring one anyway;
   * `unique` when the text occurs once in the whole article.
   * The occurrences are collected from the expected position outwards, in windows of doubling width, and the search
   * stops before the whole text when its answer is known: the best occurrence so far has all its context (one
   * farther away has no more context and a worse position), or the window holds every candidate (MAX_CANDIDATES).
   */
  private exact(a: TextAnchor, hint: number): (Found & { context: number; unique: boolean }) | null {
    const { text } = this;
    let occurrences: number[] = [], searchedAll = false;
    for (let reach = NEAR_DISTANCE, from = hint, to = hint; ; reach *= 2) {
      const wider = [Math.max(0, hint - reach), Math.min(text.length, hint + reach + 1)];
      occurrences = [...this.occurrencesIn(a.text, wider[0], from), ...occurrences, ...this.occurrencesIn(a.text, to, wider[1])];
      [from, to] = wider;
      searchedAll = from === 0 && to === text.length;
      if (searchedAll || occurrences.length >= MAX_CANDIDATES || this.bestExact(a, hint, occurrences)?.context === 1) break;
    }
    if (occurrences.length === 0) return null;
    const candidates = nearestFirst(occurrences, hint);
    const { start: best, context: bestContext } = this.bestExact(a, hint, candidates)!;
    const found = (start: number, context: number) => ({ start, end: start + a.text.length, fuzzy: false, context, unique: searchedAll && occurrences.length === 1 });
    if (bestContext >= 0.25) return found(best, bestContext);
    if (Math.abs(candidates[0] - hint) <= NEAR_DISTANCE) return found(candidates[0], this.exactContextScore(a, candidates[0], candidates[0] + a.text.length));
    return a.text.length >= SHORT_QUOTE ? found(best, bestContext) : null;
  }

  /** The best-scoring of the exact occurrences nearest the expected position (context first, then nearness). */
  private bestExact(a: TextAnchor, hint: number, occurrences: number[]): { start: number; context: number } | null {
    let best: { start: number; context: number } | null = null, bestScore = -1;
    for (const start of nearestFirst(occurrences, hint)) {
      const context = this.exactContextScore(a, start, start + a.text.length);
      const score = W_CONTEXT * 2 * context + W_POSITION * this.positionScore(start, hint);
      if (score > bestScore) { best = { start, context }; bestScore = score; }
    }
    return best;
  }

  /**
   * An approximate match that holds or overlaps an exact occurrence of the text is that occurrence: the text
   * survived, and what differs around it was inserted at its edges (a space, a word, a moved paragraph).
   */
  private exactWithin(a: TextAnchor, m: Found): Found {
    if (!m.fuzzy) return m;
    const i = this.indexIn(a.text, m.start - a.text.length + 1, m.end);
    return i >= 0 ? { start: i, end: i + a.text.length, fuzzy: false } : m;
  }

  private fuzzyScore(a: TextAnchor, m: Candidate, hint: number): number {
    const { text } = this;
    const quote = 1 - m.errors / a.text.length;
    const prefix = contextSimilarity(a.prefix, text.slice(Math.max(0, m.start - a.prefix.length), m.start), m.start === 0);
    const suffix = contextSimilarity(a.suffix, text.slice(m.end, m.end + a.suffix.length), m.end === text.length);
    return (W_QUOTE * quote + W_CONTEXT * (prefix + suffix) + W_POSITION * this.positionScore(m.start, hint)) / W_TOTAL;
  }

  private bestFuzzy(a: TextAnchor, from: number, to: number, hint: number, maxErrors: number): Scored | null {
    const matches = search(this.text.slice(from, to), a.text, maxErrors)
      .map(m => ({ start: m.start + from, end: m.end + from, errors: m.errors }))
      .filter(m => m.end > m.start);
    let best: Scored | null = null;
    for (const m of nearestFirst(matches, hint, m => m.start)) {
      const score = this.fuzzyScore(a, m, hint);
      if (score >= FUZZY_THRESHOLD && (!best || score > best.score)) best = { start: m.start, end: m.end, fuzzy: true, score };
    }
    return best;
  }

  /** How far from the expected position the approximate search near it looks. */
  reach(a: TextAnchor): number {
    return Math.max(2048, 2 * a.text.length);
  }

  private window(a: TextAnchor, hint: number): [number, number] {
    const reach = this.reach(a);
    return [Math.max(0, hint - reach), Math.min(this.text.length, hint + a.text.length + reach)];
  }

  /** Step 3: an approximate match near the expected position. */
  private fuzzyNear(a: TextAnchor, hint: number): Scored | null {
    if (a.text.length < MIN_FUZZY_LENGTH) return null;
    const [from, to] = this.window(a, hint);
    return this.bestFuzzy(a, from, to, hint, Math.floor(a.text.length * MAX_ERROR_RATE));
  }

  /**
   * Step 3 too: the passage between the stored prefix and suffix near the expected position, when its length is
   * within the error rate of the stored text's — the annotated text edited in place. The approximate search alone
   * reports only the fewest-error matches, so an unedited copy of the text nearby (a pull quote, a repeated
   * paragraph) would hide the edited original from it.
   */
  private bracketed(a: TextAnchor, hint: number): Scored | null {
    const { text } = this;
    const before = a.prefix.slice(-BRACKET_CONTEXT), after = a.suffix.slice(0, BRACKET_CONTEXT);
    if (before.length < MIN_BRACKET_CONTEXT || after.length < MIN_BRACKET_CONTEXT || a.text.length > MAX_BRACKETED_LENGTH) return null;
    const maxErrors = Math.floor(a.text.length * MAX_ERROR_RATE);
    const [from, to] = this.window(a, hint);
    let best: Scored | null = null;
    for (let p = this.indexIn(before, from, to), tries = 0; p >= 0 && tries < MAX_CANDIDATES; p = this.indexIn(before, p + 1, to), tries++) {
      const start = p + before.length;
      const end = this.indexIn(after, start + Math.max(1, a.text.length - maxErrors), start + a.text.length + maxErrors + 1);
      if (end < 0) continue;
      const errors = editDistance(a.text, text.slice(start, end));
      if (errors > maxErrors) continue;
      const score = this.fuzzyScore(a, { start, end, errors }, hint);
      if (score >= FUZZY_THRESHOLD && (!best || score > best.score)) best = { start, end, fuzzy: errors > 0, score };
    }
    return best;
  }

  /** Step 3, last resort: an approximate match anywhere, while the budget lasts. */
  private fuzzyAnywhere(a: TextAnchor, hint: number): Found | null {
    if (a.text.length < MIN_FUZZY_LENGTH) return null;
    const [from, to] = this.window(a, hint);
    const work = this.text.length * Math.ceil(a.text.length / WORD_BITS);
    if ((from === 0 && to === this.text.length) || this.fuzzyBudget < work) return null;
    this.fuzzyBudget -= work;
    return this.bestFuzzy(a, 0, this.text.length, hint, Math.floor(a.text.length * MAX_ERROR_RATE));
  }

  /**
   * `hints` are the expected positions, the first (the shift of the item placed last) before the second (the shift
   * before the last jump, see the module comment), which only adds a window to the approximate search.
   */
  locate(stored: TextAnchor, hints: readonly number[], trustStoredPosition: boolean): Found | null {
    const { text } = this, hint = hints[0], a = this.inArticleLineBreaks(stored);
    if (a.text.length === 0) return null;
    // Step 1: exact at the stored or expected position, with its context around it.
    for (const at of hint === a.start ? [a.start] : [a.start, hint]) {
      if (at < 0 || at + a.text.length > text.length || !text.startsWith(a.text, at)) continue;
      if ((trustStoredPosition && at === a.start) || this.exactContextScore(a, at, at + a.text.length) === 1) {
        return { start: at, end: at + a.text.length, fuzzy: false };
      }
    }
    // Step 2. The exact text wins outright when it has all its context, or when it occurs nowhere else in the article.
    const exact = this.exact(a, hint);
    if (exact && (exact.context === 1 || exact.unique)) return exact;
    // Else it is weighed against step 3: the same words, repeated elsewhere with part of their surroundings, lose to
    // the annotated passage itself, lightly edited, in its place.
    const rivals = hints.flatMap(h => [this.fuzzyNear(a, h), this.bracketed(a, h)]).filter((r): r is Scored => r !== null);
    if (rivals.length === 0) {
      const anywhere = exact ?? this.fuzzyAnywhere(a, hint);
      return anywhere && this.exactWithin(a, anywhere);
    }
    const best = rivals.reduce((x, y) => (y.score > x.score ? y : x));
    const exactScore = exact && Math.max(...hints.map(h => this.fuzzyScore(a, { ...exact, errors: 0 }, h)));
    return exact && exactScore! >= best.score ? exact : this.exactWithin(a, best);
  }
}

/** Up to MAX_CANDIDATES values, nearest to `hint` first. */
function nearestFirst<T>(values: T[], hint: number, pos: (v: T) => number = v => v as unknown as number): T[] {
  if (values.length <= 1) return values;
  return [...values].sort((x, y) => Math.abs(pos(x) - hint) - Math.abs(pos(y) - hint) || pos(x) - pos(y))
    .slice(0, MAX_CANDIDATES);
}

/**
 * Place every item in `text` again (see the module comment). Items keep their order and ids; a placed item gets a
 * fresh anchor (its text is what it now covers, its context re-read); an item that cannot be placed is returned
 * orphaned with its stored text and a position clamped into the text.
 */
export function reanchorItems<T extends Anchored>(items: readonly T[], text: string, options: ReanchorOptions = {}): ReanchorResult<T> {
  const locator = new QuoteLocator(text, options);
  const out: T[] = new Array(items.length);
  const outcomes: AnchorOutcome[] = new Array(items.length);
  // Visit in stored order so each item's expected position can follow the shift of the items placed before it.
  const order = items.map((_, i) => i).sort((x, y) => items[x].anchor.start - items[y].anchor.start || x - y);
  // `shift` is the last placed item's; `shiftBeforeJump` the one in force before the last jump, where an item that
  // stayed in place while the items just before it moved away is expected.
  let shift = 0, shiftBeforeJump = 0;
  for (const i of order) {
    const item = items[i], a = item.anchor;
    const hint = Math.min(Math.max(0, a.start + shift), text.length);
    const resumed = Math.min(Math.max(0, a.start + shiftBeforeJump), text.length);
    const found = locator.locate(a, resumed === hint ? [hint] : [hint, resumed], options.textUnchanged === true);
    if (!found) {
      const start = Math.min(Math.max(0, hint), text.length);
      out[i] = withOrphaned({ ...item, anchor: { ...a, start, end: start } }, true);
      outcomes[i] = 'orphaned';
      continue;
    }
    if (Math.abs(found.start - hint) > locator.reach(a)) shiftBeforeJump = shift;
    shift = found.start - a.start;
    const anchor = makeAnchor(text, found.start, found.end);
    const same = !item.orphaned && anchor.start === a.start && anchor.end === a.end && anchor.text === a.text &&
      anchor.prefix === a.prefix && anchor.suffix === a.suffix;
    out[i] = same ? item : withOrphaned({ ...item, anchor }, false);
    outcomes[i] = found.fuzzy ? 'fuzzy' : anchor.start === a.start && !item.orphaned ? 'unchanged' : 'moved';
  }
  return { items: out, outcomes };
}

export interface ReanchorReport {
  readonly unchanged: number;
  readonly moved: number;
  readonly fuzzy: number;
  readonly orphaned: number;
}

/**
 * A sidecar document placed on the current article text, with counts for the editor to report ("3 annotations
 * moved, 1 could not be found"). When the text hash matches, this is a cheap check of every anchor.
 */
export function reanchorDocument(doc: SidecarDocument, text: string, options: ReanchorOptions = {}): { document: SidecarDocument; report: ReanchorReport } {
  const textHash = hashText(text);
  const opts: ReanchorOptions = { textUnchanged: doc.textHash === textHash, ...options };
  const annotations = reanchorItems(doc.annotations, text, opts);
  const decisions = reanchorItems(decisionAnchorItems(doc.decisions), text, opts);
  const counts = { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const o of [...annotations.outcomes, ...decisions.outcomes]) counts[o]++;
  return {
    document: { ...doc, textHash, annotations: annotations.items, decisions: withDecisionAnchorItems(doc.decisions, decisions.items) },
    report: counts,
  };
}
