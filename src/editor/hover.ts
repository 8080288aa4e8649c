// The one hover of an article, from what the reader sees of it (ReaderViews): who a name refers to and where else
// they appear, what a date resolves to, who said a quote; the reader's decision on it, with links to change it; and
// each of the reader's annotations there, once, with its label, note and when it was made.
import * as vscode from 'vscode';
import type { ViewItem, ReaderView } from '../entities/readerView';
import { annotationItemsAt, entityItemAt, rejectedItemAt } from '../entities/viewQueries';
import { describeDateValue, escapeMarkdown as escape, plural } from '../entities/describe';
import type { ArticleAnalyses } from './articleAnalyses';
import { commandLink, type ArticlePlace } from './commandLinks';
import type { ReaderViews } from './readerViews';

const RETYPED: Record<string, string> = { organisation: 'an organisation', place: 'a place', other: 'not a person' };
/** The commands hover links may run. */
export const HOVER_COMMANDS = ['newsAnnotator.confirmEntity', 'newsAnnotator.rejectEntity', 'newsAnnotator.retypeEntity', 'newsAnnotator.clearDecision',
  'newsAnnotator.rejectEntityEverywhere', 'newsAnnotator.editNote', 'newsAnnotator.removeAnnotation', 'newsAnnotator.setQuoteSpeaker'];

export class NewsHover implements vscode.HoverProvider {
  constructor(private readonly analyses: ArticleAnalyses, private readonly views: ReaderViews) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const view = this.views.of(doc);
    if (!view) return undefined;
    const offset = doc.offsetAt(pos);
    const item = entityItemAt(view, { offset });
    const rejected = item ? undefined : rejectedItemAt(view, { offset });
    // Each annotation once: the reader's items here (a label, a person they added, the one on the entity).
    const annotations = annotationItemsAt(view, offset);
    if (!item && !rejected && annotations.length === 0) return undefined;
    const span = item ?? rejected ?? annotations[0];
    const place: ArticlePlace = { article: doc.uri.toString(), offset: span.start, end: span.end, type: span.type };
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: HOVER_COMMANDS };
    if (item) this.describeEntity(md, doc, view, item, place);
    else if (rejected) describeRejected(md, rejected, place);
    for (const a of annotations) {
      if (md.value) md.appendMarkdown('\n\n---\n\n');
      describeAnnotation(md, a, place);
    }
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)));
  }

  private describeEntity(md: vscode.MarkdownString, doc: vscode.TextDocument, view: ReaderView, m: ViewItem, place: ArticlePlace): void {
    const state = m.provenance === 'confirmed' ? '$(pass) confirmed by you' : m.provenance === 'user' && m.type !== 'quote' ? '$(account) added by you' : undefined;
    if (m.type === 'person') {
      const name = m.person ?? m.text;
      md.appendMarkdown(`$(person) **${escape(name)}**`);
      if (m.fullName === false) md.appendMarkdown(` — "${escape(m.text)}" refers to this person`);
      const person = view.people.find(p => (m.entityId !== undefined ? p.entityId === m.entityId : p.name === name));
      md.appendMarkdown(`\n\n${state ? `${state} · ` : ''}${plural(person?.mentions ?? 1, 'mention')} in this article`);
      const elsewhere = this.elsewhere(doc, name);
      if (elsewhere.articles > 0) md.appendMarkdown(`; ${plural(elsewhere.mentions, 'mention')} in ${plural(elsewhere.articles, 'other open article')}`);
      const quotes = view.items.filter(i => i.type === 'quote' && i.speakerIsPerson && (m.entityId !== undefined ? i.speakerId === m.entityId : i.speaker === name));
      if (quotes.length > 0) {
        md.appendMarkdown(`\n\n${plural(quotes.length, 'quote')} attributed here:`);
        for (const q of quotes.slice(0, 5)) md.appendMarkdown(`\n- ${escape(shorten(q.text, 100))}`);
        if (quotes.length > 5) md.appendMarkdown(`\n- …`);
      }
    } else if (m.type === 'date') {
      md.appendMarkdown(`$(calendar) **${escape(m.text)}**`);
      if (m.value) md.appendMarkdown(` — ${escape(describeDateValue(m.value))} (\`${m.value}\`)`);
      else md.appendMarkdown(' — not resolved to a calendar date');
      if (state) md.appendMarkdown(`\n\n${state}`);
      if (m.relative) md.appendMarkdown(`\n\nRelative to ${view.publicationDate ? `the article's date, ${view.publicationDate}` : 'an unknown publication date'}`);
    } else {
      md.appendMarkdown(`$(quote) Quote`);
      if (m.kind === 'term' && m.speakerProvenance !== 'user') md.appendMarkdown(' — a term in quote marks (a title, a name or a scare quote), not someone’s words');
      else if (m.speakerProvenance === 'user') md.appendMarkdown(` — said by **${escape(m.speaker ?? '')}** (set by you${m.speakerAsWritten && m.speakerAsWritten !== m.speaker ? `; the article says: ${escape(m.speakerAsWritten)}` : ''})`);
      else if (m.speakerIsPerson) md.appendMarkdown(` — said by **${escape(m.speaker ?? '')}**`);
      else if (m.speaker) md.appendMarkdown(` — attributed to ${escape(m.speaker)} (not a person)`);
      else md.appendMarkdown(' — speaker unknown');
      if (state) md.appendMarkdown(`\n\n${state}`);
    }
    if (m.provenance === 'user') return; // the reader's own: its annotation below has the actions
    const links = m.provenance === 'confirmed'
      ? [commandLink('Clear Decision', 'newsAnnotator.clearDecision', [place], 'Back to what the analyzer found')]
      : [commandLink('Confirm', 'newsAnnotator.confirmEntity', [place], 'Right: every mention of it in this article'),
        commandLink('Reject', 'newsAnnotator.rejectEntity', [place], 'Not an entity: every mention of it in this article')];
    if (m.provenance !== 'confirmed' && m.type === 'person') links.push(commandLink('Not a Person…', 'newsAnnotator.retypeEntity', [place], 'An organisation, a place or something else'));
    if (m.type === 'quote') links.push(commandLink('Set Speaker…', 'newsAnnotator.setQuoteSpeaker', [place]));
    md.appendMarkdown(`\n\n${links.join(' · ')}`);
  }

  /** Mentions of the same person in the other open articles, as the reader sees them. */
  private elsewhere(doc: vscode.TextDocument, name: string): { articles: number; mentions: number } {
    let articles = 0, mentions = 0;
    const want = name.toLowerCase();
    for (const other of this.analyses.all()) {
      if (other.uri.toString() === doc.uri.toString()) continue;
      const p = this.views.peek(other.uri)?.people.find(x => x.name.toLowerCase() === want && x.mentions > 0);
      if (p) { articles++; mentions += p.mentions; }
    }
    return { articles, mentions };
  }
}

function describeRejected(md: vscode.MarkdownString, r: ViewItem, place: ArticlePlace): void {
  const name = r.type === 'person' ? r.person ?? r.text : r.text;
  const what = r.verdict === 'retyped' ? `${RETYPED[r.retypedAs ?? 'other']} — not a person, said by you` : `rejected by you as a ${r.type}`;
  md.appendMarkdown(`$(circle-slash) **${escape(name)}** — ${what}`);
  if (r.created) md.appendMarkdown(` _(${new Date(r.created).toLocaleString()})_`);
  md.appendMarkdown(`\n\nNot highlighted or listed in this article. ${commandLink('Clear Decision', 'newsAnnotator.clearDecision', [place], 'Back to what the analyzer found')}`);
}

function describeAnnotation(md: vscode.MarkdownString, a: ViewItem, place: ArticlePlace): void {
  const label = a.type === 'label' ? a.label ?? 'label' : a.type;
  md.appendMarkdown(`$(tag) **${escape(label)}**${a.type === 'label' ? '' : ' (your annotation)'}`);
  if (a.type === 'quote' && a.speakerProvenance === 'user' && a.speaker) md.appendMarkdown(` — said by **${escape(a.speaker)}**`);
  if (a.note) md.appendMarkdown(`\n\n${escape(a.note)}`);
  if (a.created) md.appendMarkdown(`\n\n_annotated ${new Date(a.created).toLocaleString()}_`);
  const at: ArticlePlace = { article: place.article, offset: a.start, end: a.end, type: a.type, annotation: a.annotationId };
  md.appendMarkdown(`\n\n${commandLink(a.note ? 'Edit Note…' : 'Add Note…', 'newsAnnotator.editNote', [at])} · ${commandLink('Remove', 'newsAnnotator.removeAnnotation', [at])}`);
}

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
