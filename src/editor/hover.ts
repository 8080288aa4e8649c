// Hover on a highlighted span: who a name refers to and where else they appear, what a date resolves to,
// who said a quote.
import * as vscode from 'vscode';
import type { Analysis, Mention } from '../analysis';
import { entityNamed, mentionAt, quotesBy } from '../analysis/query';
import type { ArticleAnalyses } from './articleAnalyses';
import { describeDateValue, escapeMarkdown as escape, plural } from './describe';

/** The speaker the user set for the quote at [start, end) of an article, if any (from the annotations sidecar). */
export type SpeakerOverride = (uri: vscode.Uri, start: number, end: number) => string | undefined;

export class NewsHover implements vscode.HoverProvider {
  constructor(private readonly analyses: ArticleAnalyses, private readonly userSpeaker: SpeakerOverride = () => undefined) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const analysis = this.analyses.get(doc);
    if (!analysis) return undefined;
    const mention = mentionAt(analysis, doc.offsetAt(pos));
    if (!mention) return undefined;
    const range = new vscode.Range(doc.positionAt(mention.start), doc.positionAt(mention.end));
    return new vscode.Hover(this.describe(doc, analysis, mention), range);
  }

  private describe(doc: vscode.TextDocument, a: Analysis, m: Mention): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    md.supportThemeIcons = true;
    if (m.type === 'person') {
      const entity = a.people.get(m.entityId);
      const name = entity?.name ?? m.text;
      md.appendMarkdown(`$(person) **${escape(name)}**`);
      if (!m.fullName) md.appendMarkdown(` — "${escape(m.text)}" refers to this person`);
      md.appendMarkdown(`\n\n${plural(entity?.mentions.length ?? 1, 'mention')} in this article`);
      const elsewhere = this.elsewhere(doc, name);
      if (elsewhere.articles > 0) md.appendMarkdown(`; ${plural(elsewhere.mentions, 'mention')} in ${plural(elsewhere.articles, 'other open article')}`);
      const quotes = entity ? quotesBy(a, entity.id) : [];
      if (quotes.length > 0) {
        md.appendMarkdown(`\n\n${plural(quotes.length, 'quote')} attributed here:`);
        for (const q of quotes.slice(0, 5)) md.appendMarkdown(`\n- ${escape(shorten(q.text, 100))}`);
        if (quotes.length > 5) md.appendMarkdown(`\n- …`);
      }
    } else if (m.type === 'date') {
      md.appendMarkdown(`$(calendar) **${escape(m.text)}**`);
      if (m.value) md.appendMarkdown(` — ${escape(describeDateValue(m.value))} (\`${m.value}\`)`);
      else md.appendMarkdown(' — not resolved to a calendar date');
      if (m.relative) md.appendMarkdown(`\n\nRelative to ${a.publicationDate ? `the article's date, ${a.publicationDate}` : 'an unknown publication date'}`);
    } else {
      const speaker = m.speakerId ? a.people.get(m.speakerId)?.name : undefined;
      const userSpeaker = this.userSpeaker(doc.uri, m.start, m.end);
      md.appendMarkdown(`$(quote) Quote`);
      if (m.kind === 'term' && !userSpeaker) md.appendMarkdown(' — a term in quote marks (a title, a name or a scare quote), not someone’s words');
      else if (userSpeaker) md.appendMarkdown(` — said by **${escape(userSpeaker)}** (set by you${speaker && speaker !== userSpeaker ? `; detected: ${escape(speaker)}` : ''})`);
      else if (speaker) md.appendMarkdown(` — said by **${escape(speaker)}**`);
      else if (m.speakerText) md.appendMarkdown(` — attributed to ${escape(m.speakerText)} (not a person)`);
      else md.appendMarkdown(' — speaker unknown');
    }
    return md;
  }

  /** Mentions of the same person in the other open articles. */
  private elsewhere(doc: vscode.TextDocument, name: string): { articles: number; mentions: number } {
    let articles = 0, mentions = 0;
    for (const other of this.analyses.all()) {
      if (other.uri.toString() === doc.uri.toString()) continue;
      const e = entityNamed(other.analysis, name);
      if (e) { articles++; mentions += e.mentions.length; }
    }
    return { articles, mentions };
  }
}

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
