// The semantic layer of highlighting: people (titled or not, surnames linked), dates (relative too) and quotes
// (with their speaker known or not), from the analysis core. The TextMate grammar colours the rest at once.
import * as vscode from 'vscode';
import type { ArticleAnalyses } from './articleAnalyses';
import type { HighlightSwitch } from './highlightSwitch';
import { layTokens, TOKEN_MODIFIERS, TOKEN_TYPES, type DecisionLookup } from './tokenLayout';

export const legend = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

export class NewsSemanticTokens implements vscode.DocumentSemanticTokensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly analyses: ArticleAnalyses, private readonly highlight: HighlightSwitch,
    private readonly decisionsFor: (uri: vscode.Uri) => DecisionLookup = () => () => undefined) {
    this.subscriptions = [this.changed, analyses.onDidChange(() => this.changed.fire()), highlight.onDidChange(() => this.changed.fire())];
  }

  /** Ask VS Code to re-query (e.g. after the user confirmed or rejected an entity). */
  refresh(): void { this.changed.fire(); }

  async provideDocumentSemanticTokens(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens | undefined> {
    const builder = new vscode.SemanticTokensBuilder(legend);
    if (!this.highlight.isOn(doc)) return builder.build();
    const analysis = await this.analyses.settled(doc, token); // waits out the edit debounce; a newer request cancels
    if (token.isCancellationRequested) return undefined;
    if (!analysis) return builder.build();
    for (const t of layTokens(doc.getText(), analysis, this.decisionsFor(doc.uri))) {
      builder.push(t.line, t.char, t.length, t.type, t.modifiers);
    }
    return builder.build();
  }

  dispose(): void { for (const d of this.subscriptions) d.dispose(); }
}
