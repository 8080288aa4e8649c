// Where an annotation or decision command acts: the places its argument names (a hover link's ArticlePlace, or an
// item of a view, which the view translates, see addResolver), else the cursor in the active editor. And, for each
// place, the open article, its annotations session and what the reader sees of it.
import * as vscode from 'vscode';
import type { ReaderView } from '../../entities/readerView';
import { isArticlePlace, type ArticlePlace } from '../commandLinks';
import type { ReaderViews } from '../readerViews';
import type { AnnotationManager } from './annotationManager';
import type { ArticleSession } from './articleSession';

/** Turns a command argument a view hands over (its tree item) into places; undefined when it is not one of its own. */
export type PlaceResolver = (arg: unknown) => readonly ArticlePlace[] | undefined;

/** One place, ready to act on. */
export interface PlaceContext {
  readonly place: ArticlePlace;
  readonly doc: vscode.TextDocument;
  readonly session: ArticleSession;
  readonly view: ReaderView | undefined;
}

export const say = (msg: string) => void vscode.window.showInformationMessage(`News Annotator: ${msg}`);

export class CommandTargets {
  private readonly resolvers = new Set<PlaceResolver>();

  constructor(private readonly annotations: AnnotationManager, private readonly views: ReaderViews) {}

  /** Lets a view hand its items to the commands (registered from extension.ts). */
  addResolver(resolver: PlaceResolver): vscode.Disposable {
    this.resolvers.add(resolver);
    return { dispose: () => this.resolvers.delete(resolver) };
  }

  /** The places an argument names; undefined for no argument (act at the cursor). */
  placesOf(arg: unknown): readonly ArticlePlace[] | undefined {
    if (arg === undefined || arg === null || typeof arg === 'string') return undefined;
    if (isArticlePlace(arg)) return [arg];
    if (Array.isArray(arg) && arg.every(isArticlePlace)) return arg;
    for (const resolve of this.resolvers) {
      const places = resolve(arg);
      if (places) return places;
    }
    return undefined;
  }

  /** The cursor's place in the active article, or undefined (with a message) when there is none. */
  cursor(): ArticlePlace | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.annotations.annotatable(editor.document)) {
      say(editor?.document.uri.scheme === 'untitled' ? 'save the article first: annotations are kept in a file beside it.' : 'open a plain-text article first.');
      return undefined;
    }
    return { article: editor.document.uri.toString(), offset: editor.document.offsetAt(editor.selection.active) };
  }

  /** The places of the argument, else the cursor's. */
  places(arg: unknown): readonly ArticlePlace[] {
    const named = this.placesOf(arg);
    if (named) return named;
    const here = this.cursor();
    return here ? [here] : [];
  }

  /** Opens the place's article (in the background) with its session and view; undefined when it cannot be annotated. */
  async open(place: ArticlePlace): Promise<PlaceContext | undefined> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(place.article));
    if (!this.annotations.annotatable(doc)) {
      say(doc.uri.scheme === 'untitled' ? 'save the article first: annotations are kept in a file beside it.' : `${vscode.workspace.asRelativePath(doc.uri)} is not a plain-text article.`);
      return undefined;
    }
    const session = await this.annotations.sessionFor(doc);
    return { place, doc, session, view: this.views.of(doc) };
  }
}
