// Type tests of the 2026 model (Vitest typechecks them in npm test: vitest.config.ts): the examples are
// assignable to the generated types; a consumer narrows a column by its
// format's `type` without casts; enumerations keep their known values for
// completion while accepting any string, as the draft requires.
import { describe, expectTypeOf, it } from 'vitest';
import { columnsOf, type Column, type KnownValueFormat } from '../../generated/2026/columns.js';
import type {
  CostValue,
  ElectricSupplyMixValue,
  ElectricUsageValue,
  ElectricUsageValueFormat,
  MeterReadingsValue,
  MeterReadingsValueFormat,
  ReadingQualityType,
  ServerMetadata,
  UsageSegment,
  UsageSegmentList,
  ValueFormat,
} from '../../generated/2026/types.js';
import gapPage from '../../spec/2026/examples/gap-disclosure-page.json' with { type: 'json' };
import option2 from '../../spec/2026/examples/option2-both-columns.json' with { type: 'json' };
import metadata from '../../spec/2026/examples/server-metadata.json' with { type: 'json' };
import meterReadings from '../../spec/2026/examples/value-types/meter-readings.json' with { type: 'json' };

describe('2026 generated types accept the examples', () => {
  it('types the examples as UsageSegment, UsageSegmentList and ServerMetadata', () => {
    expectTypeOf(option2).toMatchTypeOf<UsageSegment>();
    expectTypeOf(meterReadings).toMatchTypeOf<UsageSegment>();
    expectTypeOf(gapPage).toMatchTypeOf<UsageSegmentList>();
    expectTypeOf(metadata).toMatchTypeOf<ServerMetadata>();
  });
});

describe('narrowing a column by its type, without casts', () => {
  it('gives each defined type its own format and value object', () => {
    const columns: Column[] = columnsOf(option2);
    for (const c of columns) {
      if (!c.known) {
        expectTypeOf(c.type).toEqualTypeOf<string>();
        continue;
      }
      switch (c.type) {
        case 'electric_usage':
          expectTypeOf(c.format).toEqualTypeOf<ElectricUsageValueFormat>();
          expectTypeOf(c.values).toEqualTypeOf<(ElectricUsageValue | null)[]>();
          expectTypeOf(c.values[0]!.eu).toEqualTypeOf<number>();
          // @ts-expect-error -- an electric usage value has `eu`, not `ed`
          void c.values[0]!.ed;
          break;
        case 'meter_readings':
          expectTypeOf(c.format).toEqualTypeOf<MeterReadingsValueFormat>();
          expectTypeOf(c.values[0]!.r).toEqualTypeOf<string>();
          expectTypeOf(c.values).toEqualTypeOf<(MeterReadingsValue | null)[]>();
          break;
        case 'electric_supply_mix':
          expectTypeOf(c.values).toEqualTypeOf<(ElectricSupplyMixValue | null)[]>();
          break;
        case 'cost':
          expectTypeOf(c.values).toEqualTypeOf<(CostValue | null)[]>();
          expectTypeOf(c.format.currency).toEqualTypeOf<string>();
          break;
        default:
          break;
      }
    }
  });

  it('keeps the known formats apart from other types', () => {
    expectTypeOf<ElectricUsageValueFormat>().toMatchTypeOf<KnownValueFormat>();
    expectTypeOf<KnownValueFormat>().toMatchTypeOf<ValueFormat>();
  });
});

describe('open enumerations', () => {
  type Units = ElectricUsageValueFormat['units'];

  it('accept the listed values and any other string, and do not collapse to string', () => {
    expectTypeOf<'kWh'>().toMatchTypeOf<Units>();
    expectTypeOf<'GWh'>().toMatchTypeOf<Units>();
    expectTypeOf<Units>().not.toEqualTypeOf<string>();
    expectTypeOf<'estimated'>().toMatchTypeOf<ReadingQualityType>();
    expectTypeOf<ReadingQualityType>().not.toEqualTypeOf<string>();
  });

  it('still reject what is not a string', () => {
    // @ts-expect-error -- units are strings
    const units: Units = 1000;
    void units;
  });
});
