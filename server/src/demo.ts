import { documentShape } from 'cds-usage-segments';
import type { Model } from './db.js';
import type { Directory, ImportInput } from './import.js';

export interface DemoOptions {
  readonly meters: number;
  readonly days: number;
  /** Seconds per value set; must divide 3600 so that 23- and 25-hour days tile. */
  readonly interval: number;
  readonly seed: number;
  readonly model: Model;
  /** First local day, YYYY-MM-DD (America/New_York). */
  readonly start: string;
}

export const DEMO_DEFAULTS: DemoOptions = { meters: 4, days: 45, interval: 900, seed: 1, model: '2024', start: '2024-02-20' };

export interface DemoData {
  readonly accounts: string[];
  readonly directory: Directory;
  /** Documents to import in order: first the estimates, then the revisions and everything else. */
  readonly documents: ImportInput[];
  /** Segments stored after importing every document (revisions replace their estimate). */
  readonly segments: number;
}

/** mulberry32: a small, fast, seeded PRNG so that the same options give the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;

/** US Eastern daylight time: from the second Sunday of March 07:00Z to the first Sunday of November 06:00Z. */
function isEasternDst(utcMs: number): boolean {
  const year = new Date(utcMs).getUTCFullYear();
  const nthSunday = (month: number, n: number): number => {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (n - 1) * 7;
  };
  const start = Date.UTC(year, 2, nthSunday(2, 2), 7);
  const end = Date.UTC(year, 10, nthSunday(10, 1), 6);
  return utcMs >= start && utcMs < end;
}

/** Local midnight (America/New_York) of a calendar day, as UTC ms, and its offset in hours. */
function localMidnight(y: number, m: number, d: number): { ms: number; offset: number } {
  const standard = Date.UTC(y, m, d, 5);
  return isEasternDst(standard) ? { ms: standard - HOUR, offset: -4 } : { ms: standard, offset: -5 };
}

/** RFC 3339 with the local offset, e.g. 2024-03-10T00:00:00-05:00. */
function localTime(ms: number, offset: number): string {
  const shifted = new Date(ms + offset * HOUR).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  return `${shifted}${sign}${String(Math.abs(offset)).padStart(2, '0')}:00`;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

interface Meter {
  index: number;
  account: string;
  contract: string;
  point: string;
  device: string;
  net: boolean;
}

/** The document shapes the demo writes: those the converter writes (src/convert/to-2024.ts, to-2026.ts). */
type DemoShape = '2024' | '2026';

/** The document shape of a model's demo data, from the model registry (`documentShape`: the converter's edge); a model of another shape has no demo writer. */
function shapeOf(model: Model): DemoShape {
  const shape = documentShape(model);
  if (shape === '2024' || shape === '2026') return shape;
  throw new RangeError(`the demo writes documents of the 2024 or the 2026 shape; model ${model} has neither`);
}

/**
 * Deterministic, realistic demo data: one segment per meter and local day
 * (23 and 25 hours long on the DST days), a daily load shape with an evening
 * peak, a seasonal factor, noise; every third meter is net metered (rooftop
 * solar); some days have an outage disclosed as a `gap` segment (2024; the
 * meeting's proposal) or left as `null` values (both models); the last three
 * days of each meter are first published as estimates and the two older of
 * them are later revised in place with a later `cds_modified` (Option 1).
 */
export function generateDemo(options: DemoOptions): DemoData {
  const { meters, days, interval, seed, model } = options;
  const shape = shapeOf(model);
  if (!Number.isInteger(interval) || interval <= 0 || 3600 % interval !== 0) throw new RangeError('--interval must be a whole number of seconds that divides 3600');
  const random = prng(seed);
  const [y0, m0, d0] = options.start.split('-').map(Number) as [number, number, number];
  const meterList: Meter[] = [];
  const directory: Required<Pick<Directory, 'account' | 'servicecontract' | 'servicepoint' | 'meterdevice'>> = { account: {}, servicecontract: {}, servicepoint: {}, meterdevice: {} };
  const accounts: string[] = [];
  for (let i = 0; i < meters; i++) {
    const n = String(i + 1).padStart(4, '0');
    const acctIndex = Math.floor(i / 2) + 1; // two meters per account
    const account = `acc-${String(acctIndex).padStart(4, '0')}`;
    if (!accounts.includes(account)) {
      accounts.push(account);
      directory.account[account] = `4400-${String(1000 + acctIndex * 37).padStart(4, '0')}-${String(acctIndex).padStart(4, '0')}`;
    }
    const meter: Meter = { index: i, account, contract: `sc-${n}`, point: `sp-${n}`, device: `md-${n}`, net: i % 3 === 2 };
    directory.servicecontract[meter.contract] = `SC-${String(70000 + i * 13)}`;
    directory.servicepoint[meter.point] = `SP-${String(50000 + i * 7)}`;
    directory.meterdevice[meter.device] = `MTR-${String(90000 + i * 11)}`;
    meterList.push(meter);
  }
  const estimates: unknown[] = [];
  const finals: unknown[] = [];
  for (const meter of meterList) {
    const scale = 0.6 + random() * 0.8;
    const solarSize = meter.net ? 1.2 + random() * 1.5 : 0;
    for (let day = 0; day < days; day++) {
      const date = new Date(Date.UTC(y0, m0 - 1, d0 + day));
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
      const startOf = localMidnight(y, m, d);
      const endOf = localMidnight(y, m, d + 1);
      const slots = (endOf.ms - startOf.ms) / (interval * 1000);
      const season = 1 + 0.35 * Math.cos(((m + (d - 1) / 31 - 0.5) / 12) * 2 * Math.PI); // more load in winter
      const readings: [number, number][] = []; // [consumption, generation] kWh per slot
      for (let k = 0; k < slots; k++) {
        const localHour = ((startOf.ms + k * interval * 1000 - startOf.ms) / HOUR + 24) % 24;
        const daily = 0.5 + 0.3 * Math.exp(-((localHour - 8) ** 2) / 4) + 0.8 * Math.exp(-((localHour - 19) ** 2) / 6);
        const load = ((scale * season * daily * (0.85 + 0.3 * random())) * interval) / 3600;
        const sun = Math.max(0, Math.sin(((localHour - 6) / 13) * Math.PI));
        const gen = ((solarSize * sun * (0.7 + 0.3 * random())) * interval) / 3600;
        readings.push([load, gen]);
      }
      const roll = random();
      const base = {
        ids: { account: meter.account, contract: meter.contract, point: meter.point, device: meter.device, bill: `bs-${meter.account}-${y}-${String(m + 1).padStart(2, '0')}` },
        shape,
        interval,
        net: meter.net,
        index: meter.index,
        id: `seg-${meter.device}-${y}${String(m + 1).padStart(2, '0')}${String(d).padStart(2, '0')}`,
        created: localTime(endOf.ms + 6 * HOUR, endOf.offset),
      };
      const estimateDay = day >= days - 3;
      if (roll < 0.04 && shape === '2024' && !estimateDay) {
        // A disclosed outage: data up to 17:00 local, a one-hour gap segment, data from 18:00.
        const cut = (17 * 3600) / interval;
        const gapStart = startOf.ms + cut * interval * 1000;
        finals.push(segment(base, `${base.id}-a`, startOf.ms, startOf.offset, readings.slice(0, cut), 'valid'));
        finals.push(gapSegment(base, `${base.id}-gap`, gapStart, startOf.offset));
        finals.push(segment(base, `${base.id}-b`, gapStart + HOUR, startOf.offset, readings.slice(cut + 3600 / interval), 'valid'));
        continue;
      }
      if (roll < 0.08 && !estimateDay) {
        // An undisclosed outage: two hours of null values inside the day.
        const from = (3 * 3600) / interval;
        const to = (5 * 3600) / interval;
        finals.push(segment(base, base.id, startOf.ms, startOf.offset, readings, 'valid', { from, to }));
        continue;
      }
      if (estimateDay) {
        const estimate = segment(base, base.id, startOf.ms, startOf.offset, readings.map(([l, g]) => [l * 1.03, g]), 'estimated');
        estimates.push(estimate);
        if (day < days - 1) {
          // Validated two days later: same id, cds_created and span; cds_modified moves on.
          finals.push(segment(base, base.id, startOf.ms, startOf.offset, readings, 'valid', undefined, localTime(endOf.ms + 54 * HOUR, endOf.offset)));
        }
        continue;
      }
      finals.push(segment(base, base.id, startOf.ms, startOf.offset, readings, 'valid'));
    }
  }
  const stored = new Set<string>();
  for (const s of [...estimates, ...finals]) stored.add((s as { cds_usagesegment_id: string }).cds_usagesegment_id);
  const page = (list: unknown[]): unknown => ({ usage_segments: list, next: null, previous: null });
  return {
    accounts,
    directory,
    documents: [
      { file: 'demo:estimates', doc: page(estimates) },
      { file: 'demo:segments', doc: page(finals) },
    ],
    segments: stored.size,
  };
}

interface Base {
  ids: { account: string; contract: string; point: string; device: string; bill: string };
  /** The meter's index (0-based): odd meters use the draft's format names (2024). */
  index: number;
  /** The document shape written (`documentShape` of the model). */
  shape: DemoShape;
  interval: number;
  net: boolean;
  id: string;
  created: string;
}

function header(b: Base, id: string, startMs: number, offset: number, endMs: number, modified?: string): Record<string, unknown> {
  const endOffset = isEasternDst(endMs) ? -4 : -5;
  return {
    cds_usagesegment_id: id,
    cds_created: b.created,
    cds_modified: modified ?? b.created,
    ...(b.shape === '2026' ? { cds_synced: modified ?? b.created } : {}),
    related_aggregations: [],
    related_accounts: [b.ids.account],
    related_servicecontracts: [b.ids.contract],
    related_servicepoints: [b.ids.point],
    related_meterdevices: [b.ids.device],
    related_billsections: [b.ids.bill],
    segment_start: localTime(startMs, offset),
    segment_end: localTime(endMs, endOffset),
    interval: b.interval,
  };
}

/**
 * 2024 format strings: the meeting's (`kwh_fwd`, with `_estimate` for
 * estimates) on even meters, the draft's §11.2 names (2024-09 L469–472:
 * `usage_fwd_kwh`, `usage_rev_kwh`, `usage_net_kwh`) on the odd meters' valid
 * readings, so that Clients meet both vocabularies. The draft has no name
 * for an estimate, so estimates keep the meeting's.
 */
function formats2024(b: Base, quality: 'valid' | 'estimated'): string[] {
  if (quality === 'valid' && b.index % 2 === 1) return b.net ? ['usage_fwd_kwh', 'usage_rev_kwh', 'usage_net_kwh'] : ['usage_fwd_kwh'];
  const suffix = quality === 'estimated' ? '_estimate' : '';
  return b.net ? [`kwh_fwd${suffix}`, `kwh_rev${suffix}`, `kwh_net${suffix}`] : [`kwh_fwd${suffix}`];
}

function segment(
  b: Base,
  id: string,
  startMs: number,
  offset: number,
  readings: [number, number][],
  quality: 'valid' | 'estimated',
  outage?: { from: number; to: number },
  modified?: string,
): Record<string, unknown> {
  const endMs = startMs + readings.length * b.interval * 1000;
  const missing = (k: number): boolean => outage !== undefined && k >= outage.from && k < outage.to;
  if (b.shape === '2024') {
    const format = formats2024(b, quality);
    const values = readings.map(([load, gen], k) => {
      if (missing(k)) return format.map(() => null);
      if (!b.net) return [{ v: round3(load) }];
      const fwd = round3(Math.max(load - gen, 0));
      const rev = round3(-Math.max(gen - load, 0));
      return [{ v: fwd }, { v: rev }, { v: round3(fwd + rev) }];
    });
    return { ...header(b, id, startMs, offset, endMs, modified), format, values };
  }
  const column = (fid: string, direction: string): Record<string, unknown> => ({ id: fid, type: 'electric_usage', units: 'kWh', direction, quality });
  const formats = b.net ? [column('fwd', 'forward'), column('rev', 'reverse'), column('net', 'net')] : [column('fwd', 'forward')];
  const values = readings.map(([load, gen], k) => {
    if (missing(k)) return formats.map(() => null);
    if (!b.net) return [{ eu: round3(load) }];
    const fwd = round3(Math.max(load - gen, 0));
    const rev = round3(-Math.max(gen - load, 0));
    return [{ eu: fwd }, { eu: rev }, { eu: round3(fwd + rev) }];
  });
  return { ...header(b, id, startMs, offset, endMs, modified), formats, values };
}

function gapSegment(b: Base, id: string, startMs: number, offset: number): Record<string, unknown> {
  return { ...header({ ...b, interval: 3600 }, id, startMs, offset, startMs + HOUR), format: ['gap'], values: [[{ reason_type: 'outage' }]] };
}
