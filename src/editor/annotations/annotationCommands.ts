// The annotation commands (palette, editor context menu, keybindings, hover links): annotate the selection, edit or
// remove a note or an annotation, set a quote's speaker, fix orphans, open the annotations file, undo. Each takes
// optional arguments so that it can be driven without UI (tests, hover links, keybindings with args); without them
// it acts at the cursor and asks the user.
import * as vscode from 'vscode';
import { AnchorRangeError, AnnotationInputError, makeAnchor, readSidecar, type Annotation, type AnnotationKind, type SidecarDocument } from '../../annotations';
import { entityItemAt, rejectedItemAt } from '../../entities/viewQueries';
import { isArticlePlace } from '../commandLinks';
import type { ReaderViews } from '../readerViews';
import type { AnnotationManager } from './annotationManager';
import type { ArticleSession } from './articleSession';
import { say, type CommandTargets } from './commandTargets';
import type { UndoHistory } from './undoHistory';

interface Context { editor: vscode.TextEditor; doc: vscode.TextDocument; session: ArticleSession }

export function registerAnnotationCommands(annotations: AnnotationManager, views: ReaderViews, targets: CommandTargets, history: UndoHistory): vscode.Disposable[] {
  async function context(): Promise<Context | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!targets.cursor() || !editor) return undefined;
    return { editor, doc: editor.document, session: await annotations.sessionFor(editor.document) };
  }

  /** Run one change of the store, then save it and remember it for Undo. Resolves whether anything changed. */
  async function change(doc: vscode.TextDocument, session: ArticleSession, label: string, edit: () => unknown): Promise<boolean> {
    const before: SidecarDocument = session.store.document;
    edit();
    if (session.store.document === before) return false;
    history.record(label, [{ article: doc.uri.toString(), before, after: session.store.document }]);
    await annotations.commit(doc, session);
    return true;
  }

  async function annotate(kind: AnnotationKind, label?: string, note?: string): Promise<Annotation | undefined> {
    const c = await context();
    if (!c) return undefined;
    const sel = c.editor.selection;
    if (sel.isEmpty) { say(`select the text to annotate first, then run Annotate Selection ${kind === 'label' ? 'with Label' : `as ${kind[0].toUpperCase()}${kind.slice(1)}`} again.`); return undefined; }
    try {
      let made: Annotation | undefined;
      await change(c.doc, c.session, `annotated “${c.doc.getText(sel).slice(0, 40)}”`, () => {
        made = c.session.store.add(c.doc.getText(), { start: c.doc.offsetAt(sel.start), end: c.doc.offsetAt(sel.end), kind, label, note });
      });
      return made;
    } catch (e) {
      if (e instanceof AnchorRangeError || e instanceof AnnotationInputError) { say(e.message); return undefined; }
      throw e;
    }
  }

  /** The annotation a place names (a hover link's), else the one under the cursor: the innermost when several overlap. */
  async function annotationAt(arg: unknown): Promise<{ doc: vscode.TextDocument; session: ArticleSession; annotation: Annotation | undefined; offset: number } | undefined> {
    const place = targets.placesOf(arg)?.[0] ?? targets.cursor();
    if (!place) return undefined;
    const c = await targets.open(place);
    if (!c) return undefined;
    const byId = place.annotation !== undefined ? c.session.store.get(place.annotation) : undefined;
    return { doc: c.doc, session: c.session, annotation: byId ?? c.session.store.at(place.offset, true)[0], offset: place.offset };
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

  /** A quick pick of `choices` that also takes a typed new value (offered first as "new …"). */
  function pickOrType(title: string, placeholder: string, choices: readonly vscode.QuickPickItem[], newWhat: string): Promise<string | undefined> {
    return new Promise(resolve => {
      const qp = vscode.window.createQuickPick();
      qp.title = title;
      qp.placeholder = placeholder;
      qp.items = choices;
      qp.onDidChangeValue(v => {
        const t = v.trim();
        qp.items = t && !choices.some(c => c.label.toLowerCase() === t.toLowerCase()) ? [{ label: t, description: newWhat, alwaysShow: true }, ...choices] : choices;
      });
      qp.onDidAccept(() => { resolve(qp.selectedItems[0]?.label ?? (qp.value.trim() || undefined)); qp.hide(); });
      qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
      qp.show();
    });
  }

  /** The article and annotation a view's item (or an explicit [articleUri, id]) points at. */
  async function annotationTarget(item: unknown, id?: string): Promise<{ doc: vscode.TextDocument; session: ArticleSession; annotation: Annotation } | undefined> {
    const place = typeof item === 'string' || item instanceof vscode.Uri ? undefined : targets.placesOf(item)?.[0];
    const article = place?.article ?? (typeof item === 'string' ? item : item instanceof vscode.Uri ? item.toString() : undefined);
    const annotationId = place?.annotation ?? id;
    if (!article || !annotationId) { say('choose an annotation in the Entities view.'); return undefined; }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(article));
    const session = await annotations.sessionFor(doc);
    const annotation = session.store.get(annotationId);
    if (!annotation) { say('that annotation no longer exists.'); return undefined; }
    return { doc, session, annotation };
  }

  const register = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(`newsAnnotator.${id}`, fn);
  const noteArg = (note: unknown) => (typeof note === 'string' ? note : undefined);

  return [
    register('annotatePerson', (note?: unknown) => annotate('person', undefined, noteArg(note))),
    register('annotateDate', (note?: unknown) => annotate('date', undefined, noteArg(note))),
    register('annotateQuote', (note?: unknown) => annotate('quote', undefined, noteArg(note))),
    register('annotateWithLabel', async (label?: unknown, note?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      if (editor && annotations.annotatable(editor.document) && editor.selection.isEmpty) { say('select the text to annotate first, then run Annotate Selection with Label again.'); return undefined; }
      const given = typeof label === 'string' ? label : undefined;
      const chosen = given ?? await (async () => {
        const labels = await labelsInWorkspace();
        return pickOrType('Annotate Selection with Label', labels.length ? 'Choose a label or type a new one' : 'Type a label (e.g. "disputed claim")', labels.map(l => ({ label: l })), 'new label');
      })();
      if (!chosen) return undefined;
      const text = given !== undefined ? noteArg(note) : await vscode.window.showInputBox({ title: `Note for “${chosen}” (optional)`, prompt: 'Press Enter to skip' });
      if (text === undefined && given === undefined) return undefined; // Escape cancels
      return annotate('label', chosen, text);
    }),
    // (note) at the cursor, or (place with an annotation id, note?) from a hover link or a view's item.
    register('editNote', async (a?: unknown, b?: unknown) => {
      const named = typeof a !== 'string' && targets.placesOf(a) !== undefined;
      const t = await annotationAt(named ? a : undefined);
      if (!t) return false;
      if (!t.annotation) { say('put the cursor on one of your annotations to edit its note.'); return false; }
      const given = noteArg(named ? b : a);
      const text = given ?? await vscode.window.showInputBox({ title: `Note on “${t.annotation.anchor.text.slice(0, 40)}”`, value: t.annotation.note ?? '', prompt: 'An empty note removes it' });
      if (text === undefined) return false;
      return change(t.doc, t.session, 'edited a note', () => t.session.store.editNote(t.annotation!.id, text));
    }),
    // Anything the reader made: their annotation here, else their decision on the entity here.
    register('removeAnnotation', async (arg?: unknown) => {
      const t = await annotationAt(arg);
      if (!t) return false;
      if (t.annotation) {
        const a = t.annotation;
        return change(t.doc, t.session, `removed the annotation on “${a.anchor.text.slice(0, 40)}”`, () => t.session.store.remove(a.id));
      }
      const view = views.of(t.doc);
      const decided = view && (rejectedItemAt(view, { offset: t.offset }) ?? entityItemAt(view, { offset: t.offset }));
      if (decided?.decisionId) return vscode.commands.executeCommand('newsAnnotator.clearDecision', { article: t.doc.uri.toString(), offset: decided.start, end: decided.end, type: decided.type });
      say('there is nothing of yours here: put the cursor on one of your annotations, or on an entity you confirmed or rejected.');
      return false;
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
      const anchor = makeAnchor(t.doc.getText(), t.doc.offsetAt(editor.selection.start), t.doc.offsetAt(editor.selection.end));
      const { orphaned: _was, ...rest } = t.annotation;
      const moved: Annotation = { ...rest, anchor };
      return change(t.doc, t.session, `re-attached “${t.annotation.anchor.text.slice(0, 40)}”`, () => {
        const doc = t.session.store.document;
        t.session.store.replace({ ...doc, annotations: doc.annotations.map(a => (a.id === moved.id ? moved : a)) });
      });
    }),
    register('removeOrphanedAnnotation', async (item?: unknown, id?: string) => {
      const t = await annotationTarget(item, id);
      if (!t) return false;
      const choice = await vscode.window.showWarningMessage(`Remove the annotation “${t.annotation.anchor.text}”${t.annotation.note ? ` and its note` : ''}?`, { modal: true }, 'Remove');
      if (choice !== 'Remove') return false;
      return change(t.doc, t.session, `removed the orphaned annotation “${t.annotation.anchor.text.slice(0, 40)}”`, () => t.session.store.remove(t.annotation.id));
    }),
    // (speaker) at the cursor, or (place, speaker?) from a hover link. A typed name that is no one of the article's
    // people becomes one (store.nameSpeaker): annotated as a person where the article names it, it is found and linked.
    register('setQuoteSpeaker', async (a?: unknown, b?: unknown) => {
      const place = isArticlePlace(a) ? a : targets.cursor();
      if (!place) return false;
      const c = await targets.open(place);
      if (!c) return false;
      const quote = c.view?.items.find(i => i.type === 'quote' && (place.end !== undefined ? i.start === place.offset && i.end === place.end : i.start <= place.offset && place.offset <= i.end));
      if (!quote) { say('put the cursor in a quote (or annotate the selection as a quote first).'); return false; }
      let name = typeof (isArticlePlace(a) ? b : a) === 'string' ? String(isArticlePlace(a) ? b : a) : undefined;
      if (name === undefined) {
        const people = (c.view?.people ?? []).map(p => ({ label: p.name, description: p.name === quote.speaker ? 'current speaker' : p.provenance === 'user' ? 'added by you' : undefined }));
        name = await pickOrType('Set Quote Speaker', people.length ? 'Who said this? Choose a person or type a name' : 'Type who said this', people, 'new person');
      }
      if (!name) return false;
      const speaker = name;
      const known = (c.view?.people ?? []).some(p => p.name.toLowerCase() === speaker.trim().toLowerCase());
      return change(c.doc, c.session, `set the speaker of a quote to “${speaker}”`,
        () => c.session.store.nameSpeaker(c.doc.getText(), { start: quote.start, end: quote.end }, speaker, known));
    }),
    register('openAnnotationsFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!targets.cursor() || !editor) return false;
      const session = await annotations.sessionFor(editor.document);
      try {
        await vscode.workspace.fs.stat(session.sidecarUri);
      } catch {
        say(`${vscode.workspace.asRelativePath(editor.document.uri)} has no annotations file yet: it is created beside the article with your first annotation or decision.`);
        return false;
      }
      await vscode.window.showTextDocument(session.sidecarUri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
      return true;
    }),
    register('undo', async () => {
      const label = await history.undo();
      if (!label) { say('there is no annotation change to undo in this window.'); return false; }
      vscode.window.setStatusBarMessage(`News Annotator: undone: ${label}`, 5000);
      return true;
    }),
  ];
}
