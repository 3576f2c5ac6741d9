/**
 * From what the reader kept to a 2026 listing page, by the mapping table
 * (`mapping.ts`): relations from the entries' links, one column plan per
 * MeterReading from its ReadingType, then one segment per run of readings
 * of equal duration that follow each other without a hole or an overlap.
 * Every reading read is either in the page or counted in a note.
 */
import { shiftDecimal, withoutTrailingZeros } from '../convert/decimal.js';
import { parseDateTime } from '../time.js';
import { COST_SHIFT, CURRENCY_BY_CODE, DEMAND_BY_CODE, DIRECTION_BY_CODE, PERIOD_SECONDS, QUALITY_BY_CODE, TIER_MAX, UOM_BY_CODE } from './mapping.js';
import type { Notes } from './notes.js';
import { entryPath, type Block, type ParsedFeed, type ReadingStore, type Resource } from './read.js';

/** How quality that varies within a run is written. */
export type QualityMode = 'split' | 'columns';

export interface BuildOptions {
  /** `split` (default): a new segment where the quality changes; `columns`: one column per quality. */
  readonly quality?: QualityMode;
  /** The import time (RFC 3339), used only where the feed gives no time; default: now. */
  readonly now?: string;
  /** `related_accounts` of every segment: ESPI feeds name no account, so the caller may (a Server's access model needs one). Default none. */
  readonly accounts?: readonly string[];
}

/** A value the output needed and the input did not give, with where it is in the output. */
export interface EspiAssumption {
  /** JSON Pointer into the 2026 page (the first segment concerned). */
  readonly pointer: string;
  readonly message: string;
  /** How many segments share it. */
  readonly segments: number;
}

type Obj = Record<string, unknown>;

/** How one MeterReading's readings become columns. */
interface ColumnPlan {
  readonly type: string;
  readonly valueKey: string;
  readonly units: string;
  /** Decimal places to move each published value (the multiplier not absorbed by `units`). */
  readonly shift: number;
  readonly sign: 1 | -1;
  readonly fields: Obj;
  readonly currency: string | undefined;
  /** Quality of readings without ReadingQuality (`defaultQuality`), as a quality-key index or -1. */
  readonly defaultQuality: string | undefined;
}

/** One MeterReading's readings, gathered from its blocks. */
interface Series {
  readonly mr: Resource;
  readonly blocks: Block[];
}

function int(fields: Map<string, string>, name: string): number | undefined {
  const t = fields.get(name);
  return t !== undefined && /^-?\d+$/.test(t) ? Number(t) : undefined;
}

/** Relations from links (mapping.ts RULE_ROWS, "entry link … hrefs"). */
class Relations {
  private readonly mrBySelf = new Map<string, Resource>();
  private readonly mrByRelated = new Map<string, Resource>();
  private readonly rtBySelf = new Map<string, Resource>();
  private readonly upBySelf = new Map<string, Resource>();
  private readonly upByRelated = new Map<string, Resource>();
  readonly meterReadings: Resource[] = [];
  readonly readingTypes: Resource[] = [];

  constructor(resources: readonly Resource[]) {
    for (const r of resources) {
      const self = r.meta.self;
      if (r.kind === 'MeterReading') {
        this.meterReadings.push(r);
        if (self !== undefined && !this.mrBySelf.has(self)) this.mrBySelf.set(self, r);
        for (const h of r.meta.related) if (!this.mrByRelated.has(h)) this.mrByRelated.set(h, r);
      } else if (r.kind === 'ReadingType') {
        this.readingTypes.push(r);
        if (self !== undefined && !this.rtBySelf.has(self)) this.rtBySelf.set(self, r);
      } else if (r.kind === 'UsagePoint') {
        if (self !== undefined && !this.upBySelf.has(self)) this.upBySelf.set(self, r);
        for (const h of r.meta.related) if (!this.upByRelated.has(h)) this.upByRelated.set(h, r);
      }
    }
  }

  meterReadingOf(block: Block): Resource | undefined {
    const { self, up, related } = block.meta;
    const named = (self !== undefined ? this.mrByRelated.get(self) : undefined) ?? (up !== undefined ? this.mrByRelated.get(up) : undefined);
    if (named !== undefined) return named;
    for (const h of related) {
      const mr = this.mrBySelf.get(h);
      if (mr !== undefined) return mr;
    }
    // ESPI's URL convention: …/MeterReading/{id}/IntervalBlock[/{id}].
    for (const h of [self, up]) {
      const m = h === undefined ? null : /^(.*)\/IntervalBlock(?:\/[^/]*)?$/.exec(h);
      const mr = m === null ? undefined : this.mrBySelf.get(m[1]!);
      if (mr !== undefined) return mr;
    }
    return undefined;
  }

  readingTypeOf(mr: Resource): Resource | undefined {
    for (const h of mr.meta.related) {
      const rt = this.rtBySelf.get(h);
      if (rt !== undefined) return rt;
    }
    return undefined;
  }

  usagePointOf(mr: Resource): Resource | undefined {
    const { self, up, related } = mr.meta;
    const named = (self !== undefined ? this.upByRelated.get(self) : undefined) ?? (up !== undefined ? this.upByRelated.get(up) : undefined);
    if (named !== undefined) return named;
    for (const h of related) {
      const p = this.upBySelf.get(h);
      if (p !== undefined) return p;
    }
    const m = self === undefined ? null : /^(.*)\/MeterReading(?:\/[^/]*)?$/.exec(self);
    return m === null ? undefined : this.upBySelf.get(m[1]!);
  }
}

function readingsOf(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) n += b.count;
  return n;
}

/** The column plan of a ReadingType, or why its readings cannot be carried. */
function planFor(rt: Resource, notes: Notes, hasCost: boolean): ColumnPlan | string {
  const f = rt.fields;
  const path = entryPath(rt.meta.index) + '/content/ReadingType';
  const uom = int(f, 'uom');
  if (uom === undefined) return 'its ReadingType has no uom';
  const row = UOM_BY_CODE.get(uom);
  if (row === undefined) return `uom ${uom} is not in the mapping table`;
  if (row.type === null || row.units === undefined || row.valueKey === undefined) return `uom ${uom} (${row.espi}): ${row.note}`;
  const accumulation = int(f, 'accumulationBehaviour');
  if (accumulation === 3) return 'accumulationBehaviour 3 (cumulative): register readings, not usage per interval';
  const multiplier = int(f, 'powerOfTenMultiplier') ?? 0;
  const exact = row.units.find(([m]) => m === multiplier);
  const [unitMultiplier, units] = exact ?? row.units[0]!;
  const fields: Obj = {};
  if (row.type === 'electric_demand') {
    const q = int(f, 'dataQualifier');
    const demand = q === undefined ? undefined : DEMAND_BY_CODE.get(q);
    if (demand === undefined) return `uom 38 (W) with dataQualifier ${q ?? '(none)'}: neither average (2) nor maximum (8), so no demand_type`;
    fields.demand_type = demand.cds;
  }
  let sign: 1 | -1 = 1;
  const flow = int(f, 'flowDirection');
  if (flow !== undefined) {
    const d = DIRECTION_BY_CODE.get(flow);
    if (d === undefined) notes.warn('unknown-code', `${path}/flowDirection`, `flowDirection ${flow} is not in the mapping table: \`direction\` omitted (unknown)`);
    else {
      if (d.direction !== null && row.type !== 'natural_gas_usage') fields.direction = d.direction;
      sign = d.sign;
      if (d.reported) notes.warn('direction', `${path}/flowDirection`, `flowDirection ${flow} (${d.espi}): ${d.note}`);
    }
  }
  const tier = int(f, 'consumptionTier');
  if (tier !== undefined && tier !== 0) {
    if (tier >= 1 && tier <= TIER_MAX && row.type !== 'electric_demand') fields.tier = `tier_${tier}`;
    else notes.warn('not-carried', `${path}/consumptionTier`, `consumptionTier ${tier}: no 2026 tier for it; not carried`);
  }
  const tou = int(f, 'tou');
  if (tou !== undefined && tou !== 0) notes.warn('not-carried', `${path}/tou`, `tou ${tou}: ESPI numbers time-of-use periods, the draft names them (peak, off_peak, …), and the feed does not say which is which; not carried`);
  let currency: string | undefined;
  if (hasCost) {
    const code = int(f, 'currency');
    currency = code === undefined ? undefined : CURRENCY_BY_CODE.get(code)?.currency;
    if (currency === undefined) notes.warn('cost-dropped', `${path}/currency`, `readings carry cost but currency ${code ?? '(absent)'} is not an ISO 4217 code in the mapping table; the cost is not carried`);
  }
  const dq = f.get('defaultQuality');
  return { type: row.type, valueKey: row.valueKey, units, shift: multiplier - unitMultiplier, sign, fields, currency, defaultQuality: dq };
}

/** A reading's quality key (its codes, or the ReadingType's default) → the 2026 quality, or null. */
class QualityMap {
  private readonly cache = new Map<string, string | null>();
  private readonly reported = new Map<string, { path: string; count: number; why: string }>();
  constructor(private readonly path: string) {}

  /** Count `n` readings of `key` (reported when it has no 2026 quality). */
  count(key: string | undefined, n: number): void {
    if (key === undefined) return;
    if (this.resolve(key) === null) this.reported.get(key)!.count += n;
  }

  /** The 2026 quality of a code list (or the default), null when it has none; computed once per list. */
  resolve(key: string | undefined): string | null {
    if (key === undefined) return null;
    let q = this.cache.get(key);
    if (q === undefined) {
      q = this.compute(key);
      this.cache.set(key, q);
    }
    return q;
  }

  private compute(key: string): string | null {
    const codes = key.split(',');
    const qualities = new Set<string | null>();
    const why: string[] = [];
    for (const c of codes) {
      const row = /^\d+$/.test(c) ? QUALITY_BY_CODE.get(Number(c)) : undefined;
      if (row === undefined) why.push(`${JSON.stringify(c)} is not a ReadingQuality code in the mapping table`);
      else if (row.quality === null) why.push(`${c} (${row.espi}) has no 2026 counterpart`);
      qualities.add(row?.quality ?? null);
    }
    if (qualities.size === 1 && !qualities.has(null)) return [...qualities][0]!;
    if (why.length === 0) why.push(`codes ${codes.join(', ')} mean different 2026 qualities`);
    this.reported.set(key, { path: this.path, count: 0, why: why.join('; ') });
    return null;
  }

  report(notes: Notes): void {
    for (const [key, r] of this.reported) {
      if (r.count > 0) notes.warn('quality', r.path, `ReadingQuality ${key} on ${r.count} reading${r.count === 1 ? '' : 's'}: ${r.why}; those readings are carried without \`quality\``);
    }
  }
}

/** An Atom time as RFC 3339, a date-only time as its midnight UTC, else undefined. */
function atomTime(t: string | undefined): { time: string; dateOnly: boolean } | undefined {
  if (t === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(parseDateTime(`${t}T00:00:00Z`))) return { time: `${t}T00:00:00Z`, dateOnly: true };
  return Number.isNaN(parseDateTime(t)) ? undefined : { time: t, dateOnly: false };
}

function isoSeconds(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * A segment as the builder keeps it: every field but `values`, and the run
 * of stored readings its value sets are made of. Value sets are made only
 * when asked for (`valueSets`), so a page of a million readings costs the
 * typed arrays of the store, not a million small objects.
 */
export interface SegmentPlan {
  /** The segment without `values`. */
  readonly header: Obj;
  readonly run: Run;
}

export interface BuildResult {
  readonly segments: readonly SegmentPlan[];
  readonly store: ReadingStore;
  readonly readingsOut: number;
  readonly assumptions: EspiAssumption[];
}

/** The value sets of a segment, one at a time. */
export function* valueSets(store: ReadingStore, run: Run): Generator<unknown[]> {
  const { plan, order, columnOf, columns, cost } = run;
  const width = columns.length + (cost ? 1 : 0);
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    const set: unknown[] = new Array(width).fill(null);
    const v = shiftDecimal(store.value(i), plan.shift) * plan.sign;
    set[columnOf === null ? 0 : columnOf[r]!] = { [plan.valueKey]: v === 0 ? 0 : v };
    if (cost) {
      const c = store.cost(i);
      set[width - 1] = Number.isNaN(c) ? null : { c: shiftDecimal(c, COST_SHIFT) };
    }
    yield set;
  }
}

/**
 * An integer moved `places` decimal places, as exact decimal text (what a
 * JSON reader turns into the same number as `shiftDecimal` gives, without
 * making the number and printing it again).
 */
export function decimalText(n: number, places: number): string {
  if (n === 0) return '0';
  if (places >= 0) return places === 0 ? String(n) : String(n) + '0'.repeat(places);
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(n)).padStart(1 - places, '0');
  const cut = digits.length + places;
  const fraction = withoutTrailingZeros(digits.slice(cut));
  return `${sign}${digits.slice(0, cut)}${fraction === '' ? '' : '.' + fraction}`;
}

/** The value sets of a segment as JSON text, a batch at a time (the same numbers `valueSets` gives, without making objects). */
export function* valueSetsJson(store: ReadingStore, run: Run): Generator<string> {
  const { plan, order, columnOf, columns, cost } = run;
  const key = JSON.stringify(plan.valueKey);
  const nulls = columns.map(() => 'null');
  let batch = '';
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    const cells = columnOf === null && columns.length === 1 ? [''] : nulls.slice();
    cells[columnOf === null ? 0 : columnOf[r]!] = `{${key}:${decimalText(store.value(i) * plan.sign, plan.shift)}}`;
    if (cost) {
      const c = store.cost(i);
      cells.push(Number.isNaN(c) ? 'null' : `{"c":${decimalText(c, COST_SHIFT)}}`);
    }
    batch += `${r === 0 ? '' : ','}[${cells.join(',')}]`;
    if (batch.length > 65536) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/** The whole segment object. */
export function segmentObject(store: ReadingStore, seg: SegmentPlan): Obj {
  return { ...seg.header, values: [...valueSets(store, seg.run)] };
}

/** Assumptions, gathered by message so a page of 700 segments says each once with a count. */
class Assumptions {
  private readonly byMessage = new Map<string, { pointer: string; segments: number }>();
  add(pointer: string, message: string): void {
    const a = this.byMessage.get(message);
    if (a === undefined) this.byMessage.set(message, { pointer, segments: 1 });
    else a.segments += 1;
  }
  list(): EspiAssumption[] {
    return [...this.byMessage].map(([message, a]) => ({ pointer: a.pointer, message, segments: a.segments }));
  }
}

/** Build the 2026 page from a read feed; notes and the reading count go to `notes`. */
export function buildPage(feed: ParsedFeed, notes: Notes, options: BuildOptions = {}): BuildResult {
  const mode = options.quality ?? 'split';
  const now = options.now ?? new Date().toISOString();
  const rel = new Relations(feed.resources);
  const assumptions = new Assumptions();
  const series = new Map<Resource, Series>();
  const orphans: Block[] = [];
  for (const block of feed.blocks.values()) {
    const mr = rel.meterReadingOf(block);
    if (mr === undefined) {
      if (block.count > 0) orphans.push(block);
      continue;
    }
    const s = series.get(mr);
    if (s === undefined) series.set(mr, { mr, blocks: [block] });
    else s.blocks.push(block);
  }
  if (orphans.length > 0) {
    const n = readingsOf(orphans);
    const entries = orphans.map((b) => b.meta.index);
    notes.loss(
      'no-reading-type',
      entryPath(entries[0]!),
      `${n} readings in ${orphans.length} IntervalBlock${orphans.length === 1 ? '' : 's'} (entr${entries.length === 1 ? 'y' : 'ies'} ${entries.join(', ')}): no MeterReading in the feed names ${orphans.length === 1 ? 'this block' : 'these blocks'}, so the ReadingType (unit, multiplier, direction) is unknown; not carried`,
      n,
    );
  }
  const store = feed.store;
  const feedTime = atomTime(feed.feedUpdated);
  const synced = feedTime?.time ?? now;
  let out = 0;
  const pending: { seg: SegmentPlan; notes: [string, string][] }[] = [];
  for (const s of series.values()) {
    const n = readingsOf(s.blocks);
    if (n === 0) continue;
    const where = entryPath(s.mr.meta.index);
    const rt = rel.readingTypeOf(s.mr);
    if (rt === undefined) {
      notes.loss('no-reading-type', where, `${n} readings of MeterReading ${s.mr.meta.self ?? where}: none of its related links names a ReadingType in the feed; not carried`, n);
      continue;
    }
    const hasCost = s.blocks.some((b) => {
      for (let i = b.first; i < b.first + b.count; i++) if (!Number.isNaN(store.cost(i))) return true;
      return false;
    });
    const plan = planFor(rt, notes, hasCost);
    if (typeof plan === 'string') {
      notes.loss('unmapped-unit', entryPath(rt.meta.index) + '/content/ReadingType', `${n} readings of MeterReading ${s.mr.meta.self ?? where}: ${plan}; not carried`, n);
      continue;
    }
    const up = rel.usagePointOf(s.mr);
    const qualities = new QualityMap(entryPath(s.blocks[0]!.meta.index) + '/content/IntervalBlock');
    const runs = seriesRuns(s, store, plan, feed.qualityKeys, qualities, mode);
    qualities.report(notes);
    out += n;
    for (const run of runs) {
      const created = run.created;
      const modified = run.modified;
      const header: Obj = {
        cds_usagesegment_id: `${s.mr.meta.self ?? `#entry-${s.mr.meta.index}`}@${run.start}`,
        cds_created: created?.time ?? modified?.time ?? synced,
        cds_modified: modified?.time ?? created?.time ?? synced,
        cds_synced: synced,
        related_aggregations: [],
        related_accounts: [...(options.accounts ?? [])],
        related_servicecontracts: [],
        related_servicepoints: up?.meta.self === undefined ? [] : [up.meta.self],
        related_meterdevices: [],
        related_billsections: [],
        segment_start: isoSeconds(run.start),
        segment_end: isoSeconds(run.start + run.interval * run.order.length),
        interval: run.interval,
        formats: formatsOf(run),
      };
      const said: [string, string][] = [];
      if (created === undefined && modified === undefined) {
        said.push(['cds_created', `the IntervalBlock entries give no usable \`published\` or \`updated\`: \`cds_created\` and \`cds_modified\` are ${feedTime === undefined ? 'the import time' : "the feed's `updated`"}`]);
      } else if (created === undefined || modified === undefined) {
        said.push(['cds_created', 'the IntervalBlock entries give only one of `published` and `updated`: `cds_created` and `cds_modified` are both that time']);
      }
      if (created?.dateOnly || modified?.dateOnly) said.push(['cds_modified', 'an entry time is a date without a time of day: read as midnight UTC']);
      if (up === undefined) said.push(['related_servicepoints', 'no UsagePoint in the feed relates to the MeterReading: `related_servicepoints` is empty']);
      pending.push({ seg: { header, run }, notes: said });
    }
  }
  // The draft's listing order: segment_start ascending (ties: cds_modified descending).
  const h = (x: { seg: SegmentPlan }) => x.seg.header;
  pending.sort((a, b) => cmp(h(a).segment_start as string, h(b).segment_start as string) || cmp(h(b).cds_modified as string, h(a).cds_modified as string));
  const ids = new Map<string, number>();
  const segments: SegmentPlan[] = [];
  pending.forEach(({ seg, notes: said }, i) => {
    const id = seg.header.cds_usagesegment_id as string;
    const k = (ids.get(id) ?? 0) + 1;
    ids.set(id, k);
    if (k > 1) {
      seg.header.cds_usagesegment_id = `${id}-${k}`;
      said.push(['cds_usagesegment_id', 'two runs of one MeterReading start at the same time (overlapping readings): the later id gets a suffix -2, -3, …']);
    }
    for (const [field, message] of said) assumptions.add(`/usage_segments/${i}/${field}`, message);
    segments.push(seg);
  });
  if (feedTime === undefined && segments.length > 0) assumptions.add('/usage_segments/0/cds_synced', "the feed has no usable `updated`: `cds_synced` is the import time");
  else if (feedTime?.dateOnly && segments.length > 0) assumptions.add('/usage_segments/0/cds_synced', "the feed's `updated` is a date without a time of day: `cds_synced` is its midnight UTC");
  return { segments, store, readingsOut: out, assumptions: assumptions.list() };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type AtomTime = { time: string; dateOnly: boolean; ms: number };

function timed(t: string | undefined): AtomTime | undefined {
  const a = atomTime(t);
  return a === undefined ? undefined : { ...a, ms: parseDateTime(a.time) };
}

/** A run of readings that becomes one segment. */
export interface Run {
  readonly start: number;
  readonly interval: number;
  /** Store indices of the run's readings, in time order. */
  readonly order: Uint32Array;
  readonly plan: ColumnPlan;
  /** The quality of each usage column (null: none). */
  readonly columns: readonly (string | null)[];
  /** Per reading, its usage column; null when there is one column. */
  readonly columnOf: Uint8Array | null;
  /** A cost column follows the usage columns. */
  readonly cost: boolean;
  readonly created: AtomTime | undefined;
  readonly modified: AtomTime | undefined;
}

function formatsOf(run: Run): Obj[] {
  const { plan, columns } = run;
  const formats: Obj[] = columns.map((q) => {
    const f: Obj = { id: columns.length === 1 ? 'usage' : `usage_${q ?? 'unknown'}`, type: plan.type, units: plan.units, ...plan.fields };
    if (q !== null) f.quality = q;
    return f;
  });
  if (run.cost) formats.push({ id: 'cost', type: 'cost', currency: plan.currency, indexes: columns.map((_, k) => k) });
  return formats;
}

/**
 * The runs of one series: readings in time order, a new run where the
 * duration changes, a reading does not start where the previous ended, the
 * readings are periods (longer than a clock day), or (mode `split`) the
 * quality changes.
 */
function seriesRuns(s: Series, store: ReadingStore, plan: ColumnPlan, qualityKeys: readonly string[], qualities: QualityMap, mode: QualityMode): Run[] {
  const n = readingsOf(s.blocks);
  // Store indices and the block (position in the series) of each reading, then their time order (stable).
  const idx = new Uint32Array(n);
  const blockOf = new Uint32Array(n);
  let k = 0;
  s.blocks.forEach((b, bi) => {
    for (let i = 0; i < b.count; i++, k++) {
      idx[k] = b.first + i;
      blockOf[k] = bi;
    }
  });
  const perm = new Uint32Array(n);
  for (let p = 0; p < n; p++) perm[p] = p;
  const startOf = new Float64Array(n);
  let sorted = true;
  for (let p = 0; p < n; p++) {
    startOf[p] = store.start(idx[p]!);
    if (p > 0 && startOf[p]! < startOf[p - 1]!) sorted = false;
  }
  // Feeds list readings in time order almost always: sort only when they do not.
  if (!sorted) perm.sort((x, y) => startOf[x]! - startOf[y]! || x - y);
  const published = s.blocks.map((b) => timed(b.meta.published));
  const updated = s.blocks.map((b) => timed(b.meta.updated));
  // Quality by the store's quality index + 1 (0: no ReadingQuality, the ReadingType's default), resolved once.
  const keyAt = (k: number) => (k === 0 ? plan.defaultQuality : qualityKeys[k - 1]);
  const resolved = Array.from({ length: qualityKeys.length + 1 }, (_, k) => qualities.resolve(keyAt(k)));
  const counts = new Float64Array(qualityKeys.length + 1);
  const runs: Run[] = [];
  let from = 0;
  while (from < n) {
    const first = idx[perm[from]!]!;
    const interval = store.duration(first);
    const quality = mode === 'split' ? resolved[store.quality(first) + 1]! : null;
    let end = store.start(first) + interval;
    let to = from + 1;
    while (to < n && interval <= PERIOD_SECONDS) {
      const i = idx[perm[to]!]!;
      if (store.duration(i) !== interval || store.start(i) !== end) break;
      if (mode === 'split' && resolved[store.quality(i) + 1] !== quality) break;
      end += interval;
      to++;
    }
    const order = new Uint32Array(to - from);
    let created: AtomTime | undefined;
    let modified: AtomTime | undefined;
    let lastBlock = -1;
    let cost = false;
    for (let r = 0; r < order.length; r++) {
      const p = perm[from + r]!;
      const i = idx[p]!;
      order[r] = i;
      counts[store.quality(i) + 1]! += 1;
      if (plan.currency !== undefined && !Number.isNaN(store.cost(i))) cost = true;
      const b = blockOf[p]!;
      if (b !== lastBlock) {
        lastBlock = b;
        const c = published[b];
        const m = updated[b];
        if (c !== undefined && (created === undefined || c.ms < created.ms)) created = c;
        if (m !== undefined && (modified === undefined || m.ms > modified.ms)) modified = m;
      }
    }
    let columns: (string | null)[] = [quality];
    let columnOf: Uint8Array | null = null;
    if (mode === 'columns') {
      const byQuality = new Map<string | null, number>();
      const per = new Uint8Array(order.length);
      for (let r = 0; r < order.length; r++) {
        const q = resolved[store.quality(order[r]!) + 1]!;
        let c = byQuality.get(q);
        if (c === undefined) {
          c = byQuality.size;
          byQuality.set(q, c);
        }
        per[r] = c;
      }
      columns = [...byQuality.keys()];
      columnOf = columns.length > 1 ? per : null;
    }
    runs.push({ start: store.start(first), interval, order, plan, columns, columnOf, cost, created, modified });
    from = to;
  }
  counts.forEach((c, k) => qualities.count(keyAt(k), c));
  return runs;
}
