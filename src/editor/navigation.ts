// Moving between the mentions of a person or a date in the editor: Go to References (every mention across the open
// articles), Document Highlights (every mention in this article), Go to Definition (a surname → where the person is
// first named in full) and Next / Previous Occurrence (across articles, opening the next one when this one ends).
import * as vscode from 'vscode';
import type { Analysis } from '../analysis/types';
import { mentionAt } from '../analysis/query';
import { linkPeople, type PeopleLinks } from '../entities/identity';
import type { ReaderView } from '../entities/readerView';
import { RejectedSet } from '../entities/userAnnotations';
import { isArticle, type ArticleAnalyses } from './articleAnalyses';
import { definitionOf, mentionsAcross, mentionsIn, step, targetAt, type NavArticle, type NavOccurrence, type NavTarget } from './occurrences';
import { openDocument } from './openDocuments';
import type { ReaderViews } from './readerViews';

export const NEXT_OCCURRENCE_COMMAND = 'newsAnnotator.nextOccurrence';
export const PREVIOUS_OCCURRENCE_COMMAND = 'newsAnnotator.previousOccurrence';

/** Opens an article and selects and reveals a span of it (offsets clamped to the current text). */
export async function openOccurrence(article: string | vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(typeof article === 'string' ? vscode.Uri.parse(article) : article);
  const length = doc.getText().length;
  const range = new vscode.Range(doc.positionAt(Math.min(start, length)), doc.positionAt(Math.min(end, length)));
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export class EntityNavigation implements vscode.ReferenceProvider, vscode.DocumentHighlightProvider, vscode.DefinitionProvider {
  /** The entity last moved through, so Next Occurrence keeps going when the cursor is between mentions. */
  private last: NavTarget | undefined;
  /** What the last move said in the status bar ("John Kerry: 3 of 7 (story.txt)"), for tests and other extensions. */
  status: string | undefined;
  private linksCache: { analyses: Analysis[]; links: PeopleLinks } | undefined;
  private readonly rejectedCache = new WeakMap<ReaderView, RejectedSet>();

  constructor(private readonly analyses: ArticleAnalyses, private readonly views: ReaderViews) {}

  provideReferences(doc: vscode.TextDocument, pos: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const articles = this.openArticles();
    const current = articles.find(a => a.key === doc.uri.toString());
    if (!current) return undefined;
    const links = this.links(articles);
    const target = targetAt(current, links, doc.offsetAt(pos));
    if (!target) return undefined;
    let list = mentionsAcross(articles, links, target);
    if (!context.includeDeclaration) {
      const definition = definitionOf(current, articles, links, target);
      if (definition) list = list.filter(o => o.article !== definition.article || o.start !== definition.start);
    }
    return list.map(o => this.location(o));
  }

  provideDocumentHighlights(doc: vscode.TextDocument, pos: vscode.Position): vscode.DocumentHighlight[] | undefined {
    const analysis = this.analyses.get(doc);
    if (!analysis) return undefined;
    const article = this.navArticle(doc.uri, analysis);
    const links = linkPeople([article]); // within one article the analyzer's own entities decide
    const target = targetAt(article, links, doc.offsetAt(pos));
    if (!target) return undefined; // VS Code then falls back to highlighting the word
    const definition = definitionOf(article, [], links, target);
    return mentionsIn(article, links, target).map(o => new vscode.DocumentHighlight(
      new vscode.Range(doc.positionAt(o.start), doc.positionAt(o.end)),
      definition && o.start === definition.start ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read,
    ));
  }

  provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): vscode.Location | undefined {
    const articles = this.openArticles();
    const current = articles.find(a => a.key === doc.uri.toString());
    if (!current) return undefined;
    const links = this.links(articles);
    const target = targetAt(current, links, doc.offsetAt(pos));
    const definition = target && definitionOf(current, articles, links, target);
    return definition && this.location(definition);
  }

  /** Next / Previous Occurrence: moves to the entity's next mention, across articles. Resolves true if it moved. */
  async move(direction: 1 | -1): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticle(editor.document)) {
      void vscode.window.showInformationMessage('News Annotator: open an article and put the cursor on a name or a date.');
      return false;
    }
    const doc = editor.document, key = doc.uri.toString();
    const articles = this.openArticles();
    const current = articles.find(a => a.key === key);
    if (!current) return false;
    const links = this.links(articles);
    const offset = doc.offsetAt(editor.selection.start);
    const here = targetAt(current, links, offset);
    const target = here ?? this.last;
    if (!target) {
      void vscode.window.showInformationMessage('News Annotator: put the cursor on a name or a date to move through its mentions.');
      return false;
    }
    const list = mentionsAcross(articles, links, target);
    const at = { article: key, offset: here ? mentionAt(current.analysis, offset)!.start : offset };
    const next = step(list, articles.map(a => a.key), at, direction);
    if (!next) return false;
    this.last = target;
    await openOccurrence(next.occurrence.article, next.occurrence.start, next.occurrence.end);
    const name = vscode.workspace.asRelativePath(vscode.Uri.parse(next.occurrence.article));
    const wrapped = next.wrapped ? ` — wrapped around to the ${direction === 1 ? 'first' : 'last'} mention` : '';
    this.status = `${target.name}: ${next.index + 1} of ${list.length} (${name})${wrapped}`;
    vscode.window.setStatusBarMessage(`$(${direction === 1 ? 'arrow-down' : 'arrow-up'}) ${this.status}`, 5000);
    return true;
  }

  /** The open articles, in a stable order (by workspace-relative path): the order Next Occurrence follows. */
  private openArticles(): NavArticle[] {
    return this.analyses.all()
      .map(a => ({ name: vscode.workspace.asRelativePath(a.uri), article: this.navArticle(a.uri, a.analysis) }))
      .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
      .map(x => x.article);
  }

  /** The article as navigation sees it: what the reader rejected is skipped. */
  private navArticle(uri: vscode.Uri, analysis: Analysis): NavArticle {
    const view = this.views.ofAnalysis(uri, analysis);
    let rejected: RejectedSet | undefined;
    if (view.rejected.length > 0) {
      rejected = this.rejectedCache.get(view);
      if (!rejected) this.rejectedCache.set(view, rejected = new RejectedSet(view.rejected));
    }
    return { key: uri.toString(), analysis, rejected };
  }

  /** Cross-article links, computed again only when an article's analysis changed. */
  private links(articles: readonly NavArticle[]): PeopleLinks {
    const analyses = articles.map(a => a.analysis);
    const cached = this.linksCache;
    if (cached && cached.analyses.length === analyses.length && cached.analyses.every((a, i) => a === analyses[i])) return cached.links;
    const links = linkPeople(articles);
    this.linksCache = { analyses, links };
    return links;
  }

  private location(o: NavOccurrence): vscode.Location {
    const uri = vscode.Uri.parse(o.article);
    const doc = openDocument(o.article);
    // Every article here is open (analysed from its document), so offsets convert exactly.
    const range = doc ? new vscode.Range(doc.positionAt(o.start), doc.positionAt(o.end)) : new vscode.Range(0, 0, 0, 0);
    return new vscode.Location(uri, range);
  }
}

const ARTICLES: vscode.DocumentSelector = [{ language: 'plaintext' }];

/** Registers the providers and the Next / Previous Occurrence commands. */
export function registerNavigation(nav: EntityNavigation): vscode.Disposable[] {
  return [
    vscode.languages.registerReferenceProvider(ARTICLES, nav),
    vscode.languages.registerDocumentHighlightProvider(ARTICLES, nav),
    vscode.languages.registerDefinitionProvider(ARTICLES, nav),
    vscode.commands.registerCommand(NEXT_OCCURRENCE_COMMAND, () => nav.move(1)),
    vscode.commands.registerCommand(PREVIOUS_OCCURRENCE_COMMAND, () => nav.move(-1)),
  ];
}
