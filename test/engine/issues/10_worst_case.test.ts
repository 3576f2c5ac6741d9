// Issue 10.1: hostile pages that made the checker quadratic (every pair of overlapping segments compared and formatted). Behaviour here; time in `npm run bench` (worst case).
import { describe, expect, it } from 'vitest';
import { WORST_CASES } from '../../../bench/payloads.mjs';
import { MAX_PROBLEMS, validate } from '../../../src/index.js';

const N = 20_000;
/** One value set per segment: the segments' number is what is hostile here (the benchmark uses a day of quarter-hours). */
const SETS = 1;

describe('hostile pages of 20,000 segments', () => {
  it('mutually overlapping: each segment after the first is reported once (its first overlap), the first 100 listed', () => {
    const r = validate(WORST_CASES.overlapping(N, SETS));
    expect(r.warnings.every((p) => p.code === 'timeline-overlap')).toBe(true);
    expect(r.warnings).toHaveLength(MAX_PROBLEMS);
    expect(r.warnings.length + r.omittedWarnings).toBe(N - 1);
    expect(new Set(r.warnings.map((p) => p.path)).size).toBe(MAX_PROBLEMS);
    expect(r.errors).toEqual([]);
  });

  it('one id for every segment: one duplicate-id for each segment after the first', () => {
    const r = validate(WORST_CASES['duplicate ids'](N, SETS));
    expect(r.errors.every((p) => p.code === 'duplicate-id')).toBe(true);
    expect(r.errors.length + r.omittedErrors).toBe(N - 1);
    expect(r.errors[0]).toMatchObject({ path: '/usage_segments/1/cds_usagesegment_id', message: 'cds_usagesegment_id "seg-0" already used by /usage_segments/0' });
  });

  it('a day missing between any two: one timeline-hole per gap', () => {
    const r = validate(WORST_CASES.holes(N, SETS));
    expect(r.valid).toBe(true);
    expect(r.warnings.every((p) => p.code === 'timeline-hole')).toBe(true);
    expect(r.warnings.length + r.omittedWarnings).toBe(N - 1);
  });
});
