// Issue 25.5: a 2026 member the draft does not define for a type (`tou` on water_usage; §10.8.5.1 and §10.8.5.2 give it to
// electric usage and demand only) was read as a time-of-use designation, which took the column off the timeline and
// hid an overlap. An unknown member is ignored.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { codes, page, segment2026 } from '../../helpers/documents.js';

/** Two daily segments of one series overlapping by a day, the second's Value Format with `extra` members. */
function overlapping(type: string, key: string, units: string, extra: Record<string, unknown>): Record<string, unknown> {
  const f = { id: 'c', type, units };
  return page(
    segment2026({ segment_end: '2024-01-03T00:00:00Z', formats: [f], values: [[{ [key]: 1 }], [{ [key]: 1 }]] }),
    segment2026({ cds_usagesegment_id: 's2', segment_start: '2024-01-02T00:00:00Z', segment_end: '2024-01-03T00:00:00Z', formats: [{ ...f, ...extra }], values: [[{ [key]: 1 }]] }),
  );
}

const OVERLAP: [string, string][] = [['timeline-overlap', '/usage_segments/1']];

describe('a member the draft does not define for the type is no designation', () => {
  const cases: { name: string; given: Record<string, unknown>; want: [string, string][] }[] = [
    { name: 'water_usage with tou (undefined for water): still the water series, the overlap is reported', given: overlapping('water_usage', 'wu', 'gal', { tou: 'peak' }), want: OVERLAP },
    { name: 'natural_gas_usage with tou: the overlap is reported', given: overlapping('natural_gas_usage', 'gu', 'therm', { tou: 'off_peak' }), want: OVERLAP },
    { name: 'fuel_oil_usage with tou: the overlap is reported', given: overlapping('fuel_oil_usage', 'fu', 'gal', { tou: 'peak' }), want: OVERLAP },
    { name: 'water_usage with tier (defined for water): another series, nothing', given: overlapping('water_usage', 'wu', 'gal', { tier: 'tier_1' }), want: [] },
    { name: 'water_usage with season (defined for water): another series, nothing', given: overlapping('water_usage', 'wu', 'gal', { season: 'summer' }), want: [] },
    { name: 'electric_usage with tou (defined for it): another series, nothing', given: overlapping('electric_usage', 'eu', 'kWh', { tou: 'peak' }), want: [] },
    { name: 'water_usage with tou null and tier null: the overlap is reported', given: overlapping('water_usage', 'wu', 'gal', { tou: null, tier: null }), want: OVERLAP },
  ];
  for (const c of cases) it(c.name, () => expect(codes(validate(c.given))).toEqual(c.want));

  it('in strict mode the undefined member is an unknown-field warning as well (and the overlap stays)', () => {
    expect(codes(validate(overlapping('water_usage', 'wu', 'gal', { tou: 'peak' }), { strict: true }))).toEqual([['unknown-field', '/usage_segments/1/formats/0/tou'], ...OVERLAP]);
  });
});
