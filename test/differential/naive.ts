/**
 * A deliberately naive second implementation of some of the checker's rules,
 * written from docs/rules.md (the rule texts), not from src/: plain loops,
 * pairwise comparisons, exact BigInt arithmetic, Maps and Sets for anything
 * keyed by data. It covers the documents test/differential/generate.ts makes
 * (valid JSON types everywhere; the schema errors it knows are repeated ids
 * in a `related_*` list) and these codes:
 *
 * - `value-set-length`, `interval-arithmetic` (with the path the docs give:
 *   `/values` when segment_end lies on the interval grid, else `/segment_end`;
 *   `/values` for readings at instants),
 * - `schema` for a repeated id in a draft `related_*` list, `duplicate-id`,
 *   `duplicate-format-id` (2026),
 * - `net-balance`, `timeline-overlap` and `timeline-hole`.
 *
 * Where the checker picks one of several equally right places (which of two
 * overlapping segments carries the warning), the naive model says which
 * places are allowed (`overlapCandidates`) rather than which one.
 */

export type Model = '2024' | '2026';

export interface NaiveVerdict {
  /** Problems whose path the naive model knows exactly: `code path`, sorted. */
  exact: string[];
  /** `timeline-overlap`: segment paths that overlap an earlier-starting segment of their series (the checker reports some of these, at least one when there are any). */
  overlapCandidates: Set<string>;
  /** `timeline-overlap`: the segments involved in any overlap (every reported path is one of them). */
  overlapInvolved: Set<string>;
}

type Doc = Record<string, unknown>;

// ---------------------------------------------------------------- exact time

/** Units per second of the naive model's exact time: 10^40 (a date-time holds at most 64 characters). */
const SCALE = 40;
const PER_SECOND = 10n ** BigInt(SCALE);
/** 1 ms in those units. */
const ONE_MS = PER_SECOND / 1000n;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 date-time as exact units since the epoch. */
export function instant(s: string): bigint {
  const m = DATE_TIME.exec(s);
  if (m === null) throw new Error(`naive: not a date-time: ${s}`);
  const [, y, mo, d, h, mi, se, frac = '', off] = m;
  let seconds = BigInt(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)) / 1000);
  if (off !== 'Z' && off !== 'z') {
    const sign = off!.startsWith('-') ? -1n : 1n;
    seconds -= sign * BigInt(Number(off!.slice(1, 3)) * 3600 + Number(off!.slice(4, 6)) * 60);
  }
  return seconds * PER_SECOND + BigInt((frac + '0'.repeat(SCALE)).slice(0, SCALE));
}

/** A JSON number of seconds (as the decimal JavaScript prints for it) in exact units. */
export function seconds(x: number): bigint {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (m === null) throw new Error(`naive: not a positive number: ${x}`);
  const frac = m[2] ?? '';
  const exp = Number(m[3] ?? '0') + SCALE - frac.length;
  if (exp < 0) throw new Error(`naive: interval too fine: ${x}`);
  return BigInt(m[1]! + frac) * 10n ** BigInt(exp);
}

// ---------------------------------------------------------------- columns

interface Col {
  /** What the value sets mean over time: amounts over each interval, readings at instants, or unknown. */
  timing: 'duration' | 'instant' | 'unknown';
  /** The timeline the column follows, or null. */
  measurement: string | null;
  gap: boolean;
  /** Net balance: forward, reverse or net, in a group (null: none). */
  direction: 'forward' | 'reverse' | 'net' | null;
  group: string | null;
  valueKey: string;
}

const NONE: Col = { timing: 'unknown', measurement: null, gap: false, direction: null, group: null, valueKey: '' };

const DRAFT_NUMERIC = new Set(['usage_kwh', 'usage_fwd_kwh', 'usage_rev_kwh', 'usage_net_kwh', 'aggregated_kwh', 'demand_kw', 'water_m3', 'water_gal', 'water_ft3', 'gas_therm', 'gas_ccf', 'gas_mcf', 'gas_mmbtu']);

/** 2024 (docs/rules.md: kwh_fwd/rev/net with _estimate/_raw; demand_kw at instants; gap; extensions of unknown timing). */
function col2024(f: unknown): Col {
  if (typeof f !== 'string') return NONE;
  if (f === 'gap') return { ...NONE, timing: 'duration', gap: true };
  const m = /^kwh_(fwd|rev|net)(_estimate|_raw)?$/.exec(f);
  if (m !== null) {
    const direction = m[1] === 'fwd' ? 'forward' : m[1] === 'rev' ? 'reverse' : 'net';
    return { timing: 'duration', measurement: `kwh_${m[1]}`, gap: false, direction, group: m[2] ?? 'validated', valueKey: 'v' };
  }
  // The draft's numeric formats are measurements too (docs/rules.md, timeline-overlap); no net balance (no quality, no sign convention).
  if (DRAFT_NUMERIC.has(f)) return { ...NONE, timing: f === 'demand_kw' ? 'instant' : 'duration', measurement: f, valueKey: 'v' };
  if (f === 'supply_mix') return { ...NONE, timing: 'duration' };
  return NONE; // extension formats: unknown timing
}

/** 2026 Value Format members the draft defines, per type (docs/rules.md: designations tou for electric usage and demand only). */
const DESIGNATIONS_BY_TYPE = new Map<string, readonly string[]>([
  ['electric_usage', ['tou', 'tier', 'season']],
  ['electric_demand', ['tou', 'tier', 'season']],
  ['water_usage', ['tier', 'season']],
  ['natural_gas_usage', ['tier', 'season']],
  ['fuel_oil_usage', ['tier', 'season']],
]);
const USAGE_KEY = new Map([
  ['electric_usage', 'eu'],
  ['water_usage', 'wu'],
  ['natural_gas_usage', 'gu'],
  ['fuel_oil_usage', 'fu'],
]);

function own(o: Doc, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function idSet(x: unknown): string {
  return Array.isArray(x) ? JSON.stringify([...new Set(x as string[])].sort()) : 'absent';
}

function col2026(f: unknown): Col {
  if (f === null || typeof f !== 'object' || Array.isArray(f)) return NONE;
  const o = f as Doc;
  const type = own(o, 'type');
  if (typeof type !== 'string') return NONE;
  if (type === 'meter_readings') return { ...NONE, timing: 'instant' };
  if (type === 'electric_demand') {
    const dt = own(o, 'demand_type');
    return { ...NONE, timing: dt === 'starting' || dt === 'ending' ? 'instant' : 'duration' };
  }
  if (type === 'cost' || type === 'electric_supply_mix') return { ...NONE, timing: 'duration' };
  const key = USAGE_KEY.get(type);
  if (key === undefined) return NONE; // a type the draft does not define: unknown timing
  const designated = (DESIGNATIONS_BY_TYPE.get(type) ?? []).some((d) => own(o, d) !== undefined && own(o, d) !== null);
  const dir = own(o, 'direction');
  const direction = type === 'electric_usage' && (dir === 'forward' || dir === 'reverse' || dir === 'net') ? dir : null;
  const measurement = designated ? null : type === 'electric_usage' && direction !== null ? `${type}:${direction}` : type;
  const group =
    type === 'electric_usage' ? JSON.stringify([own(o, 'quality') ?? null, own(o, 'units') ?? null, own(o, 'tou') ?? null, own(o, 'tier') ?? null, own(o, 'season') ?? null, idSet(own(o, 'related_meterdevices'))]) : null;
  return { timing: 'duration', measurement, gap: false, direction, group, valueKey: key };
}

// ---------------------------------------------------------------- the rules

interface Seg {
  index: number;
  path: string;
  start: bigint;
  end: bigint;
  measurements: Set<string>;
  gap: boolean;
  pureGap: boolean;
  series: string | null;
}

const RELATED_2024 = ['related_aggregations', 'related_accounts', 'related_servicecontracts', 'related_servicepoints', 'related_meterdevices', 'related_billsections', 'related_eacs'];
const RELATED_2026 = RELATED_2024.slice(0, 6);

function hasRepeat(list: readonly string[]): boolean {
  return new Set(list).size !== list.length;
}

/** The naive verdict on a 2024 or 2026 segment or listing page. */
export function naiveCheck(doc: Doc, model: Model): NaiveVerdict {
  const exact: string[] = [];
  const segs: Seg[] = [];
  const list = Array.isArray(doc.usage_segments) ? (doc.usage_segments as Doc[]) : null;
  const segments = list ?? [doc];
  const ids = new Map<string, number>();
  segments.forEach((seg, i) => {
    const base = list === null ? '' : `/usage_segments/${i}`;
    segs.push(checkOne(seg, base, i, model, exact));
    const id = seg.cds_usagesegment_id as string;
    if (list !== null) {
      if (ids.has(id)) exact.push(`duplicate-id ${base}/cds_usagesegment_id`);
      else ids.set(id, i);
    }
  });
  const overlapCandidates = new Set<string>();
  const overlapInvolved = new Set<string>();
  timeline(segs, exact, overlapCandidates, overlapInvolved);
  return { exact: [...new Set(exact)].sort(), overlapCandidates, overlapInvolved };
}

function checkOne(seg: Doc, base: string, index: number, model: Model, out: string[]): Seg {
  const columnsField = model === '2024' ? 'format' : 'formats';
  const columns = seg[columnsField] as unknown[];
  const cols = columns.map(model === '2024' ? col2024 : col2026);
  const values = seg.values as unknown[][];

  // Repeated related ids: a schema error in the draft's six lists of both models (the list then takes no part in other
  // rules); 2024 `related_eacs` (a decision, recommended only) is not checked here and reads as a set.
  let relatedOk = true;
  const related = model === '2024' ? RELATED_2024 : RELATED_2026;
  for (const f of related) {
    const l = own(seg, f);
    if (l === undefined) continue;
    if (f !== 'related_eacs' && hasRepeat(l as string[])) {
      out.push(`schema ${base}/${f}`);
      relatedOk = false;
    }
  }
  // 2026: two Value Formats with one id.
  if (model === '2026') {
    const seen = new Set<string>();
    columns.forEach((f, i) => {
      const id = (f as Doc).id as string;
      if (seen.has(id)) out.push(`duplicate-format-id ${base}/formats/${i}/id`);
      seen.add(id);
    });
  }

  // value-set-length: each value set has one entry per column (2024: an empty `format` is a schema error instead).
  const arity = model === '2026' || columns.length > 0;
  values.forEach((vs, k) => {
    if (arity && vs.length !== columns.length) out.push(`value-set-length ${base}/values/${k}`);
  });

  // interval-arithmetic.
  const start = instant(seg.segment_start as string);
  const end = instant(seg.segment_end as string);
  const step = seconds(seg.interval as number);
  const span = end - start;
  const anyDuration = cols.length === 0 || cols.some((c) => c.timing === 'duration');
  if (values.length > 0) {
    if (anyDuration) {
      const n = BigInt(values.length);
      const off = n * step - span;
      if (off > ONE_MS || off < -ONE_MS) {
        // On the grid when some whole count of intervals matches the span within 1 ms.
        const lo = span / step;
        const onGrid = [lo - 1n, lo, lo + 1n].some((w) => w >= 0n && w * step - span <= ONE_MS && span - w * step <= ONE_MS);
        out.push(`interval-arithmetic ${base}/${onGrid ? 'values' : 'segment_end'}`);
      }
    } else if (BigInt(values.length - 1) * step - span > ONE_MS) {
      out.push(`interval-arithmetic ${base}/values`);
    }
  }

  // net-balance: per group, the first forward, reverse and net column; net = fwd + rev within 0.01 (values in thousandths here).
  const triples = new Map<string, [number, number, number]>();
  cols.forEach((c, i) => {
    if (c.direction === null || c.group === null) return;
    const t = triples.get(c.group) ?? [-1, -1, -1];
    const slot = c.direction === 'forward' ? 0 : c.direction === 'reverse' ? 1 : 2;
    if (t[slot] < 0) t[slot] = i;
    triples.set(c.group, t);
  });
  values.forEach((vs, k) => {
    if (vs.length !== columns.length) return;
    for (const [f, r, n] of triples.values()) {
      if (f < 0 || r < 0 || n < 0) continue;
      const num = (i: number): bigint | null => {
        const v = vs[i];
        if (v === null || typeof v !== 'object') return null;
        const x = own(v as Doc, cols[i]!.valueKey);
        return typeof x === 'number' ? BigInt(Math.round(x * 1000)) : null;
      };
      const [a, b, c] = [num(f), num(r), num(n)];
      if (a === null || b === null || c === null) continue;
      const d = c - (a + b);
      if (d > 10n || d < -10n) out.push(`net-balance ${base}/values/${k}/${n}`);
    }
  });

  const measurements = new Set(cols.map((c) => c.measurement).filter((m): m is string => m !== null));
  const gap = cols.some((c) => c.gap);
  const series = relatedOk && end > start ? JSON.stringify(related.map((f) => idSet(own(seg, f) ?? []))) : null;
  return { index, path: base, start, end, measurements, gap, pureGap: gap && measurements.size === 0, series };
}

/** Segments of one series (same related id sets), per measurement, pairwise. */
function timeline(segs: readonly Seg[], out: string[], candidates: Set<string>, involved: Set<string>): void {
  const bySeries = new Map<string, Seg[]>();
  for (const s of segs) {
    if (s.series === null || (s.measurements.size === 0 && !s.gap)) continue;
    bySeries.set(s.series, [...(bySeries.get(s.series) ?? []), s]);
  }
  for (const group of bySeries.values()) {
    const all = new Set(group.flatMap((s) => [...s.measurements]));
    for (const m of all) {
      const members = group.filter((s) => s.measurements.has(m) || s.gap);
      const sorted = [...members].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : a.index - b.index));
      // Overlaps: any two members that share time, unless both are gaps without measurements.
      sorted.forEach((b, j) => {
        for (let i = 0; i < sorted.length; i++) {
          const a = sorted[i]!;
          if (a === b || (a.pureGap && b.pureGap) || !(a.start < b.end && b.start < a.end)) continue;
          involved.add(a.path);
          involved.add(b.path);
          if (i < j) candidates.add(a.index > b.index ? a.path : b.path);
        }
      });
      // Holes: stretches between the first start and the last end of the segments with the measurement that no member covers.
      const withM = members.filter((s) => s.measurements.has(m));
      const from = withM.reduce((x, s) => (s.start < x ? s.start : x), withM[0]!.start);
      const to = withM.reduce((x, s) => (s.end > x ? s.end : x), withM[0]!.end);
      let reach = from;
      for (const s of sorted) {
        if (s.end <= reach) continue;
        if (s.start > reach && reach < to && s.start < to) out.push(`timeline-hole ${s.path}`);
        if (s.start >= to) break;
        if (s.end > reach) reach = s.end;
      }
    }
  }
}
