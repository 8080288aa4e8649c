// "Copy as Markdown": the Sources and Timeline tables as GitHub-flavoured Markdown for a write-up.
import { markdownTable } from 'markdown-table';
import { percent } from './quoteSources';
import type { SourcesTimeline } from './sourcesTimeline';

/** A cell on one line, with the characters that would end it or the row escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').trim();
}

/** Columns padded to line up for short tables; long sentences would pad every row to their width. */
const table = (rows: string[][], align: string[], alignDelimiters = true) => markdownTable(rows.map(r => r.map(cell)), { align, alignDelimiters });

export function sourcesTimelineMarkdown(model: SourcesTimeline): string {
  const nameOf = new Map(model.articles.map(a => [a.id, a.name]));
  const { sources, timeline } = model;
  const out: string[] = [`## Sources`, '', `Articles: ${model.articles.map(a => a.name).join(', ') || 'none'}.`, '', sources.line, ''];
  if (sources.sources.length) {
    out.push(table([
      ['Source', 'Kind', 'Quotes', 'Quoted words', 'Share of words', 'Articles'],
      ...sources.sources.map(s => [s.name + (s.byHand ? ' (set by you)' : ''), s.kind, String(s.quotes.length), String(s.words),
        percent(s.words, sources.words), s.articles.map(a => nameOf.get(a) ?? a).join(', ')]),
    ], ['l', 'l', 'r', 'r', 'r', 'l']), '');
  }
  out.push('## Timeline', '');
  const placed = timeline.rows.flatMap(r => [
    ...(r.publication ? [[r.name, '(publication date)', r.publication.value, r.publication.resolved, '', '']] : []),
    ...r.dates.map(d => [r.name, d.text, d.value, d.resolved, d.relative ? 'yes' : 'no', d.sentence]),
  ]);
  if (placed.length) {
    out.push(table([['Article', 'Date as written', 'Value', 'Resolves to', 'Relative', 'Sentence'], ...placed], ['l', 'l', 'l', 'l', 'l', 'l'], false), '');
  } else out.push('No dates with a calendar value.', '');
  const unplaced = timeline.rows.flatMap(r => r.unplaced.map(d => [r.name, d.text, d.reason, d.sentence]));
  if (unplaced.length) {
    out.push('Not on the time axis:', '', table([['Article', 'Date as written', 'Why', 'Sentence'], ...unplaced], ['l', 'l', 'l', 'l'], false), '');
  }
  return out.join('\n');
}
