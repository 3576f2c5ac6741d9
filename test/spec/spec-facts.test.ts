// The checker's view of formats must agree with the spec's KnownFormat enum
// and the Format pattern.
import { describe, expect, it } from 'vitest';
import { KNOWN_FORMATS } from '../../generated/spec-facts.js';
import { parseFormat } from '../../src/formats.js';

describe('format classification follows the spec', () => {
  for (const format of KNOWN_FORMATS) {
    it(`classifies the known format ${format} as a known kind`, () => {
      expect(['energy', 'gap', 'supply_mix']).toContain(parseFormat(format).kind);
    });
  }

  const cases: { given: unknown; want: string }[] = [
    { given: 'kwh_fwd_estimated', want: 'extension' },
    { given: 'co2_kg', want: 'extension' },
    { given: 'kwh_fwd_raw', want: 'energy' },
    { given: 'KWH_FWD', want: 'invalid' },
    { given: '1kwh', want: 'invalid' },
    { given: '', want: 'invalid' },
    { given: 42, want: 'invalid' },
  ];
  for (const { given, want } of cases) {
    it(`classifies ${JSON.stringify(given)} as ${want}`, () => {
      expect(parseFormat(given).kind).toBe(want);
    });
  }
});
