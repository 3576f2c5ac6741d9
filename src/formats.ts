/**
 * Classification of 2024 `format` strings. The three vocabularies come from
 * the spec (`KnownFormat`: the draft's §11.2 list, the examples' strings and
 * the meeting's proposals, each with its source class, see
 * generated/2024/spec-facts.ts); what each string measures (quantity,
 * direction, unit, quality, timing) is read from its name here, and a test
 * checks that this table and the spec name the same strings.
 */

import { FORMAT_CLASSES, KNOWN_FORMATS } from './models/generated-2024.js';
import type { Timing } from './columns/column.js';
import { boundedDistance, NEAR_MISS_EDITS } from './near-miss.js';

/** A format string the spec knows (from `KnownFormat`). */
export type KnownFormat = (typeof KNOWN_FORMATS)[number];

/** The source class of a known format's vocabulary. */
export type FormatClass = 'draft' | 'example' | 'proposal';

/** Quality of a reading: the meeting's proposal reads `kwh_fwd` as validated; the draft's formats say nothing (null). */
export type Quality = 'validated' | 'estimate' | 'raw';

/** Direction of a flow; null when the format does not say. */
export type Direction = 'forward' | 'reverse' | 'net';

/** The physical quantity of a numeric column. */
export type PhysicalQuantity = 'electric_energy' | 'aggregated_electric_energy' | 'electric_demand' | 'water_volume' | 'natural_gas';

/** When a value applies (the column model's `Timing`): over its interval, at a point in time, or not known (extension formats and `eacs`). */
export type { Timing } from './columns/column.js';

/** A numeric column: a value `{"v": number}` in `unit`. */
export interface QuantitySpec {
  kind: 'energy';
  format: string;
  vocabulary: FormatClass;
  /** The series the column belongs to on a timeline: the format without its quality suffix (`kwh_fwd` for `kwh_fwd_estimate`). */
  measurement: string;
  quantity: PhysicalQuantity;
  direction: Direction | null;
  unit: string;
  quality: Quality | null;
  timing: Timing;
  /** The value shape is this package's decision (a draft format: §11.4 is missing), so a wrong shape is a warning. */
  shapeAssumed: boolean;
}

export type ColumnSpec =
  | QuantitySpec
  | { kind: 'gap'; format: 'gap'; vocabulary: FormatClass; timing: Timing }
  | { kind: 'supply_mix'; format: 'supply_mix'; vocabulary: FormatClass; timing: Timing; shapeAssumed: boolean }
  | { kind: 'eacs'; format: 'eacs'; vocabulary: FormatClass; timing: Timing }
  /** An extension format; `suggestion` is a known format one or two edits away (a likely typo), or null. */
  | { kind: 'extension'; format: string; suggestion: string | null }
  /** Not a format string (a schema error); `suggestion` as for extensions (a known format differing only in case). */
  | { kind: 'invalid'; format: unknown; suggestion: string | null };

/** What each numeric format of the three vocabularies measures. Keys: the format's family (without a quality suffix). */
const FAMILIES: Readonly<Record<string, { quantity: PhysicalQuantity; direction: Direction | null; unit: string; timing: Timing }>> = {
  kwh_fwd: { quantity: 'electric_energy', direction: 'forward', unit: 'kWh', timing: 'duration' },
  kwh_rev: { quantity: 'electric_energy', direction: 'reverse', unit: 'kWh', timing: 'duration' },
  kwh_net: { quantity: 'electric_energy', direction: 'net', unit: 'kWh', timing: 'duration' },
  usage_kwh: { quantity: 'electric_energy', direction: null, unit: 'kWh', timing: 'duration' },
  usage_fwd_kwh: { quantity: 'electric_energy', direction: 'forward', unit: 'kWh', timing: 'duration' },
  usage_rev_kwh: { quantity: 'electric_energy', direction: 'reverse', unit: 'kWh', timing: 'duration' },
  usage_net_kwh: { quantity: 'electric_energy', direction: 'net', unit: 'kWh', timing: 'duration' },
  aggregated_kwh: { quantity: 'aggregated_electric_energy', direction: null, unit: 'kWh', timing: 'duration' },
  // Decision: demand in kW is a rate read at a point in time.
  demand_kw: { quantity: 'electric_demand', direction: null, unit: 'kW', timing: 'instant' },
  water_m3: { quantity: 'water_volume', direction: null, unit: 'm3', timing: 'duration' },
  water_gal: { quantity: 'water_volume', direction: null, unit: 'gal', timing: 'duration' },
  water_ft3: { quantity: 'water_volume', direction: null, unit: 'ft3', timing: 'duration' },
  gas_therm: { quantity: 'natural_gas', direction: null, unit: 'therm', timing: 'duration' },
  gas_ccf: { quantity: 'natural_gas', direction: null, unit: 'ccf', timing: 'duration' },
  gas_mcf: { quantity: 'natural_gas', direction: null, unit: 'mcf', timing: 'duration' },
  gas_mmbtu: { quantity: 'natural_gas', direction: null, unit: 'MMBtu', timing: 'duration' },
};

/** Quality suffixes of the meeting's proposal (min L25–26). */
const QUALITY_SUFFIX: readonly [string, Quality][] = [
  ['_estimate', 'estimate'],
  ['_raw', 'raw'],
];

/** The measurements a timeline follows, in a fixed order (the bit order of the rules): the numeric families. */
export const MEASUREMENTS: readonly string[] = Object.keys(FAMILIES);

/** The classification of one known format, or null if the name fits no rule (a test keeps this from happening). */
function knownSpec(f: KnownFormat): ColumnSpec | null {
  const vocabulary = FORMAT_CLASSES[f] as FormatClass;
  if (f === 'gap') return { kind: 'gap', format: 'gap', vocabulary, timing: 'duration' };
  if (f === 'supply_mix') return { kind: 'supply_mix', format: 'supply_mix', vocabulary, timing: 'duration', shapeAssumed: vocabulary === 'draft' };
  if (f === 'eacs') return { kind: 'eacs', format: 'eacs', vocabulary, timing: 'unknown' };
  let family: string = f;
  // The examples' strings are read as validated (min L24); the draft's formats state no quality.
  let quality: Quality | null = vocabulary === 'draft' ? null : 'validated';
  for (const [suffix, q] of QUALITY_SUFFIX) {
    if (f.endsWith(suffix) && FAMILIES[f.slice(0, -suffix.length)] !== undefined) {
      family = f.slice(0, -suffix.length);
      quality = q;
    }
  }
  const facts = FAMILIES[family];
  if (facts === undefined) return null;
  return { kind: 'energy', format: f, vocabulary, measurement: family, ...facts, quality, shapeAssumed: vocabulary === 'draft' };
}

/** Every known format with its classification, built once; lookups are the hot path. */
const KNOWN_SPECS: ReadonlyMap<string, ColumnSpec> = new Map(
  KNOWN_FORMATS.flatMap((f) => {
    const spec = knownSpec(f);
    return spec === null ? [] : [[f, Object.freeze(spec)] as const];
  }),
);

const LONGEST_KNOWN = Math.max(...KNOWN_FORMATS.map((f) => f.length));

/** Suggestions computed so far (bounded: a page repeats the same few strings). */
const SUGGESTIONS = new Map<string, string | null>();

/**
 * The known format a string most likely meant: one that differs only in
 * letter case, else the closest one at one or two edits (the first in spec
 * order on a tie), else null. Strings longer than any known format plus two
 * are not compared, so the cost stays bounded whatever the input.
 */
export function suggestFormat(s: string): string | null {
  if (s.length === 0 || s.length > LONGEST_KNOWN + 2) return null;
  const cached = SUGGESTIONS.get(s);
  if (cached !== undefined) return cached;
  const lower = s.toLowerCase();
  let best: string | null = KNOWN_SPECS.has(lower) && lower !== s ? lower : null;
  if (best === null) {
    let bestDistance = NEAR_MISS_EDITS + 1;
    for (const f of KNOWN_FORMATS) {
      const d = boundedDistance(lower, f, NEAR_MISS_EDITS);
      if (d > 0 && d < bestDistance) {
        best = f;
        bestDistance = d;
      }
    }
  }
  if (SUGGESTIONS.size < 1024) SUGGESTIONS.set(s, best);
  return best;
}

/**
 * Classify one entry of `format`: a known format by a map lookup, any other
 * string as an extension (the draft sets no spelling, 2024-09 §11.2 L487;
 * one that is not a lowercase identifier draws `format-spelling`), anything
 * else as invalid. Known specs are shared frozen objects.
 */
export function parseFormat(f: unknown): ColumnSpec {
  if (typeof f !== 'string') return { kind: 'invalid', format: f, suggestion: null };
  const known = KNOWN_SPECS.get(f);
  if (known !== undefined) return known;
  return { kind: 'extension', format: f, suggestion: suggestFormat(f) };
}

/** Is `f` one of the spec's known format strings? */
export function isKnownFormat(f: unknown): f is KnownFormat {
  return typeof f === 'string' && KNOWN_SPECS.has(f);
}
