// The Timeline half of the panel: every placed date on one time axis (d3-scale's UTC scale picks the ticks, from hours
// to centuries), one row per article with its publication date marked, marks stacked in lanes so none hide another;
// zoom and pan by buttons, keys, Ctrl+wheel and dragging; arrow keys move between dates, Enter reveals one. Dates
// that cannot be placed are listed under the axis.
import { scaleUtc } from 'd3-scale';
import type { SourcesTimeline } from '../../entities/sourcesTimeline';
import type { PlacedDate, TimelineDate, TimelineRow } from '../../entities/timeline';
import { h, plural, svg } from './dom';
import { assignLanes, fitDomain, panDomain, zoomDomain, type Domain } from './timeLayout';

export interface TimelineActions {
  /** The span the reader zoomed to, or undefined to fit every date. */
  readonly domain: Domain | undefined;
  setDomain(d: Domain | undefined): void;
  reveal(d: TimelineDate): void;
}

const AXIS_HEIGHT = 28;
/** The article's name above its row. */
const ROW_HEADER = 16;
const LANE_HEIGHT = 20;
const BAR_HEIGHT = 14;
const ROW_PADDING = 5;
const POINT_RADIUS = 5;
/** An interval narrower than this is drawn as a point at its middle. */
const MIN_BAR = 10;

/** The section's frame; the chart itself is drawn by drawChart once the section is in the page and has a width. */
export function renderTimeline(model: SourcesTimeline, act: TimelineActions): HTMLElement {
  const { timeline } = model;
  const zoom = (label: string, text: string, run: () => void) => {
    const b = h('button', { type: 'button', class: 'icon-button', 'aria-label': label, title: label }, text);
    b.addEventListener('click', run);
    return b;
  };
  const current = () => act.domain ?? (timeline.focus ? fitDomain(timeline.focus) : undefined);
  const { extent, focus } = timeline;
  const summary = timeline.placed + timeline.unplaced === 0 ? 'No dates.'
    : `${plural(timeline.placed, 'date')} on the axis${model.articles.length > 1 ? ` across ${plural(timeline.rows.length, 'article')}` : ''}`
      + (timeline.unplaced ? `; ${timeline.unplaced} not placed (listed below).` : '.');
  const section = h('section', { class: 'timeline', 'aria-labelledby': 'timeline-heading' },
    h('div', { class: 'section-head' },
      h('h2', { id: 'timeline-heading' }, 'Timeline'),
      timeline.extent ? h('div', { class: 'zoom', role: 'group', 'aria-label': 'Zoom' },
        zoom('Zoom out (−)', '−', () => { const d = current(); if (d) act.setDomain(zoomDomain(d, 0.5)); }),
        zoom('Zoom in (+)', '+', () => { const d = current(); if (d) act.setDomain(zoomDomain(d, 2)); }),
        zoom('Fit the story’s days and months (0)', 'Fit', () => act.setDomain(undefined)),
        extent && focus && (extent.from !== focus.from || extent.to !== focus.to)
          ? zoom('Show the whole span, years and decades too', 'All', () => act.setDomain(fitDomain(extent))) : undefined,
        h('span', { class: 'span-label', 'aria-live': 'polite' })) : undefined),
    h('p', { class: 'summary' }, summary));
  if (timeline.extent) {
    section.append(h('div', { class: 'chart' }),
      h('div', { class: 'details', id: 'timeline-details' }, h('span', { class: 'meta' }, 'Point at a date, or move to it with Tab and the arrow keys, to read its sentence; click or press Enter to show it in the editor.')),
      legend());
  } else if (timeline.placed + timeline.unplaced > 0) {
    section.append(h('p', { class: 'empty-note' }, 'No date here has a calendar value to place on an axis.'));
  }
  const unplaced = timeline.rows.filter(r => r.unplaced.length > 0);
  if (unplaced.length) {
    section.append(h('h3', { class: 'unplaced-heading' }, `Not on the time axis (${timeline.unplaced})`));
    for (const row of unplaced) {
      if (model.articles.length > 1) section.append(h('h4', {}, row.name));
      section.append(h('ul', { class: 'unplaced' }, ...row.unplaced.map(d => {
        const b = h('button', { type: 'button', class: 'unplaced-item', 'data-key': `date:${d.article}:${d.start}`, title: 'Show in the editor' },
          h('span', { class: 'expr' }, d.text), h('span', { class: 'reason' }, ` — ${d.reason}`), h('span', { class: 'sentence' }, d.sentence));
        b.addEventListener('click', () => act.reveal(d));
        return h('li', {}, b);
      })));
    }
  }
  return section;
}

function legend(): HTMLElement {
  const item = (shape: SVGElement, text: string) => h('span', { class: 'legend-item' },
    svg('svg', { width: 22, height: 14, 'aria-hidden': 'true' }, shape), text);
  return h('p', { class: 'legend' },
    item(svg('circle', { cx: 11, cy: 7, r: POINT_RADIUS, class: 'mark-shape absolute' }), 'date as written'),
    item(svg('circle', { cx: 11, cy: 7, r: POINT_RADIUS - 0.5, class: 'mark-shape relative' }), 'relative date, resolved against the publication date'),
    item(svg('rect', { x: 1, y: 3, width: 20, height: 8, rx: 2, class: 'mark-shape interval absolute' }), 'a week, month, year…'),
    item(svg('line', { x1: 11, y1: 0, x2: 11, y2: 14, class: 'publication-line' }), 'publication date'));
}

let measureContext: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string, font: string): number {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * 6.5;
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

type LabelPlace = 'inside' | 'right' | 'left';

interface DrawnMark { readonly date: PlacedDate; readonly row: number; readonly cx: number; readonly el: SVGGElement }

/** Draws (again) the axis and the rows into the section's chart, at its current width and the actions' domain. */
export function drawChart(section: HTMLElement, model: SourcesTimeline, act: TimelineActions, focusKey?: string): void {
  const chart = section.querySelector<HTMLElement>('.chart');
  const focusSpan = model.timeline.focus;
  if (!chart || !focusSpan) return;
  const domain = act.domain ?? fitDomain(focusSpan);
  const width = Math.max(chart.clientWidth, 320);
  const [left, right] = [12, width - 12];
  const x = scaleUtc().domain([domain[0], domain[1]]).range([left, right]);
  const tickFormat = x.tickFormat();
  const ticks = x.ticks(Math.max(2, Math.floor((right - left) / 90)));
  const style = getComputedStyle(chart);
  const font = `${style.fontSize} ${style.fontFamily}`;
  const labelFont = `11px ${style.fontFamily}`;
  const spanLabel = section.querySelector('.span-label');
  if (spanLabel) spanLabel.textContent = `${formatDay(domain[0])} – ${formatDay(domain[1])}`;

  // Lay out each row's marks: position, label beside (or inside a wide bar, or left of a mark near the right edge),
  // then lanes, the label counting as part of the mark.
  const rows = model.timeline.rows.map(row => {
    const marks = row.dates.flatMap(d => {
      const x1 = x(d.from), x2 = x(d.to);
      if (x2 < left || x1 > right) return [];
      const bar = x2 - x1 >= MIN_BAR;
      const cx = bar ? (Math.max(x1, left) + Math.min(x2, right)) / 2 : (x1 + x2) / 2;
      const markLeft = bar ? Math.max(x1, left) : cx - POINT_RADIUS;
      const markRight = bar ? Math.min(x2, right) : cx + POINT_RADIUS;
      const text = labelOf(d);
      const w = textWidth(text, labelFont);
      const place: LabelPlace = bar && markRight - markLeft >= w + 10 ? 'inside' : markRight + 4 + w <= right ? 'right' : 'left';
      const spanLeft = place === 'left' ? markLeft - 4 - w : markLeft;
      const spanRight = place === 'right' ? markRight + 4 + w : markRight;
      return [{ date: d, text, bar, cx, markLeft, markRight, place, spanLeft, spanRight }];
    });
    // Lanes are filled left to right; the marks stay in time order (the order of the DOM and of the arrow keys).
    const byLeft = marks.map((_, i) => i).sort((a, b) => marks[a].spanLeft - marks[b].spanLeft || a - b);
    const placed = assignLanes(byLeft.map(i => ({ x1: marks[i].spanLeft, x2: marks[i].spanRight })));
    const lanes: number[] = [];
    byLeft.forEach((i, k) => { lanes[i] = placed.lanes[k]; });
    const count = placed.count;
    return { row, marks, lanes, height: ROW_HEADER + Math.max(count, 1) * LANE_HEIGHT + 2 * ROW_PADDING };
  });
  const height = AXIS_HEIGHT + rows.reduce((n, r) => n + r.height, 0) + 2;

  const root = svg('svg', { width, height, class: 'chart-svg', role: 'group',
    'aria-label': `Time axis from ${formatDay(domain[0])} to ${formatDay(domain[1])}, ${plural(rows.length, 'row')}: ${plural(model.timeline.placed, 'date')}. Arrow keys move between dates, Enter shows one in the editor, plus and minus zoom.` });
  const axis = svg('g', { class: 'axis', 'aria-hidden': 'true' },
    svg('line', { x1: left, x2: right, y1: AXIS_HEIGHT - 0.5, y2: AXIS_HEIGHT - 0.5, class: 'axis-line' }));
  for (const t of ticks) {
    const tx = Math.round(x(t)) + 0.5;
    axis.append(svg('g', { class: 'tick' },
      svg('line', { x1: tx, x2: tx, y1: AXIS_HEIGHT - 5, y2: height, class: 'grid-line' }),
      svg('text', { x: tx, y: AXIS_HEIGHT - 9, 'text-anchor': 'middle', class: 'tick-label' }, tickFormat(t))));
  }
  root.append(axis);

  const drawn: DrawnMark[] = [];
  let y = AXIS_HEIGHT;
  rows.forEach(({ row, marks, lanes, height: rowHeight }, r) => {
    const g = svg('g', { class: 'row', 'data-article': row.article });
    g.append(svg('rect', { x: 0, y, width, height: rowHeight, class: `row-band ${r % 2 ? 'odd' : 'even'}` }));
    const name = svg('text', { x: left - 6, y: y + ROW_HEADER, class: 'row-label' }, truncate(rowTitle(row), width - 2 * left, font));
    name.append(svg('title', {}, rowTitle(row)));
    g.append(name);
    const top = y + ROW_HEADER + ROW_PADDING;
    if (row.publication) {
      const px = Math.round(x((row.publication.from + row.publication.to) / 2)) + 0.5;
      if (px >= left && px <= right) {
        g.append(svg('g', { class: 'publication', 'aria-hidden': 'true' },
          svg('line', { x1: px, x2: px, y1: top - 4, y2: y + rowHeight - 2, class: 'publication-line' }),
          svg('title', {}, `Published ${row.publication.resolved}`)));
      }
    }
    if (marks.length === 0) {
      g.append(svg('text', { x: left, y: top + LANE_HEIGHT / 2 + 4, class: 'row-note' },
        row.dates.length ? 'its dates lie outside this span' : 'no date here has a calendar value'));
    }
    marks.forEach((m, i) => {
      const cy = top + lanes[i] * LANE_HEIGHT + LANE_HEIGHT / 2;
      const d = m.date;
      const kind = d.relative ? 'relative' : 'absolute';
      const shape = m.bar
        ? svg('rect', { x: m.markLeft, y: cy - BAR_HEIGHT / 2, width: m.markRight - m.markLeft, height: BAR_HEIGHT, rx: 2, class: `mark-shape interval ${kind}` })
        : svg('circle', { cx: m.cx, cy, r: d.relative ? POINT_RADIUS - 0.5 : POINT_RADIUS, class: `mark-shape ${kind}` });
      const label = m.place === 'inside' ? svg('text', { x: m.markLeft + 5, y: cy + 4, class: 'mark-label' }, m.text)
        : m.place === 'right' ? svg('text', { x: m.markRight + 4, y: cy + 4, class: 'mark-label' }, m.text)
          : svg('text', { x: m.markLeft - 4, y: cy + 4, 'text-anchor': 'end', class: 'mark-label' }, m.text);
      const el = svg('g', {
        class: `date-mark ${kind}`, role: 'button', tabindex: -1, 'data-key': `date:${d.article}:${d.start}`,
        'aria-label': `${d.text}: ${d.resolved}${d.relative ? ', resolved against the publication date' : ''}; ${row.name}`,
        'aria-description': d.sentence,
      }, shape, label);
      g.append(el);
      drawn.push({ date: d, row: r, cx: m.cx, el });
    });
    root.append(g);
    y += rowHeight;
  });
  chart.replaceChildren(root);
  wireChartOnce(chart);
  chartStates.set(chart, { domain, plot: [left, right], drawn, rows: rows.length, act });
  wireMarks(section, drawn, act, model);
  const focus = drawn.find(m => m.el.getAttribute('data-key') === focusKey) ?? drawn[0];
  if (focus) focus.el.setAttribute('tabindex', '0');
  else root.setAttribute('tabindex', '0'); // still reachable for the zoom keys
  if (focusKey && focus && focus.el.getAttribute('data-key') === focusKey) focus.el.focus();
}

/** What the chart's own listeners (wired once per chart element) need of the last drawing. */
interface ChartState {
  domain: Domain;
  plot: [number, number];
  drawn: DrawnMark[];
  rows: number;
  act: TimelineActions;
}
const chartStates = new WeakMap<HTMLElement, ChartState>();

function wireMarks(section: HTMLElement, drawn: DrawnMark[], act: TimelineActions, model: SourcesTimeline): void {
  const details = section.querySelector<HTMLElement>('.details');
  const nameOf = new Map(model.articles.map(a => [a.id, a.name]));
  const publicationOf = new Map(model.timeline.rows.map(r => [r.article, r.publication]));
  const show = (d: PlacedDate) => {
    if (!details) return;
    const pub = publicationOf.get(d.article);
    details.replaceChildren(h('span', {},
      h('span', { class: 'expr' }, d.text), ' → ', h('strong', {}, d.resolved),
      d.relative ? h('span', { class: 'meta' }, pub ? ` (relative, resolved against the publication date ${pub.resolved})` : ' (relative)') : undefined,
      model.articles.length > 1 ? h('span', { class: 'meta' }, ` · ${nameOf.get(d.article)}`) : undefined,
      h('span', { class: 'sentence' }, d.sentence)));
  };
  for (const m of drawn) {
    m.el.addEventListener('click', () => act.reveal(m.date));
    m.el.addEventListener('focus', () => show(m.date));
    m.el.addEventListener('mouseenter', () => show(m.date));
  }
}

function wireChartOnce(chart: HTMLElement): void {
  if (chartStates.has(chart)) return;
  const st = () => chartStates.get(chart)!;
  const fraction = (clientX: number) => {
    const { plot: [left, right] } = st();
    return Math.min(Math.max((clientX - chart.getBoundingClientRect().left - left) / (right - left), 0), 1);
  };
  chart.addEventListener('keydown', e => {
    const { drawn, domain, plot: [left, right], act, rows } = st();
    const here = drawn.find(m => m.el === document.activeElement);
    const inRow = here ? drawn.filter(m => m.row === here.row) : [];
    const j = here ? inRow.indexOf(here) : -1;
    const anchor = here ? Math.min(Math.max((here.cx - left) / (right - left), 0), 1) : 0.5;
    let next: DrawnMark | undefined;
    switch (e.key) {
      case 'ArrowRight': next = inRow[j + 1]; break;
      case 'ArrowLeft': next = inRow[j - 1]; break;
      case 'Home': next = inRow[0]; break;
      case 'End': next = inRow[inRow.length - 1]; break;
      case 'ArrowDown': case 'ArrowUp': {
        if (!here) break;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        for (let r = here.row + step; r >= 0 && r < rows && !next; r += step) {
          next = drawn.filter(m => m.row === r).sort((a, b) => Math.abs(a.cx - here.cx) - Math.abs(b.cx - here.cx))[0];
        }
        break;
      }
      case 'Enter': case ' ': if (here) act.reveal(here.date); break;
      case '+': case '=': act.setDomain(zoomDomain(domain, 2, anchor)); break;
      case '-': case '_': act.setDomain(zoomDomain(domain, 0.5, anchor)); break;
      case '0': act.setDomain(undefined); break;
      default: return;
    }
    e.preventDefault();
    if (next) {
      for (const o of drawn) o.el.setAttribute('tabindex', o === next ? '0' : '-1');
      next.el.focus();
    }
  });
  // Ctrl/Cmd + wheel zooms at the pointer; a sideways wheel (trackpad) pans; the plain wheel scrolls the page.
  chart.addEventListener('wheel', e => {
    const { domain, plot: [left, right], act } = st();
    if (e.ctrlKey || e.metaKey) { e.preventDefault(); act.setDomain(zoomDomain(domain, e.deltaY < 0 ? 1.25 : 0.8, fraction(e.clientX))); }
    else if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) { e.preventDefault(); act.setDomain(panDomain(domain, e.deltaX / (right - left))); }
  }, { passive: false });
  // Dragging the background pans (the chart element stays while the drawing inside it is replaced).
  let drag: { x: number; domain: Domain } | undefined;
  chart.addEventListener('pointerdown', e => {
    if ((e.target as Element).closest('.date-mark') || e.button !== 0) return;
    drag = { x: e.clientX, domain: st().domain };
    chart.setPointerCapture(e.pointerId);
    chart.classList.add('dragging');
  });
  chart.addEventListener('pointermove', e => {
    if (!drag) return;
    const { plot: [left, right], act } = st();
    const moved = drag.x - e.clientX;
    if (Math.abs(moved) > 2) act.setDomain(panDomain(drag.domain, moved / (right - left)));
  });
  const end = () => { drag = undefined; chart.classList.remove('dragging'); };
  chart.addEventListener('pointerup', end);
  chart.addEventListener('pointercancel', end);
}

/** The expression, and for a relative one that names no day or year itself what it resolves to: "Tuesday → Tue 19 Jan 2016". */
function labelOf(d: PlacedDate): string {
  return d.relative && !/\d/.test(d.text) ? `${d.text} → ${d.resolved}` : d.text;
}

function rowTitle(row: TimelineRow): string {
  return `${row.name} — ${row.publication ? `published ${row.publication.resolved}` : 'no publication date found'}`;
}

function truncate(text: string, width: number, font: string): string {
  if (textWidth(text, font) <= width) return text;
  let lo = 0, hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(`${text.slice(0, mid)}…`, font) <= width) lo = mid; else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function formatDay(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
