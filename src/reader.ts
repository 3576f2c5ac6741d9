import type { SupplyMixComponent, UsageSegment } from './models/generated-2024.js';
import type { UsageSegment as UsageSegment2026 } from './models/generated-2026.js';
import { cellReader2026, type Cell2026 } from './reader-2026.js';
import { energyNumber, gapReason, supplyMixOk } from './columns/values.js';
import { ENERGY_VALUE_KEY } from './models/model-2024.js';
import { isObject, show } from './json.js';
import { detectSegmentModel, modelEntry } from './models/registry.js';
import { parseFormat, type ColumnSpec, type Direction, type FormatClass, type PhysicalQuantity, type Quality, type Timing } from './formats.js';
import { formatDateTime, parseDateTime } from './time.js';

/** What every cell says about its column: where the name comes from and what it measures (null where the format does not say). */
export interface CellColumn {
  /** Position in `format` / the value set. */
  column: number;
  format: string;
  /** The vocabulary of the format (draft §11.2, the examples, the meeting's proposals); null for extension formats. */
  vocabulary: FormatClass | null;
  quantity: PhysicalQuantity | null;
  direction: Direction | null;
  /** `kWh`, `kW`, `m3`, `gal`, `ft3`, `therm`, `ccf`, `mcf`, `MMBtu`; null for non-numeric columns. */
  unit: string | null;
  /** `validated`, `estimate`, `raw` for the examples' and proposals' energy formats; null where the format states none. */
  quality: Quality | null;
  /** `duration`: the value covers its interval; `instant`: a reading at the interval's start; `unknown`. */
  timing: Timing;
}

/** A numeric reading (`kwh_fwd`, `kwh_rev_estimate`, `usage_fwd_kwh`, `water_m3`, `demand_kw`, …). */
export interface EnergyCell extends CellColumn {
  kind: 'energy';
  /** The series the column belongs to: the format without its quality suffix (`kwh_fwd` for `kwh_fwd_estimate`). */
  measurement: string;
  /** In `unit`; `null` when the value is not available. */
  value: number | null;
}

/** A gap disclosure. */
export interface GapCell extends CellColumn {
  kind: 'gap';
  /** Why there is no data; `null` when the value is `null`. */
  reason_type: string | null;
}

/** A supply-mix value. */
export interface SupplyMixCell extends CellColumn {
  kind: 'supply_mix';
  /** The components (the value's own objects, not copies); `null` when the value is `null` or not well-formed (see `readRows`). */
  components: SupplyMixComponent[] | null;
}

/** An energy-attribute-certificate value (`eacs`): any JSON, as given. */
export interface EacsCell extends CellColumn {
  kind: 'eacs';
  value: unknown;
}

/**
 * A format this package does not know: an extension format (or a malformed
 * entry of `format`, a schema error), with the raw value. "Extension" is the
 * package's one word for it, as in `ColumnSpec`, the column model and
 * `ExtensionValue`.
 */
export interface ExtensionCell extends CellColumn {
  kind: 'extension';
  value: unknown;
}

export type Cell = EnergyCell | GapCell | SupplyMixCell | EacsCell | ExtensionCell;

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

function columnFacts(spec: ColumnSpec, column: number): CellColumn {
  const known = spec.kind !== 'extension' && spec.kind !== 'invalid';
  return {
    column,
    format: typeof spec.format === 'string' ? spec.format : show(spec.format),
    vocabulary: known ? spec.vocabulary : null,
    quantity: spec.kind === 'energy' ? spec.quantity : null,
    direction: spec.kind === 'energy' ? spec.direction : null,
    unit: spec.kind === 'energy' ? spec.unit : null,
    quality: spec.kind === 'energy' ? spec.quality : null,
    timing: known ? spec.timing : 'unknown',
  };
}

function cellOf(spec: ColumnSpec, facts: CellColumn, v: unknown): Cell {
  switch (spec.kind) {
    case 'energy':
      return { kind: 'energy', ...facts, measurement: spec.measurement, value: energyNumber(v, ENERGY_VALUE_KEY) ?? null };
    case 'gap':
      return { kind: 'gap', ...facts, reason_type: gapReason(v) ?? null };
    case 'supply_mix':
      return { kind: 'supply_mix', ...facts, components: supplyMixOk(v) ? (v as unknown as SupplyMixComponent[]) : null };
    case 'eacs':
      return { kind: 'eacs', ...facts, value: v ?? null };
    default:
      return { kind: 'extension', ...facts, value: v ?? null };
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
 * Every cell carries its column's facts: the vocabulary its format comes
 * from, and for numeric formats the quantity, direction, unit and quality
 * (null where the format does not say), and its timing.
 *
 * - numeric formats (`kwh_*`, the draft's `usage_*`, `water_*`, `gas_*`,
 *   `demand_kw`, `aggregated_kwh`): an `energy` cell whose `value` is `v`
 *   when the value is an object whose `v` is a finite number, else `null`
 *   (`{"v": "x"}` reads as `null`);
 * - `gap`: `reason_type` is the value's `reason_type` when that is a
 *   non-empty string, else `null`;
 * - `supply_mix`: `components` is the value's array when it is non-empty and
 *   every component is well-formed (`type` a non-empty string, `mix` a number
 *   from 0 to 1, `gco2_per_kwh` absent or a finite number ≥ 0), else `null`.
 *   Shares that do not sum to 1 (`supply-mix-sum`) are returned as they are;
 * - `eacs`: an `eacs` cell with the raw value (any JSON);
 * - extension (and malformed) formats: an `extension` cell with the raw value
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
export function readRows(segment: UsageSegment | UsageSegment2026): Row<Cell>[] | Row<Cell2026>[];
export function readRows(segment: UsageSegment | UsageSegment2026): Row<Cell>[] | Row<Cell2026>[] {
  const seg = segment as unknown;
  if (!isObject(seg)) return [];
  // The model, as `validate` detects it: a model whose columns are Value Format objects (`formats`, 2026) has its cells narrowed by each Value Format (see reader-2026.ts).
  const readers: ((v: unknown) => Cell | Cell2026)[] = modelEntry(detectSegmentModel(seg)).adapter.columnsField === 'formats'
    ? (Array.isArray(seg.formats) ? seg.formats : []).map(cellReader2026)
    : readColumns(seg as unknown as UsageSegment).map((spec, i) => {
        const facts = columnFacts(spec, i);
        return (v: unknown) => cellOf(spec, facts, v);
      });
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
