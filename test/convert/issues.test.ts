// Regressions of issue 20.5 (the converter never fails a valid document and
// its report is complete), one table per defect: the document given, and the
// output columns, values and report entries wanted, exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, type Model } from '../../src/convert/convert.js';
import { validate } from '../../src/validate.js';
import { example } from '../helpers/examples.js';
import { ROOT } from '../helpers/paths.js';

type Doc = Record<string, unknown>;
const read2026 = (f: string): Doc => JSON.parse(readFileSync(join(ROOT, 'spec/2026/examples', f), 'utf8'));
const losses = (r: { losses: readonly { pointer: string; kind: string }[] }) => r.losses.map((l) => `${l.kind} ${l.pointer}`);
const assumed = (r: { assumptions: readonly { pointer: string }[] }) => r.assumptions.map((a) => a.pointer);

/** A valid 2024 segment with the given columns (the meeting's Option 1 example without its example-class `related_eacs`). */
function seg2024(format: string[], values: unknown[][]): Doc {
  const { related_eacs: _, ...seg } = example('option1-estimated.json');
  return { ...seg, format, values };
}
/** A valid 2026 segment with the given columns. */
function seg2026(formats: Doc[], values: unknown[][]): Doc {
  return { ...read2026('option1-estimated.json'), formats, values };
}

/** Convert, check the output is valid in its model, and give it back. */
function cross(doc: unknown, to: Model) {
  const r = convert(doc, to);
  expect(validate(r.document, { model: to }).errors, `the ${to} output is valid`).toEqual([]);
  return r;
}

describe('issue 20.5: a 2024 value that is not an object crosses to 2026 (was an internal error: value-type)', () => {
  it.each([
    {
      given: 'an eacs array beside kwh_fwd (the minutes of 2024-08-15)',
      format: ['kwh_fwd', 'eacs'],
      values: [[{ v: 1 }, [{ cds_eac_id: 'eac-1', allocation: 1 }]]],
      want: [[{ eu: 1 }, { cds2024_value: [{ cds_eac_id: 'eac-1', allocation: 1 }] }]],
      wantAssumed: ['/cds_synced', '/formats/0/quality', '/formats/1'],
    },
    {
      given: 'an extension column whose value is null: nothing to wrap, nothing assumed',
      format: ['x_temp', 'kwh_fwd_estimate'],
      values: [[null, { v: 1 }]],
      want: [[null, { eu: 1 }]],
      wantAssumed: ['/cds_synced'],
    },
    {
      given: 'an extension value that is a bare number',
      format: ['x_temp'],
      values: [[21.5]],
      want: [[{ cds2024_value: 21.5 }]],
      wantAssumed: ['/cds_synced', '/formats/0'],
    },
    {
      given: 'an extension object that looks like a wrapped value (wrapped again, so that unwrapping is exact)',
      format: ['x_temp'],
      values: [[{ cds2024_value: 3 }]],
      want: [[{ cds2024_value: { cds2024_value: 3 } }]],
      wantAssumed: ['/cds_synced', '/formats/0'],
    },
    {
      given: 'a usage_kwh value that is not {"v": number} (a warning in 2024): the column is carried',
      format: ['usage_kwh'],
      values: [[5]],
      want: [[{ cds2024_value: 5 }]],
      wantAssumed: ['/cds_synced', '/formats/0'],
    },
  ])('$given', ({ format, values, want, wantAssumed }) => {
    const doc = seg2024(format, values);
    const there = cross(doc, '2026');
    expect((there.document as Doc).values).toEqual(want);
    expect(assumed(there)).toEqual(wantAssumed);
    // And back: the 2024 values as they were.
    expect(cross(there.document, '2024').document).toEqual(doc);
  });
});

describe('issue 20.5: a 2026 segment with empty formats and values crosses to 2024 (was refused)', () => {
  it('becomes a 2024 segment with empty format and values, without loss', () => {
    const r = convert(seg2026([], []), '2024');
    expect(r.document).toMatchObject({ format: [], values: [] });
    expect(losses(r)).toEqual([]);
  });

  it('a page with such a segment keeps it', () => {
    const page = { usage_segments: [seg2026([], [])], next: null, previous: null };
    const r = convert(page, '2024');
    expect((r.document as { usage_segments: Doc[] }).usage_segments).toHaveLength(1);
  });
});

describe('issue 20.5: a 2024 segment without columns crosses to 2026 with values [] (its value sets failed withheld-values, 2026 §7.2.8.1)', () => {
  it.each([
    { given: 'format [] and one empty value set', format: [], values: [[]], lost: ['dropped /values'] },
    { given: 'format [] and two empty value sets', format: [], values: [[], []], lost: ['dropped /values'] },
    { given: 'format [] and values []', format: [], values: [], lost: [] },
    {
      given: 'a supply mix with no component in any value set (the only column, which crosses as none)',
      format: ['supply_mix'],
      values: [[null], [[]]],
      lost: ['dropped /format/0', 'dropped /values'],
    },
  ])('$given', ({ format, values, lost }) => {
    const r = cross(seg2024(format, values), '2026');
    expect(r.document).toMatchObject({ formats: [], values: [] });
    expect(losses(r)).toEqual(lost);
    // The round trip is stable from the first 2026 document on.
    const back = cross(r.document, '2024');
    expect(back.document).toMatchObject({ format: [], values: [] });
    expect(cross(back.document, '2026').document).toEqual(r.document);
  });
});

describe('issue 20.5: what the conversion assumes is in the report', () => {
  it.each([
    { given: ['kwh_fwd'], want: { quality: 'valid' }, wantAssumed: ['/cds_synced', '/formats/0/quality'] },
    { given: ['kwh_rev'], want: { direction: 'reverse', quality: 'valid' }, wantAssumed: ['/cds_synced', '/formats/0/quality', '/formats/0/direction'] },
    { given: ['usage_rev_kwh'], want: { direction: 'reverse' }, wantAssumed: ['/cds_synced', '/formats/0/direction'] },
    { given: ['kwh_rev_estimate'], want: { direction: 'reverse', quality: 'estimated' }, wantAssumed: ['/cds_synced', '/formats/0/direction'] },
    { given: ['usage_fwd_kwh'], want: { direction: 'forward' }, wantAssumed: ['/cds_synced'] },
    { given: ['kwh_fwd_estimate'], want: { quality: 'estimated' }, wantAssumed: ['/cds_synced'] },
  ])('2024 → 2026: $given', ({ given, want, wantAssumed }) => {
    const r = cross(seg2024(given, [[{ v: -1.5 }]]), '2026');
    expect((r.document as { formats: Doc[] }).formats[0]).toMatchObject(want);
    expect((r.document as Doc).values).toEqual([[{ eu: -1.5 }]]);
    expect(assumed(r)).toEqual(wantAssumed);
  });

  it('2024 → 2026: the supply mix `indexes` chosen (every electric-usage column) is an assumption', () => {
    const r = cross(seg2024(['kwh_fwd', 'water_m3', 'kwh_fwd_estimate', 'supply_mix'], [[{ v: 1 }, { v: 2 }, { v: 1 }, [{ type: 'residual', mix: 1 }]]]), '2026');
    expect((r.document as { formats: Doc[] }).formats[3]).toEqual({ id: 'supply_mix.residual', type: 'electric_supply_mix', indexes: [0, 2], attribution: 'residual', supply_type: 'general' });
    expect(assumed(r)).toEqual(['/cds_synced', '/formats/0/quality', '/formats/3/indexes']);
    expect(r.assumptions.at(-1)!.message).toMatch(/lists every electric-usage column of the segment \(0, 2\)/);
  });

  it('2026 → 2024: reverse energy keeps its sign, an assumption; quality "valid" as the plain string, an assumption', () => {
    const r = cross(seg2026([{ id: 'kwh_rev', type: 'electric_usage', units: 'kWh', direction: 'reverse', quality: 'valid' }], [[{ eu: -2 }]]), '2024');
    expect(r.document).toMatchObject({ format: ['kwh_rev'], values: [[{ v: -2 }]] });
    expect(assumed(r)).toEqual(['/format/0', '/format/0']);
    expect(losses(r)).toEqual([]);
  });
});

describe('issue 20.5: units with an exact conversion cross (were "no counterpart")', () => {
  it.each([
    { given: { type: 'natural_gas_usage', units: 'CCF' }, value: { gu: 12.5 }, format: 'gas_ccf', v: 12.5, scaled: false },
    { given: { type: 'natural_gas_usage', units: 'MCF' }, value: { gu: 1.25 }, format: 'gas_mcf', v: 1.25, scaled: false },
    { given: { type: 'natural_gas_usage', units: 'Btu' }, value: { gu: 2_500_000 }, format: 'gas_mmbtu', v: 2.5, scaled: true },
    { given: { type: 'natural_gas_usage', units: 'ft3' }, value: { gu: 1234 }, format: 'gas_ccf', v: 12.34, scaled: true },
    { given: { type: 'natural_gas_usage', units: 'MMCF' }, value: { gu: 0.0021 }, format: 'gas_mcf', v: 2.1, scaled: true },
    { given: { type: 'water_usage', units: 'L' }, value: { wu: 1234.5 }, format: 'water_m3', v: 1.2345, scaled: true },
  ])('2026 $given.type in $given.units → $format', ({ given, value, format, v, scaled }) => {
    const r = cross(seg2026([{ id: format, ...given }], [[value]]), '2024');
    expect(r.document).toMatchObject({ format: [format], values: [[{ v }]] });
    expect(losses(r)).toEqual([]);
    expect(assumed(r)).toEqual(scaled ? ['/format/0'] : []);
  });

  it('2024 gas_mmbtu → 2026 Btu (1 MMBtu = 1,000,000 Btu, exactly) and back', () => {
    const doc = seg2024(['gas_mmbtu'], [[{ v: 0.123456789 }]]);
    const r = cross(doc, '2026');
    expect(r.document).toMatchObject({ formats: [{ id: 'gas_mmbtu', type: 'natural_gas_usage', units: 'Btu' }], values: [[{ gu: 123456.789 }]] });
    expect(losses(r)).toEqual([]);
    expect(assumed(r)).toEqual(['/cds_synced', '/formats/0/units']);
    expect(cross(r.document, '2024').document).toEqual(doc);
  });
});

describe('issue 20.5: a 2026 column carried through 2024 comes back whole (cost became cds2024_cds2026_cost)', () => {
  it('cost: 2026 → 2024 keeps its value format in cds2026_formats; → 2026 restores type, currency and indexes', () => {
    const doc = read2026('value-types/cost.json');
    const there = cross(doc, '2024');
    expect(there.document).toMatchObject({ format: ['kwh_fwd', 'cds2026_cost'], cds2026_formats: [null, { id: 'cost-usd', type: 'cost', currency: 'USD', indexes: [0] }] });
    const back = cross(there.document, '2026');
    expect((back.document as { formats: Doc[] }).formats[1]).toEqual({ id: 'cost-usd', type: 'cost', currency: 'USD', indexes: [0] });
    expect(losses(back)).toEqual([]);
  });

  it('indexes follow their columns when a supply mix folds several 2026 columns into one 2024 column', () => {
    const doc = seg2026(
      [
        { id: 'supply_mix.solar', type: 'electric_supply_mix', indexes: [2], attribution: 'base', supply_type: 'solar' },
        { id: 'supply_mix.wind', type: 'electric_supply_mix', indexes: [2], attribution: 'base', supply_type: 'wind' },
        { id: 'kwh_fwd', type: 'electric_usage', units: 'kWh', direction: 'forward', quality: 'valid' },
        { id: 'cost-usd', type: 'cost', currency: 'USD', indexes: [2] },
      ],
      [[{ sm: 0.5 }, { sm: 0.5 }, { eu: 3 }, { c: 0.9 }]],
    );
    const there = cross(doc, '2024');
    expect(there.document).toMatchObject({ format: ['supply_mix', 'kwh_fwd', 'cds2026_cost'], cds2026_formats: [null, null, { indexes: [1] }] });
    const back = cross(there.document, '2026');
    expect((back.document as { formats: Doc[] }).formats.map((f) => [f.id, f.indexes])).toEqual([
      ['supply_mix.solar', [2]],
      ['supply_mix.wind', [2]],
      ['kwh_fwd', undefined],
      ['cost-usd', [2]],
    ]);
  });
});

describe('issue 20.5: a Server member with the name of a target field is named, not overwritten', () => {
  it('a 2026 segment with its own `format` member: dropped, a loss', () => {
    const doc = { ...read2026('option1-estimated.json'), format: 'server-note' };
    const r = cross(doc, '2024');
    expect(losses(r)).toContain('dropped /format');
    expect((r.document as Doc).format).toEqual(['kwh_fwd_estimate']);
  });

  it('other fields of a 2024 value object cross both ways (Clients of both models ignore them)', () => {
    const doc = seg2024(['usage_kwh'], [[{ v: 1, note: 'read' }]]);
    const r = cross(doc, '2026');
    expect((r.document as Doc).values).toEqual([[{ eu: 1, note: 'read' }]]);
    const back = cross(r.document, '2024');
    expect(back.document).toEqual(doc);
    expect(losses(back)).toEqual([]);
  });
});

describe('issue 20.5: a 2024 ISO 8601 date-time that is not RFC 3339 (ordinal and week dates too) becomes the same instant in RFC 3339 (the 2026 schema needs it)', () => {
  it.each([
    { given: '20240115T000000Z', want: '2024-01-15T00:00:00Z', utc: false },
    { given: '2024-01-15T00:00Z', want: '2024-01-15T00:00:00Z', utc: false },
    { given: '2024-01-15T01:00:00+0100', want: '2024-01-15T01:00:00+01:00', utc: false },
    { given: '2024-01-15T01:00:00+01', want: '2024-01-15T01:00:00+01:00', utc: false },
    { given: '2024-01-15T00:00:00,5Z', want: '2024-01-15T00:00:00.5Z', utc: false },
    { given: '2024-01-15T00:00:00', want: '2024-01-15T00:00:00Z', utc: true },
    // Ordinal and week dates, and times to the hour or with a fraction of the hour or minute (the 2024 DateTime schema takes them).
    { given: '2024-015T00:00:00Z', want: '2024-01-15T00:00:00Z', utc: false },
    { given: '2024366T0000Z', want: '2024-12-31T00:00:00Z', utc: false },
    { given: '2024-W03-1T00:00:00Z', want: '2024-01-15T00:00:00Z', utc: false },
    { given: '2020W537T00+01', want: '2021-01-03T00:00:00+01:00', utc: false },
    { given: '2025-W01-1T00:00:00Z', want: '2024-12-30T00:00:00Z', utc: false },
    { given: '2024-01-15T04Z', want: '2024-01-15T04:00:00Z', utc: false },
    { given: '2024-01-15T04,5Z', want: '2024-01-15T04:30:00Z', utc: false },
    { given: '2024-01-15T04:30.0001Z', want: '2024-01-15T04:30:00.006Z', utc: false },
  ])('segment_start $given → $want', ({ given, want, utc }) => {
    // The 2024 verdict on these spellings is the checker's (issue 20.1); the converter must give a valid 2026 document either way.
    const doc = { ...seg2024(['kwh_fwd_estimate'], [[{ v: 1 }]]), segment_start: given };
    const r = convert(doc, '2026');
    expect((r.document as Doc).segment_start).toBe(want);
    const note = r.assumptions.find((a) => a.pointer === '/segment_start');
    expect(note?.message).toMatch(utc ? /no UTC offset.*read as UTC/ : /ISO 8601 .* not RFC 3339.*the same instant/);
    // RFC 3339 input is left alone and not reported.
    expect(convert({ ...doc, segment_start: want }, '2026').assumptions.map((a) => a.pointer)).toEqual(['/cds_synced']);
  });

  it('cds_synced is the rewritten cds_modified', () => {
    const doc = { ...seg2024(['kwh_fwd_estimate'], [[{ v: 1 }]]), cds_modified: '20240201T000000Z' };
    expect(convert(doc, '2026').document).toMatchObject({ cds_modified: '2024-02-01T00:00:00Z', cds_synced: '2024-02-01T00:00:00Z' });
  });
});
