// The Sources and Timeline webview: draws what the extension sends (a `show` message), keeps the reader's view state
// (bar measure, expanded sources, zoom) across reloads, and sends back what the reader asks for (reveal a quote or a
// date, change the scope, copy as Markdown) and what it drew (counts, for the tests).
import type { SourcesTimeline } from '../../entities/sourcesTimeline';
import type { FromWebview, PressMessage, RenderedCounts, Scope, ShowMessage, ToWebview } from '../../views/sourcesPanel/protocol';
import { h } from './dom';
import { renderSources, type Measure } from './sourcesView';
import { drawChart, renderTimeline } from './timelineView';
import type { Domain } from './timeLayout';

interface VsCodeApi<S> {
  postMessage(message: FromWebview): void;
  getState(): S | undefined;
  setState(state: S): void;
}
declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

interface ViewState {
  measure: Measure;
  expanded: string[];
  /** The zoomed span, kept while the same articles are shown (edits keep it; switching article fits again). */
  domain?: Domain;
  domainFor?: string;
}

const vscode = acquireVsCodeApi<ViewState>();
const saved = vscode.getState();
const state: ViewState = { measure: saved?.measure === 'words' ? 'words' : 'quotes', expanded: saved?.expanded ?? [], domain: saved?.domain, domainFor: saved?.domainFor };
let shown: ShowMessage | undefined;
const app = document.getElementById('app')!;

const post = (m: FromWebview) => vscode.postMessage(m);
const save = () => vscode.setState(state);
const articlesKey = (m: SourcesTimeline | undefined) => m?.articles.map(a => a.id).join('\n') ?? '';

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const msg = e.data;
  if (msg?.type === 'show') {
    shown = msg;
    try {
      render();
    } catch (err) {
      app.replaceChildren(h('p', { class: 'empty' }, `The panel could not be drawn: ${(err as Error).message}`));
      throw err; // to the webview's developer tools
    }
  } else if (msg?.type === 'press') press(msg);
});

function render(): void {
  const focusKey = document.activeElement?.getAttribute('data-key') ?? undefined;
  if (!shown) return;
  const model = shown.model;
  if (state.domainFor !== articlesKey(model)) { state.domain = undefined; state.domainFor = articlesKey(model); save(); }
  const children: HTMLElement[] = [toolbar(shown)];
  let timeline: HTMLElement | undefined;
  if (!model) children.push(h('p', { class: 'empty' }, shown.empty ?? 'Nothing to show.'));
  else {
    children.push(renderSources(model, {
      measure: state.measure,
      expanded: new Set(state.expanded),
      setMeasure: m => { state.measure = m; save(); render(); },
      toggle: key => {
        state.expanded = state.expanded.includes(key) ? state.expanded.filter(k => k !== key) : [...state.expanded, key];
        save();
        render();
      },
      reveal: q => post({ type: 'reveal', article: q.article, start: q.start, end: q.end, text: q.text }),
    }));
    children.push(timeline = renderTimeline(model, timelineActions(model)));
  }
  app.replaceChildren(...children);
  app.setAttribute('aria-busy', 'false');
  if (timeline && model) drawChart(timeline, model, timelineActions(model), focusKey);
  if (focusKey) app.querySelector<HTMLElement | SVGElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  report();
}

let redraw: number | undefined;
function timelineActions(model: SourcesTimeline) {
  return {
    domain: state.domain,
    setDomain: (d: Domain | undefined) => {
      state.domain = d;
      save();
      // Dragging and wheeling ask many times a frame: draw once per frame.
      if (redraw !== undefined) return;
      redraw = requestAnimationFrame(() => {
        redraw = undefined;
        const section = app.querySelector<HTMLElement>('section.timeline');
        if (section) drawChart(section, model, timelineActions(model), document.activeElement?.getAttribute('data-key') ?? undefined);
        report();
      });
    },
    reveal: (d: { article: string; start: number; end: number; text: string }) => post({ type: 'reveal', article: d.article, start: d.start, end: d.end, text: d.text }),
  };
}

function toolbar(msg: ShowMessage): HTMLElement {
  const option = (value: Scope, label: string) => {
    const input = h('input', { type: 'radio', name: 'scope', value, checked: msg.scope === value });
    input.addEventListener('change', () => post({ type: 'setScope', scope: value }));
    return h('label', {}, input, h('span', {}, label));
  };
  const copy = h('button', { type: 'button', class: 'secondary', disabled: !msg.model, title: 'Put both tables on the clipboard as Markdown' }, 'Copy as Markdown');
  copy.addEventListener('click', () => post({ type: 'copyMarkdown' }));
  return h('header', { class: 'toolbar' },
    h('fieldset', { class: 'segmented' }, h('legend', { class: 'visually-hidden' }, 'Show'),
      option('active', 'Active article'), option('all', 'All open articles')),
    copy,
    h('p', { class: 'title', 'aria-live': 'polite' }, msg.title));
}

/** Tells the extension what was drawn, counted in the DOM itself. */
function report(): void {
  const all = <E extends Element>(sel: string) => [...app.querySelectorAll<E>(sel)];
  const bars = all<HTMLElement>('.bar').filter(b => b.getBoundingClientRect().width > 0);
  const quotes = all<HTMLElement>('.quote');
  const counts: RenderedCounts = {
    sources: all('.source').length, bars: bars.length, quotes: quotes.length,
    visibleQuotes: quotes.filter(q => q.getBoundingClientRect().height > 0).length,
    rows: all('.row').length, points: all('.date-mark').length, ticks: all('.tick').length,
    publications: all('.publication').length, unplaced: all('.unplaced-item').length,
    names: all('.source .name').map(n => n.firstChild?.textContent ?? ''),
  };
  post({ type: 'rendered', counts });
}

function press(msg: PressMessage): void {
  const selector = { source: '.source', quote: '.quote', date: '.date-mark', unplaced: '.unplaced-item' }[msg.target];
  const el = app.querySelectorAll<HTMLElement | SVGElement>(selector)[msg.index];
  el?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}

// Redraw the axis when the panel is resized (its width sets the ticks and the lanes).
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let lastWidth = 0;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (app.clientWidth === lastWidth) return;
    lastWidth = app.clientWidth;
    const section = app.querySelector<HTMLElement>('section.timeline');
    if (section && shown?.model) drawChart(section, shown.model, timelineActions(shown.model), document.activeElement?.getAttribute('data-key') ?? undefined);
  }, 60);
}).observe(app);

post({ type: 'ready' });
