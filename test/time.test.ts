// src/time.ts: the RFC 3339 parser (exact instants are tested in test/engine/issues/14_instants_full_precision.test.ts).
import { DATE_TIME_MAX_LENGTH } from '../generated/2024/spec-facts.js';
import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../src/index.js';
import { formatInstant, parseInstant } from '../src/time.js';

describe('parseDateTime', () => {
  it('parses offsets, fractions and the T/Z case variants', () => {
    expect(parseDateTime('2024-01-15T00:00:00Z')).toBe(Date.UTC(2024, 0, 15));
    expect(parseDateTime('2024-01-15t02:00:00+02:00')).toBe(Date.UTC(2024, 0, 15));
    expect(parseDateTime('2024-01-14T19:30:00-04:30')).toBe(Date.UTC(2024, 0, 15));
    expect(parseDateTime('2024-01-15T00:00:00.5z')).toBe(Date.UTC(2024, 0, 15) + 500);
    expect(parseDateTime('2024-01-15T00:00:00.123456789Z')).toBe(Date.UTC(2024, 0, 15) + 123);
    expect(parseDateTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDateTime('0001-01-01T00:00:00Z')).toBe(new Date('0001-01-01T00:00:00Z').getTime());
  });
  it('rejects local times, impossible dates and junk', () => {
    for (const s of ['2024-01-15T00:00:00', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-01-15 00:00:00Z', '2024-01-15T24:00:00Z', '2024-01-15T00:00:00.Z', '2024-01-15T00:00:00+0200', '2024-01-15T00:00:00+02:00x', 'x'.repeat(100), '', 5, null]) {
      expect(parseDateTime(s), String(s)).toBeNaN();
    }
  });
  it('reads a date-time longer than the recommended maxLength (legal: date-time-length is a warning)', () => {
    const fraction = (n: number) => '2024-01-15T00:00:00.' + '1'.repeat(n) + 'Z';
    expect(parseDateTime(fraction(DATE_TIME_MAX_LENGTH - 21))).toBe(Date.UTC(2024, 0, 15, 0, 0, 0, 111));
    expect(parseDateTime(fraction(DATE_TIME_MAX_LENGTH - 20))).toBe(Date.UTC(2024, 0, 15, 0, 0, 0, 111));
    expect(parseDateTime(fraction(100_000))).toBe(Date.UTC(2024, 0, 15, 0, 0, 0, 111));
  });
});

describe('formatInstant (for messages)', () => {
  const cases: { given: string; want: string }[] = [
    { given: '2024-01-15T00:00:00Z', want: '2024-01-15T00:00:00Z' },
    { given: '2024-01-15T00:00:00.250Z', want: '2024-01-15T00:00:00.250Z' },
    { given: '2024-01-15T00:00:00.123456789012Z', want: '2024-01-15T00:00:00.123456789012Z' },
    // A fraction longer than the message prints is cut, and says so.
    { given: '2024-01-15T00:00:00.1234567890123Z', want: '2024-01-15T00:00:00.123456789012…Z' },
    { given: `2024-01-15T00:00:00.${'1'.repeat(100_000)}Z`, want: '2024-01-15T00:00:00.111111111111…Z' },
  ];
  for (const { given, want } of cases) {
    it(`${given.length > 40 ? `${given.slice(0, 40)}… (${given.length} characters)` : given} → ${want}`, () => {
      expect(formatInstant(parseInstant(given)!)).toBe(want);
    });
  }
});
