// Semantic tokens: the provider's work on a whole article (analyze() + readerView() + layTokens() + the builder's
// encoding), on 100 KB and 1 MB synthetic articles. `vscode` is not loadable in plain Node, so the builder's relative encoding
// is reimplemented here exactly as VS Code's SemanticTokensBuilder does it (extHostTypes.ts).
import { analyze } from '../../src/analysis/analyze';
import { layTokens } from '../../src/editor/tokenLayout';
import { readerView } from '../../src/entities/readerView';
import { fmt, formatSize, mark, median, progress, startClock, table, utf8Bytes, type MeasureOptions } from './measure';

/**
 * VS Code's SemanticTokensBuilder, numeric overload only: 5 integers per token (deltaLine, deltaStartChar, length,
 * tokenType, tokenModifiers), start char relative to the previous token when on the same line. Tokens pushed out
 * of order switch it to absolute storage and a sort at build(), as in VS Code.
 */
export class TokenEncoder {
  private prevLine = 0;
  private prevChar = 0;
  private sortedAndDeltaEncoded = true;
  private readonly data: number[] = [];
  private dataLen = 0;

  push(line: number, char: number, length: number, tokenType: number, tokenModifiers = 0): void {
    if (this.sortedAndDeltaEncoded && (line < this.prevLine || (line === this.prevLine && char < this.prevChar))) {
      // Out of order: undo the delta encoding of what is stored so far.
      this.sortedAndDeltaEncoded = false;
      const tokenCount = (this.data.length / 5) | 0;
      let prevLine = 0;
      let prevChar = 0;
      for (let i = 0; i < tokenCount; i++) {
        let l = this.data[5 * i];
        let c = this.data[5 * i + 1];
        if (l === 0) { l = prevLine; c += prevChar; } else { l += prevLine; }
        this.data[5 * i] = l;
        this.data[5 * i + 1] = c;
        prevLine = l;
        prevChar = c;
      }
    }
    let pushLine = line;
    let pushChar = char;
    if (this.sortedAndDeltaEncoded && this.dataLen > 0) {
      pushLine -= this.prevLine;
      if (pushLine === 0) pushChar -= this.prevChar;
    }
    this.data[this.dataLen++] = pushLine;
    this.data[this.dataLen++] = pushChar;
    this.data[this.dataLen++] = length;
    this.data[this.dataLen++] = tokenType;
    this.data[this.dataLen++] = tokenModifiers;
    this.prevLine = line;
    this.prevChar = char;
  }

  build(): Uint32Array {
    return this.sortedAndDeltaEncoded ? new Uint32Array(this.data) : TokenEncoder.sortAndDeltaEncode(this.data);
  }

  private static sortAndDeltaEncode(data: number[]): Uint32Array {
    const tokenCount = (data.length / 5) | 0;
    const pos: number[] = [];
    for (let i = 0; i < tokenCount; i++) pos[i] = i;
    pos.sort((a, b) => data[5 * a] === data[5 * b] ? data[5 * a + 1] - data[5 * b + 1] : data[5 * a] - data[5 * b]);
    const result = new Uint32Array(data.length);
    let prevLine = 0;
    let prevChar = 0;
    for (let i = 0; i < tokenCount; i++) {
      const src = 5 * pos[i];
      const line = data[src];
      const char = data[src + 1];
      const pushLine = line - prevLine;
      result[5 * i] = pushLine;
      result[5 * i + 1] = pushLine === 0 ? char - prevChar : char;
      result[5 * i + 2] = data[src + 2];
      result[5 * i + 3] = data[src + 3];
      result[5 * i + 4] = data[src + 4];
      prevLine = line;
      prevChar = char;
    }
    return result;
  }
}

/** What provideDocumentSemanticTokens does for one document, minus the vscode objects. */
export function provideTokens(text: string): Uint32Array {
  const encoder = new TokenEncoder();
  for (const t of layTokens(text, readerView(analyze(text), undefined).items)) encoder.push(t.line, t.char, t.length, t.type, t.modifiers);
  return encoder.build();
}

export const TOKEN_TARGET_MS: Record<string, number> = { '100 KB': 50, '1 MB': 300 };

export interface TokensRow {
  name: string;
  bytes: number;
  tokens: number;
  /** Median of the provider's whole time, and of its two parts (each a median over the same runs). */
  totalMs: number;
  /** Median CPU time of the whole provider call (see Timing.medianCpuMs). */
  totalCpuMs: number;
  analyzeMs: number;
  layoutAndEncodeMs: number;
  runsMs: number[];
  targetMs?: number;
  /** compromise's CPU time on the same text (same run) ÷ the provider's CPU time. */
  compromiseCpuMs?: number;
  ratio?: number;
}

export function benchTokens(name: string, text: string, options: MeasureOptions, compromiseCpuMs?: number): TokensRow {
  progress(`semantic tokens on ${name}`);
  for (let i = 0; i < options.warmup; i++) provideTokens(text);
  const totals: number[] = [];
  const cpuTotals: number[] = [];
  const analyses: number[] = [];
  const layouts: number[] = [];
  let tokens = 0;
  let spent = 0;
  while (totals.length < Math.max(1, options.reps) && (totals.length === 0 || spent < (options.budgetMs ?? Infinity))) {
    const total = startClock();
    const analysis = analyze(text);
    const analyzed = total();
    const layout = startClock();
    const encoder = new TokenEncoder();
    for (const t of layTokens(text, readerView(analysis, undefined).items)) encoder.push(t.line, t.char, t.length, t.type, t.modifiers);
    tokens = encoder.build().length / 5;
    const laid = layout();
    const all = total();
    totals.push(all.wallMs);
    cpuTotals.push(all.cpuMs);
    analyses.push(analyzed.wallMs);
    layouts.push(laid.wallMs);
    spent += all.wallMs;
  }
  const totalCpuMs = median(cpuTotals);
  return {
    name, bytes: utf8Bytes(text), tokens, totalMs: median(totals), totalCpuMs, analyzeMs: median(analyses), layoutAndEncodeMs: median(layouts),
    runsMs: totals, targetMs: TOKEN_TARGET_MS[name], compromiseCpuMs, ratio: compromiseCpuMs !== undefined ? compromiseCpuMs / totalCpuMs : undefined,
  };
}

export function formatTokens(rows: TokensRow[]): string[] {
  const out = ['Semantic tokens (provider time: analyze() + readerView() + layTokens() + SemanticTokensBuilder encoding; median process CPU time, GC and compiler threads included)'];
  const withCompromise = rows.some(r => r.compromiseCpuMs !== undefined);
  out.push(...table([
    ['text', 'size', 'tokens', 'provider', 'target', '', ...(withCompromise ? ['compromise', 'ratio'] : []), 'wall time: provider = analyze + layout&encode'],
    ...rows.map(r => [
      r.name, formatSize(r.bytes), String(r.tokens), `${fmt(r.totalCpuMs)} ms`,
      r.targetMs !== undefined ? `< ${r.targetMs} ms` : '-', r.targetMs !== undefined ? mark(r.totalCpuMs < r.targetMs) : '',
      ...(withCompromise ? [r.compromiseCpuMs !== undefined ? `${fmt(r.compromiseCpuMs / 1000)} s` : '-', r.ratio !== undefined ? `${fmt(r.ratio)}× faster` : '-'] : []),
      `${fmt(r.totalMs)} ms = ${fmt(r.analyzeMs)} + ${fmt(r.layoutAndEncodeMs)} ms`,
    ]),
  ]).map(s => `  ${s}`));
  out.push('  (The same article each run, as the editor asks for tokens again after every edit; first-time text is row (a) above.)');
  if (withCompromise) out.push('  (compromise: its .people() .dates() .quotations() on the same text in this run.)');
  return out;
}
