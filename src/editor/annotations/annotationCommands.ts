// The annotation commands (palette, editor context menu, keybindings). Each takes optional arguments so that it can
// be driven without UI (tests, other extensions, keybindings with args); without them it asks the user.
import * as vscode from 'vscode';
import { AnchorRangeError, AnnotationInputError, makeAnchor, mentionRef, readSidecar, type Annotation, type AnnotationKind } from '../../annotations';
import { mentionAt } from '../../analysis/query';
import type { Mention } from '../../analysis';
import type { ArticleAnalyses } from '../articleAnalyses';
import type { AnnotationManager } from './annotationManager';
import type { ArticleSession } from './articleSession';

const say = (msg: string) => void vscode.window.showInformationMessage(`News Annotator: ${msg}`);

interface Context { editor: vscode.TextEditor; doc: vscode.TextDocument; session: ArticleSession }

export function registerAnnotationCommands(annotations: AnnotationManager, analyses: ArticleAnalyses): vscode.Disposable[] {
  async function context(): Promise<Context | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !annotations.annotatable(editor.document)) {
      say(editor?.document.uri.scheme === 'untitled' ? 'save the article first: annotations are kept in a file beside it.' : 'open a plain-text article first.');
      return undefined;
    }
    return { editor, doc: editor.document, session: await annotations.sessionFor(editor.document) };
  }

  async function annotate(kind: AnnotationKind, label?: string, note?: string): Promise<Annotation | undefined> {
    const c = await context();
    if (!c) return undefined;
    const sel = c.editor.selection;
    if (sel.isEmpty) { say('select the text to annotate first.'); return undefined; }
    try {
      const a = c.session.store.add(c.doc.getText(), { start: c.doc.offsetAt(sel.start), end: c.doc.offsetAt(sel.end), kind, label, note });
      await annotations.commit(c.doc, c.session);
      return a;
    } catch (e) {
      if (e instanceof AnchorRangeError || e instanceof AnnotationInputError) { say(e.message); return undefined; }
      throw e;
    }
  }

  /** The user annotation under the cursor: the innermost when several overlap. */
  function annotationUnderCursor(c: Context): Annotation | undefined {
    const offset = c.doc.offsetAt(c.editor.selection.active);
    const here = c.session.store.at(offset, true);
    return here.sort((x, y) => (x.anchor.end - x.anchor.start) - (y.anchor.end - y.anchor.start))[0];
  }

  function detectedUnderCursor(c: Context): { mention: Mention; analysis: NonNullable<ReturnType<ArticleAnalyses['get']>> } | undefined {
    const analysis = analyses.get(c.doc);
    if (!analysis) return undefined;
    const mention = mentionAt(analysis, c.doc.offsetAt(c.editor.selection.active));
    return mention ? { mention, analysis } : undefined;
  }

  async function decide(verdict: 'confirmed' | 'rejected'): Promise<boolean> {
    const c = await context();
    if (!c) return false;
    const found = detectedUnderCursor(c);
    if (!found) { say('put the cursor on a highlighted person, date or quote.'); return false; }
    const ref = mentionRef(found.mention, found.analysis);
    c.session.store.setDecision(c.doc.getText(), ref, verdict);
    await annotations.commit(c.doc, c.session);
    vscode.window.setStatusBarMessage(`News Annotator: ${verdict} ${ref.type} “${ref.text.length > 40 ? ref.text.slice(0, 39) + '…' : ref.text}”`, 3000);
    return true;
  }

  async function labelsInWorkspace(): Promise<string[]> {
    const labels = new Set<string>();
    for (const s of annotations.allLoaded()) for (const l of s.store.labels()) labels.add(l);
    const files = await vscode.workspace.findFiles('**/*.annotations.yaml', '**/node_modules/**', 200);
    await Promise.all(files.map(async f => {
      try {
        const state = readSidecar(await vscode.workspace.fs.readFile(f), f.path);
        if (state.readable && state.exists) for (const a of state.document.annotations) if (a.label) labels.add(a.label);
      } catch { /* unreadable files are reported when their article opens */ }
    }));
    return [...labels].sort((a, b) => a.localeCompare(b));
  }

  async function pickLabel(): Promise<string | undefined> {
    const labels = await labelsInWorkspace();
    return new Promise(resolve => {
      const qp = vscode.window.createQuickPick();
      qp.title = 'Annotate Selection with Label';
      qp.placeholder = labels.length ? 'Choose a label or type a new one' : 'Type a label (e.g. "disputed claim")';
      const base = labels.map(l => ({ label: l }));
      qp.items = base;
      qp.onDidChangeValue(v => {
        const t = v.trim();
        qp.items = t && !labels.includes(t) ? [{ label: t, description: 'new label' }, ...base] : base;
      });
      qp.onDidAccept(() => { resolve(qp.selectedItems[0]?.label ?? (qp.value.trim() || undefined)); qp.hide(); });
      qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
      qp.show();
    });
  }

  /** The article and annotation an Entities-view item (or an explicit [articleUri, id]) points at. */
  async function annotationTarget(item: unknown, id?: string): Promise<{ doc: vscode.TextDocument; session: ArticleSession; annotation: Annotation } | undefined> {
    const o = (item as { occurrence?: { article?: string; annotationId?: string } } | undefined)?.occurrence;
    const article = o?.article ?? (typeof item === 'string' ? item : item instanceof vscode.Uri ? item.toString() : undefined);
    const annotationId = o?.annotationId ?? id;
    if (!article || !annotationId) { say('choose an annotation in the Entities view.'); return undefined; }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(article));
    const session = await annotations.sessionFor(doc);
    const annotation = session.store.get(annotationId);
    if (!annotation) { say('that annotation no longer exists.'); return undefined; }
    return { doc, session, annotation };
  }

  const register = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(`newsAnnotator.${id}`, fn);

  return [
    register('annotatePerson', (note?: string) => annotate('person', undefined, typeof note === 'string' ? note : undefined)),
    register('annotateDate', (note?: string) => annotate('date', undefined, typeof note === 'string' ? note : undefined)),
    register('annotateQuote', (note?: string) => annotate('quote', undefined, typeof note === 'string' ? note : undefined)),
    register('annotateWithLabel', async (label?: string, note?: string) => {
      if (vscode.window.activeTextEditor?.selection.isEmpty) { say('select the text to annotate first.'); return undefined; }
      const chosen = typeof label === 'string' ? label : await pickLabel();
      if (!chosen) return undefined;
      const text = typeof label === 'string' ? note : await vscode.window.showInputBox({ title: `Note for “${chosen}” (optional)`, prompt: 'Press Enter to skip' });
      if (text === undefined && typeof label !== 'string') return undefined; // Escape cancels
      return annotate('label', chosen, text);
    }),
    register('editNote', async (note?: string) => {
      const c = await context();
      if (!c) return false;
      const a = annotationUnderCursor(c);
      if (!a) { say('put the cursor on one of your annotations to edit its note.'); return false; }
      const text = typeof note === 'string' ? note : await vscode.window.showInputBox({ title: 'Edit Note', value: a.note ?? '', prompt: 'An empty note removes it' });
      if (text === undefined) return false;
      const changed = c.session.store.editNote(a.id, text);
      if (changed) await annotations.commit(c.doc, c.session);
      return changed;
    }),
    register('removeAnnotation', async () => {
      const c = await context();
      if (!c) return false;
      const a = annotationUnderCursor(c);
      if (!a) { say('put the cursor on one of your annotations to remove it.'); return false; }
      c.session.store.remove(a.id);
      await annotations.commit(c.doc, c.session);
      return true;
    }),
    // From the Entities view: fix an orphaned annotation by putting it on the text now selected in its article, or drop it.
    register('reattachAnnotation', async (item?: unknown, id?: string) => {
      const t = await annotationTarget(item, id);
      if (!t) return false;
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.uri.toString() !== t.doc.uri.toString() || editor.selection.isEmpty) {
        await vscode.window.showTextDocument(t.doc, { selection: new vscode.Range(t.doc.positionAt(t.annotation.anchor.start), t.doc.positionAt(t.annotation.anchor.start)) });
        say(`select the text that “${t.annotation.anchor.text}” should now mark, then run Re-attach Annotation to Selection again.`);
        return false;
      }
      const text = t.doc.getText();
      const anchor = makeAnchor(text, t.doc.offsetAt(editor.selection.start), t.doc.offsetAt(editor.selection.end));
      const { orphaned: _was, ...rest } = t.annotation;
      const moved: Annotation = { ...rest, anchor };
      const doc = t.session.store.document;
      t.session.store.replace({ ...doc, annotations: doc.annotations.map(a => (a.id === moved.id ? moved : a)) });
      await annotations.commit(t.doc, t.session);
      return true;
    }),
    register('removeOrphanedAnnotation', async (item?: unknown, id?: string) => {
      const t = await annotationTarget(item, id);
      if (!t) return false;
      const choice = await vscode.window.showWarningMessage(`Remove the annotation “${t.annotation.anchor.text}”${t.annotation.note ? ` and its note` : ''}?`, { modal: true }, 'Remove');
      if (choice !== 'Remove') return false;
      t.session.store.remove(t.annotation.id);
      await annotations.commit(t.doc, t.session);
      return true;
    }),
    register('confirmEntity', () => decide('confirmed')),
    register('rejectEntity', () => decide('rejected')),
    register('setQuoteSpeaker', async (speaker?: string) => {
      const c = await context();
      if (!c) return false;
      const offset = c.doc.offsetAt(c.editor.selection.active);
      const analysis = analyses.get(c.doc);
      const quote = analysis?.quotes.find(q => q.start <= offset && offset <= q.end);
      const userQuote = c.session.store.at(offset, true).find(a => a.kind === 'quote');
      if (!quote && !userQuote) { say('put the cursor in a quote (or annotate the selection as a quote first).'); return false; }
      let name = typeof speaker === 'string' ? speaker : undefined;
      if (name === undefined) {
        const people = [...(analysis?.people.values() ?? [])].map(p => p.name).sort((a, b) => a.localeCompare(b));
        const current = quote?.speakerId ? analysis?.people.get(quote.speakerId)?.name : undefined;
        const pick = await vscode.window.showQuickPick(people.map(p => ({ label: p, description: p === current ? 'detected speaker' : undefined })),
          { title: 'Set Quote Speaker', placeHolder: people.length ? 'Who said this?' : 'No people were found in this article' });
        name = pick?.label;
      }
      if (!name) return false;
      const range = userQuote?.anchor ?? quote!;
      const changed = c.session.store.setSpeaker(c.doc.getText(), { start: range.start, end: range.end }, name);
      if (changed) await annotations.commit(c.doc, c.session);
      return changed;
    }),
  ];
}
