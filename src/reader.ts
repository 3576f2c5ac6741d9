import type { SupplyMixComponent, UsageSegment } from '../generated/2024/types.js';
import type { UsageSegment as UsageSegment2026 } from '../generated/2026/types.js';
import { cellReader2026, type Cell2026 } from './reader-2026.js';
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
/** One interval of a segment; `C` is `Cell` for 2024 segments, `Cell2026` for 2026 ones. */
export interface Row<C = Cell> {
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
  /** One cell per entry of `format` (2026: `formats`), by column index (repeated formats stay apart). */
  cells: C[];
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
 * A 2026 segment (one with `formats`) reads as `Cell2026` cells, each
 * narrowed by its Value Format: narrow with `known`, then `type`; amounts
 * (`eu`, `ed`, `wu`, `gu`, `fu`) carry the format's `units`, `direction` and
 * `quality`, cost its `currency`, a supply-mix share `share`/`ci`/`eacs`, a
 * meter reading the string `reading`; a value that the checker would report
 * (`value-type`) reads as `null`. Types the draft does not define give
 * `known: false` cells with the raw value.
 *
 * A value set that is not an array, or is shorter than `format`, reads as
 * missing entries (`null` values). Without a usable `segment_start` or
 * `interval` the rows' times are NaN and `start`/`end` are `''`. Returns `[]`
 * for anything that is not an object.
 */
export function readRows(segment: UsageSegment): Row<Cell>[];
export function readRows(segment: UsageSegment2026): Row<Cell2026>[];
export function readRows(segment: UsageSegment | UsageSegment2026): Row<Cell>[] | Row<Cell2026>[] {
  const seg = segment as unknown;
  if (!isObject(seg)) return [];
  // The model, as `validate` detects it: a segment with `formats` is 2026 (cells narrowed by each Value Format, see reader-2026.ts).
  const readers: ((v: unknown) => Cell | Cell2026)[] = Object.prototype.hasOwnProperty.call(seg, 'formats')
    ? (Array.isArray(seg.formats) ? seg.formats : []).map(cellReader2026)
    : readColumns(seg as unknown as UsageSegment).map((spec, i) => (v: unknown) => cellOf(spec, i, v));
  const start = parseDateTime(seg.segment_start);
  const interval = typeof seg.interval === 'number' ? seg.interval * 1000 : NaN;
  const values = Array.isArray(seg.values) ? (seg.values as unknown[]) : [];
  const rows: Row<Cell | Cell2026>[] = [];
  for (let k = 0; k < values.length; k++) {
    const vs = values[k];
    const arr = Array.isArray(vs) ? vs : [];
    const startMs = start + k * interval;
    const endMs = start + (k + 1) * interval;
    const cells: (Cell | Cell2026)[] = [];
    for (let i = 0; i < readers.length; i++) cells.push(readers[i]!(arr[i]));
    rows.push({
      index: k,
      startMs,
      endMs,
      start: Number.isFinite(startMs) ? formatDateTime(Math.round(startMs)) : '',
      end: Number.isFinite(endMs) ? formatDateTime(Math.round(endMs)) : '',
      cells,
    });
  }
  return rows as Row<Cell>[] | Row<Cell2026>[];
}
