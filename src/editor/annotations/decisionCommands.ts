// The reader's corrections of the analyzer, for a whole entity at once: Confirm, Reject, Not a Person (retype as an
// organisation, a place or something else), Clear Decision; each on the entity under the cursor, a hover link's or
// an Entities-view item's, in this article — or, with the "in All Articles" commands, in every open and indexed one.
import * as vscode from 'vscode';
import type { Analysis, Mention } from '../../analysis/types';
import { AnnotationInputError, entityKeyOf, RETYPED_AS, targetOfEntity, type EntityTarget, type RetypeDetails, type RetypedAs, type SidecarDocument, type Verdict } from '../../annotations';
import { linkPeople } from '../../entities/identity';
import type { ViewItem } from '../../entities/readerView';
import { entityItemAt, rejectedItemAt } from '../../entities/viewQueries';
import type { ArticleAnalyses } from '../articleAnalyses';
import type { ArticlePlace } from '../commandLinks';
import type { AnnotationManager } from './annotationManager';
import { say, type CommandTargets, type PlaceContext } from './commandTargets';
import type { UndoHistory } from './undoHistory';

const RETYPE_CHOICES: { label: string; value: RetypedAs; detail: string }[] = [
  { label: '$(organization) Organisation', value: 'organisation', detail: 'a company, a ministry, a party, a team…' },
  { label: '$(globe) Place', value: 'place', detail: 'a country, a city, a building…' },
  { label: '$(circle-slash) Other', value: 'other', detail: 'a thing, an event, a work, a common word…' },
];
const VERBS: Record<Verdict, string> = { confirmed: 'confirmed', rejected: 'rejected', retyped: 'marked as not a person' };

/** Articles beyond the open ones that "in All Articles" reaches (the workspace files the Entities view indexes). */
export type IndexedArticles = () => readonly string[];

interface Decided { article: string; before: SidecarDocument; after: SidecarDocument; mentions: number }

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
const nameOf = (i: ViewItem) => (i.type === 'person' ? i.person ?? i.text : i.type === 'date' ? i.value ?? i.text : short(i.text));

function mentionOf(analysis: Analysis, i: ViewItem): Mention | undefined {
  const list: readonly Mention[] = i.type === 'person' ? analysis.persons : i.type === 'date' ? analysis.dates : i.type === 'quote' ? analysis.quotes : [];
  return list.find(m => m.start === i.start && m.end === i.end);
}

/** The names a retype covers: the one under the cursor, or every name of the person when it is their full name. */
function retypeOf(target: EntityTarget, item: ViewItem, text: string, retypedAs: RetypedAs): { target: EntityTarget; retype: RetypeDetails } {
  const whole = item.fullName !== false || item.text === item.person;
  const names = whole ? [...new Set(target.mentions.map(m => text.slice(m.start, m.end)))] : [item.text];
  return { target: { ...target, mentions: target.mentions.filter(m => names.includes(text.slice(m.start, m.end))) }, retype: { retypedAs, names } };
}

export function registerDecisionCommands(annotations: AnnotationManager, analyses: ArticleAnalyses, targets: CommandTargets, history: UndoHistory,
  indexed: IndexedArticles = () => []): vscode.Disposable[] {

  /** Decide on the entity shown at one place; a message string when there is nothing to decide on there. */
  async function decideAt(c: PlaceContext, verdict: Verdict, retypedAs?: RetypedAs): Promise<Decided | string> {
    const analysis = analyses.get(c.doc);
    const item = c.view && entityItemAt(c.view, c.place);
    if (!analysis || !item) {
      const gone = c.view && rejectedItemAt(c.view, c.place);
      if (gone) return `“${nameOf(gone)}” is ${gone.verdict === 'retyped' ? 'marked as not a person' : 'rejected'} by you: Clear Decision brings it back.`;
      return 'put the cursor on a highlighted person, date or quote.';
    }
    if (item.provenance === 'user') return `“${short(item.text)}” is your own annotation: Remove Annotation takes it away.`;
    if (verdict === 'retyped' && item.type !== 'person') return `only a person can be marked as not a person; “${short(item.text)}” is a ${item.type}.`;
    const mention = mentionOf(analysis, item);
    if (!mention) return 'the analysis changed meanwhile: try again.';
    let target = targetOfEntity(mention, analysis), retype: RetypeDetails | undefined;
    const text = c.doc.getText();
    if (verdict === 'retyped') ({ target, retype } = retypeOf(target, item, text, retypedAs!));
    const before = c.session.store.document;
    const replaces = item.decisionId && (verdict !== 'retyped' || retype!.names.includes(item.person ?? '')) ? [item.decisionId] : [];
    c.session.store.decide(text, target, verdict, retype, replaces);
    await annotations.commit(c.doc, c.session);
    return { article: c.doc.uri.toString(), before, after: c.session.store.document, mentions: target.mentions.length };
  }

  /**
   * The places of the same entity in the other open and indexed articles: the same person as cross-article linking
   * sees it (so "Kerry" alone joins "John Kerry"), the same date value, the same quote, the same retyped names.
   */
  async function samePlacesElsewhere(c: PlaceContext, verdict: Verdict): Promise<ArticlePlace[]> {
    const analysis = analyses.get(c.doc);
    const item = c.view && entityItemAt(c.view, c.place);
    const mention = analysis && item && mentionOf(analysis, item);
    if (!analysis || !item || !mention) return [];
    const key = entityKeyOf(mention, analysis);
    const others = [...new Set([...analyses.all().map(a => a.uri.toString()), ...indexed()])].filter(k => k !== c.doc.uri.toString());
    const places: ArticlePlace[] = [];
    for (const article of others) {
      const uri = vscode.Uri.parse(article);
      // An open document whose file was deleted gets no annotations file of its own.
      if (uri.scheme === 'untitled' || !(await vscode.workspace.fs.stat(uri).then(() => true, () => false))) continue;
      const doc = await vscode.workspace.openTextDocument(uri);
      const theirs = analyses.get(doc);
      if (!theirs) continue;
      let found: Mention | undefined;
      if (mention.type === 'person') {
        if (verdict === 'retyped') found = theirs.persons.find(p => p.text === item.text);
        else {
          const links = linkPeople([{ key: 'here', analysis }, { key: 'there', analysis: theirs }]);
          const want = links.get('here')?.get(mention.entityId)?.key;
          found = theirs.persons.find(p => links.get('there')?.get(p.entityId)?.key === want);
        }
      } else {
        found = (mention.type === 'date' ? theirs.dates : theirs.quotes).find(m => entityKeyOf(m, theirs) === key);
      }
      if (found) places.push({ article, offset: found.start, end: found.end, type: found.type });
    }
    return places;
  }

  async function decide(verdict: Verdict, arg: unknown, everywhere: boolean, retypedAs?: RetypedAs): Promise<boolean> {
    const places = [...targets.places(arg)];
    if (places.length === 0) return false;
    if (verdict === 'retyped' && !retypedAs) {
      const pick = await vscode.window.showQuickPick(RETYPE_CHOICES, { title: 'Not a Person: what is it?', placeHolder: 'The name stops being a person here, and is no longer linked to other names' });
      if (!pick) return false;
      retypedAs = pick.value;
    }
    const done: Decided[] = [];
    let name = '', problem: string | undefined;
    try {
      for (let i = 0; i < places.length; i++) {
        const c = await targets.open(places[i]);
        if (!c) return false;
        const item = c.view && entityItemAt(c.view, c.place);
        if (item && !name) name = nameOf(item);
        if (everywhere && i === 0) places.push(...await samePlacesElsewhere(c, verdict));
        const outcome = await decideAt(c, verdict, retypedAs);
        if (typeof outcome === 'string') problem ??= outcome; else done.push(outcome);
      }
    } catch (e) {
      if (e instanceof AnnotationInputError) { say(e.message); return false; }
      throw e;
    }
    if (done.length === 0) { if (problem) say(problem); return false; }
    const label = `${VERBS[verdict]}${retypedAs ? ` (${retypedAs})` : ''} “${name}”`;
    history.record(label, done);
    const mentions = done.reduce((n, d) => n + d.mentions, 0);
    const where = done.length > 1 ? ` in ${done.length} articles` : '';
    vscode.window.setStatusBarMessage(`News Annotator: ${label}: ${mentions} mention${mentions === 1 ? '' : 's'}${where} (News Annotator: Undo Last Annotation Change takes it back)`, 8000);
    return true;
  }

  /** Withdraw the decision on the entity at each place: the analyzer's view of it comes back. */
  async function clear(arg: unknown): Promise<boolean> {
    const done: Decided[] = [];
    let name = '';
    for (const place of targets.places(arg)) {
      const c = await targets.open(place);
      if (!c?.view) continue;
      const item = rejectedItemAt(c.view, c.place) ?? entityItemAt(c.view, c.place);
      const id = item?.decisionId;
      if (!item || !id) continue;
      name ||= nameOf(item);
      const before = c.session.store.document;
      if (c.session.store.clearDecisions([id])) {
        await annotations.commit(c.doc, c.session);
        done.push({ article: c.doc.uri.toString(), before, after: c.session.store.document, mentions: 0 });
      }
    }
    if (done.length === 0) { say('there is no decision of yours here: put the cursor on a confirmed entity, or on one you rejected (listed under Rejected in the Entities view).'); return false; }
    history.record(`cleared your decision on “${name}”`, done);
    vscode.window.setStatusBarMessage(`News Annotator: cleared your decision on “${name}”: back to what the analyzer found`, 5000);
    return true;
  }

  /** Not a Person: (what it is) at the cursor, or (a place or view item, what it is); asked when not given. */
  function decideRetype(a: unknown, b: unknown, everywhere: boolean): Promise<boolean> {
    const isKind = (x: unknown): x is RetypedAs => typeof x === 'string' && (RETYPED_AS as readonly string[]).includes(x);
    return isKind(a) ? decide('retyped', undefined, everywhere, a) : decide('retyped', a, everywhere, isKind(b) ? b : undefined);
  }

  const register = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(`newsAnnotator.${id}`, fn);
  return [
    register('confirmEntity', (arg?: unknown) => decide('confirmed', arg, false)),
    register('rejectEntity', (arg?: unknown) => decide('rejected', arg, false)),
    register('retypeEntity', (a?: unknown, b?: unknown) => decideRetype(a, b, false)),
    register('confirmEntityEverywhere', (arg?: unknown) => decide('confirmed', arg, true)),
    register('rejectEntityEverywhere', (arg?: unknown) => decide('rejected', arg, true)),
    register('retypeEntityEverywhere', (a?: unknown, b?: unknown) => decideRetype(a, b, true)),
    register('clearDecision', (arg?: unknown) => clear(arg)),
  ];
}
