// Type tests (Vitest typechecks them in npm test: vitest.config.ts): the meeting's examples are assignable to
// the generated types, and typical mistakes are not.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  EnergyValue,
  GapValue,
  SupplyMix,
  UsageSegment,
  UsageSegmentList,
  Value,
} from '../../generated/2024/types.js';
import gapPage from '../../spec/2024/examples/gap-disclosure-page.json' with { type: 'json' };
import option1Estimated from '../../spec/2024/examples/option1-estimated.json' with { type: 'json' };
import option1Validated from '../../spec/2024/examples/option1-validated.json' with { type: 'json' };
import option2 from '../../spec/2024/examples/option2-both-columns.json' with { type: 'json' };
import supplyMix from '../../spec/2024/examples/supply-mix-attribution.json' with { type: 'json' };

describe('generated types accept the examples', () => {
  it('types each single-segment example as UsageSegment', () => {
    expectTypeOf(option1Estimated).toMatchTypeOf<UsageSegment>();
    expectTypeOf(option1Validated).toMatchTypeOf<UsageSegment>();
    expectTypeOf(option2).toMatchTypeOf<UsageSegment>();
    expectTypeOf(supplyMix).toMatchTypeOf<UsageSegment>();
  });

  it('types the gap page as UsageSegmentList', () => {
    expectTypeOf(gapPage).toMatchTypeOf<UsageSegmentList>();
  });
});

describe('generated types reject typical mistakes', () => {
  const { segment_end: _dropped, ...withoutEnd } = option2;

  it('rejects a segment without segment_end', () => {
    // @ts-expect-error -- segment_end is required
    const missing: UsageSegment = withoutEnd;
    expectTypeOf(missing).toEqualTypeOf<UsageSegment>();
  });

  it('rejects interval as a string', () => {
    // @ts-expect-error -- interval is a number of seconds
    const asString: UsageSegment = { ...option2, interval: '900' };
    expectTypeOf(asString).toEqualTypeOf<UsageSegment>();
  });

  it('rejects a misspelled property (no index signature)', () => {
    // @ts-expect-error -- `segment_ends` is not a property of UsageSegment
    const misspelled: UsageSegment = { ...option2, segment_ends: option2.segment_end };
    expectTypeOf(misspelled).toEqualTypeOf<UsageSegment>();
  });

  it('rejects an energy value given as a string', () => {
    // @ts-expect-error -- v is a number
    const energy: EnergyValue = { v: '1.24' };
    expectTypeOf(energy).toEqualTypeOf<EnergyValue>();
  });

  it('rejects a gap value without reason_type', () => {
    // @ts-expect-error -- reason_type is required
    const gap: GapValue = {};
    expectTypeOf(gap).toEqualTypeOf<GapValue>();
  });

  it('rejects a supply-mix component without mix', () => {
    // @ts-expect-error -- mix is required
    const mix: SupplyMix = [{ type: 'solar' }];
    expectTypeOf(mix).toEqualTypeOf<SupplyMix>();
  });

  it('rejects a value set that is null', () => {
    // @ts-expect-error -- a value set is an array; only its entries may be null
    const list: UsageSegment = { ...option2, values: [null] };
    expectTypeOf(list).toEqualTypeOf<UsageSegment>();
  });

  it('allows null entries in a value set', () => {
    expectTypeOf<null>().toMatchTypeOf<Value>();
  });
});
