// Whether highlighting is on for a document: the workspace setting, overridden per document by the toggle command.
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { readSettings, SECTION } from './settings';

export class HighlightSwitch extends Disposable {
  private readonly overrides = new Map<string, boolean>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri | undefined>());
  readonly onDidChange = this.changed.event;
  /**
   * The grammar's colours cannot be switched off for one document (VS Code has no such API short of changing its
   * language), so a document with highlighting off is painted over in the editor's plain foreground colour.
   */
  private readonly veil = this.register(vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor('editor.foreground'), fontStyle: 'normal', fontWeight: 'normal',
    rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
  }));

  constructor() {
    super();
    this.register(vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${SECTION}.highlighting.enabled`)) this.changed.fire(undefined); }));
    this.register(vscode.workspace.onDidCloseTextDocument(doc => this.overrides.delete(doc.uri.toString())));
    this.register(vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(e => this.paint(e))));
    this.register(vscode.workspace.onDidChangeTextDocument(e => {
      if (e.document.lineCount > 0 && !this.isOn(e.document)) vscode.window.visibleTextEditors.filter(ed => ed.document === e.document).forEach(ed => this.paint(ed));
    }));
    this.register(this.changed.event(() => vscode.window.visibleTextEditors.forEach(e => this.paint(e))));
    vscode.window.visibleTextEditors.forEach(e => this.paint(e));
  }

  private paint(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== 'plaintext') return;
    const doc = editor.document;
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    editor.setDecorations(this.veil, this.isOn(doc) ? [] : [whole]);
  }

  isOn(doc: vscode.TextDocument): boolean {
    return this.overrides.get(doc.uri.toString()) ?? readSettings(doc.uri).highlightingEnabled;
  }

  /** Flips highlighting for one document; returns the new state. */
  toggle(doc: vscode.TextDocument): boolean {
    const on = !this.isOn(doc);
    this.overrides.set(doc.uri.toString(), on);
    this.changed.fire(doc.uri);
    return on;
  }
}

/** News Annotator: Toggle Highlighting for This Article. Returns the new state (for tests and keybinding args). */
export function registerToggleCommand(highlight: HighlightSwitch): vscode.Disposable {
  return vscode.commands.registerCommand('newsAnnotator.toggleHighlighting', () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return void vscode.window.showInformationMessage('News Annotator: open an article to toggle its highlighting.');
    const on = highlight.toggle(editor.document);
    vscode.window.setStatusBarMessage(`News Annotator: highlighting ${on ? 'on' : 'off'} for ${vscode.workspace.asRelativePath(editor.document.uri)}`, 3000);
    return on;
  });
}
