// The one-pass check's quick check reads a date-time with the checker's own
// parser (src/time.ts parseInstant) and, when that reads an instant of at
// most the DateTime schema's maxLength, takes it as passing the schema
// without running the schema's regular expressions
// (scripts/lib/quick-validators.mjs, `instant`). That is sound only if every
// such string passes the recommended DateTime schema of its model. Here the
// verdict with the shortcut is compared with the recommended validator on
// segments whose date-times come from a generator of near-RFC 3339 strings
// (days past the month's end, leap seconds at every hour and offset, long
// fractions, lower-case t and z, out-of-range offsets).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelAdapter } from '../../src/models/adapter.js';
import { MODEL_2024 } from '../../src/models/model-2024.js';
import { MODEL_2026 } from '../../src/models/model-2026.js';
import { parseInstant } from '../../src/time.js';
import { quickSegmentAfter as quickSegmentAfter2024 } from '../../src/models/generated-2024.js';
import { quickSegmentAfter as quickSegmentAfter2026 } from '../../src/models/generated-2026.js';
import { segment, segment2026 } from '../helpers/documents.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Date-times around RFC 3339: each field a little past its range now and then. */
const nearRfc3339 = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    t: fc.constantFrom('T', 't', ' '),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.constantFrom(0, 30, 59, 60, 61),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,50}$/), { nil: undefined }),
    offset: fc.oneof(fc.constantFrom('Z', 'z', ''), fc.record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 24 }), m: fc.integer({ min: 0, max: 60 }) }).map(({ sign, h, m }) => `${sign}${pad(h, 2)}:${pad(m, 2)}`)),
  })
  .map(({ year, month, day, t, hour, minute, second, fraction, offset }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${t}${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction === undefined ? '' : `.${fraction}`}${offset}`);

/** Leap seconds in every place an offset can put them. */
const leapSeconds = fc
  .record({ hour: fc.integer({ min: 0, max: 23 }), sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 23 }), m: fc.constantFrom(0, 30, 59) })
  .map(({ hour, sign, h, m }) => `2016-12-31T${pad(hour, 2)}:59:60${sign}${pad(h, 2)}:${pad(m, 2)}`);

function agreeOn(model: ModelAdapter, make: (over: Record<string, unknown>) => Record<string, unknown>, text: string): void {
  const seg = make({ cds_created: text, cds_modified: text });
  const view = { ...seg, values: [] };
  const withShortcut = model.quickSegmentAfter(seg, null) >= 0;
  expect(withShortcut, `${model.id} ${JSON.stringify(text)} (parseInstant: ${parseInstant(text) === null ? 'none' : 'an instant'})`).toBe(model.recommendSegment(view));
}

describe.each([
  ['2024', MODEL_2024, segment],
  ['2026', MODEL_2026, segment2026],
] as const)('the quick check of a %s segment reads date-times as the schema does', (_, model, make) => {
  it('on near-RFC 3339 strings', () => {
    fc.assert(fc.property(nearRfc3339, (text) => agreeOn(model, make, text)), { numRuns: 3000 });
  });
  it('on leap seconds at every hour and offset', () => {
    fc.assert(fc.property(leapSeconds, (text) => agreeOn(model, make, text)), { numRuns: 500 });
  });
  it('on strings around the length limit', () => {
    for (let digits = 40; digits <= 50; digits++) agreeOn(model, make, `2024-01-01T00:00:00.${'1'.repeat(digits)}Z`);
  });
  it('takes the shortcut only for what the parser reads, within the length limit', () => {
    const quick = model.id === '2024' ? quickSegmentAfter2024 : quickSegmentAfter2026;
    const seg = make({ cds_created: 'not a date-time' });
    let asked = 0;
    const yes = (): unknown => {
      asked++;
      return {};
    };
    // A parser that reads everything lets the bad string through: the schema's own check did not run.
    expect(quick(seg, null, yes)).toBeGreaterThanOrEqual(0);
    expect(asked).toBeGreaterThan(0);
    // Without a parser, or past the length limit, the schema decides.
    expect(quick(seg, null, null)).toBe(-1);
    expect(quick(make({ cds_created: `2024-01-01T00:00:00.${'1'.repeat(60)}Z` }), null, yes) >= 0).toBe(model.recommendSegment({ ...make({ cds_created: `2024-01-01T00:00:00.${'1'.repeat(60)}Z` }), values: [] }));
  });
});
