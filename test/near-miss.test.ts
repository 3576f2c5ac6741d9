import { describe, expect, it } from 'vitest';
import { boundedDistance, nearestKnown } from '../src/near-miss.js';

describe('boundedDistance', () => {
  const cases: { a: string; b: string; max: number; want: number }[] = [
    { a: 'kWh', b: 'kWh', max: 2, want: 0 },
    { a: 'kW', b: 'kWh', max: 2, want: 1 },
    { a: 'estimate', b: 'estimated', max: 2, want: 1 },
    { a: 'sollar', b: 'solar', max: 2, want: 1 },
    { a: 'revnue', b: 'revenue', max: 2, want: 1 },
    { a: 'fwd', b: 'forward', max: 2, want: 3 },
    { a: 'peak', b: 'off_peak', max: 2, want: 3 },
    { a: 'abc', b: 'xyz', max: 2, want: 3 },
    { a: '', b: 'ab', max: 2, want: 2 },
    { a: 'ab', b: 'ba', max: 2, want: 2 },
  ];
  for (const c of cases) it(`${JSON.stringify(c.a)} ↔ ${JSON.stringify(c.b)} is ${c.want}`, () => {
    expect(boundedDistance(c.a, c.b, c.max)).toBe(c.want);
    expect(boundedDistance(c.b, c.a, c.max)).toBe(c.want);
  });
  it('stays fast on long strings (band of the table only)', () => {
    const long = 'x'.repeat(50_000);
    expect(boundedDistance(long, long + 'y', 2)).toBe(1);
    expect(boundedDistance(long, 'y' + long.slice(1), 2)).toBe(1);
    expect(boundedDistance(long, 'yyy' + long.slice(3), 2)).toBe(3);
  });
});

describe('nearestKnown', () => {
  const quality = ['raw', 'manual', 'valid', 'revenue', 'estimated', 'calculated', 'corrected', 'website'];
  const cases: { given: string; want: string | undefined }[] = [
    { given: 'valid', want: undefined },
    { given: 'VALID', want: 'valid' },
    { given: 'Estimated', want: 'estimated' },
    { given: 'estimate', want: 'estimated' },
    { given: 'corected', want: 'corrected' },
    { given: 'provisional', want: undefined },
    { given: 'validated', want: undefined },
  ];
  for (const c of cases) it(`${c.given} → ${String(c.want)}`, () => expect(nearestKnown(c.given, quality)).toBe(c.want));
});
