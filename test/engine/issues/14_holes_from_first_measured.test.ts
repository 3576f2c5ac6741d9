// Issue 14.7: a gap segment before the first measured segment opened a timeline-hole; holes are counted from the first segment that carries the measurement to the end of the last.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { codes, page, segment } from '../../helpers/documents.js';

const gap = (id: string, start: string, end: string) => segment({ cds_usagesegment_id: id, segment_start: start, segment_end: end, interval: 3600, format: ['gap'], values: [[{ reason_type: 'outage' }]] });

describe('holes are bounded by the segments that carry the measurement', () => {
  it('a gap segment an hour before the first measured segment opens no hole', () => {
    expect(codes(validate(page(gap('g0', '2023-12-31T22:00:00Z', '2023-12-31T23:00:00Z'), segment({}))))).toEqual([]);
  });

  it('nor does a gap segment an hour after the last one', () => {
    expect(codes(validate(page(segment({}), gap('g1', '2024-01-01T01:00:00Z', '2024-01-01T02:00:00Z'))))).toEqual([]);
  });

  it('a hole between two measured segments is still reported, and a gap covering it silences it', () => {
    const later = segment({ cds_usagesegment_id: 's2', segment_start: '2024-01-01T01:15:00Z', segment_end: '2024-01-01T01:30:00Z' });
    expect(codes(validate(page(segment({}), later)))).toEqual([['timeline-hole', '/usage_segments/1']]);
    const covered = gap('g', '2024-01-01T00:15:00Z', '2024-01-01T01:15:00Z');
    expect(codes(validate(page(segment({}), covered, later)))).toEqual([]);
  });

  it('a gap that starts before the first measured segment and runs into it covers from there on', () => {
    const g = gap('g', '2023-12-31T23:30:00Z', '2024-01-01T00:30:00Z');
    const later = segment({ cds_usagesegment_id: 's2', segment_start: '2024-01-01T00:30:00Z', segment_end: '2024-01-01T00:45:00Z' });
    expect(codes(validate(page(segment({}), g, later)))).toEqual([['timeline-overlap', '/usage_segments/1']]);
  });
});
