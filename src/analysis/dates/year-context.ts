// Is a bare four-digit number a year? Only when it looks like one in context: "in 1998", "the 2016 election",
// but not "1,998 people", "$2016", "Room 1998", "2000 troops", "555-2016" or "1998 Main Street". The word lists are
// in ../lexicon (identifier-nouns, counted-nouns, counted-noun-endings, quantity-phrases, street-suffixes).
import { lexicon } from '../lexicon';

/** Words that introduce an identifier or a count, not a year: "Room 1998", "Resolution 2270", "No. 2016" (any case). */
const ID_NOUNS: ReadonlySet<string> = new Set(lexicon.identifierNouns.entries);
const COUNTED_NOUNS: ReadonlySet<string> = new Set(lexicon.countedNouns.entries);
const COUNTED_NOUN_ENDINGS = lexicon.countedNounEndings.entries;
const phrasePattern = (phrases: readonly string[]): string => phrases.map(p => p.replace(/ /g, '\\s+')).join('|');
// The patterns below named *_BEFORE are sticky lookbehinds tried at the end of the context before a number (endsWith):
// matched backwards once, where a pattern ending in $ is tried from every position of the context.
/** The word right before a number, past a period, "#" and spaces ("No. 2016", "Room #1998"). */
const WORD_BEFORE = /(?<=(?:^|[^A-Za-z])([A-Za-z]+)\.?\s*#?\s*)/y;
/** Prepositions that make an older number a year: "in 1776", "since 1850". */
const STRONG_PREPOSITION_BEFORE = /(?<=(?:^|[^A-Za-z])(?:in|since|until|till|by|from|during|of|circa|c\.)\s+)/iy;
/** Comparatives that make the number a quantity: "more than 2000", "up to 2050". */
const QUANTITY_BEFORE = new RegExp(`(?<=(?:^|[^A-Za-z])(?:${phrasePattern(lexicon.quantityPhrases.entries)})\\s+)`, 'iy');
/** Approximators that make the number a quantity unless it ends a phrase: "about 2000 of them" vs "around 2000,". */
const APPROXIMATELY_BEFORE = /(?<=(?:^|[^A-Za-z])(?:some|about|around|nearly|almost|roughly|only|just)\s+)/iy;
/** "mid-2016": the middle of a year, not an ID like "A-2016". */
const MID_BEFORE = /(?:^|[^A-Za-z])mid-$/i;
/** Money and other signs before a number: "$2016", "#2016". */
const SIGN_BEFORE = /(?<=[$€£¥#@%&+\\/]\s*)/y;
/** The word after a number, for the counted nouns: "1998 people", "2000 troops", "2016 km"; or "years old". */
const WORD_AFTER = /^\s*([A-Za-z0-9]+)/;
const YEARS_OLD_AFTER = /^\s*years?[- ]old(?![A-Za-z])/i;
function countedNounAfter(after: string): boolean {
  if (YEARS_OLD_AFTER.test(after)) return true;
  const w = WORD_AFTER.exec(after)?.[1].toLowerCase();
  return w !== undefined && (COUNTED_NOUNS.has(w) || COUNTED_NOUN_ENDINGS.some(e => w.endsWith(e)));
}
/** Street addresses: "1998 Main Street", "2000 N. Pennsylvania Ave." */
const STREET_AFTER = new RegExp(`^\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z]+\\.?\\s+){1,3}(?:${lexicon.streetSuffixes.entries.join('|')})(?![a-z])`);

/** The match of a sticky lookbehind `re` at the end of `before`, if any. */
function endsWith(re: RegExp, before: string): RegExpExecArray | null {
  re.lastIndex = before.length;
  return re.exec(before);
}

/**
 * Whether text[start, end) (four digits) reads as a year: 1900..2099, or back to 1500 after a preposition
 * ("in 1776"), and not money, a count, an identifier, a phone number or a street address.
 */
export function looksLikeYear(text: string, start: number, end: number): boolean {
  const year = +text.slice(start, end);
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 60);
  if (year > 2099) return false;
  if (year < 1900 && !(year >= 1500 && endsWith(STRONG_PREPOSITION_BEFORE, before))) return false;
  if (endsWith(SIGN_BEFORE, before) || (/[0-9A-Za-z][-.:/_]$/.test(before) && !MID_BEFORE.test(before))) {
    // "$2016", "555-2016", "3.2016", "A-2016": part of money, a phone number or an ID. A year range is fine.
    if (!/(?:1[5-9]|20)[0-9]{2}\s*[-–—/]\s*$/.test(before)) return false;
  }
  if (/[0-9]\s$/.test(before)) return false; // "02 2016 1234": digit groups of a phone number or ID
  if (/^(?:[%‰]|[,.][0-9]|[-/.:][0-9]{3}|\s[0-9]{3}|[0-9A-Za-z_])/.test(after)) {
    // "2016%", "2016.5", "2016-1234", "2016 1234": a quantity or an ID
    if (!/^(?:[-–—/][0-9]{2}(?![0-9])|[-–—]\s*(?:1[0-9]|20)[0-9]{2}(?![0-9]))/.test(after) && !/^['’]s\b/.test(after)) return false;
  }
  const word = endsWith(WORD_BEFORE, before);
  if (word && ID_NOUNS.has(word[1].toLowerCase())) return false;
  if (countedNounAfter(after) && !/^\s*(?:days|weeks|months)\s+(?:of|in)\b/i.test(after)) return false;
  if (endsWith(QUANTITY_BEFORE, before)) return false;
  if (endsWith(APPROXIMATELY_BEFORE, before) && !/^\s*(?:[-–—,.;:)]|and\b|to\b|through\b|$)/i.test(after)) return false;
  if (STREET_AFTER.test(after)) return false;
  return true;
}
