// Activation: wiring only. Each feature lives in its own module under src/editor, src/annotations, src/views.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('News Annotator', { log: true });
  context.subscriptions.push(output,
    vscode.commands.registerCommand('newsAnnotator.showOutput', () => output.show()));
  output.info('News Annotator activated');
}

export function deactivate(): void { /* disposables are released through context.subscriptions */ }
