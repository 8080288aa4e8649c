// Where things go on the timeline: the visible span of time (fit, zoom, pan) and the lanes that keep marks of one row
// from overlapping. Pure arithmetic on numbers (UTC milliseconds, pixels): no DOM, unit-tested.

export type Domain = readonly [number, number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** From a few hours to two millennia: "zooming from days to decades" with room on both sides. */
export const MIN_SPAN = 6 * HOUR;
export const MAX_SPAN = 2000 * 365.25 * DAY;

/** The whole extent with a margin on each side; a single day or moment is shown with a week around it. */
export function fitDomain(extent: { from: number; to: number }): Domain {
  const span = Math.max(extent.to - extent.from, 0);
  const margin = Math.max(span * 0.06, span < 7 * DAY ? (7 * DAY - span) / 2 : 0);
  return clampSpan([extent.from - margin, extent.to + margin]);
}

function clampSpan([from, to]: Domain): Domain {
  const span = to - from;
  const mid = from + span / 2;
  if (span < MIN_SPAN) return [mid - MIN_SPAN / 2, mid + MIN_SPAN / 2];
  if (span > MAX_SPAN) return [mid - MAX_SPAN / 2, mid + MAX_SPAN / 2];
  return [from, to];
}

/** Zooms by `factor` (> 1 zooms in) keeping the time at `anchor` (0..1 across the axis) where it is. */
export function zoomDomain([from, to]: Domain, factor: number, anchor = 0.5): Domain {
  const at = from + (to - from) * anchor;
  const span = (to - from) / factor;
  const clamped = Math.min(Math.max(span, MIN_SPAN), MAX_SPAN);
  return [at - clamped * anchor, at + clamped * (1 - anchor)];
}

/** Moves the span by `fraction` of its width (positive: later). */
export function panDomain([from, to]: Domain, fraction: number): Domain {
  const shift = (to - from) * fraction;
  return [from + shift, to + shift];
}

export interface LaneSpan {
  /** Left and right pixel edges of a mark and its label. */
  readonly x1: number;
  readonly x2: number;
}

/**
 * First-fit lanes: each span, in the order given (left edges ascending), goes to the first lane whose last span ends
 * `gap` pixels before it starts. Returns the lane of each span and how many lanes there are.
 */
export function assignLanes(spans: readonly LaneSpan[], gap = 6): { lanes: number[]; count: number } {
  const ends: number[] = [];
  const lanes = spans.map(s => {
    let lane = ends.findIndex(end => end + gap <= s.x1);
    if (lane < 0) { lane = ends.length; ends.push(s.x2); } else ends[lane] = s.x2;
    return lane;
  });
  return { lanes, count: ends.length };
}
