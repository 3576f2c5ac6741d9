// src/formats.ts: classification of 2024 format strings.
import { describe, expect, it } from 'vitest';
import { parseFormat } from '../src/index.js';

describe('parseFormat', () => {
  it('classifies known, extension and malformed formats', () => {
    expect(parseFormat('kwh_rev_raw')).toEqual({ kind: 'energy', format: 'kwh_rev_raw', quantity: 'kwh_rev', quality: 'raw' });
    expect(parseFormat('kwh_net')).toMatchObject({ quantity: 'kwh_net', quality: 'validated' });
    expect(parseFormat('gap').kind).toBe('gap');
    expect(parseFormat('supply_mix').kind).toBe('supply_mix');
    expect(parseFormat('kwh_fwd_estimated').kind).toBe('extension');
    expect(parseFormat('Kwh').kind).toBe('invalid');
    expect(parseFormat(3).kind).toBe('invalid');
  });
});
