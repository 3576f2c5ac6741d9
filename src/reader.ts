import type { SupplyMixComponent, UsageSegment } from '../generated/2024/types.js';
import { energyNumber, gapReason, supplyMixOk } from './columns/values.js';
import { ENERGY_VALUE_KEY } from './models/model-2024.js';
import { isObject, show } from './json.js';
import { parseFormat, type ColumnSpec, type Quality, type Quantity } from './formats.js';
import { formatDateTime, parseDateTime } from './time.js';

/** An energy reading (`kwh_fwd`, `kwh_rev_estimate`, `kwh_net_raw`, …). */
export interface EnergyCell {
  kind: 'energy';
  /** Position in `format` / the value set. */
  column: number;
  format: string;
  quantity: Quantity;
  quality: Quality;
  /** kWh; `null` when the value is not available. */
  value: number | null;
}

/** A gap disclosure. */
export interface GapCell {
  kind: 'gap';
  column: number;
  format: 'gap';
  /** Why there is no data; `null` when the value is `null`. */
  reason_type: string | null;
}

/** A supply-mix value. */
export interface SupplyMixCell {
  kind: 'supply_mix';
  column: number;
  format: 'supply_mix';
  /** The components (the value's own objects, not copies); `null` when the value is `null` or not well-formed (see `readRows`). */
  components: SupplyMixComponent[] | null;
}

/** An extension (or malformed) format: the raw value. */
export interface UnknownCell {
  kind: 'unknown';
  column: number;
  format: string;
  value: unknown;
}

export type Cell = EnergyCell | GapCell | SupplyMixCell | UnknownCell;

/** One interval of a segment. */
export interface Row {
  /** Index of the value set in `values`. */
  index: number;
  /** Start of the interval, epoch milliseconds. */
  startMs: number;
  /** End of the interval (exclusive), epoch milliseconds. */
  endMs: number;
  /** Start as an RFC 3339 UTC string. */
  start: string;
  /** End as an RFC 3339 UTC string. */
  end: string;
  /** One cell per entry of `format`, by column index (repeated formats stay apart). */
  cells: Cell[];
}

/** The columns of a segment, classified. */
export function readColumns(segment: Pick<UsageSegment, 'format'>): ColumnSpec[] {
  return Array.isArray(segment.format) ? segment.format.map(parseFormat) : [];
}

function cellOf(spec: ColumnSpec, column: number, v: unknown): Cell {
  switch (spec.kind) {
    case 'energy':
      return { kind: 'energy', column, format: spec.format, quantity: spec.quantity, quality: spec.quality, value: energyNumber(v, ENERGY_VALUE_KEY) ?? null };
    case 'gap':
      return { kind: 'gap', column, format: 'gap', reason_type: gapReason(v) ?? null };
    case 'supply_mix':
      return { kind: 'supply_mix', column, format: 'supply_mix', components: supplyMixOk(v) ? (v as unknown as SupplyMixComponent[]) : null };
    default:
      return { kind: 'unknown', column, format: typeof spec.format === 'string' ? spec.format : show(spec.format), value: v ?? null };
  }
}

/**
 * Read a segment as typed rows, one per value set, with one cell per entry of
 * `format` (repeated formats stay apart, by column).
 *
 * Expects a segment that passed `validate` (`valid: true`): then every cell
 * holds what its format says and `null` means "not available". `readRows`
 * itself checks nothing and reports nothing; on other input it never throws
 * and never modifies the segment, and reads what does not match its format as
 * `null`, so a `null` there can also mean "malformed" (run `validate` to tell):
 *
 * - energy (`kwh_*`): `value` is `v` when the value is an object whose `v` is
 *   a finite number, else `null` (`{"v": "x"}` reads as `null`);
 * - `gap`: `reason_type` is the value's `reason_type` when that is a
 *   non-empty string, else `null`;
 * - `supply_mix`: `components` is the value's array when it is non-empty and
 *   every component is well-formed (`type` a non-empty string, `mix` a number
 *   from 0 to 1, `gco2_per_kwh` absent or a finite number ≥ 0), else `null`.
 *   Shares that do not sum to 1 (`supply-mix-sum`) are returned as they are;
 * - extension (and malformed) formats: an `unknown` cell with the raw value
 *   (`null` when the entry is missing).
 *
 * A value set that is not an array, or is shorter than `format`, reads as
 * missing entries (`null` values). Without a usable `segment_start` or
 * `interval` the rows' times are NaN and `start`/`end` are `''`. Returns `[]`
 * for anything that is not an object.
 */
export function readRows(segment: UsageSegment): Row[] {
  const seg = segment as unknown;
  if (!isObject(seg)) return [];
  const specs = readColumns(seg as unknown as UsageSegment);
  const start = parseDateTime(seg.segment_start);
  const interval = typeof seg.interval === 'number' ? seg.interval * 1000 : NaN;
  const values = Array.isArray(seg.values) ? (seg.values as unknown[]) : [];
  const rows: Row[] = [];
  for (let k = 0; k < values.length; k++) {
    const vs = values[k];
    const arr = Array.isArray(vs) ? vs : [];
    const startMs = start + k * interval;
    const endMs = start + (k + 1) * interval;
    const cells: Cell[] = [];
    for (let i = 0; i < specs.length; i++) cells.push(cellOf(specs[i]!, i, arr[i]));
    rows.push({
      index: k,
      startMs,
      endMs,
      start: Number.isFinite(startMs) ? formatDateTime(Math.round(startMs)) : '',
      end: Number.isFinite(endMs) ? formatDateTime(Math.round(endMs)) : '',
      cells,
    });
  }
  return rows;
}
