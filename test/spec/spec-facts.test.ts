// The checker's view of formats must agree with the spec's KnownFormat enum
// and the Format pattern.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_CLASSES, KNOWN_FORMATS } from '../../generated/2024/spec-facts.js';
import { isKnownFormat, parseFormat } from '../../src/formats.js';

const KNOWN_KINDS: readonly string[] = ['energy', 'gap', 'supply_mix', 'eacs'];
const known: ReadonlySet<string> = new Set(KNOWN_FORMATS);

describe('format classification follows the spec', () => {
  it('knows the three 2024 vocabularies, each with its class', () => {
    const byClass = (c: string) => KNOWN_FORMATS.filter((f) => FORMAT_CLASSES[f] === c);
    expect(byClass('draft')).toEqual([
      'usage_kwh', 'usage_fwd_kwh', 'usage_rev_kwh', 'usage_net_kwh', 'aggregated_kwh', 'demand_kw',
      'water_m3', 'water_gal', 'water_ft3', 'gas_therm', 'gas_ccf', 'gas_mcf', 'gas_mmbtu', 'supply_mix', 'eacs',
    ]);
    expect(byClass('example')).toEqual(['kwh_fwd', 'kwh_rev', 'kwh_net']);
    expect(byClass('proposal')).toEqual(['kwh_fwd_estimate', 'kwh_rev_estimate', 'kwh_net_estimate', 'kwh_fwd_raw', 'kwh_rev_raw', 'kwh_net_raw', 'gap']);
    for (const f of KNOWN_FORMATS) expect((parseFormat(f) as { vocabulary?: string }).vocabulary, f).toBe(FORMAT_CLASSES[f]);
  });

  for (const format of KNOWN_FORMATS) {
    it(`classifies the known format ${format} as a known kind`, () => {
      expect(KNOWN_KINDS).toContain(parseFormat(format).kind);
      expect(isKnownFormat(format)).toBe(true);
    });
  }

  for (const nearMiss of ['kwh_fwd_estimated', 'kwh_fwd_raw_estimate', 'gap_raw', 'supply_mix_estimate', 'kwh_estimate', 'kwh', 'gap_estimate', 'kwh_fwd_validated']) {
    it(`classifies the near-miss ${nearMiss} as an extension, not a known kind`, () => {
      expect(known.has(nearMiss)).toBe(false);
      expect(parseFormat(nearMiss).kind).toBe('extension');
      expect(isKnownFormat(nearMiss)).toBe(false);
    });
  }

  it('classifies a string as a known kind exactly when it is in KNOWN_FORMATS (both directions)', () => {
    // Lowercase identifiers, and identifiers assembled from the pieces of known
    // formats so that near-misses are frequent.
    const pieces = fc.constantFrom('kwh', 'fwd', 'rev', 'net', 'estimate', 'estimated', 'raw', 'gap', 'supply', 'mix', 'x', '0');
    const assembled = fc.array(pieces, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('_'));
    const identifier = fc.stringMatching(/^[a-z][a-z0-9_]{0,24}$/);
    fc.assert(
      fc.property(fc.oneof(identifier, assembled, fc.constantFrom(...KNOWN_FORMATS)), (f) => {
        const isKnownKind = KNOWN_KINDS.includes(parseFormat(f).kind);
        expect(isKnownKind, f).toBe(known.has(f));
        expect(isKnownFormat(f), f).toBe(known.has(f));
        // Any other string is an extension format (2024-09 §11.2 L487 sets no spelling; `format-spelling` warns).
        if (!known.has(f)) expect(parseFormat(f).kind, f).toBe('extension');
      }),
      { numRuns: 2000 },
    );
  });

  const cases: { given: unknown; want: string }[] = [
    { given: 'kwh_fwd_estimated', want: 'extension' },
    { given: 'co2_kg', want: 'extension' },
    { given: 'kwh_fwd_raw', want: 'energy' },
    { given: 'KWH_FWD', want: 'extension' },
    { given: '1kwh', want: 'extension' },
    { given: 'acme:temp_c', want: 'extension' },
    { given: '', want: 'extension' },
    { given: 42, want: 'invalid' },
    { given: null, want: 'invalid' },
  ];
  for (const { given, want } of cases) {
    it(`classifies ${JSON.stringify(given)} as ${want}`, () => {
      expect(parseFormat(given).kind).toBe(want);
    });
  }
});
