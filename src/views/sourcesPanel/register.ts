// Wiring of the Sources and Timeline panel: its commands, and the serializer that brings it back after a reload.
import * as vscode from 'vscode';
import type { ReaderViews } from '../../editor/readerViews';
import { SOURCES_PANEL_TYPE, SourcesPanel } from './sourcesPanel';

export const SHOW_SOURCES_TIMELINE_COMMAND = 'newsAnnotator.showSourcesTimeline';

export function registerSourcesPanel(context: vscode.ExtensionContext, views: ReaderViews, log: vscode.LogOutputChannel): SourcesPanel {
  const panel = new SourcesPanel(context, views, log);
  context.subscriptions.push(panel,
    vscode.commands.registerCommand(SHOW_SOURCES_TIMELINE_COMMAND, () => panel.show()),
    vscode.commands.registerCommand('newsAnnotator.sourcesTimeline.toggleScope', () => panel.toggleScope()),
    vscode.commands.registerCommand('newsAnnotator.sourcesTimeline.copyMarkdown', () => panel.copyMarkdown()),
    vscode.window.registerWebviewPanelSerializer(SOURCES_PANEL_TYPE, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel) { panel.adopt(restored); },
    }),
  );
  return panel;
}
