// `npm run stress`: the differential test of test/differential/ at length. DIFF_RUNS documents in all (default
// 100,000, half of each model), each through the checker and the naive model (test/differential/naive.ts); a
// disagreement fails with fast-check's minimised document. The seed is printed (FC_SEED replays), and so are the
// counts of what the naive model found, so that a run shows which rules it met.
import '../setup/fast-check.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disagreements } from '../differential/compare.js';
import { documentOf } from '../differential/generate.js';

const TOTAL = Number(process.env.DIFF_RUNS ?? 100_000);

describe('differential: the checker against the naive model, at length', () => {
  for (const model of ['2024', '2026'] as const) {
    it(`${model}: ${Math.ceil(TOTAL / 2)} documents`, () => {
      const seen = new Map<string, number>();
      const t = performance.now();
      fc.assert(
        fc.property(documentOf(model), (doc) => {
          const d = disagreements(doc, model, seen);
          if (d.length > 0) throw new Error(`${d.join('; ')}\n${JSON.stringify(doc)}`);
        }),
        { numRuns: Math.ceil(TOTAL / 2) },
      );
      console.log(`differential ${model}: seed ${fc.readConfigureGlobal().seed}, ${Math.round(performance.now() - t)} ms, found ${JSON.stringify(Object.fromEntries(seen))}`);
      expect(seen.get('documents')).toBe(Math.ceil(TOTAL / 2));
    });
  }
});
