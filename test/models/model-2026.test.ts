// The 2026 model in the one engine: detection and the model option, the
// Server Metadata option, the spec's 2026 examples (one valid document per
// value type passes without any finding), and readRows on 2026 segments.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRevision, detectModel, readRows, validate, type Cell2026, type model2026 } from '../../src/index.js';
import { ROOT, deepFreeze } from '../engine/helpers.js';

const EX = `${ROOT}spec/2026/examples/`;
const read = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const META = read(`${EX}server-metadata.json`);
const VALUE_TYPE_FILES = readdirSync(`${EX}value-types`).filter((f) => f.endsWith('.json')).sort();
const codes = (r: ReturnType<typeof validate>) => [...r.errors, ...r.warnings].map((p) => `${p.code} ${p.path}`);

describe('detectModel', () => {
  const cases: { given: unknown; want: '2024' | '2026' }[] = [
    { given: { formats: [], values: [] }, want: '2026' },
    { given: { format: ['kwh_net'], values: [] }, want: '2024' },
    // Both drafts allow members they do not define: with both columns members, 2026's required cds_synced decides.
    { given: { format: ['kwh_net'], formats: [] }, want: '2024' },
    { given: { format: ['kwh_net'], formats: [], cds_synced: '2025-01-01T00:00:00Z' }, want: '2026' },
    { given: {}, want: '2024' },
    { given: { usage_segments: [{ cds_usagesegment_id: 'x' }, { formats: [] }] }, want: '2026' },
    { given: { usage_segments: [{ format: [] }, { formats: [] }] }, want: '2024' },
    { given: { usage_segments: [] }, want: '2024' },
    { given: [{ formats: [] }], want: '2024' },
    { given: null, want: '2024' },
  ];
  for (const c of cases) it(`${JSON.stringify(c.given)} is ${c.want}`, () => expect(detectModel(c.given)).toBe(c.want));
});

describe('the model option', () => {
  const seg = () => deepFreeze(read(`${EX}value-types/electric-usage.json`));
  it('auto reads a segment with formats as 2026', () => {
    expect(codes(validate(seg()))).toEqual([]);
    expect(codes(validate(seg(), { model: 'auto' }))).toEqual([]);
  });
  it('forcing 2024 on a 2026 segment reports the 2024 schema', () => {
    const r = validate(seg(), { model: '2024' });
    expect(r.valid).toBe(false);
    expect(r.errors.map((p) => p.message)).toContain('missing required property "format"');
  });
  it('forcing 2026 on a 2024 segment reports the 2026 schema', () => {
    const r = validate(deepFreeze(read(`${ROOT}spec/2024/examples/option1-estimated.json`)), { model: '2026' });
    expect(r.valid).toBe(false);
    expect(r.errors.map((p) => p.message)).toEqual(expect.arrayContaining(['missing required property "formats"', 'missing required property "cds_synced"']));
  });
  it('a bad model or Server Metadata option is a programming error (TypeError), as a bad kind is', () => {
    expect(() => validate(seg(), { model: '2025' as never })).toThrow(TypeError);
    expect(() => validate(seg(), { serverMetadata: [] as never })).toThrow(/serverMetadata/);
    expect(() => validate(seg(), { serverMetadata: { cds_usagesegments_additional_value_types: [] } })).toThrow(/additional_value_types/);
    expect(() => checkRevision(seg(), seg(), { model: 'x' as never })).toThrow(TypeError);
  });
  it('the 2026-only rules do not run on a 2024 document (a stray formats member is only an unknown field)', () => {
    const doc = read(`${ROOT}spec/2024/examples/option2-both-columns.json`);
    doc.formats = [{ id: 'a', type: 'electric_usage', units: 'kWh' }, { id: 'a', type: 'electric_usage', units: 'kWh' }];
    expect(codes(validate(deepFreeze(doc), { model: '2024' }))).toEqual([]);
    expect(codes(validate(deepFreeze(doc), { model: '2024', strict: true }))).toEqual(['unknown-field /formats']);
  });
});

describe('the spec’s 2026 examples', () => {
  for (const f of VALUE_TYPE_FILES) {
    it(`value type ${f}: valid, no finding even in strict mode`, () => {
      const doc = deepFreeze(read(`${EX}value-types/${f}`));
      for (const opts of [{}, { strict: true }, { strict: true, serverMetadata: META }]) {
        const r = validate(doc, opts);
        expect({ f, opts, found: codes(r) }).toEqual({ f, opts, found: [] });
        expect(r.valid).toBe(true);
      }
    });
  }
  it('covers the eight value types of the draft', () => {
    const types = new Set(VALUE_TYPE_FILES.flatMap((f) => (read(`${EX}value-types/${f}`).formats as { type: string }[]).map((x) => x.type)));
    expect([...types].sort()).toEqual(['cost', 'electric_demand', 'electric_supply_mix', 'electric_usage', 'fuel_oil_usage', 'meter_readings', 'natural_gas_usage', 'water_usage']);
  });
  for (const f of ['option1-estimated.json', 'option1-validated.json', 'option2-estimated.json', 'option2-both-columns.json', 'supply-mix-attribution.json']) {
    it(`${f}: valid, no finding in strict mode`, () => {
      const r = validate(deepFreeze(read(EX + f)), { strict: true, serverMetadata: META });
      expect(codes(r)).toEqual([]);
    });
  }
  it('Option 1 in 2026 terms is a valid revision (quality estimated → valid)', () => {
    const r = checkRevision(deepFreeze(read(`${EX}option1-estimated.json`)), deepFreeze(read(`${EX}option1-validated.json`)), { strict: true });
    expect(codes(r)).toEqual([]);
  });
  it('Option 2 in 2026 terms: from the estimate of 499.9 to both columns is a valid revision that keeps the estimate column as it was', () => {
    const [first, both] = [deepFreeze(read(`${EX}option2-estimated.json`)), deepFreeze(read(`${EX}option2-both-columns.json`))];
    expect(codes(checkRevision(first, both, { strict: true }))).toEqual([]);
    expect(both.formats[0]).toEqual(first.formats[0]);
    expect(both.values.map((set: unknown[]) => set[0])).toEqual(first.values.map((set: unknown[]) => set[0]));
    expect(first.values).toEqual([[{ eu: 499.9 }]]);
  });
  it('the gap page: the declared gap type is an error without its declaration, and the checker cannot read a gap from it', () => {
    const page = deepFreeze(read(`${EX}gap-disclosure-page.json`));
    // Declared in the Server Metadata: valid; the hole stays a warning (the draft has no gap disclosure; the checker does not know what a Server's type means).
    expect(codes(validate(page, { strict: true, serverMetadata: META }))).toEqual(['timeline-hole /usage_segments/2']);
    // Without metadata: a strict-mode unknown-format warning.
    expect(codes(validate(page, { strict: true }))).toEqual(['unknown-format /usage_segments/1/formats/0', 'timeline-hole /usage_segments/2']);
    // With metadata that does not describe it: undeclared.
    const r = validate(page, { serverMetadata: { cds_customerdata_version: 'v1', cds_usagesegments_additional_value_types: {} } });
    expect(r.valid).toBe(false);
    expect(codes(r)).toEqual(['undeclared-type /usage_segments/1/formats/0/type', 'timeline-hole /usage_segments/2']);
  });
});

describe('readRows on 2026 segments', () => {
  it('narrows each cell by its Value Format', () => {
    const seg = deepFreeze(read(`${EX}option2-both-columns.json`)) as model2026.UsageSegment;
    const rows = readRows(seg);
    expect(rows.length).toBe(seg.values.length);
    const cells = rows[0]!.cells;
    expect(cells.map((c) => c.known && c.type)).toEqual(seg.formats.map((f) => f.type));
    const c0 = cells[0]!;
    if (!c0.known || c0.type !== 'electric_usage') throw new Error('first column is electric usage');
    const f0 = seg.formats[0] as { units?: string; quality?: string };
    expect({ units: c0.units, quality: c0.quality, value: c0.value }).toEqual({ units: f0.units, quality: f0.quality ?? null, value: (seg.values[0]![0] as { eu: number }).eu });
    expect(c0.format).toBe(seg.formats[0]);
  });
  it('reads every value type, and reads as null what value-type reports', () => {
    const want: Record<string, (c: Cell2026) => unknown> = {
      electric_usage: (c) => c.known && c.type === 'electric_usage' && typeof c.value === 'number',
      electric_demand: (c) => c.known && c.type === 'electric_demand' && typeof c.value === 'number',
      water_usage: (c) => c.known && c.type === 'water_usage' && typeof c.value === 'number',
      natural_gas_usage: (c) => c.known && c.type === 'natural_gas_usage' && typeof c.value === 'number',
      fuel_oil_usage: (c) => c.known && c.type === 'fuel_oil_usage' && typeof c.value === 'number',
      cost: (c) => c.known && c.type === 'cost' && typeof c.value === 'number' && typeof c.currency === 'string',
      electric_supply_mix: (c) => c.known && c.type === 'electric_supply_mix' && typeof c.share === 'number',
      meter_readings: (c) => c.known && c.type === 'meter_readings' && typeof c.reading === 'string',
    };
    for (const f of VALUE_TYPE_FILES) {
      const seg = deepFreeze(read(`${EX}value-types/${f}`)) as model2026.UsageSegment;
      for (const row of readRows(seg)) {
        row.cells.forEach((c, i) => {
          if (seg.values[row.index]![i] === null) return;
          expect(want[c.known ? c.type : '']?.(c), `${f} row ${row.index} column ${i}`).toBe(true);
        });
      }
    }
    const bad = read(`${EX}value-types/meter-readings.json`);
    bad.values[0][0] = { r: 12345.6 };
    const [row0] = readRows(deepFreeze(bad) as model2026.UsageSegment);
    expect(row0!.cells[0]).toMatchObject({ known: true, type: 'meter_readings', reading: null });
    expect(validate(bad).errors.map((p) => p.code)).toEqual(['value-type']);
  });
  it('gives unknown types their raw value', () => {
    const page = read(`${EX}gap-disclosure-page.json`);
    const seg = page.usage_segments[1] as model2026.UsageSegment;
    const cell = readRows(deepFreeze(seg))[0]!.cells[0]!;
    expect(cell.known).toBe(false);
    if (!cell.known) expect({ type: cell.type, value: cell.value }).toEqual({ type: seg.formats[0]!.type, value: seg.values[0]![0] });
  });
});
