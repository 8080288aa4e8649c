// Firms and institutions named after people ("Morgan Stanley", "Ernst & Young", "Goldman Sachs Group Inc"): the
// context that says a capitalised run is a firm, and the firm's name as a key so that its other mentions in the
// article ("Goldman Sachs said") are not taken for a person either.
import { isLetter, isSpace } from '../text/chars';
import type { ScannedText } from './runs';
import { Context, type ContextWords, Word } from './vocabulary';

const AMPERSAND = 38;
// The word and context bits by their short names.
const { CORPORATE_SUFFIX, NON_NAME, TITLE } = Word;
const { FIRM_HEAD, WORKPLACE_ROLE } = Context;

/** Reads what surrounds the runs of one scanned article. */
export class FirmContext {
  /**
   * flagsOfWord: word bits by vocabulary id (every token's word was added during the scan, so it holds the bits of
   * all tokens); contextWords: the bits of the words around runs.
   */
  constructor(private readonly text: string, private readonly scanned: ScannedText, private readonly flagsOfWord: Int32Array,
    private readonly contextWords: ContextWords) {}

  private contextBits(start: number, end: number): number { return this.contextWords.bits(start, end); }

  private flags(k: number): number { return this.flagsOfWord[this.scanned.tokenWord[k]]; }

  /** Run r is a firm by its context: next to "&", after "<job> at", before "analysts", or ending in "Inc". */
  isFirm(r: number): boolean {
    const s = this.scanned;
    return this.isJoinedByAmpersand(r) || this.isAfterWorkplaceRole(s.runStart(r))
      || (!s.runPossessive[r] && this.isBeforeFirmHead(s.runStop(r)))
      || (s.runEnd[r] - s.runFirst[r] >= 2 && (this.flags(s.runEnd[r] - 1) & CORPORATE_SUFFIX) !== 0);
  }

  /** "Ernst & Young", "Procter & Gamble", "Morgan Stanley & Co.": a run with "&" right before or after it. */
  private isJoinedByAmpersand(r: number): boolean {
    const text = this.text;
    let after = this.scanned.runStop(r);
    if (isSpace(text.charCodeAt(after))) after++;
    if (text.charCodeAt(after) === AMPERSAND) return true;
    let before = this.scanned.runStart(r) - 1;
    if (isSpace(text.charCodeAt(before))) before--;
    return text.charCodeAt(before) === AMPERSAND;
  }

  /** "an economist at Morgan Stanley", "researchers at Carnegie Mellon". */
  private isAfterWorkplaceRole(pos: number): boolean {
    const text = this.text;
    if (!isSpace(text.charCodeAt(pos - 1)) || !text.startsWith('at', pos - 3) || !isSpace(text.charCodeAt(pos - 4))) return false;
    const end = pos - 4;
    let start = end;
    while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
    return start < end && end - start <= 16 && (this.contextBits(start, end) & WORKPLACE_ROLE) !== 0;
  }

  /** "Morgan Stanley analysts", "a Lazard banker". */
  private isBeforeFirmHead(pos: number): boolean {
    const text = this.text;
    if (!isSpace(text.charCodeAt(pos))) return false;
    let end = pos + 1;
    while (isLetter(text.charCodeAt(end))) end++;
    return end > pos + 1 && end - pos <= 14 && (this.contextBits(pos + 1, end) & FIRM_HEAD) !== 0;
  }

  /**
   * Key of the firm name in run r (a firm by isFirm): its words without a leading "The" and trailing company
   * words ("The Goldman Sachs Group Inc" → Goldman Sachs), when two or more are left and no person title is among
   * them; null otherwise. A one-word stem ("Trump" of "Trump Organization") may well be a person elsewhere.
   */
  stemKey(r: number): string | null {
    const s = this.scanned;
    let first = s.runFirst[r];
    let end = s.runEnd[r];
    for (let k = first; k < end; k++) if (this.flags(k) & TITLE) return null;
    while (first < end && (this.flags(first) & NON_NAME)) first++;
    while (end > first && (this.flags(end - 1) & CORPORATE_SUFFIX)) end--;
    return end - first >= 2 ? nameKey(s.tokenWord, first, end) : null;
  }
}

/** Key of the words of tokens [first, end): their vocabulary ids. */
export function nameKey(tokenWord: Int32Array, first: number, end: number): string {
  let key = String(tokenWord[first]);
  for (let k = first + 1; k < end; k++) key += ',' + tokenWord[k];
  return key;
}
