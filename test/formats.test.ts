// src/formats.ts: classification of 2024 format strings (the three vocabularies) and typo suggestions.
import { describe, expect, it } from 'vitest';
import { parseFormat, suggestFormat } from '../src/index.js';

describe('parseFormat', () => {
  it('classifies known, extension and malformed formats', () => {
    expect(parseFormat('kwh_rev_raw')).toEqual({
      kind: 'energy', format: 'kwh_rev_raw', vocabulary: 'proposal', measurement: 'kwh_rev', quantity: 'electric_energy',
      direction: 'reverse', unit: 'kWh', quality: 'raw', timing: 'duration', shapeAssumed: false,
    });
    expect(parseFormat('kwh_net')).toMatchObject({ vocabulary: 'example', measurement: 'kwh_net', quality: 'validated' });
    expect(parseFormat('usage_fwd_kwh')).toMatchObject({ vocabulary: 'draft', direction: 'forward', unit: 'kWh', quality: null, shapeAssumed: true });
    expect(parseFormat('gas_mmbtu')).toMatchObject({ vocabulary: 'draft', quantity: 'natural_gas', unit: 'MMBtu', direction: null });
    expect(parseFormat('demand_kw')).toMatchObject({ quantity: 'electric_demand', unit: 'kW', timing: 'instant' });
    expect(parseFormat('gap')).toMatchObject({ kind: 'gap', vocabulary: 'proposal' });
    expect(parseFormat('supply_mix')).toMatchObject({ kind: 'supply_mix', vocabulary: 'draft', shapeAssumed: true });
    expect(parseFormat('eacs')).toMatchObject({ kind: 'eacs', vocabulary: 'draft', timing: 'unknown' });
    expect(parseFormat('kwh_fwd_estimated')).toEqual({ kind: 'extension', format: 'kwh_fwd_estimated', suggestion: 'kwh_fwd_estimate' });
    expect(parseFormat('co2_kg')).toEqual({ kind: 'extension', format: 'co2_kg', suggestion: null });
    // The draft sets no spelling for an extension format (2024-09 §11.2 L487): any string is one (`format-spelling` warns).
    expect(parseFormat('Kwh_fwd')).toEqual({ kind: 'extension', format: 'Kwh_fwd', suggestion: 'kwh_fwd' });
    expect(parseFormat('acme:temp_c')).toEqual({ kind: 'extension', format: 'acme:temp_c', suggestion: null });
    expect(parseFormat(3).kind).toBe('invalid');
  });
});

describe('suggestFormat', () => {
  const cases: [string, string | null][] = [
    ['kwh_fw', 'kwh_fwd'],
    ['kwh_fwdd', 'kwh_fwd'],
    ['usage_kwhh', 'usage_kwh'],
    ['gas_therms', 'gas_therm'],
    ['USAGE_KWH', 'usage_kwh'],
    ['kwh', null],
    ['register_read_kwh', null],
    ['x'.repeat(100_000), null],
  ];
  for (const [given, want] of cases) {
    it(`${given.slice(0, 20)}${given.length > 20 ? '…' : ''} → ${String(want)}`, () => {
      expect(suggestFormat(given)).toBe(want);
    });
  }
});
