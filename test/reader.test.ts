// src/reader.ts: readRows.
import { describe, expect, it } from 'vitest';
import { readRows } from '../src/index.js';
import { applyPatch, example } from './engine/helpers.js';

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
    expect(u).toMatchObject({ kind: 'extension', format: 'x_ext', value: { a: 1 } });
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
