/** The mapping table drives the importer: each row, fed through a small feed, gives what the row says. */
import { describe, expect, it } from 'vitest';
import { importEspi } from '../../src/espi/import.js';
import { CURRENCY_ROWS, DEMAND_ROWS, DIRECTION_ROWS, PERIOD_SECONDS, QUALITY_ROWS, UOM_ROWS } from '../../src/espi/mapping.js';
import { validate } from '../../src/validate.js';
import { blockEntry, feed, MR, UP } from './feeds.js';

const NOW = '2026-01-01T00:00:00Z';
const T0 = 1704067200;
type Seg = { cds_usagesegment_id: string; formats: Record<string, unknown>[]; values: unknown[][]; interval: number; related_servicepoints: string[]; related_accounts: string[] };

function one(rt: Record<string, number | string>, readings = [{ start: T0, value: 1234 }], options = {}) {
  const r = importEspi(feed(rt, [blockEntry(readings)]), { now: NOW, ...options });
  return { r, segs: r.document.usage_segments as Seg[] };
}

describe('uom × powerOfTenMultiplier', () => {
  for (const row of UOM_ROWS) {
    if (row.type === null) {
      it(`uom ${row.uom} (${row.espi}): readings reported, not carried`, () => {
        const { r, segs } = one({ uom: row.uom });
        expect(segs).toEqual([]);
        expect(r.notes.map((n) => [n.kind, n.readings])).toEqual([['unmapped-unit', 1]]);
      });
      continue;
    }
    for (const [multiplier, units] of row.units!) {
      it(`uom ${row.uom} × 10^${multiplier} → ${row.type} in ${units}`, () => {
        const { segs } = one({ uom: row.uom, powerOfTenMultiplier: multiplier, dataQualifier: 8 });
        expect(segs[0]!.formats[0]).toMatchObject({ type: row.type, units });
        expect(segs[0]!.values[0]).toEqual([{ [row.valueKey!]: 1234 }]);
        expect(validate(segs[0], { model: '2026' }).valid).toBe(true);
      });
    }
    it(`uom ${row.uom} × 10^-3 → ${row.units![0]![1]}, decimal point moved exactly`, () => {
      const { segs } = one({ uom: row.uom, powerOfTenMultiplier: -3, dataQualifier: 8 });
      expect(segs[0]!.formats[0]).toMatchObject({ units: row.units![0]![1] });
      expect(segs[0]!.values[0]).toEqual([{ [row.valueKey!]: 1.234 }]);
    });
  }
  it('demand: dataQualifier gives demand_type; another qualifier is reported', () => {
    for (const d of DEMAND_ROWS) expect(one({ uom: 38, dataQualifier: d.code }).segs[0]!.formats[0]!.demand_type).toBe(d.cds);
    expect(one({ uom: 38, dataQualifier: 12 }).r.notes.map((n) => n.kind)).toEqual(['unmapped-unit']);
  });
});

describe('flowDirection', () => {
  for (const row of DIRECTION_ROWS) {
    it(`${row.code} (${row.espi}) → ${row.direction ?? 'no direction'}, ${row.sign === -1 ? 'negated' : 'sign kept'}${row.reported ? ', reported' : ''}`, () => {
      const { r, segs } = one({ uom: 72, flowDirection: row.code });
      expect(segs[0]!.formats[0]!.direction).toBe(row.direction ?? undefined);
      expect(segs[0]!.values[0]).toEqual([{ eu: 1234 * row.sign }]);
      expect(r.notes.some((n) => n.kind === 'direction')).toBe(row.reported);
    });
  }
});

describe('ReadingQuality', () => {
  for (const row of QUALITY_ROWS) {
    it(`${row.code} (${row.espi}) → ${row.quality ?? 'no quality, reported'}`, () => {
      const { r, segs } = one({ uom: 72 }, [{ start: T0, value: 1, quality: [row.code] } as never]);
      expect(segs[0]!.formats[0]!.quality).toBe(row.quality ?? undefined);
      expect(r.notes.filter((n) => n.kind === 'quality')).toHaveLength(row.quality === null ? 1 : 0);
    });
  }
  it('defaultQuality of the ReadingType applies to readings without ReadingQuality', () => {
    expect(one({ uom: 72, defaultQuality: 19 }).segs[0]!.formats[0]!.quality).toBe('revenue');
  });
});

describe('cost and currency', () => {
  for (const row of CURRENCY_ROWS) {
    it(`${row.code} → ${row.currency}; cost in hundred-thousandths`, () => {
      const { segs } = one({ uom: 72, currency: row.code }, [{ start: T0, value: 1, cost: 123456 } as never]);
      expect(segs[0]!.formats[1]).toEqual({ id: 'cost', type: 'cost', currency: row.currency, indexes: [0] });
      expect(segs[0]!.values[0]).toEqual([{ eu: 1 }, { c: 1.23456 }]);
    });
  }
});

describe('timing, relations, ids', () => {
  it('one segment per run of equal, contiguous durations; a DST day and a hole start new ones', () => {
    const d = 86400;
    const { segs } = one({ uom: 72 }, [
      { start: T0, duration: d, value: 1 },
      { start: T0 + d, duration: d, value: 2 },
      { start: T0 + 2 * d, duration: d - 3600, value: 3 },
      { start: T0 + 3 * d - 3600, duration: d, value: 4 },
      { start: T0 + 5 * d, duration: d, value: 5 },
    ] as never);
    expect(segs.map((s) => [s.interval, s.values.length])).toEqual([
      [d, 2],
      [d - 3600, 1],
      [d, 1],
      [d, 1],
    ]);
  });
  it(`periods longer than ${PERIOD_SECONDS} s are one value set each, even when equal`, () => {
    const p = 30 * 86400;
    const { segs } = one({ uom: 72 }, [
      { start: T0, duration: p, value: 1 },
      { start: T0 + p, duration: p, value: 2 },
    ] as never);
    expect(segs.map((s) => s.values.length)).toEqual([1, 1]);
  });
  it('relations and ids come from the links; accounts from the caller', () => {
    const { segs } = one({ uom: 72 }, undefined, { accounts: ['acc-1'] });
    expect(segs[0]).toMatchObject({ cds_usagesegment_id: `${MR}@${T0}`, related_servicepoints: [UP], related_accounts: ['acc-1'] });
  });
});
