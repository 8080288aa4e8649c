// The Sources half of the panel: the summary line, then one horizontal bar per source, grouped as people,
// organisations, unnamed sources and unattributed quotes, sized by quotes or by quoted words. A bar is a disclosure
// button: expanded, it lists the source's quotes, each a button that reveals the quote in the editor.
import { percent, SOURCE_KINDS, type Source, type SourceKind, type SourceQuote } from '../../entities/quoteSources';
import type { SourcesTimeline } from '../../entities/sourcesTimeline';
import { h, plural } from './dom';

export type Measure = 'quotes' | 'words';

export interface SourcesActions {
  readonly measure: Measure;
  readonly expanded: ReadonlySet<string>;
  setMeasure(m: Measure): void;
  toggle(key: string): void;
  reveal(q: SourceQuote): void;
}

const KIND_HEADINGS: Record<SourceKind, string> = {
  person: 'People', organisation: 'Organisations', unnamed: 'Unnamed sources', unattributed: 'Unattributed quotes',
};

const MAX_QUOTE_CHARS = 220;

export function renderSources(model: SourcesTimeline, act: SourcesActions): HTMLElement {
  const { sources } = model;
  const section = h('section', { class: 'sources', 'aria-labelledby': 'sources-heading' },
    h('div', { class: 'section-head' },
      h('h2', { id: 'sources-heading' }, 'Sources'),
      measureSwitch(act)),
    h('p', { class: 'summary' }, sources.line));
  if (sources.sources.length === 0) return section;
  const size = (s: Source) => (act.measure === 'quotes' ? s.quotes.length : s.words);
  const max = Math.max(...sources.sources.map(size), 1);
  const articleName = new Map(model.articles.map(a => [a.id, a.name]));
  const manyArticles = model.articles.length > 1;
  const rank = new Map(sources.sources.map((s, i) => [s, i]));
  for (const kind of SOURCE_KINDS) {
    const group = sources.sources.filter(s => s.kind === kind).sort((x, y) => size(y) - size(x) || rank.get(x)! - rank.get(y)!);
    if (group.length === 0) continue;
    const quotes = group.reduce((n, s) => n + s.quotes.length, 0);
    const words = group.reduce((n, s) => n + s.words, 0);
    section.append(
      h('h3', { class: `kind-heading kind-${kind}` }, KIND_HEADINGS[kind],
        h('span', { class: 'figures' }, `${plural(quotes, 'quote')} · ${percent(words, sources.words)} of quoted words`)),
      h('ul', { class: 'bars', 'aria-label': KIND_HEADINGS[kind] }, ...group.map(s => sourceRow(s, size(s) / max, act, articleName, manyArticles))));
  }
  return section;
}

function measureSwitch(act: SourcesActions): HTMLElement {
  const option = (value: Measure, label: string) => {
    const input = h('input', { type: 'radio', name: 'measure', value, checked: act.measure === value });
    input.addEventListener('change', () => act.setMeasure(value));
    return h('label', {}, input, h('span', {}, label));
  };
  return h('fieldset', { class: 'segmented' }, h('legend', { class: 'visually-hidden' }, 'Bar length'),
    option('quotes', 'By quotes'), option('words', 'By words'));
}

function sourceRow(s: Source, fraction: number, act: SourcesActions, articleName: Map<string, string>, manyArticles: boolean): HTMLElement {
  const expanded = act.expanded.has(s.key);
  const listId = `quotes-${cssId(s.key)}`;
  const figures = `${plural(s.quotes.length, 'quote')} · ${plural(s.words, 'word')} · ${percent(s.share, 1)}`;
  const where = s.article ? articleName.get(s.article) : undefined;
  const bar = h('span', { class: `bar kind-${s.kind}` });
  bar.style.width = `${Math.max(fraction * 100, 0.5)}%`; // CSSOM, allowed by the content security policy
  const button = h('button', {
    class: 'source', type: 'button', 'aria-expanded': String(expanded), 'aria-controls': listId, 'data-key': `source:${s.key}`,
    'aria-label': `${s.name}${where && manyArticles ? ` (${where})` : ''}: ${figures} of quoted words${s.byHand ? ', attributed by you' : ''}`,
  },
  h('span', { class: 'twisty', 'aria-hidden': 'true' }),
  h('span', { class: 'name' }, s.name, s.byHand ? h('span', { class: 'by-hand', title: 'Speaker set by you' }, ' ✎') : undefined,
    where && manyArticles ? h('span', { class: 'where' }, ` · ${where}`) : undefined),
  h('span', { class: 'track', 'aria-hidden': 'true' }, bar),
  h('span', { class: 'figures', 'aria-hidden': 'true' }, figures));
  button.addEventListener('click', () => act.toggle(s.key));
  const list = h('ol', { class: 'quotes', id: listId, hidden: !expanded },
    ...s.quotes.map(q => quoteItem(q, articleName, manyArticles, act)));
  return h('li', {}, button, list);
}

function quoteItem(q: SourceQuote, articleName: Map<string, string>, manyArticles: boolean, act: SourcesActions): HTMLElement {
  const text = q.text.length > MAX_QUOTE_CHARS ? `${q.text.slice(0, MAX_QUOTE_CHARS - 1)}…` : q.text;
  const notes = [
    manyArticles ? articleName.get(q.article) : undefined,
    q.asWritten ? `as “${q.asWritten}”` : undefined,
    q.speakerByHand ? 'speaker set by you' : undefined,
    q.provenance === 'confirmed' ? 'confirmed' : q.provenance === 'user' ? 'marked by you' : undefined,
    plural(q.words, 'word'),
  ].filter((n): n is string => !!n);
  const button = h('button', { class: 'quote', type: 'button', title: `${q.text}\n\nShow in the editor`, 'data-key': `quote:${q.article}:${q.start}` },
    h('span', { class: 'quote-text' }, text), h('span', { class: 'meta' }, notes.join(' · ')));
  button.addEventListener('click', () => act.reveal(q));
  return h('li', {}, button);
}

/** A key as an id fragment (keys hold uris and spaces). */
function cssId(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return `${key.replace(/[^A-Za-z0-9_-]+/g, '-').slice(-40)}-${(hash >>> 0).toString(36)}`;
}
