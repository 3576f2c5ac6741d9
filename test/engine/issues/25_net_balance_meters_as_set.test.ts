// Issue 25.4: 2026 net balance grouped forward, reverse and net columns by their related_meterdevices as sequences, so
// ["m1","m2"] and ["m2","m1"] were different meters and a wrong net went unreported.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { codes, segment2026 } from '../../helpers/documents.js';

const usage = (id: string, direction: string, meters?: unknown) => ({ id, type: 'electric_usage', units: 'kWh', direction, ...(meters === undefined ? {} : { related_meterdevices: meters }) });

/** fwd 2.5, rev −0.75 and net `net`, the three columns with these meter lists. */
function triple(meters: [unknown, unknown, unknown], net: number): Record<string, unknown> {
  return segment2026({
    segment_end: '2024-01-01T00:15:00Z',
    interval: 900,
    formats: [usage('f', 'forward', meters[0]), usage('r', 'reverse', meters[1]), usage('n', 'net', meters[2])],
    values: [[{ eu: 2.5 }, { eu: -0.75 }, { eu: net }]],
  });
}

describe('net balance reads related_meterdevices as a set', () => {
  const cases: { name: string; given: Record<string, unknown>; want: [string, string][] }[] = [
    { name: 'same meters in another order, 2.5 + (−0.75) ≠ 2.75: net-balance', given: triple([['m1', 'm2'], ['m2', 'm1'], ['m1', 'm2']], 2.75), want: [['net-balance', '/values/0/2']] },
    { name: 'same meters in another order, balanced: nothing', given: triple([['m1', 'm2'], ['m2', 'm1'], ['m1', 'm2']], 1.75), want: [] },
    { name: 'same meters, same order, unbalanced: net-balance', given: triple([['m1', 'm2'], ['m1', 'm2'], ['m1', 'm2']], 2.75), want: [['net-balance', '/values/0/2']] },
    { name: 'another meter on the reverse column: different flows, nothing', given: triple([['m1', 'm2'], ['m1', 'm3'], ['m1', 'm2']], 2.75), want: [] },
    { name: 'a meter more on the net column: different flows, nothing', given: triple([['m1'], ['m1'], ['m1', 'm2']], 2.75), want: [] },
    { name: 'no meters on any column, unbalanced: net-balance', given: triple([undefined, undefined, undefined], 2.75), want: [['net-balance', '/values/0/2']] },
  ];
  for (const c of cases) it(c.name, () => expect(codes(validate(c.given))).toEqual(c.want));
});
