// Calendar values as intervals on a time axis, and in words; the timeline's zoom and lanes.
import assert from 'node:assert/strict';
import { describeInterval, intervalOf } from '../../src/entities/calendarValue';
import { assignLanes, fitDomain, MAX_SPAN, MIN_SPAN, panDomain, zoomDomain } from '../../src/webview/sourcesTimeline/timeLayout';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const DAY = 86_400_000;

describe('Calendar values as intervals', () => {
  const cases: [string, number, number, string, string][] = [
    ['2016-01-19', day(2016, 1, 19), day(2016, 1, 20), 'day', 'Tue 19 Jan 2016'],
    ['2016-01-18T17:05', day(2016, 1, 18) + (17 * 60 + 5) * 60_000, day(2016, 1, 18) + (17 * 60 + 6) * 60_000, 'minute', 'Mon 18 Jan 2016, 17:05'],
    ['2016-01-19TNI', day(2016, 1, 19), day(2016, 1, 20), 'day', 'Tue 19 Jan 2016'],
    ['2016-W03', day(2016, 1, 18), day(2016, 1, 25), 'week', 'week 3 of 2016 (18–24 Jan 2016)'],
    ['2015-W53', day(2015, 12, 28), day(2016, 1, 4), 'week', 'week 53 of 2015 (28 Dec 2015 – 3 Jan 2016)'],
    ['2016-W05-WE', day(2016, 2, 6), day(2016, 2, 8), 'weekend', 'weekend of 6–7 Feb 2016'],
    ['2016-W09', day(2016, 2, 29), day(2016, 3, 7), 'week', 'week 9 of 2016 (29 Feb – 6 Mar 2016)'],
    ['2016-02', day(2016, 2, 1), day(2016, 3, 1), 'month', 'February 2016'],
    ['2016-Q4', day(2016, 10, 1), day(2017, 1, 1), 'quarter', 'Q4 2016 (Oct–Dec)'],
    ['2016-SU', day(2016, 6, 1), day(2016, 9, 1), 'season', 'summer 2016'],
    ['2016-WI', day(2015, 12, 1), day(2016, 3, 1), 'season', 'winter 2015–16'],
    ['2016', day(2016, 1, 1), day(2017, 1, 1), 'year', '2016'],
    ['199X', day(1990, 1, 1), day(2000, 1, 1), 'decade', 'the 1990s'],
    ['19XX', day(1900, 1, 1), day(2000, 1, 1), 'century', 'the 1900s'],
    ['0044', new Date(0).setUTCFullYear(44, 0, 1), new Date(0).setUTCFullYear(45, 0, 1), 'year', '44'],
    ['2016-H2', Date.UTC(2016, 6, 1), Date.UTC(2017, 0, 1), 'half', 'H2 2016 (Jul–Dec)'],
    ['2023/2024', Date.UTC(2023, 0, 1), Date.UTC(2025, 0, 1), 'years', '2023–2024'],
  ];
  for (const [value, from, to, precision, words] of cases) {
    it(`${value} → ${words}`, () => {
      const i = intervalOf(value)!;
      assert.deepEqual(i, { from, to, precision });
      assert.equal(describeInterval(value, i), words);
    });
  }

  it('has no interval for values of other forms or impossible dates', () => {
    for (const v of ['2016-02-30', '2016-13', '2016-W54', '2016-Q5', '2016-H3', '2017/2016', 'PRESENT_REF', '', '2016-01-19T25:00', 'FY2016']) {
      assert.equal(intervalOf(v), undefined, v);
    }
  });
});

describe('Timeline layout: zoom and lanes', () => {
  it('fits an extent with a margin, and a single day with a week around it', () => {
    const [from, to] = fitDomain({ from: day(2016, 1, 1), to: day(2016, 3, 1) });
    assert.ok(from < day(2016, 1, 1) && to > day(2016, 3, 1));
    const [a, b] = fitDomain({ from: day(2016, 1, 19), to: day(2016, 1, 20) });
    assert.equal(b - a, 7 * DAY);
    assert.equal((a + b) / 2, day(2016, 1, 19) + DAY / 2);
  });

  it('zooms around the anchor and never past days-to-millennia limits; pans by a fraction of the span', () => {
    const d = [day(2016, 1, 1), day(2016, 1, 31)] as const;
    const z = zoomDomain(d, 2, 0.25);
    assert.equal(z[1] - z[0], (d[1] - d[0]) / 2);
    assert.equal(z[0] + (z[1] - z[0]) * 0.25, d[0] + (d[1] - d[0]) * 0.25, 'the time under the anchor stays put');
    let tiny: readonly [number, number] = d;
    for (let i = 0; i < 40; i++) tiny = zoomDomain(tiny, 2);
    assert.equal(tiny[1] - tiny[0], MIN_SPAN);
    let huge: readonly [number, number] = d;
    for (let i = 0; i < 40; i++) huge = zoomDomain(huge, 0.5);
    assert.equal(huge[1] - huge[0], MAX_SPAN);
    assert.deepEqual(panDomain(d, 0.5), [d[0] + (d[1] - d[0]) / 2, d[1] + (d[1] - d[0]) / 2]);
  });

  it('stacks overlapping marks in lanes and reuses a lane once it is free', () => {
    const { lanes, count } = assignLanes([{ x1: 0, x2: 50 }, { x1: 10, x2: 30 }, { x1: 40, x2: 60 }, { x1: 52, x2: 70 }, { x1: 100, x2: 120 }]);
    assert.deepEqual(lanes, [0, 1, 1, 2, 0]);
    assert.equal(count, 3);
    assert.deepEqual(assignLanes([]), { lanes: [], count: 0 });
  });
});
