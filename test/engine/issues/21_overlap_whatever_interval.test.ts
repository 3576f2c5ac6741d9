// Issue 21.5: timeline-overlap compared only segments with the same `interval`, so billing periods of a real Green Button
// gas feed that overlap by one hour at the autumn clock change (each period has its own length) were not reported.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { codes, page, segment, segment2026 } from '../../helpers/documents.js';

/** One gas billing period (2026: one value set, `interval` = the period's length in seconds). */
function period(id: string, start: string, end: string, seconds: number): Record<string, unknown> {
  return segment2026({
    cds_usagesegment_id: id,
    segment_start: start,
    segment_end: end,
    interval: seconds,
    formats: [{ id: 'gas', type: 'natural_gas_usage', units: 'therm' }],
    values: [[{ gu: 30 }]],
  });
}

describe('overlaps of one series are reported whatever the intervals', () => {
  const cases: { name: string; given: Record<string, unknown>; want: [string, string][] }[] = [
    {
      name: '2026 gas billing periods one hour apart in autumn (32 d + 1 h, then 29 d + 1 h): the hour they share is an overlap',
      given: page(period('p1', '2023-10-05T04:00:00Z', '2023-11-06T05:00:00Z', 32 * 86400 + 3600), period('p2', '2023-11-06T04:00:00Z', '2023-12-05T05:00:00Z', 29 * 86400 + 3600)),
      want: [['timeline-overlap', '/usage_segments/1']],
    },
    {
      name: '2026 the same periods meeting exactly: nothing',
      given: page(period('p1', '2023-10-05T04:00:00Z', '2023-11-06T04:00:00Z', 32 * 86400), period('p2', '2023-11-06T04:00:00Z', '2023-12-05T05:00:00Z', 29 * 86400 + 3600)),
      want: [],
    },
    {
      name: '2024 hourly kwh_fwd over 15-minute kwh_fwd of the same accounts: an overlap',
      given: page(
        segment({ segment_start: '2024-01-01T00:00:00Z', segment_end: '2024-01-01T01:00:00Z', values: [[{ v: 1 }], [{ v: 1 }], [{ v: 1 }], [{ v: 1 }]] }),
        segment({ cds_usagesegment_id: 's2', segment_start: '2024-01-01T00:30:00Z', segment_end: '2024-01-01T01:30:00Z', interval: 3600, values: [[{ v: 4 }]] }),
      ),
      want: [['timeline-overlap', '/usage_segments/1']],
    },
    {
      name: '2024 the same hourly segment for another account: nothing (another series)',
      given: page(
        segment({ segment_start: '2024-01-01T00:00:00Z', segment_end: '2024-01-01T01:00:00Z', values: [[{ v: 1 }], [{ v: 1 }], [{ v: 1 }], [{ v: 1 }]] }),
        segment({ cds_usagesegment_id: 's2', related_accounts: ['b'], segment_start: '2024-01-01T00:30:00Z', segment_end: '2024-01-01T01:30:00Z', interval: 3600, values: [[{ v: 4 }]] }),
      ),
      want: [],
    },
  ];
  for (const c of cases) it(c.name, () => expect(codes(validate(c.given))).toEqual(c.want));

  it('the message names both segments and the shared hour', () => {
    const r = validate(page(period('p1', '2023-10-05T04:00:00Z', '2023-11-06T05:00:00Z', 32 * 86400 + 3600), period('p2', '2023-11-06T04:00:00Z', '2023-12-05T05:00:00Z', 29 * 86400 + 3600)));
    expect(r.warnings[0]!.message).toBe('segment "p2" overlaps segment "p1" (natural_gas_usage) from 2023-11-06T04:00:00Z to 2023-11-06T05:00:00Z');
  });
});
