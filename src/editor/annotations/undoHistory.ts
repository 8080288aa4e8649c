// Undo for what the reader did with the annotation commands: VS Code's Undo covers text edits only (an extension
// cannot add its own steps to an editor's undo stack), so the commands keep their own history, most recent last, and
// "Undo Last Annotation Change" reverts the last one — in every article it touched.
import * as vscode from 'vscode';
import { commandChange, revertCommand, type CommandChange, type SidecarDocument } from '../../annotations';
import type { AnnotationManager } from './annotationManager';

interface Step {
  /** What the reader did, for the messages ("rejected “Wang Yi”"). */
  readonly label: string;
  readonly changes: readonly { readonly article: string; readonly change: CommandChange }[];
}

const LIMIT = 100;

export class UndoHistory {
  private readonly steps: Step[] = [];

  constructor(private readonly annotations: AnnotationManager) {}

  get size(): number { return this.steps.length; }

  /** Remember one command: the documents of each article it changed, before and after. */
  record(label: string, documents: readonly { article: string; before: SidecarDocument; after: SidecarDocument }[]): void {
    const changes = documents.flatMap(d => {
      const change = commandChange(d.before, d.after);
      return change ? [{ article: d.article, change }] : [];
    });
    if (changes.length === 0) return;
    this.steps.push({ label, changes });
    if (this.steps.length > LIMIT) this.steps.shift();
  }

  /** Revert the last command; resolves with its label, or undefined when there is nothing to undo. */
  async undo(): Promise<string | undefined> {
    const step = this.steps.pop();
    if (!step) return undefined;
    for (const { article, change } of step.changes) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(article));
      const session = await this.annotations.sessionFor(doc);
      session.store.replace(revertCommand(session.store.document, change));
      await this.annotations.commit(doc, session);
    }
    return step.label;
  }
}
