// The messages between the Sources and Timeline panel (extension host) and its webview. Types only: the webview
// script imports them too, so the two sides cannot drift apart.
import type { SourcesTimeline } from '../../entities/sourcesTimeline';

/** The active article, or every open article. */
export type Scope = 'active' | 'all';

export interface ShowMessage {
  readonly type: 'show';
  readonly scope: Scope;
  /** What is shown: an article's name, or "3 open articles". */
  readonly title: string;
  /** Undefined when there is nothing to show; `empty` then says why. */
  readonly model?: SourcesTimeline;
  readonly empty?: string;
}

/** What the webview clicks on its own, through the same handlers as a mouse: for the integration test. */
export interface PressMessage {
  readonly type: 'press';
  readonly target: 'source' | 'quote' | 'date' | 'unplaced';
  /** Index among the elements of that kind, in document order. */
  readonly index: number;
}

export type ToWebview = ShowMessage | PressMessage;

/** What the webview drew for the last model: counted in its DOM after rendering. */
export interface RenderedCounts {
  /** Source bars, and those drawn with a width. */
  readonly sources: number;
  readonly bars: number;
  /** Quotes listed under the bars (expanded or not), and those visible. */
  readonly quotes: number;
  readonly visibleQuotes: number;
  /** Timeline rows, date marks on the axis, axis ticks, publication-date markers, dates listed as not placed. */
  readonly rows: number;
  readonly points: number;
  readonly ticks: number;
  readonly publications: number;
  readonly unplaced: number;
  /** Source names in the order drawn. */
  readonly names: readonly string[];
}

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly article: string; readonly start: number; readonly end: number; readonly text: string }
  | { readonly type: 'setScope'; readonly scope: Scope }
  | { readonly type: 'copyMarkdown' }
  | { readonly type: 'rendered'; readonly counts: RenderedCounts };
