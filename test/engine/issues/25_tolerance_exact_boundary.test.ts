// Issue 25.3: interval arithmetic subtracted date-times in doubles, so beyond about sixteen significant digits the
// fraction was lost: a segment_end 1 ms + 0.1 ns off the arithmetic was accepted. The checker now reads date-times at
// every digit written and the interval as the decimal written, and the 1 ms tolerance is exact on both sides.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { parseInstant } from '../../../src/time.js';
import { intervalFit } from '../../../src/tolerance.js';
import { codes, segment } from '../../helpers/documents.js';

/** `n` value sets of one kwh_fwd each (the default segment's format). */
const sets = (n: number) => Array.from({ length: n }, () => [{ v: 1 }]);

/** A year of 15-minute values from 2024-01-01 (366 days: 35,136 value sets; span 31,622,400,000 ms) ending at `end`. */
const year = (end: string) => segment({ segment_start: '2024-01-01T00:00:00Z', segment_end: end, values: sets(35136) });

const OFF_GRID: [string, string][] = [['interval-arithmetic', '/segment_end']];

describe('the 1 ms tolerance is exact at any precision', () => {
  const cases: { name: string; given: Record<string, unknown>; want: [string, string][] }[] = [
    { name: 'a year, segment_end exactly right', given: year('2025-01-01T00:00:00Z'), want: [] },
    { name: 'a year, segment_end 1 ms late: within', given: year('2025-01-01T00:00:00.001Z'), want: [] },
    { name: 'a year, segment_end 1 ms + 0.1 ns late: beyond (the issue’s case)', given: year('2025-01-01T00:00:00.0010000001Z'), want: OFF_GRID },
    { name: 'a year, segment_end 1 ms + 1e-20 ms late: beyond', given: year('2025-01-01T00:00:00.00100000000000000000001Z'), want: OFF_GRID },
    { name: 'a year, segment_end 1 ms early: within', given: year('2024-12-31T23:59:59.999Z'), want: [] },
    { name: 'a year, segment_end 1 ms + 0.1 ns early: beyond', given: year('2024-12-31T23:59:59.9989999999Z'), want: OFF_GRID },
    { name: 'a year, segment_end 0.9999999999 ms early: within', given: year('2024-12-31T23:59:59.9990000001Z'), want: [] },
    {
      name: 'fractions on both ends: the span is exactly 15 min + 1 ms (within)',
      given: segment({ segment_start: '2024-01-01T00:00:00.0000000001Z', segment_end: '2024-01-01T00:15:00.0010000001Z' }),
      want: [],
    },
    {
      name: 'fractions on both ends: the span is 15 min + 1 ms + 1e-10 ms (beyond)',
      given: segment({ segment_start: '2024-01-01T00:00:00.0000000001Z', segment_end: '2024-01-01T00:15:00.00100000020Z' }),
      want: OFF_GRID,
    },
    { name: 'offsets count: +01:00 one hour earlier is the same instant (within)', given: segment({ segment_end: '2024-01-01T01:15:00.001+01:00' }), want: [] },
    {
      name: 'a 0.1 s interval is 0.1 s (not the double 0.1000000000000000055…): 10 value sets span exactly 1 s',
      given: segment({ segment_end: '2024-01-01T00:00:01Z', interval: 0.1, values: sets(10) }),
      want: [],
    },
    {
      name: 'a 0.1 s interval, segment_end 1 ms + 1e-12 ms late: beyond',
      given: segment({ segment_end: '2024-01-01T00:00:01.001000000000001Z', interval: 0.1, values: sets(10) }),
      want: OFF_GRID,
    },
  ];
  for (const c of cases) it(c.name, () => expect(codes(validate(c.given))).toEqual(c.want));

  it('the smallest and largest intervals are read exactly too, without an internal error', () => {
    expect(codes(validate(segment({ interval: 5e-324 })))).toEqual(OFF_GRID);
    expect(codes(validate(segment({ interval: 1.7976931348623157e308 })))).toEqual(OFF_GRID);
    expect(codes(validate(segment({ interval: 5e-324, segment_end: '2024-01-01T00:00:00Z' })))).toEqual([]);
  });

  it('readings at instants: the last one 1 ms after segment_end is within, 1 ms + 0.1 ns after is not', () => {
    const demand = (end: string) => segment({ format: ['demand_kw'], segment_end: end, values: sets(2) }); // readings at 00:00 and 00:15
    expect(codes(validate(demand('2024-01-01T00:14:59.999Z')))).toEqual([]);
    expect(codes(validate(demand('2024-01-01T00:14:59.9989999999Z')))).toEqual([['interval-arithmetic', '/values']]);
  });
});

describe('intervalFit', () => {
  const at = (s: string) => parseInstant(s)!;
  const cases: { given: [number, number, string, string]; want: -1 | 0 | 1 }[] = [
    { given: [4, 900, '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z'], want: 0 },
    { given: [4, 900, '2024-01-01T00:00:00Z', '2024-01-01T01:00:00.002Z'], want: -1 },
    { given: [4, 900, '2024-01-01T00:00:00Z', '2024-01-01T00:59:59.998Z'], want: 1 },
    { given: [4, 900, '2024-01-01T00:00:00Z', '2024-01-01T01:00:00.0010000000001Z'], want: -1 },
    { given: [4, 900, '2024-01-01T00:00:00.5Z', '2024-01-01T01:00:00.501Z'], want: 0 },
    { given: [3, 1e-7, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00.0000003Z'], want: 0 },
    { given: [1, 1.5e21, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'], want: 1 },
    { given: [0, 900, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00.001Z'], want: 0 },
  ];
  for (const c of cases) it(`${JSON.stringify(c.given)} → ${c.want}`, () => expect(intervalFit(c.given[0], c.given[1], at(c.given[2]), at(c.given[3]))).toBe(c.want));
});
