// Issue 14.4: a date-time the schema rejected was still used (second 60 not at 23:59 gave `schema` and an `interval-arithmetic` computed from it).
import { describe, expect, it } from 'vitest';
import { checkRevision, validate } from '../../../src/index.js';
import { codes, page, segment } from '../../helpers/documents.js';

describe('a field that failed its schema check takes no part in later rules', () => {
  it('a leap second not at 23:59 is a schema error and nothing else', () => {
    const r = validate(segment({ segment_start: '2024-01-01T10:00:60Z', segment_end: '2024-01-01T10:15:00Z' }));
    expect(codes(r)).toEqual([['schema', '/segment_start']]);
  });

  it('a rejected cds_created is not compared with cds_modified, nor across a revision', () => {
    const bad = segment({ cds_created: '2025-01-01T23:00:60Z' });
    expect(codes(validate(bad))).toEqual([['schema', '/cds_created']]);
    expect(codes(checkRevision(segment({}), { ...bad, cds_modified: '2025-01-02T00:00:00Z' }))).toEqual([['schema', '/cds_created']]);
  });

  it('a non-positive interval (legal, a warning since issue 20) takes no part in the arithmetic', () => {
    expect(codes(validate(segment({ interval: -900 })))).toEqual([['interval-not-positive', '/interval']]);
  });

  it('a segment with a rejected related_* list is left off the timeline', () => {
    const r = validate(page(segment({ related_accounts: ['a', 'a'] }), segment({ cds_usagesegment_id: 's2', related_accounts: ['a', 'a'] })));
    expect(codes(r)).toEqual([
      ['schema', '/usage_segments/0/related_accounts'],
      ['schema', '/usage_segments/1/related_accounts'],
    ]);
  });
});
