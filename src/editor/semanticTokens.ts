// The semantic layer of highlighting: people (titled or not, surnames linked), dates (relative too) and quotes
// (with their speaker known or not), as the reader sees them (ReaderViews: rejected entities left out, confirmed ones
// marked, people the reader added included). The TextMate grammar colours the rest at once.
import * as vscode from 'vscode';
import type { ArticleAnalyses } from './articleAnalyses';
import { Disposable } from './disposable';
import type { HighlightSwitch } from './highlightSwitch';
import type { ReaderViews } from './readerViews';
import { layTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from './tokenLayout';

/** One answer of the provider: `askedAt` on performance.now()'s clock (the extension host's), `ms` spent answering. */
export interface TokensAnswer { uri: vscode.Uri; askedAt: number; ms: number }

export const legend = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

export class NewsSemanticTokens extends Disposable implements vscode.DocumentSemanticTokensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeSemanticTokens = this.changed.event;
  private readonly answered = this.register(new vscode.EventEmitter<TokensAnswer>());
  /** Each answer to VS Code, with when it was asked and how long it took (the benchmark's share of "first tokens"). */
  readonly onDidAnswer = this.answered.event;

  constructor(private readonly analyses: ArticleAnalyses, private readonly highlight: HighlightSwitch, private readonly views: ReaderViews) {
    super();
    this.register(analyses.onDidChange(() => this.changed.fire()));
    this.register(highlight.onDidChange(() => this.changed.fire()));
  }

  /** Ask VS Code to re-query (e.g. after the user confirmed or rejected an entity). */
  refresh(): void { this.changed.fire(); }

  async provideDocumentSemanticTokens(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens | undefined> {
    const askedAt = performance.now();
    const tokens = await this.tokensOf(doc, token);
    this.answered.fire({ uri: doc.uri, askedAt, ms: performance.now() - askedAt });
    return tokens;
  }

  private async tokensOf(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens | undefined> {
    const builder = new vscode.SemanticTokensBuilder(legend);
    if (!this.highlight.isOn(doc)) return builder.build();
    const analysis = await this.analyses.settled(doc, token); // waits out the edit debounce; a newer request cancels
    if (token.isCancellationRequested) return undefined;
    const view = analysis && this.views.of(doc);
    if (!view) return builder.build();
    for (const t of layTokens(doc.getText(), view.items)) builder.push(t.line, t.char, t.length, t.type, t.modifiers);
    return builder.build();
  }
}
