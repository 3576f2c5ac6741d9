// The value rules (src/columns/values.ts) are asked by three callers that must
// agree: the single pass over `values` (`valuesClean`) is a shortcut, never a
// different answer: when it says clean, the two-pass checks (schema shape +
// the rules' values loop) find nothing in `values`. Strict mode does not take
// the shortcut, so comparing errors with and without `strict` compares the
// shortcut with the full path. And `readRows` reads a value exactly when the
// checker accepts it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES, readRows, validate, validateUsageSegment, type Cell } from '../../src/index.js';
import { valuesShapeOk } from '../../src/columns/values.js';
import { valuesClean } from '../../src/rules/values/fast-path.js';
import { columns2024 as columnsOf } from '../../src/models/model-2024.js';
import { segment as segmentWith } from '../helpers/documents.js';

const FORMATS = ['kwh_fwd', 'kwh_rev', 'kwh_net', 'kwh_fwd_estimate', 'kwh_rev_estimate', 'kwh_net_estimate', 'gap', 'supply_mix', 'x_ext', 'Bad!'] as const;

const junk = fc.oneof(
  fc.jsonValue(),
  fc.constant(null),
  fc.constantFrom({ v: Infinity }, { v: '1' }, { v: 1 }, { reason_type: '' }, { reason_type: 'outage' }, [], [{ type: 'solar', mix: 1 }], { v: 1, extra: true }),
);
const energy = fc.double({ min: -5, max: 5, noNaN: true }).map((v) => ({ v: Math.round(v * 100) / 100 }));
const fitting = (format: string) =>
  format === 'gap' ? fc.constantFrom({ reason_type: 'outage' }, null) : format.startsWith('kwh_') ? fc.oneof({ weight: 9, arbitrary: energy }, { weight: 1, arbitrary: fc.constant(null) }) : junk;
const cellFor = (format: string) => fc.oneof({ weight: 30, arbitrary: fitting(format) }, { weight: 1, arbitrary: junk });

const segment = fc
  .record({
    format: fc.array(fc.constantFrom(...FORMATS), { minLength: 1, maxLength: 4 }),
    count: fc.integer({ min: 1, max: 6 }),
    balanced: fc.boolean(),
    arity: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1) }),
  })
  .chain(({ format, count, balanced, arity }) =>
    fc.array(fc.tuple(...format.map(cellFor)), { minLength: count, maxLength: count }).map((sets) => {
      const values: unknown[][] = sets.map((vs, k) => (k === 0 && arity !== 0 ? (arity < 0 ? vs.slice(1) : [...vs, null]) : [...vs]));
      if (balanced) {
        // Make kwh_net = kwh_fwd + kwh_rev where all three are numbers, so the shortcut is taken often.
        const f = format.indexOf('kwh_fwd');
        const r = format.indexOf('kwh_rev');
        const n = format.indexOf('kwh_net');
        for (const vs of values) {
          const a = vs[f] as { v?: unknown } | undefined;
          const b = vs[r] as { v?: unknown } | undefined;
          if (f >= 0 && r >= 0 && n >= 0 && n < vs.length && typeof a?.v === 'number' && typeof b?.v === 'number') vs[n] = { v: a.v + b.v };
        }
      }
      return segmentWith({ cds_usagesegment_id: 's', segment_end: new Date(Date.UTC(2024, 0, 1) + values.length * 900_000).toISOString(), format, values }) as {
        format: string[];
        values: unknown[][];
      };
    }),
  );

const STRICT_ONLY: ReadonlySet<string> = new Set(RULES.filter((r) => 'strictOnly' in r && r.strictOnly).map((r) => r.code));
/** Reported without `strict` too: not a strict-only code, and not the strict half of `unknown-format` (a plain extension; a likely typo is always reported). */
const NOT_STRICT_ONLY = (p: { code: string; message: string }) => !STRICT_ONLY.has(p.code) && !(p.code === 'unknown-format' && p.message.includes('is an extension format'));

/** What `readRows` read from a cell (null: nothing usable). */
function readValue(cell: Cell): unknown {
  switch (cell.kind) {
    case 'energy':
      return cell.value;
    case 'gap':
      return cell.reason_type;
    case 'supply_mix':
      return cell.components;
    default:
      return cell.value;
  }
}

describe('single pass over values', () => {
  it('clean means: schema-valid values and no value-level finding; the shortcut changes no result', () => {
    let cleanSeen = 0;
    fc.assert(
      fc.property(segment, fc.boolean(), (seg, asPage) => {
        const clean = valuesClean(seg.values, columnsOf(seg.format));
        if (clean) {
          cleanSeen++;
          expect(valuesShapeOk(seg.values)).toBe(true);
          expect(validateUsageSegment(seg)).toBe(true);
        }
        const doc = asPage ? { usage_segments: [seg], next: null, previous: null } : seg;
        const fast = validate(doc);
        const full = validate(doc, { strict: true });
        expect(fast.errors).toEqual(full.errors);
        expect(fast.warnings).toEqual(full.warnings.filter(NOT_STRICT_ONLY));
        if (clean) expect([...fast.errors, ...fast.warnings].filter((p) => p.path.includes('/values'))).toEqual([]);
      }),
      { numRuns: 600 },
    );
    expect(cleanSeen).toBeGreaterThan(20);
  });

  it('readRows reads a value exactly when validate accepts it (no value-type, value-shape or schema problem at or under it)', () => {
    fc.assert(
      fc.property(segment, (seg) => {
        const r = validate(seg);
        const bad = (path: string) => [...r.errors, ...r.warnings].some((p) => (p.code === 'value-type' || p.code === 'value-shape' || p.code === 'schema') && (p.path === path || p.path.startsWith(path + '/')));
        const rows = readRows(seg as never);
        rows.forEach((row, k) => {
          const vs = seg.values[k]!;
          if (vs.length !== seg.format.length) return; // value-set-length: cells read what is there
          row.cells.forEach((cell, i) => {
            if (cell.kind === 'extension' || cell.kind === 'eacs') return; // extension, malformed and eacs formats: raw values, no rule
            const v = vs[i];
            const read = readValue(cell) !== null;
            expect(read, `${JSON.stringify(v)} in ${seg.format[i]}`).toBe(v !== null && !bad(`/values/${k}/${i}`));
          });
        });
      }),
      { numRuns: 400 },
    );
  });

  it('is not taken for supply_mix or extension columns', () => {
    expect(columnsOf(['kwh_fwd', 'supply_mix']).energyOrGapOnly).toBe(false);
    expect(columnsOf(['kwh_fwd', 'x_ext']).energyOrGapOnly).toBe(false);
    expect(columnsOf(['kwh_fwd', 'gap']).energyOrGapOnly).toBe(true);
    expect(columnsOf('kwh_fwd').energyOrGapOnly).toBe(false);
  });

  it('a net imbalance over ±0.01 is left to the full check', () => {
    const cols = columnsOf(['kwh_fwd', 'kwh_rev', 'kwh_net']);
    expect(valuesClean([[{ v: 1 }, { v: -0.5 }, { v: 0.5 }]], cols)).toBe(true);
    expect(valuesClean([[{ v: 1 }, { v: -0.5 }, { v: 0.52 }]], cols)).toBe(false);
    expect(valuesClean([[{ v: 1 }, null, { v: 9 }]], cols)).toBe(true);
  });
});
