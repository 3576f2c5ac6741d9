/**
 * fast-check generators of 2024 and 2026 segments and pages near the rules'
 * boundaries: date-times with up to 13 fraction digits and offsets, ends
 * 1 ms and 1 ms + 0.1 ns off the interval arithmetic, empty and repeated
 * lists, ids and member names that collide with object internals
 * (`__proto__`, `constructor`, `toString`), members the draft does not define
 * for a type, value sets one entry short or long, balanced and unbalanced net
 * columns, and pages in any order. Every document is JSON (it went through
 * JSON text, so a `"__proto__"` member is an own member, as JSON.parse makes it).
 */
import fc from 'fast-check';
import type { Model } from './naive.js';

type Doc = Record<string, unknown>;

/** Time in ticks of 10^-13 s (0.1 ns = 10^-10 s is 1,000 ticks; 1 ms is 10^10 ticks). */
const TICKS_PER_S = 10n ** 13n;
const MS = 10n ** 10n;
const T0 = BigInt(Date.UTC(2024, 0, 1)) * (TICKS_PER_S / 1000n);

/** A tick count as RFC 3339: its fraction's digits (trailing zeros dropped, or kept to the millisecond), in UTC or at +01:00. */
function dateTime(ticks: bigint, plusOne: boolean, padMs: boolean): string {
  const secs = ticks / TICKS_PER_S;
  let frac = (ticks % TICKS_PER_S).toString().padStart(13, '0').replace(/0+$/, '');
  if (padMs && frac.length > 0 && frac.length < 3) frac = frac.padEnd(3, '0');
  const wall = new Date(Number(secs) * 1000 + (plusOne ? 3_600_000 : 0)).toISOString().slice(0, 19);
  return `${wall}${frac === '' ? '' : `.${frac}`}${plusOne ? '+01:00' : 'Z'}`;
}

/**
 * A list of related ids: mostly one of a few lists (so that the segments of a
 * page often form one series, in any order of the ids), sometimes empty,
 * repeated or named like object internals.
 */
const ids = fc.oneof(
  { weight: 24, arbitrary: fc.constantFrom(['a'], ['a'], ['a', 'b'], ['b', 'a']) },
  { weight: 3, arbitrary: fc.constantFrom([], ['__proto__'], ['constructor', 'toString'], ['toString', 'constructor']) },
  { weight: 1, arbitrary: fc.constantFrom(['__proto__', '__proto__'], ['a', 'a'], ['a', 'b', 'a']) },
);
const extraMember = fc.constantFrom('__proto__', 'constructor', 'toString', 'x_extra', 'hasOwnProperty');

/** Energy in thousandths of a kWh (exact in decimal; the naive model computes in thousandths). */
const energy = fc.integer({ min: -3000, max: 3000 }).map((n) => n / 1000);

interface Timing {
  start: bigint;
  interval: number;
  count: number;
  endOff: bigint;
  plusOne: [boolean, boolean];
  padMs: boolean;
}

const INTERVALS = [900, 1800, 3600, 0.1] as const;
/** What segment_end misses the arithmetic by: 0, 1 ms either way, 1 ms + 0.1 ns either way, sub-millisecond, a whole hour. */
const END_OFFSETS = [0n, MS, -MS, MS + 1000n, -MS - 1000n, MS / 2n, -1000n, 1n, 3600n * TICKS_PER_S, 900n * TICKS_PER_S] as const;
/** Start slots 15 minutes apart (segments of 1–4 quarter hours meet, overlap and leave holes), shifted by nothing, 1 tick, 0.1 ns or 0.5 ms. */
const timing = (minCount: number): fc.Arbitrary<Timing> =>
  fc.record({
    start: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(0n, 0n, 0n, 1n, 1000n, MS / 2n)).map(([slot, sub]) => T0 + BigInt(slot) * 900n * TICKS_PER_S + sub),
    interval: fc.constantFrom(...INTERVALS, 900, 900),
    count: fc.integer({ min: minCount, max: 4 }),
    endOff: fc.oneof({ weight: 4, arbitrary: fc.constant(0n) }, { weight: 3, arbitrary: fc.constantFrom(...END_OFFSETS) }),
    plusOne: fc.tuple(fc.boolean(), fc.boolean()),
    padMs: fc.boolean(),
  });

function times(t: Timing): { segment_start: string; segment_end: string; interval: number } {
  const step = BigInt(Math.round(t.interval * 10)) * (TICKS_PER_S / 10n);
  let end = t.start + BigInt(t.count) * step + t.endOff;
  if (end < t.start) end = t.start;
  return { segment_start: dateTime(t.start, t.plusOne[0], t.padMs), segment_end: dateTime(end, t.plusOne[1], t.padMs), interval: t.interval };
}

/** One value set for `value`s of each column; sometimes an entry short or long. */
function valueSets(count: number, value: (i: number) => fc.Arbitrary<unknown>, n: number): fc.Arbitrary<unknown[][]> {
  const set = fc.tuple(...Array.from({ length: n }, (_, i) => value(i))) as fc.Arbitrary<unknown[]>;
  const odd = fc.oneof({ weight: 40, arbitrary: set }, { weight: 1, arbitrary: set.map((s) => s.slice(1)) }, { weight: 1, arbitrary: set.map((s) => [...s, null]) });
  return fc.array(odd, { minLength: count, maxLength: count });
}

/** Net balanced against the first forward and reverse of the set, or off by 0.01 or 0.011, or anything. */
function balance(sets: unknown[][], fwd: number, rev: number, net: number, key: string, how: number): unknown[][] {
  if (fwd < 0 || rev < 0 || net < 0) return sets;
  return sets.map((vs) => {
    const f = (vs[fwd] as Doc | null | undefined)?.[key];
    const r = (vs[rev] as Doc | null | undefined)?.[key];
    if (typeof f !== 'number' || typeof r !== 'number' || vs[net] === null || vs[net] === undefined || how === 3) return vs;
    const out = [...vs];
    out[net] = { [key]: (Math.round(f * 1000) + Math.round(r * 1000) + [0, 10, 11][how]!) / 1000 };
    return out;
  });
}

const FORMATS_2024 = ['kwh_fwd', 'kwh_rev', 'kwh_net', 'kwh_fwd_estimate', 'kwh_rev_estimate', 'kwh_net_estimate', 'gap', 'demand_kw', 'water_gal', 'usage_fwd_kwh', 'x_custom'] as const;

function value2024(format: string): fc.Arbitrary<unknown> {
  if (format === 'gap') return fc.constantFrom({ reason_type: 'outage' }, null);
  if (format === 'x_custom') return fc.constantFrom({ v: 1 }, 'any', null);
  return fc.oneof({ weight: 6, arbitrary: energy.map((v) => ({ v })) }, { weight: 1, arbitrary: fc.constant(null) });
}

const segment2024: fc.Arbitrary<Doc> = fc
  .record({
    id: fc.constantFrom('s1', 's2', 's3', 's4', '__proto__'),
    t: timing(1),
    format: fc.oneof(
      { weight: 1, arbitrary: fc.constant<string[]>(['gap']) },
      { weight: 6, arbitrary: fc.array(fc.constantFrom<string>(...FORMATS_2024), { minLength: 1, maxLength: 4 }) },
      // A net triple of one quality, in any order, sometimes beside another column.
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom('', '_estimate'), fc.option(fc.constantFrom<string>(...FORMATS_2024), { nil: undefined }))
          .chain(([q, extra]) => fc.shuffledSubarray([`kwh_fwd${q}`, `kwh_rev${q}`, `kwh_net${q}`, ...(extra === undefined ? [] : [extra])], { minLength: extra === undefined ? 3 : 4, maxLength: extra === undefined ? 3 : 4 })),
      },
    ),
    accounts: ids,
    meters: ids,
    eacs: fc.option(ids, { nil: undefined }),
    extra: fc.option(extraMember, { nil: undefined }),
    how: fc.integer({ min: 0, max: 3 }),
  })
  .chain((g) =>
    valueSets(g.t.count, (i) => value2024(g.format[i]!), g.format.length).map((values) => {
      const q = (n: string) => g.format.indexOf(n);
      const sets = balance(balance(values, q('kwh_fwd'), q('kwh_rev'), q('kwh_net'), 'v', g.how), q('kwh_fwd_estimate'), q('kwh_rev_estimate'), q('kwh_net_estimate'), 'v', g.how);
      const seg: Doc = {
        cds_usagesegment_id: g.id,
        cds_created: '2025-01-01T00:00:00Z',
        cds_modified: '2025-01-01T00:00:00Z',
        related_aggregations: [],
        related_accounts: g.accounts,
        related_servicecontracts: [],
        related_servicepoints: [],
        related_meterdevices: g.meters,
        related_billsections: [],
        ...(g.eacs === undefined ? {} : { related_eacs: g.eacs }),
        ...times(g.t),
        format: g.format,
        values: sets,
      };
      return withMember(seg, g.extra);
    }),
  );

interface Format2026 {
  f: Doc;
  value: fc.Arbitrary<unknown>;
}

const METER_LISTS = [undefined, ['m1', 'm2'], ['m2', 'm1'], ['m1'], ['__proto__', 'm1']] as const;
const usageValue = (key: string) => fc.oneof({ weight: 6, arbitrary: energy.map((x) => ({ [key]: x })) }, { weight: 1, arbitrary: fc.constant(null) });

const format2026: fc.Arbitrary<Format2026> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        direction: fc.constantFrom('forward', 'reverse', 'net', undefined),
        tou: fc.constantFrom(undefined, undefined, 'peak', null),
        quality: fc.constantFrom(undefined, 'revenue'),
        meters: fc.constantFrom(...METER_LISTS),
      })
      .map(({ direction, tou, quality, meters }) => ({
        f: { type: 'electric_usage', units: 'kWh', ...(direction === undefined ? {} : { direction }), ...(tou === undefined ? {} : { tou }), ...(quality === undefined ? {} : { quality }), ...(meters === undefined ? {} : { related_meterdevices: meters }) },
        value: usageValue('eu'),
      })),
  },
  {
    weight: 2,
    // `tou` is not defined for water (an unknown member, ignored); `tier` is.
    arbitrary: fc.record({ extra: fc.constantFrom({}, { tou: 'peak' }, { tier: 'tier_1' }, { tier: null }) }).map(({ extra }) => ({ f: { type: 'water_usage', units: 'gal', ...extra }, value: usageValue('wu') })),
  },
  { weight: 1, arbitrary: fc.constant({ f: { type: 'natural_gas_usage', units: 'therm' }, value: usageValue('gu') }) },
  { weight: 1, arbitrary: fc.constant({ f: { type: 'meter_readings', units: 'kWh', register: '1' }, value: fc.constantFrom({ r: '001' }, null) }) },
  { weight: 1, arbitrary: fc.constantFrom('starting', 'average').map((demand_type) => ({ f: { type: 'electric_demand', units: 'kW', demand_type }, value: fc.constantFrom({ ed: 1 }, null) })) },
  { weight: 1, arbitrary: fc.constant({ f: { type: 'x_custom' }, value: fc.constantFrom({ q: 1 }, null) }) },
);

/** Forward, reverse and net electric usage (net balance), with their meters in any order and sometimes different ones. */
const netTriple: fc.Arbitrary<Format2026[]> = fc
  .tuple(fc.constantFrom(...METER_LISTS), fc.constantFrom(...METER_LISTS), fc.constantFrom(...METER_LISTS), fc.constantFrom(undefined, 'revenue'))
  .chain(([m1, m2, m3, quality]) =>
    fc.shuffledSubarray(
      (['forward', 'reverse', 'net'] as const).map((direction, i) => ({
        f: { type: 'electric_usage', units: 'kWh', direction, ...(quality === undefined ? {} : { quality }), ...([m1, m2, m3][i] === undefined ? {} : { related_meterdevices: [m1, m2, m3][i] }) },
        value: usageValue('eu'),
      })),
      { minLength: 3, maxLength: 3 },
    ),
  );

const segment2026: fc.Arbitrary<Doc> = fc
  .record({
    id: fc.constantFrom('s1', 's2', 's3', 's4', '__proto__'),
    t: timing(0),
    formats: fc.oneof(
      { weight: 3, arbitrary: fc.array(fc.tuple(format2026, fc.constantFrom<string>('f1', 'f2', 'f3', 'f4', 'f5', '__proto__', 'constructor')), { maxLength: 4 }) },
      { weight: 1, arbitrary: netTriple.map((t) => t.map((x, i): [Format2026, string] => [x, `n${i}`])) },
    ),
    accounts: ids,
    meters: ids,
    extra: fc.option(extraMember, { nil: undefined }),
    how: fc.integer({ min: 0, max: 3 }),
  })
  .chain((g) =>
    valueSets(g.t.count, (i) => g.formats[i]![0].value, g.formats.length).map((values) => {
      const formats: Doc[] = g.formats.map(([x, id]) => ({ id, ...x.f }));
      const dir = (d: string) => formats.findIndex((f) => f.type === 'electric_usage' && (f as Doc).direction === d);
      const seg: Doc = {
        cds_usagesegment_id: g.id,
        cds_created: '2025-01-01T00:00:00Z',
        cds_modified: '2025-01-01T00:00:00Z',
        cds_synced: '2025-01-01T00:00:00Z',
        related_aggregations: [],
        related_accounts: g.accounts,
        related_servicecontracts: [],
        related_servicepoints: [],
        related_meterdevices: g.meters,
        related_billsections: [],
        ...times(g.t),
        formats,
        values: balance(values, dir('forward'), dir('reverse'), dir('net'), 'eu', g.how),
      };
      return withMember(seg, g.extra);
    }),
  );

/** `seg` with an own member `name` (any name, "__proto__" too), through JSON text. */
function withMember(seg: Doc, name: string | undefined): Doc {
  if (name !== undefined) Object.defineProperty(seg, name, { value: { x: 1 }, enumerable: true, writable: true, configurable: true });
  return JSON.parse(JSON.stringify(seg)) as Doc;
}

/** A document of one model: a single segment, or a page of 1–5 segments in any order. */
export function documentOf(model: Model): fc.Arbitrary<Doc> {
  const seg = model === '2024' ? segment2024 : segment2026;
  return fc.oneof(
    { weight: 1, arbitrary: seg },
    { weight: 4, arbitrary: fc.array(seg, { minLength: 1, maxLength: 5 }).map((usage_segments) => ({ usage_segments, next: null, previous: null })) },
  );
}

/** A document of either model, with its model. */
export const anyDocument: fc.Arbitrary<{ model: Model; doc: Doc }> = fc.constantFrom<Model>('2024', '2026').chain((model) => documentOf(model).map((doc) => ({ model, doc })));
