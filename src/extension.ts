// Activation: wiring only. Each feature lives in its own module under src/editor, src/annotations, src/entities,
// src/views.
import * as vscode from 'vscode';
import { analysisOptionsFor } from './entities/readerView';
import { AnnotationDecorations } from './editor/annotations/annotationDecorations';
import { registerAnnotationCommands } from './editor/annotations/annotationCommands';
import { AnnotationManager } from './editor/annotations/annotationManager';
import { SidecarRenames } from './editor/annotations/sidecarRenames';
import { CommandTargets } from './editor/annotations/commandTargets';
import { registerDecisionCommands } from './editor/annotations/decisionCommands';
import { UndoHistory } from './editor/annotations/undoHistory';
import { ArticleAnalyses } from './editor/articleAnalyses';
import { HighlightSwitch, registerToggleCommand } from './editor/highlightSwitch';
import { registerExportCommand } from './editor/exportCommand';
import { HOVER_COMMANDS, NewsHover } from './editor/hover';
import { EntityNavigation, registerNavigation } from './editor/navigation';
import { ReaderViews } from './editor/readerViews';
import { legend, NewsSemanticTokens } from './editor/semanticTokens';
import { registerAnnotationsView } from './views/annotationsView';
import { registerEntities } from './views/register';
import { registerSourcesPanel } from './views/sourcesPanel/register';

const ARTICLES: vscode.DocumentSelector = [{ language: 'plaintext' }];

export function activate(context: vscode.ExtensionContext) {
  const log = vscode.window.createOutputChannel('News Annotator', { log: true });
  const analyses = new ArticleAnalyses(log);
  const annotations = new AnnotationManager(log, context.workspaceState); // sidecar files, problems
  analyses.setOptionsSource(uri => analysisOptionsFor(annotations.loaded(uri)?.store.document)); // the reader's corrections reach the analyzer
  const views = new ReaderViews(analyses, annotations); // what the reader sees: everything below shows it
  const highlight = new HighlightSwitch();
  const tokens = new NewsSemanticTokens(analyses, highlight, views);
  const targets = new CommandTargets(annotations, views);
  const history = new UndoHistory(annotations);
  const navigation = new EntityNavigation(analyses, views);
  context.subscriptions.push(log, analyses, annotations, views, highlight, tokens,
    annotations.onDidChangeOtherThanByEdit(uri => { analyses.correctionsChanged(uri); tokens.refresh(); }),
    new AnnotationDecorations(annotations, views, analyses),
    new SidecarRenames(annotations, log), // a renamed article takes its sidecar along
    vscode.languages.registerDocumentSemanticTokensProvider(ARTICLES, tokens, legend),
    vscode.languages.registerHoverProvider(ARTICLES, new NewsHover(analyses, views)),
    ...registerAnnotationCommands(annotations, views, targets, history),
    ...registerNavigation(navigation),
    vscode.commands.registerCommand('newsAnnotator.showOutput', () => log.show()),
    registerToggleCommand(highlight),
    registerExportCommand(log), // Export Annotations… (brat, W3C, CSV, JSONL)
  );
  const entities = registerEntities(context, analyses, views, log); // Entities view
  const annotationsView = registerAnnotationsView(annotations, log); // every label and note of the workspace
  const sourcesPanel = registerSourcesPanel(context, views, log); // Sources and Timeline webview
  context.subscriptions.push(...annotationsView.disposables, targets.addResolver(entities.placesOf),
    targets.addResolver(arg => annotationsView.provider.placesOf(arg)),
    ...registerDecisionCommands(annotations, analyses, targets, history, () => entities.indexedArticles()));
  log.info(`News Annotator activated (hover links run ${HOVER_COMMANDS.length} commands)`);
  // For integration tests and other extensions: read-only access to the analyses, the views, the trees and the panel.
  return { analyses, annotations, views, entities, annotationsView: annotationsView.provider, navigation, sourcesPanel, semanticTokens: tokens };
}

export function deactivate(): void { /* disposables are released through context.subscriptions */ }
