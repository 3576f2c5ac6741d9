import { columnKind, KIND_ENERGY, KIND_GAP, MEASUREMENT_BIT, parseFormat, type ColumnSpec, type Quality } from '../formats.js';
import { NET_TOLERANCE } from '../tolerance.js';

/** A segment's `format`, classified once. */
export interface Columns {
  specs: ColumnSpec[];
  /** Numeric kind per column (KIND_*). */
  kinds: number[];
  /** Bit set of measurements (kwh_fwd=1, kwh_rev=2, kwh_net=4). */
  measurements: number;
  /** Has a `gap` column. */
  gap: boolean;
  /** Column indexes of net-balance triples (fwd, rev, net) per quality, flattened; null if none. */
  triples: number[] | null;
  /** Every column is a `kwh_*` or `gap` format (the single-pass fast path applies). */
  energyOrGapOnly: boolean;
}

const QUALITIES: readonly Quality[] = ['validated', 'estimate', 'raw'];

/** Classify `format` (anything but an array gives no columns). */
export function columnsOf(format: unknown): Columns {
  const specs: ColumnSpec[] = Array.isArray(format) ? format.map(parseFormat) : [];
  const kinds = specs.map(columnKind);
  const n = specs.length;
  let measurements = 0;
  let gap = false;
  let energyOrGapOnly = n > 0;
  for (let i = 0; i < n; i++) {
    const s = specs[i]!;
    if (s.kind === 'energy') measurements |= MEASUREMENT_BIT[s.quantity];
    else if (s.kind === 'gap') gap = true;
    else energyOrGapOnly = false;
  }
  let triples: number[] | null = null;
  if (n >= 3) {
    for (const q of QUALITIES) {
      let f = -1,
        r = -1,
        nn = -1;
      for (let i = 0; i < n; i++) {
        const s = specs[i]!;
        if (s.kind !== 'energy' || s.quality !== q) continue;
        if (s.quantity === 'kwh_fwd' && f < 0) f = i;
        else if (s.quantity === 'kwh_rev' && r < 0) r = i;
        else if (s.quantity === 'kwh_net' && nn < 0) nn = i;
      }
      if (f >= 0 && r >= 0 && nn >= 0) (triples ??= []).push(f, r, nn);
    }
  }
  return { specs, kinds, measurements, gap, triples, energyOrGapOnly };
}

/**
 * The single pass over `values` for the common case (every column `kwh_*` or
 * `gap`, not strict). True only when the values satisfy the schema (what
 * `valuesShapeOk` checks) and would draw no value-level finding (arity, value
 * type, net balance within ±0.01 without the relative slack); then neither
 * the structural pass nor the semantic values loop needs to run. False means
 * "not known clean": the caller runs the full checks, which find the problems.
 * Allocates nothing.
 */
export function valuesClean(values: unknown[], cols: Columns): boolean {
  if (!cols.energyOrGapOnly) return false;
  const kinds = cols.kinds;
  const n = kinds.length;
  const triples = cols.triples;
  const nt = triples === null ? 0 : triples.length;
  for (let k = 0; k < values.length; k++) {
    const vs: unknown = values[k];
    if (!Array.isArray(vs) || vs.length !== n) return false;
    for (let i = 0; i < n; i++) {
      const v: unknown = vs[i];
      if (v === null) continue;
      if (typeof v !== 'object' || Array.isArray(v)) return false;
      if (kinds[i] === KIND_ENERGY) {
        const x = (v as { v?: unknown }).v;
        if (typeof x !== 'number' || x - x !== 0) return false;
      } else if (kinds[i] === KIND_GAP) {
        const x = (v as { reason_type?: unknown }).reason_type;
        if (typeof x !== 'string' || x.length === 0) return false;
      } else return false;
    }
    for (let t = 0; t < nt; t += 3) {
      // Each entry is null or an object with a finite number `v` (checked above).
      const fv = vs[triples![t]!] as { v: number } | null;
      const rv = vs[triples![t + 1]!] as { v: number } | null;
      const nv = vs[triples![t + 2]!] as { v: number } | null;
      if (fv === null || rv === null || nv === null) continue;
      const d = nv.v - (fv.v + rv.v);
      if (!(d <= NET_TOLERANCE && d >= -NET_TOLERANCE)) return false;
    }
  }
  return true;
}
