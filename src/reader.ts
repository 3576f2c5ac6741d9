import type { SupplyMixComponent, UsageSegment } from '../generated/types.js';
import { isObject, show } from './context.js';
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
    case 'energy': {
      const x = isObject(v) ? v.v : undefined;
      return {
        kind: 'energy',
        column,
        format: spec.format,
        quantity: spec.quantity,
        quality: spec.quality,
        value: typeof x === 'number' && Number.isFinite(x) ? x : null,
      };
    }
    case 'gap': {
      const r = isObject(v) ? v.reason_type : undefined;
      return { kind: 'gap', column, format: 'gap', reason_type: typeof r === 'string' ? r : null };
    }
    case 'supply_mix':
      return {
        kind: 'supply_mix',
        column,
        format: 'supply_mix',
        components: Array.isArray(v) ? (v as SupplyMixComponent[]) : null,
      };
    default:
      return { kind: 'unknown', column, format: typeof spec.format === 'string' ? spec.format : show(spec.format), value: v ?? null };
  }
}

/**
 * Read a segment as typed rows, one per value set. Meant for segments that
 * `validate` accepted; for others it does its best (malformed values read as
 * `null`, rows without usable dates get NaN times) and never throws.
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
