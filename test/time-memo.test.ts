// The date-time memo of src/time.ts on the small-segment pages of the
// benchmark: each date-time is parsed once per check, however many rules read it.
import { describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../bench/payloads.mjs';
import { validate } from '../src/index.js';
import { instantsRead } from '../src/time.js';

const SEGMENTS = 2000;

/** Date-times parsed by one check of `page` (after a first check, so the memo holds nothing of the page's start). */
function parsesPerCheck(page: unknown): number {
  validate(page);
  const before = instantsRead();
  // The pages draw their timeline and duplicate-id findings, never a schema error (which would take the other path).
  expect(validate(page).errors.filter((e) => e.code === 'schema')).toEqual([]);
  return instantsRead() - before;
}

describe('date-times parsed once per check (the memo, src/time.ts)', () => {
  it('consecutive segments: one parse per segment (its end; its start is the previous end; the created and modified times stay in the memo)', () => {
    expect(parsesPerCheck(SMALL_CASES.consecutive(SEGMENTS))).toBeLessThanOrEqual(SEGMENTS + 2);
  });

  it('segments that do not meet: two per segment, not three (the next start and end do not push out the created and modified times)', () => {
    const n = parsesPerCheck(SMALL_CASES.holes(SEGMENTS));
    expect(n).toBeGreaterThanOrEqual(2 * SEGMENTS - 2);
    expect(n).toBeLessThanOrEqual(2 * SEGMENTS + 2);
  });

  it('one id for every segment: one per segment; every segment at the same time: none after the first', () => {
    expect(parsesPerCheck(SMALL_CASES['duplicate ids'](SEGMENTS))).toBeLessThanOrEqual(SEGMENTS + 2);
    expect(parsesPerCheck(SMALL_CASES.overlapping(SEGMENTS))).toBeLessThanOrEqual(4);
  });
});
