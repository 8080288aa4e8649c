// Where a quotation's span ends beyond its closing mark. Wikinews tags a quotation translated from another language
// with that language's code right after it — “…” ((it)) — and the tag, with the period that then ends the sentence,
// belongs to the quotation.

// A space, "((" two or three lower-case letters "))", then a sentence-ending period (one followed by a space or the end).
const LANGUAGE_TAG = / ?\(\([a-z]{2,3}\)\)(?:\.(?=\s|$))?/y;

/** End of the quotation closing at `end`: after a source-language tag when one follows, else `end` itself. */
export function extendOverLanguageTag(text: string, end: number): number {
  LANGUAGE_TAG.lastIndex = end;
  return LANGUAGE_TAG.test(text) ? LANGUAGE_TAG.lastIndex : end;
}
