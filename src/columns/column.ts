/**
 * The internal column model the rules run on. Each document model (2024:
 * `format` strings; 2026: Value Format objects) has an adapter in `models/`
 * that turns a segment's columns into `Column`s; the rules read only these,
 * so they do not know which model a document came from.
 */

/** Numeric column kinds (the hot loops compare numbers, not strings). */
export const KIND_ENERGY = 0;
export const KIND_GAP = 1;
export const KIND_SUPPLY_MIX = 2;
export const KIND_EXTENSION = 3;
/** Not a valid column description (already a schema error): the rules skip it. */
export const KIND_INVALID = 4;
/** A reading kept as a string under `valueKey` (2026 `meter_readings`, `{"r": "0012345.6"}`). */
export const KIND_READING = 5;
/** One share of a supply mix as an object (2026 `electric_supply_mix`: `{"sm": 0..1, "ci"?: number, "eacs"?: [ids]}`). */
export const KIND_SHARE = 6;
/** A known column whose values may be any JSON (2024: `eacs`, a Decision): nothing to check. */
export const KIND_ANY = 7;

export type ColumnKind =
  | typeof KIND_ENERGY
  | typeof KIND_GAP
  | typeof KIND_SUPPLY_MIX
  | typeof KIND_EXTENSION
  | typeof KIND_INVALID
  | typeof KIND_READING
  | typeof KIND_SHARE
  | typeof KIND_ANY;

/**
 * When a column's values apply: over each interval, at a point in time (2024
 * `demand_kw`; 2026 `meter_readings`, demand `starting`/`ending`), or not
 * known (extension formats, 2024 `eacs`).
 */
export type Timing = 'duration' | 'instant' | 'unknown';

/** Direction of an energy flow (the net-balance rule relates the three). */
export type Direction = 'forward' | 'reverse' | 'net';

/** One column of a segment, as the rules see it. */
export interface Column {
  readonly kind: ColumnKind;
  /** How the document names the column (2024: the format string), for messages. */
  readonly label: string;
  /** The measurement a timeline follows (2024: the `kwh_*` quantity); null for columns that are no measurement. */
  readonly measurement: string | null;
  /** Energy columns: the flow's direction. */
  readonly direction: Direction | null;
  /** Energy columns: the reading's quality (2024: validated, estimate or raw). */
  readonly quality: string | null;
  /** Energy columns: the member of the value object that holds the number (2024: `v`; 2026: `eu`, `ed`, `wu`, `gu`, `fu`, `c`); readings and shares: their key (`r`, `sm`). */
  readonly valueKey: string | null;
  /** 2026: the Value Format's `type` (the value members depend on it); undefined in 2024. */
  readonly type?: string;
  /** Net balance relates forward, reverse and net columns of one group; undefined: the group is the quality (2024). */
  readonly balanceGroup?: string | null;
  /** When the values apply (decides the interval arithmetic). */
  readonly timing: Timing;
  /** The value shape is this package's decision (no text defines it): a wrong shape is `value-shape`, a warning, not `value-type`. */
  readonly shapeAssumed: boolean;
  /** Extension and invalid columns: a known name one or two edits away, or differing only in case (a likely typo). */
  readonly suggestion: string | null;
}

/** A model's columns of one segment, classified once for the rules. */
export interface Columns {
  readonly list: readonly Column[];
  /** `list[i].kind`, as a plain array for the hot loops. */
  readonly kinds: readonly ColumnKind[];
  /** Bit set of the measurements present (bit i = the model's measurement i). */
  readonly measurements: number;
  /** Has a `gap` column. */
  readonly gap: boolean;
  /** Column indexes of net-balance triples (forward, reverse, net) per quality, flattened; null if none. */
  readonly triples: readonly number[] | null;
  /** Every column is energy or gap (the single-pass fast path applies). */
  readonly energyOrGapOnly: boolean;
  /**
   * How the value sets sit on the timeline: `duration` when any column holds
   * amounts over intervals (they tile the segment), else `instant` (readings
   * `interval` apart, or columns whose timing is unknown: only the draft's
   * point-in-time reading of `interval` is checked).
   */
  readonly timing: 'duration' | 'instant';
}

/** Classify a model's columns: measurement bits by the order of `measurements`, net-balance triples per quality. */
export function summarize(list: readonly Column[], measurements: readonly string[]): Columns {
  const kinds = list.map((c) => c.kind);
  let bits = 0;
  let gap = false;
  let energyOrGapOnly = list.length > 0;
  for (const c of list) {
    if (c.kind === KIND_ENERGY) {
      const bit = c.measurement === null ? -1 : measurements.indexOf(c.measurement);
      if (bit >= 0) bits |= 1 << bit;
    } else if (c.kind === KIND_GAP) gap = true;
    else energyOrGapOnly = false;
  }
  // No columns: nothing is read at an instant, so the value sets are intervals.
  const timing = list.length === 0 || list.some((c) => c.timing === 'duration') ? 'duration' : 'instant';
  return { list, kinds, measurements: bits, gap, triples: netTriples(list), energyOrGapOnly, timing };
}

/**
 * For each balance group (2024: each quality), the first forward, reverse and
 * net energy column, when all three exist (2024 columns without a quality,
 * the draft's, are not related: the draft states no sign convention).
 */
function netTriples(list: readonly Column[]): number[] | null {
  if (list.length < 3) return null;
  const byQuality = new Map<string, [number, number, number]>();
  list.forEach((c, i) => {
    const group = c.balanceGroup !== undefined ? c.balanceGroup : c.quality;
    if (c.kind !== KIND_ENERGY || c.direction === null || group === null) return;
    let t = byQuality.get(group);
    if (t === undefined) byQuality.set(group, (t = [-1, -1, -1]));
    const slot = c.direction === 'forward' ? 0 : c.direction === 'reverse' ? 1 : 2;
    if (t[slot] < 0) t[slot] = i;
  });
  let triples: number[] | null = null;
  for (const t of byQuality.values()) if (t[0] >= 0 && t[1] >= 0 && t[2] >= 0) (triples ??= []).push(...t);
  return triples;
}
