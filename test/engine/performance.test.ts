import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';

/** A listing page of 100 segments × 2,976 15-minute value sets × 3 columns (about 10 MB of JSON). */
function bigPageText(): string {
  const T0 = Date.UTC(2024, 0, 1);
  const segs = [];
  let seed = 1;
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let s = 0; s < 100; s++) {
    const start = T0 + s * 2976 * 900_000;
    const values = [];
    for (let k = 0; k < 2976; k++) {
      const f = Math.round(rnd() * 300) / 100;
      const r = -Math.round(rnd() * 100) / 100;
      values.push([{ v: f }, { v: r }, { v: Math.round((f + r) * 100) / 100 }]);
    }
    segs.push({
      cds_usagesegment_id: `seg-${s}`,
      cds_created: '2025-01-01T00:00:00Z',
      cds_modified: '2025-01-01T00:00:00Z',
      related_aggregations: [],
      related_accounts: ['a'],
      related_servicecontracts: ['c'],
      related_servicepoints: ['p'],
      related_meterdevices: ['m'],
      related_billsections: [],
      related_eacs: [],
      segment_start: new Date(start).toISOString(),
      segment_end: new Date(start + 2976 * 900_000).toISOString(),
      interval: 900,
      format: ['kwh_fwd', 'kwh_rev', 'kwh_net'],
      values,
    });
  }
  return JSON.stringify({ usage_segments: segs, next: null, previous: null });
}

function best(f: () => unknown, n: number): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

describe('performance', () => {
  it('checking a 10 MB page costs at most 0.15 × JSON.parse of it', () => {
    const text = bigPageText();
    expect(text.length).toBeGreaterThan(9_000_000);
    const doc = JSON.parse(text);
    const r = validate(doc);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    best(() => validate(doc), 3); // warm up the JIT
    // Interleave the two measurements so that load from parallel test workers hits both alike.
    let ratio = Infinity;
    for (let i = 0; i < 9; i++) {
      const parse = best(() => JSON.parse(text), 1);
      const check = best(() => validate(doc), 2);
      ratio = Math.min(ratio, check / parse);
    }
    expect(ratio).toBeLessThanOrEqual(0.15);
  }, 60_000);
});
