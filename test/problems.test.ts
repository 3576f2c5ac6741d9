// src/problems.ts: the cap (the first problem of every code is tested in test/engine/issues/14_cap_lists_every_code.test.ts).
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, validate } from '../src/index.js';
import { example } from './helpers/examples.js';

describe('problem cap', () => {
  it('keeps at most MAX_PROBLEMS errors and counts the rest', () => {
    const seg = example('gap-disclosure-page.json').usage_segments[2];
    seg.values = seg.values.map(() => [{ v: 'bad' }]);
    const r = validate(seg);
    expect(r.errors).toHaveLength(MAX_PROBLEMS);
    expect(r.omittedErrors).toBe(2616 - MAX_PROBLEMS);
    expect(r.truncated).toBe(true);
    expect(r.valid).toBe(false);
  });
});
