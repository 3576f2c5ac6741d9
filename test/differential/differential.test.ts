// The checker against a naive second implementation of its arithmetic, arity, uniqueness and timeline rules
// (test/differential/naive.ts, written from docs/rules.md), on generated documents of both models near the rules'
// boundaries (test/differential/generate.ts). Bounded here (DIFF_RUNS, default 400 per model); `npm run stress` runs
// 100,000 (test/stress/differential.stress.ts). The seed is drawn per file and printed on failure (FC_SEED replays);
// a disagreement prints the minimised document.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { page, segment as seg } from '../helpers/documents.js';
import { disagreements } from './compare.js';
import { documentOf } from './generate.js';
import { naiveCheck } from './naive.js';

const RUNS = Number(process.env.DIFF_RUNS ?? 400);

describe('the checker agrees with the naive model', () => {
  for (const model of ['2024', '2026'] as const) {
    it(`${model}: ${RUNS} generated documents, and the run meets every rule compared`, () => {
      const seen = new Map<string, number>();
      fc.assert(
        fc.property(documentOf(model), (doc) => {
          const d = disagreements(doc, model, seen);
          if (d.length > 0) throw new Error(`${d.join('; ')}\n${JSON.stringify(doc)}`);
        }),
        { numRuns: RUNS },
      );
      const rules = ['value-set-length', 'interval-arithmetic', 'duplicate-id', 'net-balance', 'timeline-hole', 'timeline-overlap', 'schema', ...(model === '2026' ? ['duplicate-format-id'] : [])];
      expect(rules.filter((r) => (seen.get(r) ?? 0) === 0), JSON.stringify(Object.fromEntries(seen))).toEqual([]);
    });
  }

});

describe('the naive model itself (so that agreement means something)', () => {
  const cases: { name: string; given: Record<string, unknown>; want: string[] }[] = [
    { name: 'a value set one entry long', given: seg({ values: [[{ v: 1 }, null]] }), want: ['value-set-length /values/0'] },
    { name: 'segment_end 1 ms + 0.1 ns late', given: seg({ segment_end: '2024-01-01T00:15:00.0010000001Z' }), want: ['interval-arithmetic /segment_end'] },
    { name: 'segment_end 1 ms late', given: seg({ segment_end: '2024-01-01T00:15:00.001Z' }), want: [] },
    { name: 'two value sets over one interval', given: seg({ values: [[{ v: 1 }], [{ v: 1 }]] }), want: ['interval-arithmetic /values'] },
    { name: 'a repeated "__proto__"', given: seg({ related_accounts: ['__proto__', '__proto__'] }), want: ['schema /related_accounts'] },
    { name: 'net off by 0.011', given: seg({ format: ['kwh_fwd', 'kwh_rev', 'kwh_net'], values: [[{ v: 1 }, { v: -0.5 }, { v: 0.511 }]] }), want: ['net-balance /values/0/2'] },
    { name: 'net off by 0.01', given: seg({ format: ['kwh_fwd', 'kwh_rev', 'kwh_net'], values: [[{ v: 1 }, { v: -0.5 }, { v: 0.51 }]] }), want: [] },
    {
      name: 'a page: the same id twice, and an hour missing',
      given: page(seg({}), seg({ segment_start: '2024-01-01T01:15:00Z', segment_end: '2024-01-01T01:30:00Z' })),
      want: ['duplicate-id /usage_segments/1/cds_usagesegment_id', 'timeline-hole /usage_segments/1'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(naiveCheck(c.given, '2024').exact).toEqual(c.want);
      expect(disagreements(c.given, '2024')).toEqual([]);
    });
  }

  it('two segments over the same quarter hour are overlap candidates', () => {
    const v = naiveCheck({ usage_segments: [seg({}), seg({ cds_usagesegment_id: 's2' })] }, '2024');
    expect([...v.overlapCandidates]).toEqual(['/usage_segments/1']);
  });
});
