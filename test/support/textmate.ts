// Loads syntaxes/news.tmLanguage.json with the same engine VS Code uses (vscode-textmate + the Oniguruma WASM) and
// tokenizes whole documents line by line, carrying the rule stack over, so tests can ask which scopes a substring got.
import fs from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IRawTheme, type StateStack } from 'vscode-textmate';
import { repoRoot } from './paths';

export const NEWS_SCOPE_NAME = 'text.plain.news';
export const grammarPath = path.join(repoRoot, 'syntaxes', 'news.tmLanguage.json');

let onigReady: Promise<void> | undefined;
let grammarPromise: Promise<IGrammar> | undefined;

/** Initialises the Oniguruma WASM, once per process (a second loadWASM call throws). */
export function loadOniguruma(): Promise<void> {
  onigReady ??= (async () => {
    const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  return onigReady;
}

/** A registry holding only the news grammar, optionally with a colour theme (for checks on resolved colours). */
export async function createNewsRegistry(theme?: IRawTheme): Promise<{ registry: Registry; grammar: IGrammar }> {
  await loadOniguruma();
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === NEWS_SCOPE_NAME ? parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    theme,
  });
  const grammar = await registry.loadGrammar(NEWS_SCOPE_NAME);
  if (!grammar) throw new Error(`grammar ${NEWS_SCOPE_NAME} not found in ${grammarPath}`);
  return { registry, grammar };
}

/** The news grammar without a theme, loaded once per process. */
export function loadNewsGrammar(): Promise<IGrammar> {
  grammarPromise ??= createNewsRegistry().then((r) => r.grammar);
  return grammarPromise;
}

/**
 * Foreground colour ("#RRGGBB" as the theme spells it) of every character of a one-line text under the registry's
 * theme, decoded from vscode-textmate's binary tokens (foreground id in bits 15-23 of each token's metadata).
 */
export function foregroundPerChar(registry: Registry, grammar: IGrammar, line: string): string[] {
  const colorMap = registry.getColorMap();
  const { tokens } = grammar.tokenizeLine2(line, INITIAL);
  const colours: string[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const start = tokens[i];
    const end = i + 2 < tokens.length ? tokens[i + 2] : line.length;
    const colour = colorMap[(tokens[i + 1] & 0x00ff8000) >>> 15];
    for (let c = start; c < end; c++) colours[c] = colour;
  }
  return colours;
}

/** One token in document coordinates (UTF-16 offsets, end exclusive). */
export interface DocToken {
  start: number;
  end: number;
  scopes: string[];
}

export interface TokenizedDocument {
  text: string;
  tokens: DocToken[];
  /** True if any line hit vscode-textmate's time limit (never set here: no limit is passed). */
  stoppedEarly: boolean;
}

/** Tokenizes `text` line by line ("\n" or "\r\n"), as an editor does, with the rule stack carried across lines. */
export function tokenizeDocument(grammar: IGrammar, text: string): TokenizedDocument {
  const tokens: DocToken[] = [];
  let stack: StateStack = INITIAL;
  let stoppedEarly = false;
  let lineStart = 0;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const result = grammar.tokenizeLine(line, stack);
    stoppedEarly ||= result.stoppedEarly;
    for (const t of result.tokens) {
      const start = lineStart + t.startIndex;
      const end = lineStart + Math.min(t.endIndex, line.length);
      if (end > start) tokens.push({ start, end, scopes: t.scopes });
    }
    stack = result.ruleStack;
    lineStart += rawLine.length + 1;
  }
  return { text, tokens, stoppedEarly };
}

/** Offset of the `occurrence`-th (0-based) appearance of `needle`; throws if absent so a test cannot pass vacuously. */
export function offsetOf(text: string, needle: string, occurrence = 0, from = 0): number {
  let at = text.indexOf(needle, from);
  for (let i = 0; i < occurrence && at >= 0; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found in the text`);
  return at;
}

/** Scopes of the token covering the character at `offset` (binary search: tokens are in document order). */
export function scopesAtOffset(doc: TokenizedDocument, offset: number): string[] {
  let lo = 0, hi = doc.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = doc.tokens[mid];
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t.scopes;
  }
  return [];
}

/** Scopes every character of the substring has (the intersection over the tokens it covers). */
export function scopesOf(doc: TokenizedDocument, needle: string, occurrence = 0): string[] {
  const start = offsetOf(doc.text, needle, occurrence);
  const covering = doc.tokens.filter((t) => t.start < start + needle.length && t.end > start);
  if (covering.length === 0) return [];
  return covering[0].scopes.filter((s) => covering.every((t) => t.scopes.includes(s)));
}

const hasScope = (doc: TokenizedDocument, offset: number, scope: string): boolean =>
  scopesAtOffset(doc, offset).includes(scope);

/**
 * The whole stretch of text carrying `scope` around the first character of the `occurrence`-th `needle`, or null if
 * that character lacks the scope. A line break inside the stretch is kept when the characters on both sides have the
 * scope, so a quotation spanning lines comes back whole. Lets a test say: the person scope covers exactly "John Kerry".
 */
export function scopedText(doc: TokenizedDocument, needle: string, scope: string, occurrence = 0): string | null {
  const at = offsetOf(doc.text, needle, occurrence);
  if (!hasScope(doc, at, scope)) return null;
  const inScope = (i: number): boolean =>
    i >= 0 && i < doc.text.length &&
    (doc.text[i] === '\n' ? hasScope(doc, i - 1, scope) && hasScope(doc, i + 1, scope) : hasScope(doc, i, scope));
  let start = at;
  while (inScope(start - 1)) start--;
  let end = at + 1;
  while (inScope(end)) end++;
  return doc.text.slice(start, end);
}

/** Every maximal stretch of text carrying `scope`, in document order (same line-break rule as scopedText). */
export function allScopedTexts(doc: TokenizedDocument, scope: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < doc.text.length) {
    if (doc.text[i] !== '\n' && hasScope(doc, i, scope)) {
      let end = i + 1;
      while (end < doc.text.length &&
        (doc.text[end] === '\n' ? hasScope(doc, end - 1, scope) && hasScope(doc, end + 1, scope) : hasScope(doc, end, scope))) end++;
      found.push(doc.text.slice(i, end));
      i = end;
    } else {
      i++;
    }
  }
  return found;
}
