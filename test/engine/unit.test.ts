import { DATE_TIME_MAX_LENGTH } from '../../generated/2024/spec-facts.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, RULES, getRule, parseDateTime, parseFormat, readRows, renderRulesMarkdown, validate } from '../../src/index.js';
import { ROOT, applyPatch, example } from './helpers.js';

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
  it('rejects input longer than the spec’s DateTime maxLength', () => {
    const fraction = (n: number) => '2024-01-15T00:00:00.' + '1'.repeat(n) + 'Z';
    expect(parseDateTime(fraction(DATE_TIME_MAX_LENGTH - 21))).toBe(Date.UTC(2024, 0, 15, 0, 0, 0, 111));
    expect(parseDateTime(fraction(DATE_TIME_MAX_LENGTH - 20))).toBeNaN();
  });
});

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

describe('readRows', () => {
  it('reads Option 2 columns apart, narrowed by kind', () => {
    const rows = readRows(example('option2-both-columns.json'));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.start).toBe('2024-01-15T00:00:00.000Z');
    expect(row.end).toBe('2024-02-15T00:00:00.000Z');
    expect(row.cells.map((c) => (c.kind === 'energy' ? [c.quality, c.value] : c.kind))).toEqual([
      ['estimate', 499.9],
      ['validated', 500],
    ]);
  });
  it('keeps repeated formats apart by column index and reads null values', () => {
    const seg = applyPatch(example('option2-both-columns.json'), [
      { op: 'replace', path: '/format', value: ['kwh_fwd', 'kwh_fwd', 'gap', 'supply_mix', 'x_ext'] },
      { op: 'replace', path: '/values/0', value: [{ v: 1 }, null, { reason_type: 'outage' }, null, { a: 1 }] },
    ]);
    const cells = readRows(seg)[0]!.cells;
    expect(cells.map((c) => c.column)).toEqual([0, 1, 2, 3, 4]);
    const [a, b, g, m, u] = cells;
    expect(a).toMatchObject({ kind: 'energy', value: 1 });
    expect(b).toMatchObject({ kind: 'energy', value: null });
    expect(g).toMatchObject({ kind: 'gap', reason_type: 'outage' });
    expect(m).toMatchObject({ kind: 'supply_mix', components: null });
    expect(u).toMatchObject({ kind: 'unknown', format: 'x_ext', value: { a: 1 } });
  });
  it('places 15-minute rows on the timeline', () => {
    const seg = example('gap-disclosure-page.json').usage_segments[0];
    const rows = readRows(seg);
    expect(rows).toHaveLength(356);
    expect(rows[1]!.start).toBe('2024-01-15T00:15:00.000Z');
    expect(rows[355]!.end).toBe('2024-01-18T17:00:00.000Z');
    const first = rows[0]!.cells[0]!;
    if (first.kind !== 'energy') throw new Error('expected energy');
    expect(first.value).toBe(1.24);
  });
  it('reads values that do not match their format as null, supply mixes only when every component is well-formed', () => {
    const ok = { type: 'solar', mix: 1 };
    const mixes: [unknown, boolean][] = [
      [[ok], true],
      [[{ ...ok, gco2_per_kwh: 0 }, { type: 'x', mix: 0, extra: 1 }], true],
      [[], false],
      [{ type: 'solar', mix: 1 }, false],
      [[ok, null], false],
      [[ok, { type: '', mix: 0 }], false],
      [[ok, { type: 'wind' }], false],
      [[ok, { type: 'wind', mix: '0' }], false],
      [[ok, { type: 'wind', mix: 1.5 }], false],
      [[ok, { type: 'wind', mix: -0.1 }], false],
      [[ok, { type: 'wind', mix: 0, gco2_per_kwh: -1 }], false],
      [[ok, { type: 'wind', mix: 0, gco2_per_kwh: null }], false],
    ];
    for (const [value, wellFormed] of mixes) {
      const seg = applyPatch(example('supply-mix-attribution.json'), [{ op: 'replace', path: '/values/0/0', value }]);
      const cell = readRows(seg)[0]!.cells[0]!;
      expect(cell.kind === 'supply_mix' && cell.components, JSON.stringify(value)).toEqual(wellFormed ? value : null);
    }
    const seg = applyPatch(example('option2-both-columns.json'), [
      { op: 'replace', path: '/format', value: ['kwh_fwd', 'gap', 'gap'] },
      { op: 'replace', path: '/values/0', value: [{ v: 'x' }, { reason_type: '' }, { reason_type: 1 }] },
    ]);
    expect(readRows(seg)[0]!.cells.map((c) => (c.kind === 'energy' ? c.value : c.kind === 'gap' ? c.reason_type : c.kind))).toEqual([null, null, null]);
  });

  it('supply-mix components are read', () => {
    const c = readRows(example('supply-mix-attribution.json'))[0]!.cells[0]!;
    expect(c.kind === 'supply_mix' && c.components?.map((x) => x.type)).toEqual(['voluntary/ppa_specific', 'grid_supply', 'residual']);
  });
});

describe('problem cap', () => {
  it('keeps at most MAX_PROBLEMS errors and counts the rest', () => {
    const seg = example('gap-disclosure-page.json').usage_segments[2];
    seg.values = seg.values.map(() => [{ v: 'bad' }]);
    const r = validate(seg);
    expect(r.errors).toHaveLength(MAX_PROBLEMS);
    expect(r.omittedErrors).toBe(2616 - MAX_PROBLEMS);
    expect(r.truncated).toBe(true);
    expect(r.valid).toBe(false);
  });
});

describe('last-resort guard', () => {
  it('reports internal-error instead of throwing when reading the input throws', () => {
    const evil = {
      ...example('option1-estimated.json'),
      get format(): never {
        throw new Error('boom');
      },
    };
    const r = validate(evil);
    expect(r.valid).toBe(false);
    expect(r.errors.map((p) => p.code)).toContain('internal-error');
  });
  it('reports internal-error for a throwing proxy page', () => {
    const evil = new Proxy({ usage_segments: [] } as Record<string, unknown>, {
      get() {
        throw new Error('nope');
      },
    });
    const r = validate(evil);
    expect(r.errors.map((p) => [p.code, p.path])).toEqual([['internal-error', '']]);
  });
});

describe('rule registry and docs', () => {
  it('codes are unique and every code has a summary', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) expect(r.summary.length).toBeGreaterThan(10);
    expect(getRule('timeline-hole')?.level).toBe('warning');
    expect(getRule('nope')).toBeUndefined();
  });
  it('docs/rules.md is the fresh generation from the registry', () => {
    const current = readFileSync(`${ROOT}docs/rules.md`, 'utf8');
    expect(current).toBe(renderRulesMarkdown());
    for (const r of RULES) expect(current).toContain(`\`${r.code}\``);
  });
  it('validate rejects an unknown kind option', () => {
    expect(() => validate({}, { kind: 'page' as never })).toThrow(TypeError);
  });
  it('kind forces the reading of the document', () => {
    const seg = example('option1-estimated.json');
    expect(validate(seg, { kind: 'list' }).errors.map((p) => p.message)).toContain('missing required property "usage_segments"');
    expect(validate(example('gap-disclosure-page.json'), { kind: 'segment' }).valid).toBe(false);
  });
});

describe('schema messages', () => {
  it('say what is wrong in the spec vocabulary, one problem per fault', () => {
    const seg = applyPatch(example('option1-estimated.json'), [
      { op: 'replace', path: '/format/0', value: 'KWH' },
      { op: 'replace', path: '/related_accounts', value: ['a', 'a'] },
      { op: 'replace', path: '/cds_created', value: '2025-02-15T04:00:00' },
    ]);
    const msgs = validate(seg).errors.map((p) => [p.path, p.message]);
    expect(msgs).toEqual([
      ['/cds_created', '/cds_created must be an RFC 3339 date-time with an offset (Z or ±hh:mm)'],
      ['/related_accounts', '/related_accounts must not repeat an id (items 1 and 0 are identical)'],
      ['/format/0', '/format/0 must be a known format or an extension format matching ^[a-z][a-z0-9_]*$'],
    ]);
  });
});
