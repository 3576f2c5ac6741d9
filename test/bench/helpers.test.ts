// Correctness of the benchmark's helpers (bench/*.mjs). No timings here:
// performance is measured by `npm run bench`, never in a test.
import { describe, expect, it } from 'vitest';
import { MONTH_SETS, PAGE_SEGMENTS, YEAR_SETS, listingPage, monthlySegment, payloadTexts, yearSegment } from '../../bench/payloads.mjs';
import { formatRatio, median, roundRobin } from '../../bench/stats.mjs';
import { validate, validateUsageSegment, validateUsageSegmentList } from '../../src/index.js';

describe('bench payloads', () => {
  const texts = payloadTexts();

  it('(a) is a valid listing page of 100 segments × 2,976 value sets × 3 columns, about 10 MB', () => {
    const page = JSON.parse(texts.page);
    expect(page.usage_segments).toHaveLength(PAGE_SEGMENTS);
    expect(PAGE_SEGMENTS).toBe(100);
    expect(MONTH_SETS).toBe(31 * 96);
    let sets = 0;
    let cells = 0;
    for (const seg of page.usage_segments) {
      expect(seg.format).toEqual(['kwh_fwd', 'kwh_rev', 'kwh_net']);
      sets += seg.values.length;
      for (const vs of seg.values) cells += vs.length;
    }
    expect(sets).toBe(100 * 2976);
    expect(cells).toBe(3 * 100 * 2976);
    expect(texts.page.length).toBeGreaterThan(9_000_000);
    expect(texts.page.length).toBeLessThan(12_000_000);
    const r = validate(page);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(validateUsageSegmentList(page)).toBe(true);
  });

  it('(a) has kwh_rev ≤ 0 and kwh_net = kwh_fwd + kwh_rev', () => {
    const seg = JSON.parse(texts.page).usage_segments[7];
    for (const [f, r, n] of seg.values) {
      expect(f.v).toBeGreaterThanOrEqual(0);
      expect(r.v).toBeLessThanOrEqual(0);
      expect(Math.abs(n.v - (f.v + r.v))).toBeLessThan(0.005);
    }
  });

  it('(b) is one valid segment of a year of 15-minute data', () => {
    const seg = JSON.parse(texts.year);
    expect(YEAR_SETS).toBe(365 * 96);
    expect(seg.values).toHaveLength(35_040);
    expect(Date.parse(seg.segment_end) - Date.parse(seg.segment_start)).toBe(365 * 86_400_000);
    expect(validate(seg)).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(validateUsageSegment(seg)).toBe(true);
  });

  it('(c) is one valid segment with one monthly value set', () => {
    const seg = JSON.parse(texts.monthly);
    expect(seg.values).toHaveLength(1);
    expect(seg.interval * 1000).toBe(Date.parse(seg.segment_end) - Date.parse(seg.segment_start));
    expect(validate(seg)).toMatchObject({ valid: true, errors: [], warnings: [] });
  });

  it('is deterministic and the texts are the generators serialised', () => {
    expect(payloadTexts()).toEqual(texts);
    expect(JSON.stringify(listingPage())).toBe(texts.page);
    expect(JSON.stringify(yearSegment())).toBe(texts.year);
    expect(JSON.stringify(monthlySegment())).toBe(texts.monthly);
  });
});

describe('bench stats', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('roundRobin interleaves alternatives and respects their repetitions', () => {
    const order: string[] = [];
    const alts = [
      { name: 'a', reps: 3 },
      { name: 'b', reps: 1 },
      { name: 'c', reps: 2 },
    ];
    const out = roundRobin(alts, (x) => {
      order.push(x.name);
      return order.length;
    });
    expect(order).toEqual(['a', 'b', 'c', 'a', 'c', 'a']);
    expect(out).toEqual([[1, 4, 6], [2], [3, 5]]);
  });

  it('formats ratios', () => {
    expect(formatRatio(0.0823)).toBe('0.082×');
    expect(formatRatio(421.4)).toBe('421×');
  });
});
