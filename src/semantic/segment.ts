import { type CheckContext, schemaErrorAt, schemaErrorAtOrUnder, isObject, show } from '../context.js';
import { KIND_ENERGY, KIND_GAP, KIND_SUPPLY_MIX, KIND_EXTENSION, type ColumnSpec } from '../formats.js';
import { OBJECT_PROPERTIES, OBJECT_REQUIRED } from '../../generated/2024/spec-facts.js';
import { ptr } from '../pointer.js';
import { columnsOf } from './columns.js';
import { parseDateTime } from '../time.js';
import { exceedsTolerance, MIX_TOLERANCE, NET_TOLERANCE } from '../tolerance.js';

/** Fields the specification defines for a usage segment (from the spec, see generated/2024/spec-facts.ts). */
export const SEGMENT_FIELDS: ReadonlySet<string> = new Set(OBJECT_PROPERTIES.UsageSegment);

/** The `related_*` id lists of a usage segment. */
export const RELATED_FIELDS = OBJECT_PROPERTIES.UsageSegment.filter((f) => f.startsWith('related_'));

/** The `related_*` lists the spec does not require (`related_eacs`, a Decision): absent reads as empty. */
const OPTIONAL_RELATED: ReadonlySet<string> = new Set(RELATED_FIELDS.filter((f) => !(OBJECT_REQUIRED.UsageSegment as readonly string[]).includes(f)));

/** What the page-level checks need to know about one segment. */
export interface SegmentSummary {
  /** Index in `usage_segments` (0 for a single segment). */
  index: number;
  /** Pointer to the segment. */
  path: string;
  id: string | undefined;
  /** Epoch ms, NaN if unusable. */
  start: number;
  end: number;
  /** Seconds, NaN if unusable. */
  interval: number;
  /** Bit set of measurements (kwh_fwd=1, kwh_rev=2, kwh_net=4). */
  measurements: number;
  /** Has a `gap` column. */
  gap: boolean;
  /** Canonical key of the related_* id sets, or null if they are malformed. */
  relatedKey: string | null;
  /** Usable on the timeline (valid start/end/interval, end > start). */
  timed: boolean;
}


function checkDate(seg: Record<string, unknown>, field: string, base: string, ctx: CheckContext, id: string | undefined): number {
  const raw = seg[field];
  const ms = parseDateTime(raw);
  if (Number.isNaN(ms) && typeof raw === 'string') {
    const path = ptr(base, field);
    if (!schemaErrorAt(ctx, path)) {
      ctx.c.add('schema', path, `${field} ${show(raw)} is not an RFC 3339 date-time with an offset`, id);
    }
  }
  return ms;
}

function relatedKeyOf(seg: Record<string, unknown>): string | null {
  let key = '';
  for (const f of RELATED_FIELDS) {
    const a = seg[f];
    if (a === undefined && OPTIONAL_RELATED.has(f)) {
      key += '\u0001';
      continue;
    }
    if (!Array.isArray(a)) return null;
    for (const x of a) if (typeof x !== 'string') return null;
    const sorted = a.length > 1 ? [...(a as string[])].sort() : (a as string[]);
    key += sorted.join('\u0000') + '\u0001';
  }
  return key;
}

function valueTypeMessage(spec: ColumnSpec, v: unknown): string {
  switch (spec.kind) {
    case 'energy':
      return `value for ${spec.format} must be null or {"v": <finite number>}, got ${show(v)}`;
    case 'gap':
      return `value for gap must be null or {"reason_type": <non-empty string>}, got ${show(v)}`;
    case 'supply_mix':
      return `value for supply_mix must be null or a non-empty array of {"type", "mix"} components, got ${show(v)}`;
    default:
      return `value for extension format ${show(spec.format)} must be null or an object, got ${show(v)}`;
  }
}

/** Sum of mix shares of a well-formed supply-mix value, or NaN if malformed. */
function supplyMixSum(v: unknown): number {
  if (!Array.isArray(v) || v.length === 0) return NaN;
  let sum = 0;
  for (let j = 0; j < v.length; j++) {
    const comp: unknown = v[j];
    if (!isObject(comp)) return NaN;
    const t = comp.type;
    const m = comp.mix;
    if (typeof t !== 'string' || t.length === 0 || typeof m !== 'number' || !Number.isFinite(m)) return NaN;
    sum += m;
  }
  return sum;
}

const ENERGY_KEYS: ReadonlySet<string> = new Set(OBJECT_PROPERTIES.EnergyValue);
const GAP_KEYS: ReadonlySet<string> = new Set(OBJECT_PROPERTIES.GapValue);
const MIX_KEYS: ReadonlySet<string> = new Set(OBJECT_PROPERTIES.SupplyMixComponent);

function unknownKeys(o: Record<string, unknown>, known: ReadonlySet<string>, path: string, ctx: CheckContext, id: string | undefined): void {
  for (const k in o) {
    if (!known.has(k) && Object.prototype.hasOwnProperty.call(o, k)) ctx.c.add('unknown-field', ptr(path, k), `property ${show(k)} is not defined by the specification`, id);
  }
}

function strictValue(spec: ColumnSpec, v: unknown, path: string, ctx: CheckContext, id: string | undefined): void {
  if (spec.kind === 'energy' && isObject(v)) unknownKeys(v, ENERGY_KEYS, path, ctx, id);
  else if (spec.kind === 'gap' && isObject(v)) unknownKeys(v, GAP_KEYS, path, ctx, id);
  else if (spec.kind === 'supply_mix' && Array.isArray(v)) {
    for (let j = 0; j < v.length; j++) {
      const comp: unknown = v[j];
      if (isObject(comp)) unknownKeys(comp, MIX_KEYS, ptr(path, j), ctx, id);
    }
  }
}

function energyOk(v: object): boolean {
  const x = (v as { v?: unknown }).v;
  return typeof x === 'number' && x - x === 0;
}

function gapOk(v: object): boolean {
  const x = (v as { reason_type?: unknown }).reason_type;
  return typeof x === 'string' && x.length > 0;
}

/** Supply-mix value: well-formed (else false); a sum off 1 is reported here. */
function supplyMixOk(v: unknown, base: string, k: number, i: number, ctx: CheckContext, id: string | undefined): boolean {
  const sum = supplyMixSum(v);
  if (sum !== sum) return false; // NaN: malformed
  if (exceedsTolerance(sum - 1, MIX_TOLERANCE, sum)) {
    const path = ptr(base, 'values', k, i);
    if (!schemaErrorAtOrUnder(ctx, path)) {
      ctx.c.add('supply-mix-sum', path, `supply-mix shares sum to ${Math.round(sum * 1e6) / 1e6}, not 1 (±${MIX_TOLERANCE})`, id);
    }
  }
  return true;
}

function reportValueType(spec: ColumnSpec, v: unknown, base: string, k: number, i: number, ctx: CheckContext, id: string | undefined): void {
  const path = ptr(base, 'values', k, i);
  if (!schemaErrorAtOrUnder(ctx, path)) ctx.c.add('value-type', path, valueTypeMessage(spec, v), id);
}

function checkNetBalance(vs: unknown[], specs: ColumnSpec[], triples: number[], base: string, k: number, ctx: CheckContext, id: string | undefined): void {
  for (let t = 0; t < triples.length; t += 3) {
    const fv: unknown = vs[triples[t]!];
    const rv: unknown = vs[triples[t + 1]!];
    const nv: unknown = vs[triples[t + 2]!];
    if (fv === null || rv === null || nv === null || typeof fv !== 'object' || typeof rv !== 'object' || typeof nv !== 'object') continue;
    if (Array.isArray(fv) || Array.isArray(rv) || Array.isArray(nv)) continue;
    const f = (fv as { v?: unknown }).v,
      r = (rv as { v?: unknown }).v,
      nt = (nv as { v?: unknown }).v;
    if (typeof f !== 'number' || typeof r !== 'number' || typeof nt !== 'number') continue;
    if (f - f !== 0 || r - r !== 0 || nt - nt !== 0) continue; // not finite
    const d = nt - (f + r);
    if (d <= NET_TOLERANCE && d >= -NET_TOLERANCE) continue; // the common case, without Math.max
    if (exceedsTolerance(d, NET_TOLERANCE, Math.max(Math.abs(f), Math.abs(r), Math.abs(nt)))) {
      ctx.c.add(
        'net-balance',
        ptr(base, 'values', k, triples[t + 2]!),
        `${specs[triples[t + 2]!]!.format} ${nt} ≠ ${specs[triples[t]!]!.format} ${f} + ${specs[triples[t + 1]!]!.format} ${r}`,
        id,
      );
    }
  }
}

/**
 * The one loop over `values` (value-set arity, value type by format, supply-mix
 * sums, net balance). Kept small and separate from `checkSegment` so that V8
 * optimises it on its own, cheaply, and keeps it optimised; reporting is in
 * helper functions off the hot path. Allocates nothing for valid values.
 */
function checkValueSets(
  values: unknown[],
  specs: ColumnSpec[],
  kinds: number[],
  triples: number[] | null,
  base: string,
  ctx: CheckContext,
  id: string | undefined,
): void {
  const n = kinds.length;
  const vlen = values.length;
  const strict = ctx.strict;
  for (let k = 0; k < vlen; k++) {
    const vs: unknown = values[k];
    if (!Array.isArray(vs)) continue; // schema error
    if (vs.length !== n) {
      ctx.c.add('value-set-length', ptr(base, 'values', k), `value set has ${vs.length} entries but format has ${n}`, id);
      continue;
    }
    for (let i = 0; i < n; i++) {
      const v: unknown = vs[i];
      if (v === null) continue;
      let ok: boolean;
      switch (kinds[i]) {
        case KIND_ENERGY:
          ok = typeof v === 'object' && !Array.isArray(v) && energyOk(v);
          break;
        case KIND_GAP:
          ok = typeof v === 'object' && !Array.isArray(v) && gapOk(v);
          break;
        case KIND_SUPPLY_MIX:
          ok = supplyMixOk(v, base, k, i, ctx, id);
          break;
        case KIND_EXTENSION:
          ok = typeof v === 'object' && !Array.isArray(v);
          break;
        default:
          ok = true; // invalid format string: already a schema error
      }
      if (!ok) reportValueType(specs[i]!, v, base, k, i, ctx, id);
      else if (strict) strictValue(specs[i]!, v, ptr(base, 'values', k, i), ctx, id);
    }
    if (triples !== null) checkNetBalance(vs, specs, triples, base, k, ctx, id);
  }
}

/**
 * Semantic checks of one usage segment (the JSON Schema has run before).
 * Returns what the page-level checks need.
 */
export function checkSegment(seg: Record<string, unknown>, base: string, index: number, ctx: CheckContext): SegmentSummary {
  const c = ctx.c;
  const rawId = seg.cds_usagesegment_id;
  const id = typeof rawId === 'string' ? rawId : undefined;

  if (ctx.strict) {
    for (const k of Object.keys(seg)) {
      if (!SEGMENT_FIELDS.has(k)) c.add('unknown-field', ptr(base, k), `property ${show(k)} is not defined for a usage segment`, id);
    }
  }

  const created = checkDate(seg, 'cds_created', base, ctx, id);
  const modified = checkDate(seg, 'cds_modified', base, ctx, id);
  const start = checkDate(seg, 'segment_start', base, ctx, id);
  const end = checkDate(seg, 'segment_end', base, ctx, id);

  if (modified < created) {
    c.add('timestamps', ptr(base, 'cds_modified'), `cds_modified ${show(seg.cds_modified)} is earlier than cds_created ${show(seg.cds_created)}`, id);
  }
  let boundsOk = !Number.isNaN(start) && !Number.isNaN(end);
  if (boundsOk && end <= start) {
    c.add('segment-bounds', ptr(base, 'segment_end'), `segment_end ${show(seg.segment_end)} is not later than segment_start ${show(seg.segment_start)}`, id);
    boundsOk = false;
  }
  const rawInterval = seg.interval;
  const interval = typeof rawInterval === 'number' && Number.isFinite(rawInterval) && rawInterval > 0 ? rawInterval : NaN;

  // Columns: classify `format` once per segment.
  const { specs, kinds, measurements, gap, triples } = columnsOf(seg.format);
  const n = specs.length;
  if (ctx.strict) {
    for (let i = 0; i < n; i++) {
      const s = specs[i]!;
      if (s.kind === 'extension') c.add('unknown-format', ptr(base, 'format', i), `format ${show(s.format)} is an extension format; clients ignore its values`, id);
    }
  }

  const values = seg.values;
  if (Array.isArray(values)) {
    if (boundsOk && !Number.isNaN(interval)) {
      const expected = values.length * interval * 1000;
      const actual = end - start;
      if (Math.abs(expected - actual) > 1) {
        c.add(
          'interval-arithmetic',
          ptr(base, 'values'),
          `${values.length} value sets × interval ${interval} s = ${expected / 1000} s, but segment_end − segment_start = ${actual / 1000} s`,
          id,
        );
      }
    }
    if (n > 0 && !(ctx.cleanValues?.has(seg) ?? false)) checkValueSets(values, specs, kinds, triples, base, ctx, id);
  }

  const timed = boundsOk && !Number.isNaN(interval);
  return {
    index,
    path: base,
    id,
    start,
    end,
    interval,
    measurements,
    gap,
    relatedKey: timed ? relatedKeyOf(seg) : null,
    timed,
  };
}
