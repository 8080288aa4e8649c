// Activation: wiring only. Each feature lives in its own module under src/editor, src/annotations, src/views.
import * as vscode from 'vscode';
import { ArticleAnalyses } from './editor/articleAnalyses';
import { HighlightSwitch, registerToggleCommand } from './editor/highlightSwitch';
import { NewsHover } from './editor/hover';
import { decisionsOf, registerAnnotations, userSpeakerOf } from './editor/annotations/register';
import { registerExportCommand } from './editor/exportCommand';
import { legend, NewsSemanticTokens } from './editor/semanticTokens';
import { annotationSourceFrom } from './views/annotationSource';
import { registerEntities } from './views/register';
import { registerSourcesPanel } from './views/sourcesPanel/register';

const ARTICLES: vscode.DocumentSelector = [{ language: 'plaintext' }];

export function activate(context: vscode.ExtensionContext) {
  const log = vscode.window.createOutputChannel('News Annotator', { log: true });
  const analyses = new ArticleAnalyses(log);
  const highlight = new HighlightSwitch();
  const annotations = registerAnnotations(context, analyses, log, ARTICLES); // sidecar files, decorations, commands
  const tokens = new NewsSemanticTokens(analyses, highlight, uri => decisionsOf(annotations, analyses, uri));
  context.subscriptions.push(log, analyses, highlight, tokens, annotations.onDidChangeOtherThanByEdit(() => tokens.refresh()),
    vscode.languages.registerDocumentSemanticTokensProvider(ARTICLES, tokens, legend),
    vscode.languages.registerHoverProvider(ARTICLES, new NewsHover(analyses, userSpeakerOf(annotations))),
    vscode.commands.registerCommand('newsAnnotator.showOutput', () => log.show()),
    registerToggleCommand(highlight),
    registerExportCommand(log), // Export Annotations… (brat, W3C, CSV, JSONL)
  );
  const entities = registerEntities(context, analyses, log); // Entities view + references, highlights, next/previous occurrence
  entities.setAnnotationSource(annotationSourceFrom(annotations, analyses)); // labels, notes, orphans, rejections in the tree
  const sourcesPanel = registerSourcesPanel(context, analyses, annotations, log); // Sources and Timeline webview
  log.info('News Annotator activated');
  return { analyses, annotations, entities, sourcesPanel }; // for integration tests and other extensions: read-only access to the analyses, the Entities tree, the Sources and Timeline panel
}

export function deactivate(): void { /* disposables are released through context.subscriptions */ }
