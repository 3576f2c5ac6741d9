// Type tests (vitest --typecheck) for the types that guide a user: the guards
// narrow `unknown`, readRows takes the narrowed value without a cast, Format
// keeps the known names apart from `string`, and a known format's value has
// its own type.
import { describe, expectTypeOf, it } from 'vitest';
import type { EnergyValue, ExtensionValue, Format, GapValue, KnownFormat, SupplyMix, UsageSegment, UsageSegmentList } from '../../generated/2024/types.js';
import { isUsageSegment, isUsageSegmentList, readRows, type FormatValue, type ValueSetOf } from '../../src/index.js';

declare const parsed: unknown;

describe('type guards', () => {
  it('narrow unknown to UsageSegment, and readRows takes it without a cast', () => {
    if (isUsageSegment(parsed)) {
      expectTypeOf(parsed).toEqualTypeOf<UsageSegment>();
      expectTypeOf(readRows(parsed)).toBeArray();
    }
    // @ts-expect-error -- without the guard, unknown is not a UsageSegment
    readRows(parsed);
  });

  it('narrow unknown to UsageSegmentList', () => {
    if (isUsageSegmentList(parsed)) {
      expectTypeOf(parsed).toEqualTypeOf<UsageSegmentList>();
      expectTypeOf(parsed.usage_segments).toEqualTypeOf<UsageSegment[]>();
    }
  });
});

describe('Format keeps the known names', () => {
  it('is not widened to string (so editors complete kwh_fwd)', () => {
    expectTypeOf<Format>().not.toEqualTypeOf<string>();
    expectTypeOf<KnownFormat>().toMatchTypeOf<Format>();
    expectTypeOf<'kwh_fwd'>().toMatchTypeOf<Format>();
  });

  it('still accepts an extension format and any string', () => {
    const extension: Format = 'x_co2_grams';
    const fromText: Format = String('kwh_fwd');
    expectTypeOf(extension).toMatchTypeOf<string>();
    expectTypeOf(fromText).toMatchTypeOf<string>();
  });
});

describe("a known format's value has its own type", () => {
  it('maps each kind of format to its value object', () => {
    expectTypeOf<FormatValue<'kwh_fwd'>>().toEqualTypeOf<EnergyValue>();
    expectTypeOf<FormatValue<'kwh_rev_estimate'>>().toEqualTypeOf<EnergyValue>();
    expectTypeOf<FormatValue<'gap'>>().toEqualTypeOf<GapValue>();
    expectTypeOf<FormatValue<'supply_mix'>>().toEqualTypeOf<SupplyMix>();
    expectTypeOf<FormatValue<'x_co2_grams'>>().toEqualTypeOf<ExtensionValue>();
  });

  it('rejects { v: "1.2" } as a kwh_fwd value', () => {
    // @ts-expect-error -- v is a number
    const wrong: FormatValue<'kwh_fwd'> = { v: '1.2' };
    expectTypeOf(wrong).toEqualTypeOf<EnergyValue>();
  });

  it('types a value set position by position', () => {
    const set: ValueSetOf<['kwh_fwd', 'gap']> = [{ v: 1.2 }, null];
    expectTypeOf(set).toEqualTypeOf<[EnergyValue | null, GapValue | null]>();
    // @ts-expect-error -- the second position is a gap value
    const wrong: ValueSetOf<['kwh_fwd', 'gap']> = [{ v: 1.2 }, { v: 3 }];
    expectTypeOf(wrong).toBeArray();
  });
});
