// Issue 14.5: the 100-error cap hid structural errors (100 value-type errors listed, no duplicate-id). The first problem of every code is always listed; counts stay exact.
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, validate } from '../../../src/index.js';
import { Collector } from '../../../src/problems.js';
import { page, segment } from '../../helpers/documents.js';

describe('the cap never hides a kind of problem', () => {
  it('150 bad values and two segments sharing an id: duplicate-id is listed, and every problem is counted', () => {
    const values = Array.from({ length: 150 }, () => [{ v: 'x' }]);
    const r = validate(page(segment({ segment_end: '2024-01-02T13:30:00Z', values }), segment({ segment_start: '2024-01-02T13:30:00Z', segment_end: '2024-01-02T13:45:00Z' })));
    const listed = r.errors.map((p) => p.code);
    expect(listed.filter((c) => c === 'value-type')).toHaveLength(MAX_PROBLEMS);
    expect(r.errors.find((p) => p.code === 'duplicate-id')).toMatchObject({ path: '/usage_segments/1/cds_usagesegment_id' });
    expect(r.errors.length + r.omittedErrors).toBe(151);
    expect(r.omittedErrors).toBe(50);
  });

  it('past the cap a problem is counted without building its path or message; the first of a new code is still listed', () => {
    const c = new Collector({}, 2);
    let built = 0;
    const lazy = () => (built++, 'm');
    for (let i = 0; i < 5; i++) c.add('value-type', lazy, lazy);
    expect(built).toBe(4); // two problems listed, path and message each
    expect(c.listing('value-type')).toBe(false);
    expect(c.listing('duplicate-id')).toBe(true);
    c.add('duplicate-id', 'p', 'm');
    expect(c.listing('duplicate-id')).toBe(false);
    c.add('timeline-hole', 'p', 'w');
    expect(c.result()).toMatchObject({ omittedErrors: 3, omittedWarnings: 0, truncated: true });
    expect(c.errors.map((p) => p.code)).toEqual(['value-type', 'value-type', 'duplicate-id']);
    expect(c.warnings.map((p) => p.code)).toEqual(['timeline-hole']);
  });
});
