// Types: readRows on a 2026 segment gives cells a consumer narrows by `known` and `type`, without casts.
import { expectTypeOf, test } from 'vitest';
import { readRows, type Cell, type Cell2026, type model2026, type UsageSegment } from '../src/index.js';

declare const seg2026: model2026.UsageSegment;
declare const seg2024: UsageSegment;

test('a 2026 segment reads as Cell2026 rows, a 2024 one as Cell rows', () => {
  expectTypeOf(readRows(seg2026)[0]!.cells[0]!).toEqualTypeOf<Cell2026>();
  expectTypeOf(readRows(seg2024)[0]!.cells[0]!).toEqualTypeOf<Cell>();
});

test('narrowing by known and type gives the type-specific fields', () => {
  const c = readRows(seg2026)[0]!.cells[0]!;
  if (c.known && c.type === 'electric_usage') {
    expectTypeOf(c.value).toEqualTypeOf<number | null>();
    expectTypeOf(c.format).toEqualTypeOf<model2026.ElectricUsageValueFormat>();
    expectTypeOf(c.format.units).toMatchTypeOf<string>();
  }
  if (c.known && c.type === 'meter_readings') expectTypeOf(c.reading).toEqualTypeOf<string | null>();
  if (c.known && c.type === 'electric_supply_mix') expectTypeOf(c.share).toEqualTypeOf<number | null>();
  if (!c.known) expectTypeOf(c.value).toEqualTypeOf<unknown>();
  // @ts-expect-error a reading cell has no numeric value
  if (c.known && c.type === 'meter_readings') void c.value;
});

test('a 2024 cell of a format the package does not know is an extension cell (one word, as in ColumnSpec)', () => {
  expectTypeOf<Cell['kind']>().toEqualTypeOf<'energy' | 'gap' | 'supply_mix' | 'eacs' | 'extension'>();
  const c = readRows(seg2024)[0]!.cells[0]!;
  if (c.kind === 'extension') expectTypeOf(c.value).toEqualTypeOf<unknown>();
});
