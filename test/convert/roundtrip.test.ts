// Round trips on generated documents (fast-check, seeded): 2024 → 2026 → 2024
// gives back the original wherever neither loss report names a loss, and the
// 2024 output is always a valid 2024 document.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert/convert.js';
import { COLUMN_ROWS, SUPPLY_MIX_ROWS } from '../../src/convert/mapping.js';
import { validate } from '../../src/validate.js';

const SEED = 20240808;

/** Column formats a generated 2024 segment draws from: every mapped string, the meeting's proposals, one extension. */
const FORMATS = [...COLUMN_ROWS.map((r) => r.format), 'supply_mix', 'gap', 'x_meter_temperature'];
const COMPONENTS = [...SUPPLY_MIX_ROWS.map((r) => r.component), 'other'];

const decimal = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000));

function valueOf(format: string): fc.Arbitrary<unknown> {
  if (format === 'gap') return fc.record({ reason_type: fc.constantFrom('outage', 'meter_replaced') });
  if (format === 'x_meter_temperature') return fc.record({ c: decimal });
  if (format === 'supply_mix') {
    return fc.uniqueArray(fc.constantFrom(...COMPONENTS), { minLength: 1, maxLength: 3 }).map((types) =>
      types.map((type, i) => ({ type, mix: i === 0 ? 1 - (types.length - 1) * 0.25 : 0.25, gco2_per_kwh: 100 + i })),
    );
  }
  return fc.record({ v: decimal });
}

const segment2024 = fc
  .record({
    formats: fc.array(fc.constantFrom(...FORMATS), { minLength: 1, maxLength: 4 }),
    count: fc.integer({ min: 1, max: 4 }),
    eacs: fc.boolean(),
    extra: fc.boolean(),
  })
  .chain(({ formats, count, eacs, extra }) =>
    fc.array(fc.tuple(...formats.map((f) => fc.option(valueOf(f), { freq: 6 }))), { minLength: count, maxLength: count }).map((values) => {
      const seg: Record<string, unknown> = {
        cds_usagesegment_id: 'seg-1',
        cds_created: '2024-01-01T00:00:00Z',
        cds_modified: '2024-01-02T00:00:00Z',
        related_aggregations: [],
        related_accounts: ['ac-1'],
        related_servicecontracts: [],
        related_servicepoints: [],
        related_meterdevices: ['md-1'],
        related_billsections: [],
        segment_start: '2024-01-15T00:00:00Z',
        segment_end: new Date(Date.parse('2024-01-15T00:00:00Z') + count * 900_000).toISOString().replace('.000Z', 'Z'),
        interval: 900,
        format: formats,
        values,
      };
      if (eacs) seg.related_eacs = ['eac-1'];
      if (extra) seg.x_utility_note = { source: 'generated' };
      return seg;
    }),
  );

describe('convert round trips (seeded)', () => {
  it('2024 → 2026 → 2024 gives back the original wherever no loss is reported; each output is valid in its model', () => {
    let lossless = 0;
    let lossy = 0;
    fc.assert(
      fc.property(segment2024, (seg) => {
        const before = JSON.stringify(seg);
        expect(validate(seg).errors, 'the generator makes valid 2024 segments').toEqual([]);
        const there = convert(seg, '2026');
        expect(validate(there.document, { model: '2026' }).errors, 'the 2026 output is valid 2026').toEqual([]);
        const back = convert(there.document, '2024');
        expect(JSON.stringify(seg), 'the input is not changed').toBe(before);
        expect(validate(back.document, { model: '2024' }).errors).toEqual([]);
        if (there.losses.length === 0 && back.losses.length === 0) {
          lossless++;
          expect(back.document).toEqual(seg);
        } else {
          lossy++;
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
    // Both branches ran often enough for the property to mean something.
    expect(lossless).toBeGreaterThan(30);
    expect(lossy).toBeGreaterThan(30);
  });

  it('a 2024 → 2026 conversion reports the sync time and each assumption its columns make, at the output column', () => {
    /** The assumptions a row of the table makes (quality of a plain string, sign of reverse energy, a unit with no 2026 name). */
    const rowAssumptions = (f: string, j: number): string[] => {
      const row = COLUMN_ROWS.find((r) => r.format === f);
      if (!row) return [];
      const out: string[] = [];
      if (row.quality === 'valid') out.push(`/formats/${j}/quality`);
      if (row.direction === 'reverse') out.push(`/formats/${j}/direction`);
      if (row.scale !== undefined) out.push(`/formats/${j}/units`);
      return out;
    };
    let assumed = 0;
    fc.assert(
      fc.property(segment2024, (seg) => {
        const there = convert(seg, '2026');
        const out = there.document as { formats: { id: string; type: string }[] };
        // Where each 2024 column landed: by id for a table row (the 2024 string; only repeats get a suffix, and they make the same assumptions).
        const want = ['/cds_synced'];
        out.formats.forEach((f, j) => want.push(...rowAssumptions(f.id.replace(/_\d+$/, ''), j)));
        out.formats.forEach((f, j) => {
          if (f.type === 'electric_supply_mix') want.push(`/formats/${j}/indexes`);
        });
        expect([...there.assumptions.map((a) => a.pointer)].sort()).toEqual(want.sort());
        assumed += want.length - 1;
        expect((there.document as { cds_synced: string }).cds_synced).toBe(seg.cds_modified);
      }),
      { seed: SEED, numRuns: 50 },
    );
    expect(assumed, 'column assumptions were made').toBeGreaterThan(10);
  });
});
