// Issue 14.2: the key grouping segments into series joined ids with control characters, so ["x","y"] and ["x\u0000y"] were one series.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { codes, page, segment } from '../../helpers/documents.js';

describe('series keys cannot collide', () => {
  it('["x","y"] and ["x\\u0000y"] are different series: no timeline-overlap', () => {
    const r = validate(page(segment({ related_accounts: ['x', 'y'] }), segment({ cds_usagesegment_id: 's2', related_accounts: ['x\u0000y'] })));
    expect(codes(r)).toEqual([]);
  });

  it('ids split differently across lists are different series', () => {
    const r = validate(page(segment({ related_accounts: ['x'], related_servicepoints: [] }), segment({ cds_usagesegment_id: 's2', related_accounts: [], related_servicepoints: ['x'] })));
    expect(codes(r)).toEqual([]);
  });

  it('the same ids in another order are the same series (sets): the overlap is found', () => {
    const r = validate(page(segment({ related_accounts: ['x', 'y'] }), segment({ cds_usagesegment_id: 's2', related_accounts: ['y', 'x'] })));
    expect(codes(r)).toEqual([['timeline-overlap', '/usage_segments/1']]);
  });

  it('an absent related_eacs is the same series as an empty one', () => {
    const r = validate(page(segment({}), segment({ cds_usagesegment_id: 's2', related_eacs: [] })));
    expect(codes(r)).toEqual([['timeline-overlap', '/usage_segments/1']]);
  });
});
