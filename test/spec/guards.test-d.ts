// Type tests (Vitest typechecks them in npm test: vitest.config.ts) for the types that guide a user: the guards
// narrow `unknown`, readRows takes the narrowed value without a cast, Format
// keeps the known names apart from `string`, and a known format's value has
// its own type.
import { describe, expectTypeOf, it } from 'vitest';
import type { EnergyValue, ExtensionValue, Format, GapValue, KnownFormat, SupplyMix, UsageSegment, UsageSegmentList } from '../../generated/2024/types.js';
import type { UsageSegment as UsageSegment2026, UsageSegmentList as UsageSegmentList2026 } from '../../generated/2026/types.js';
import {
  isUsageSegment,
  isUsageSegment2024,
  isUsageSegment2026,
  isUsageSegmentList,
  isUsageSegmentList2024,
  isUsageSegmentList2026,
  model2026,
  readRows,
  validateUsageSegment,
  type Cell2026,
  type FormatValue,
  type Row,
  type ValueSetOf,
} from '../../src/index.js';

declare const parsed: unknown;

describe('type guards', () => {
  it('narrow unknown to a segment of either model, and readRows takes it without a cast', () => {
    if (isUsageSegment(parsed)) {
      expectTypeOf(parsed).toEqualTypeOf<UsageSegment | UsageSegment2026>();
      expectTypeOf(readRows(parsed)).toBeArray();
      // `formats` tells the models apart
      if ('formats' in parsed) expectTypeOf(parsed).toEqualTypeOf<UsageSegment2026>();
      else expectTypeOf(parsed).toEqualTypeOf<UsageSegment>();
    }
    // @ts-expect-error -- without the guard, unknown is not a UsageSegment
    readRows(parsed);
  });

  it('a valid 2026 segment is never typed as the 2024 UsageSegment', () => {
    if (isUsageSegment(parsed)) expectTypeOf(parsed).not.toEqualTypeOf<UsageSegment>();
  });

  it('narrow to one model: per-model guards and the union guard given a model', () => {
    if (isUsageSegment2024(parsed)) expectTypeOf(parsed).toEqualTypeOf<UsageSegment>();
    if (isUsageSegment2026(parsed)) {
      expectTypeOf(parsed).toEqualTypeOf<UsageSegment2026>();
      expectTypeOf(readRows(parsed)).toEqualTypeOf<Row<Cell2026>[]>();
    }
    if (isUsageSegment(parsed, { model: '2024' })) expectTypeOf(parsed).toEqualTypeOf<UsageSegment>();
    if (isUsageSegment(parsed, { model: '2026', strict: true })) expectTypeOf(parsed).toEqualTypeOf<UsageSegment2026>();
    if (isUsageSegmentList2026(parsed)) expectTypeOf(parsed.usage_segments).toEqualTypeOf<UsageSegment2026[]>();
    if (isUsageSegmentList(parsed, { model: '2024' })) expectTypeOf(parsed.usage_segments).toEqualTypeOf<UsageSegment[]>();
  });

  it('narrow unknown to a listing page of either model', () => {
    if (isUsageSegmentList(parsed)) {
      expectTypeOf(parsed).toEqualTypeOf<UsageSegmentList | UsageSegmentList2026>();
    }
    if (isUsageSegmentList2024(parsed)) expectTypeOf(parsed.usage_segments).toEqualTypeOf<UsageSegment[]>();
  });

  it('the compiled validators are guards of their component type', () => {
    if (validateUsageSegment(parsed)) expectTypeOf(parsed).toEqualTypeOf<UsageSegment>();
    if (model2026.validateUsageSegment(parsed)) expectTypeOf(parsed).toEqualTypeOf<UsageSegment2026>();
    if (model2026.validateServerMetadata(parsed)) expectTypeOf(parsed).toEqualTypeOf<model2026.ServerMetadata>();
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
