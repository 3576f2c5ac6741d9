// Wall-clock check moved out of `npm test` (timings belong in stress runs and
// benchmarks): validate on pathological date-times grows about linearly.
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { example, pathologicalDateTimes as pathological } from '../robustness/helpers.js';


describe('the date-time check is linear in practice', () => {
  it('validate on a 1 MB pathological date-time costs about 10× a 100 KB one (generous bound: < 100×)', () => {
    const seg = example('option1-estimated.json');
    const cost = (s: string) => {
      const doc = { ...seg, cds_created: s, segment_start: s };
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const r = validate(doc);
        best = Math.min(best, performance.now() - t);
        expect(r.valid).toBe(false);
      }
      return best;
    };
    const small = pathological(100_000);
    const large = pathological(1_000_000);
    for (let i = 0; i < small.length; i++) {
      const a = Math.max(cost(small[i]!), 0.05);
      const b = cost(large[i]!);
      expect(b / a, `case ${i}: ${a.toFixed(2)} ms → ${b.toFixed(2)} ms`).toBeLessThan(100);
    }
  });
});
