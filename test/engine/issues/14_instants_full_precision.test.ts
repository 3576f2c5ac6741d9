// Issue 14.1: date-times were cut to whole milliseconds. Instants are compared exactly; the 1 ms tolerance applies to interval arithmetic only.
import { describe, expect, it } from 'vitest';
import { checkRevision, validate } from '../../../src/index.js';
import { codes, segment } from '../../helpers/documents.js';

describe('instants at full RFC 3339 precision', () => {
  it('segment_end 0.8 ms after segment_start is later (no segment-bounds)', () => {
    const r = validate(segment({ segment_start: '2024-01-01T00:00:00.0000Z', segment_end: '2024-01-01T00:00:00.0008Z', interval: 0.0008 }));
    expect(codes(r)).toEqual([]);
  });

  it('segment_end equal to segment_start written with more digits is not later: the span is 0 s', () => {
    const r = validate(segment({ segment_start: '2024-01-01T00:00:00.1Z', segment_end: '2024-01-01T00:00:00.100000Z', interval: 1 }));
    expect(codes(r)).toEqual([['interval-arithmetic', '/values']]);
    expect(r.errors[0]!.message).toContain('segment_start to segment_end (0 s)');
  });

  it('segment_end 0.1 ms before segment_start is earlier', () => {
    const r = validate(segment({ segment_start: '2024-01-01T00:00:00.1Z', segment_end: '2024-01-01T00:00:00.0999Z', interval: 1 }));
    expect(codes(r)).toEqual([['segment-bounds', '/segment_end']]);
  });

  it('a revision whose cds_modified is 0.1 ms later is later', () => {
    const prev = segment({ cds_modified: '2025-01-01T00:00:00.0000Z' });
    expect(codes(checkRevision(prev, segment({ cds_modified: '2025-01-01T00:00:00.0001Z' })))).toEqual([]);
    expect(codes(checkRevision(prev, segment({ cds_modified: '2025-01-01T00:00:00.00000Z' })))).toEqual([['revision-modified', '/cds_modified']]);
  });

  it('interval arithmetic off by 1.9 ms is an error, by 0.9 ms within the tolerance', () => {
    // Off the interval grid: segment_end is the field to change (issue 13).
    expect(codes(validate(segment({ segment_end: '2024-01-01T00:15:00.0019Z' })))).toEqual([['interval-arithmetic', '/segment_end']]);
    expect(codes(validate(segment({ segment_end: '2024-01-01T00:15:00.0009Z' })))).toEqual([]);
    expect(codes(validate(segment({ segment_start: '2023-12-31T23:59:59.9991Z' })))).toEqual([]);
  });

  it('cds_modified 0.1 ms before cds_created is an error', () => {
    const r = validate(segment({ cds_created: '2025-01-01T00:00:00.0001Z', cds_modified: '2025-01-01T00:00:00.0000Z' }));
    expect(codes(r)).toEqual([['timestamps', '/cds_modified']]);
  });

  it('a revision that moves segment_end by 0.5 ms changes the span', () => {
    const prev = segment({});
    const next = segment({ segment_end: '2024-01-01T00:15:00.0005Z', cds_modified: '2025-01-02T00:00:00Z' });
    expect(codes(checkRevision(prev, next))).toEqual([['revision-span', '/segment_end']]);
  });

  it('the same instant in other offsets and digits is no change', () => {
    const prev = segment({});
    const next = segment({ segment_start: '2024-01-01T01:00:00.000000+01:00', segment_end: '2023-12-31T19:15:00-05:00', cds_modified: '2025-01-02T00:00:00Z' });
    expect(codes(checkRevision(prev, next))).toEqual([]);
  });
});
