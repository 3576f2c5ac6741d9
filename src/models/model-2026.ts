/**
 * The 2026 model's adapter: a segment's Value Format objects (`formats`)
 * become the column model the rules run on (see columns/column.ts). What the
 * draft defines per value type (its value key, its Value Format and value
 * object members) comes from the spec through generated/2026/spec-facts.ts.
 */
import {
  KIND_ENERGY,
  KIND_EXTENSION,
  KIND_INVALID,
  KIND_READING,
  KIND_SHARE,
  summarize,
  type Column,
  type Columns,
  type Direction,
} from '../columns/column.js';
import { KNOWN_VALUE_TYPES, OBJECT_PROPERTIES, OBJECT_REQUIRED, VALUE_FORMAT_BY_TYPE, VALUE_KEY_BY_TYPE, VALUE_OBJECT_BY_TYPE } from './generated-2026.js';
import { isObject, show } from '../json.js';
import { modelAdapter, type ModelAdapter } from './adapter.js';
import { QUICK_SEGMENT_MEMBERS, quickPageMembers, quickSegmentAfter, quickUsageSegment, quickUsageSegmentList, validateUsageSegment, validateUsageSegmentList, validateUsageSegmentRecommended, validateUsageSegmentListRecommended } from './generated-2026.js';
import { valuesShapeOk2026 } from '../columns/values.js';

export type KnownValueType = (typeof KNOWN_VALUE_TYPES)[number];

const KNOWN_TYPES: ReadonlySet<string> = new Set(KNOWN_VALUE_TYPES);

/** Is `type` one of the eight value types the draft defines (§10.8.5)? */
export function isKnownValueType(type: unknown): type is KnownValueType {
  return typeof type === 'string' && KNOWN_TYPES.has(type);
}

/**
 * The 2026 measurements a timeline follows, in bit order. Electric usage is
 * followed per direction (an omitted direction is its own series), water, gas
 * and fuel oil as one series each; quality is ignored (as `_estimate` is in
 * 2024), and so are units. A column with a time-of-use, tier or season
 * designation is no measurement of these series (a peak column and an
 * off-peak column of the same hour are different data), nor are demand,
 * cost, supply mix, meter readings and other types.
 */
export const MEASUREMENTS_2026 = [
  'electric_usage',
  'electric_usage:forward',
  'electric_usage:reverse',
  'electric_usage:net',
  'water_usage',
  'natural_gas_usage',
  'fuel_oil_usage',
] as const;

/** Value types whose columns follow a timeline (`MEASUREMENTS_2026`). */
const SERIES_TYPES: ReadonlySet<string> = new Set(['electric_usage', 'water_usage', 'natural_gas_usage', 'fuel_oil_usage']);

/** Demand types read at an instant rather than over the interval (§10.8.7.7). */
const INSTANT_DEMAND: ReadonlySet<string> = new Set(['starting', 'ending']);

const DIRECTIONS: ReadonlySet<string> = new Set(['forward', 'reverse', 'net']);

function directionOf(f: Record<string, unknown>): Direction | null {
  const d = f.direction;
  return typeof d === 'string' && DIRECTIONS.has(d) ? (d as Direction) : null;
}

/** The billing designations a Value Format may carry. */
const DESIGNATIONS = ['tou', 'tier', 'season'] as const;

/**
 * The members each defined type's Value Format has (from the spec): a member
 * the draft does not define for the type (`tou` on `water_usage`: §10.8.5.1
 * and §10.8.5.2 give it to electric usage and demand only) is unknown, and
 * Clients ignore it rather than read it as a designation (issue 25.5).
 */
const FORMAT_MEMBERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  KNOWN_VALUE_TYPES.map((t) => [t, new Set<string>(OBJECT_PROPERTIES[VALUE_FORMAT_BY_TYPE[t]])]),
);

/** A member of a Value Format that its type defines (undefined when the type does not define it). */
function definedMember(type: string, f: Record<string, unknown>, member: string): unknown {
  return FORMAT_MEMBERS.get(type)?.has(member) === true ? f[member] : undefined;
}

/** A billing designation the type defines is present (a value other than `null`; absent means unknown). */
function designated(type: string, f: Record<string, unknown>): boolean {
  for (const d of DESIGNATIONS) {
    const v = definedMember(type, f, d);
    if (v !== undefined && v !== null) return true;
  }
  return false;
}

function measurementOf(type: string, f: Record<string, unknown>, direction: Direction | null): string | null {
  if (!SERIES_TYPES.has(type) || designated(type, f)) return null;
  if (type !== 'electric_usage') return type;
  return direction === null ? type : `${type}:${direction}`;
}

/**
 * A `related_*` list as a set (issue 25.4: `["m1","m2"]` and `["m2","m1"]`
 * name the same meters): its string ids sorted; anything else (a schema
 * error) as it is.
 */
function idSet(ids: unknown): unknown {
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) return ids ?? null;
  return [...new Set(ids as string[])].sort();
}

/** Net balance relates forward, reverse and net columns that agree on everything but direction (quality, units, designations, meters as a set). */
function balanceGroupOf(type: string, f: Record<string, unknown>): string | null {
  if (type !== 'electric_usage') return null;
  return JSON.stringify([f.quality ?? null, f.units ?? null, f.tou ?? null, f.tier ?? null, f.season ?? null, idSet(f.related_meterdevices)]);
}

function labelOf(type: string, f: Record<string, unknown>): string {
  return typeof f.id === 'string' ? `${type} ${JSON.stringify(f.id)}` : type;
}

/** What 2026 columns share: no typo suggestion (a near-miss `type` is `unknown-enum`, see rules/formats.ts) and value shapes the draft defines. */
const PLAIN = { measurement: null, direction: null, quality: null, valueKey: null, shapeAssumed: false, suggestion: null } as const;

const INVALID: Column = Object.freeze({ ...PLAIN, kind: KIND_INVALID, label: '', timing: 'unknown' });

/** One Value Format as a column. Anything without a string `type` is invalid (a schema error). */
export function columnOf2026(f: unknown): Column {
  if (!isObject(f) || typeof f.type !== 'string') return INVALID;
  const type = f.type;
  const label = labelOf(type, f);
  const quality = typeof f.quality === 'string' ? f.quality : null;
  if (!isKnownValueType(type)) {
    // A type the draft does not define: when its values apply is not known (only the point-in-time reading of `interval` is checked).
    return { ...PLAIN, kind: KIND_EXTENSION, label, type, timing: 'unknown' };
  }
  const valueKey = VALUE_KEY_BY_TYPE[type];
  switch (type) {
    case 'electric_supply_mix':
      return { ...PLAIN, kind: KIND_SHARE, label, valueKey, type, timing: 'duration' };
    case 'meter_readings':
      return { ...PLAIN, kind: KIND_READING, label, valueKey, type, timing: 'instant' };
    default: {
      const direction = type === 'electric_usage' || type === 'electric_demand' ? directionOf(f) : null;
      const pointInTime = type === 'electric_demand' && typeof f.demand_type === 'string' && INSTANT_DEMAND.has(f.demand_type);
      return {
        kind: KIND_ENERGY,
        label,
        measurement: measurementOf(type, f, direction),
        direction: type === 'electric_usage' ? direction : null,
        quality,
        valueKey,
        type,
        balanceGroup: balanceGroupOf(type, f),
        timing: pointInTime ? 'instant' : 'duration',
        shapeAssumed: false,
        suggestion: null,
      };
    }
  }
}

/** A 2026 segment's columns (anything but an array of `formats` gives none). */
export function columns2026(formats: unknown): Columns {
  const list = Array.isArray(formats) ? formats.map(columnOf2026) : [];
  return summarize(list, MEASUREMENTS_2026);
}

/** Members of each defined type's value object, from the spec. */
const VALUE_MEMBERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  KNOWN_VALUE_TYPES.map((t) => [t, new Set<string>(OBJECT_PROPERTIES[VALUE_OBJECT_BY_TYPE[t]])]),
);

/** The 2026 model for the rules. Every related_* list is REQUIRED in 2026 (§10.8.1): none is optional. */
export const MODEL_2026: ModelAdapter = modelAdapter('2026', 'formats', MEASUREMENTS_2026, columns2026, { OBJECT_PROPERTIES, OBJECT_REQUIRED }, { validateUsageSegment, validateUsageSegmentList, validateUsageSegmentRecommended, validateUsageSegmentListRecommended, quickUsageSegment, quickUsageSegmentList, quickPageMembers, quickSegmentAfter, QUICK_SEGMENT_MEMBERS }, {
  // RelatedIds has uniqueItems (§10.8.1 L5461, the sentence of 2024-09 L461; test/models/unique-lists.test.ts checks this against the schema).
  uniqueLists: OBJECT_PROPERTIES.UsageSegment.filter((f) => f.startsWith('related_')),
  valueMembers: (column) => (column.type === undefined ? null : (VALUE_MEMBERS.get(column.type) ?? null)),
  valuesShapeOk: valuesShapeOk2026,
  words: {
    // No gap segment in 2026: missing data is a null in the value set (§10.8.3 L5494).
    holeRemedy: 'cover it with a segment whose value sets hold null for the missing data (2026 has no gap segment)',
    extensionColumn: (column) =>
      `Value Format ${column.label}: type ${show(column.type)} is not defined by the draft, and no Server Metadata given to the checker declares it; clients ignore its values unless the Server describes the type in cds_usagesegments_additional_value_types`,
  },
});
