// timelineSeries (src/rules/timeline/series.ts) takes summaries that form one
// already-sorted group as they are, without grouping, sorting or filtering.
// That shortcut must give what the grouping gives: the same series, the same
// members in the same order. Checked against the general path (the same
// summaries shuffled, or with one summary off the timeline added, which the
// grouping drops) and against this file's own grouping, written from the
// function's contract.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentSummary } from '../../src/rules/segment.js';
import { timelineSeries, type TimelineSeries } from '../../src/rules/timeline/series.js';
import type { Instant } from '../../src/time.js';

/** Instants on a coarse grid (ties happen), some with digits past the millisecond. */
const instant = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('', '', '', '1', '25', '5')).map(([slot, sub]): Instant => ({ ms: Date.UTC(2024, 0, 1) + slot * 900_000, sub }));

const KEYS = ['["a"]', '["b"]'];

interface Shape {
  start: Instant;
  len: number;
  measurements: number;
  gap: boolean;
  key: string | null;
  timed: boolean;
}

function summary(s: Shape, index: number): SegmentSummary {
  const end: Instant = { ms: s.start.ms + s.len * 900_000, sub: s.start.sub };
  return { index, path: `/usage_segments/${index}`, id: `s${index}`, start: s.start, end, interval: 900, measurements: s.measurements, gap: s.gap, relatedKey: s.key, timed: s.timed };
}

const seconds = (t: Instant) => t.ms + Number(`0.${t.sub || '0'}`);
/** Start order: start, then end, then listing index. */
const order = (a: SegmentSummary, b: SegmentSummary) => seconds(a.start!) - seconds(b.start!) || seconds(a.end!) - seconds(b.end!) || a.index - b.index;

/** The contract, written out: groups by key in order of first appearance, each in start order, one series per measurement present (with the gaps). */
function expected(summaries: readonly SegmentSummary[], measurementCount: number, includeSingles: boolean): TimelineSeries[] {
  const groups = new Map<string, SegmentSummary[]>();
  for (const s of summaries) {
    if (!s.timed || s.relatedKey === null || s.start === null || s.end === null || (s.measurements === 0 && !s.gap)) continue;
    groups.set(s.relatedKey, [...(groups.get(s.relatedKey) ?? []), s]);
  }
  const out: TimelineSeries[] = [];
  for (const [relatedKey, group] of groups) {
    if (group.length < 2 && !includeSingles) continue;
    const sorted = [...group].sort(order);
    for (let m = 0; m < measurementCount; m++) {
      if (!sorted.some((s) => (s.measurements & (1 << m)) !== 0)) continue;
      out.push({ relatedKey, measurement: m, members: sorted.filter((s) => (s.measurements & (1 << m)) !== 0 || s.gap) as TimelineSeries['members'] });
    }
  }
  return out;
}

/** Series as plain data: members by listing index (identity aside, order is what matters). */
const view = (series: readonly TimelineSeries[]) => series.map((s) => ({ relatedKey: s.relatedKey, measurement: s.measurement, members: s.members.map((m) => m.index) }));

/** One sorted group: one key, the same measurements and gap, listed in start order (ties in start by end, then index). */
const oneSortedGroup = fc
  .record({
    shapes: fc.array(fc.record({ start: instant, len: fc.integer({ min: 1, max: 3 }) }), { minLength: 2, maxLength: 12 }),
    measurements: fc.integer({ min: 0, max: 15 }),
    gap: fc.boolean(),
    key: fc.constantFrom(...KEYS),
  })
  .map(({ shapes, measurements, gap, key }) => {
    const summaries = shapes.map((s, i) => summary({ ...s, measurements, gap, key, timed: true }, i)).sort(order);
    // Listed in start order: indices follow, so ties in start and end are broken by index as listed.
    return summaries.map((s, i) => summary({ start: s.start!, len: (s.end!.ms - s.start!.ms) / 900_000, measurements, gap, key, timed: true }, i));
  });

const offTimeline = (index: number) => summary({ start: { ms: Date.UTC(2024, 0, 1), sub: '' }, len: 1, measurements: 1, gap: false, key: KEYS[0]!, timed: false }, index);

describe('timelineSeries on one sorted group', () => {
  it('gives what the general path and the contract give, whatever the measurement count (property)', () => {
    fc.assert(
      fc.property(oneSortedGroup, fc.integer({ min: 0, max: 5 }), fc.boolean(), (summaries, measurementCount, includeSingles) => {
        const got = view(timelineSeries(summaries, measurementCount, includeSingles));
        expect(got).toEqual(view(expected(summaries, measurementCount, includeSingles)));
        // The general path: an extra summary off the timeline (dropped by the grouping), or the listing reversed.
        expect(got).toEqual(view(timelineSeries([...summaries, offTimeline(summaries.length)], measurementCount, includeSingles)));
        expect(got).toEqual(view(timelineSeries([...summaries].reverse(), measurementCount, includeSingles)));
        // In start order but each run of equal starts reversed (ends and indices out of order): sorted by start alone is not sorted.
        const tiesReversed = [...summaries].reverse().sort((a, b) => seconds(a.start!) - seconds(b.start!));
        expect(got).toEqual(view(timelineSeries(tiesReversed, measurementCount, includeSingles)));
      }),
      { numRuns: 500 },
    );
  });

  it('breaks ties in start and end by listing index', () => {
    const same = { start: { ms: 0, sub: '' }, len: 1, measurements: 1, gap: false, key: KEYS[0]!, timed: true };
    const inOrder = [summary(same, 0), summary(same, 1), summary(same, 2)];
    expect(view(timelineSeries(inOrder, 1))).toEqual([{ relatedKey: KEYS[0], measurement: 0, members: [0, 1, 2] }]);
    // Same instants listed with indices out of order: not sorted, so the grouping sorts them by index.
    expect(view(timelineSeries([inOrder[2]!, inOrder[0]!, inOrder[1]!], 1))).toEqual([{ relatedKey: KEYS[0], measurement: 0, members: [0, 1, 2] }]);
  });

  it('pure gaps make no series; bits past the measurement count make none either', () => {
    const gaps = [0, 1, 2].map((i) => summary({ start: { ms: i * 900_000, sub: '' }, len: 1, measurements: 0, gap: true, key: KEYS[0]!, timed: true }, i));
    expect(timelineSeries(gaps, 3)).toEqual([]);
    const high = [0, 1].map((i) => summary({ start: { ms: i * 900_000, sub: '' }, len: 1, measurements: 0b1100, gap: false, key: KEYS[0]!, timed: true }, i));
    expect(timelineSeries(high, 2)).toEqual([]);
    expect(view(timelineSeries(high, 3))).toEqual([{ relatedKey: KEYS[0], measurement: 2, members: [0, 1] }]);
  });

  it('on any summaries (several keys, mixed measurements, gaps, off the timeline, unsorted), gives the contract (property)', () => {
    const shape = fc.record({
      start: instant,
      len: fc.integer({ min: 1, max: 3 }),
      measurements: fc.constantFrom(0, 1, 2, 3, 5),
      gap: fc.boolean(),
      key: fc.constantFrom<string | null>(...KEYS, KEYS[0]!, null),
      timed: fc.constantFrom(true, true, true, false),
    });
    fc.assert(
      fc.property(fc.array(shape, { maxLength: 10 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (shapes, measurementCount, includeSingles) => {
        const summaries = shapes.map(summary);
        expect(view(timelineSeries(summaries, measurementCount, includeSingles))).toEqual(view(expected(summaries, measurementCount, includeSingles)));
      }),
      { numRuns: 1000 },
    );
  });
});
