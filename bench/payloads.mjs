// Deterministic benchmark payloads, generated at run time (never committed).
//
//   listingPage()   (a) 100 segments × 2,976 value sets × 3 columns: a month of
//                   15-minute net-metering data per segment, about 10 MB of JSON
//   yearSegment()   (b) one segment of a year of 15-minute data (35,040 value sets)
//   monthlySegment() (c) one segment holding one monthly value set
//
// kwh_fwd ≥ 0, kwh_rev ≤ 0 and kwh_net = kwh_fwd + kwh_rev (to the cent), so
// every document is valid and exercises the net-balance check on every value set.

export const QUARTER_HOUR_S = 900;
export const MONTH_SETS = 2976; // 31 days × 96
export const YEAR_SETS = 35040; // 365 days × 96
export const PAGE_SEGMENTS = 100;

const T0 = Date.UTC(2024, 0, 1);
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Park–Miller minimal standard generator: same sequence on every run. */
function lcg(seed) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

function netMeteringValues(count, rnd) {
  const values = new Array(count);
  for (let k = 0; k < count; k++) {
    const fwd = Math.round(rnd() * 300) / 100;
    const rev = -Math.round(rnd() * 100) / 100;
    values[k] = [{ v: fwd }, { v: rev }, { v: Math.round((fwd + rev) * 100) / 100 }];
  }
  return values;
}

function segment(id, startMs, count, intervalS, format, values, related) {
  return {
    cds_usagesegment_id: id,
    cds_created: '2025-01-01T00:00:00Z',
    cds_modified: '2025-01-01T00:00:00Z',
    related_aggregations: [],
    related_accounts: [`acct-${related}`],
    related_servicecontracts: [`contract-${related}`],
    related_servicepoints: [`sp-${related}`],
    related_meterdevices: [`meter-${related}`],
    related_billsections: [],
    related_eacs: [],
    segment_start: iso(startMs),
    segment_end: iso(startMs + count * intervalS * 1000),
    interval: intervalS,
    format,
    values,
  };
}

const NET_FORMAT = ['kwh_fwd', 'kwh_rev', 'kwh_net'];

/**
 * (a) A listing page: 100 consecutive 31-day segments of one meter (the same
 * related ids, so the timeline checks sort and compare all 100), each 2,976
 * quarter-hours of net metering.
 */
export function listingPage() {
  const rnd = lcg(1);
  const usage_segments = [];
  for (let s = 0; s < PAGE_SEGMENTS; s++) {
    const start = T0 + s * MONTH_SETS * QUARTER_HOUR_S * 1000;
    usage_segments.push(segment(`seg-${s}`, start, MONTH_SETS, QUARTER_HOUR_S, NET_FORMAT, netMeteringValues(MONTH_SETS, rnd), 0));
  }
  return { usage_segments, next: null, previous: null };
}

/** (b) One segment: 2024-01-01 + 365 days of 15-minute net metering. */
export function yearSegment() {
  return segment('seg-year', T0, YEAR_SETS, QUARTER_HOUR_S, NET_FORMAT, netMeteringValues(YEAR_SETS, lcg(2)), 0);
}

/** (c) One segment with one monthly value set (2024-01-15 to 2024-02-15). */
export function monthlySegment() {
  const start = Date.UTC(2024, 0, 15);
  return segment('seg-month', start, 1, 31 * 86400, ['kwh_fwd'], [[{ v: 412.37 }]], 0);
}

/** All three as JSON text, with the documents parsed from that text. */
export function payloadTexts() {
  return {
    page: JSON.stringify(listingPage()),
    year: JSON.stringify(yearSegment()),
    monthly: JSON.stringify(monthlySegment()),
  };
}

// ---------------------------------------------------------------- worst cases
// Pages built to make a naive checker quadratic: every segment of one meter
// (the same related ids), each a day of quarter-hours of kwh_fwd.

/** Value sets per segment of the hostile pages in the benchmark: a day of quarter-hours. */
export const WORST_SETS = 96;

function dayValues(rnd, sets) {
  const values = new Array(sets);
  for (let k = 0; k < sets; k++) values[k] = [{ v: Math.round(rnd() * 300) / 100 }];
  return values;
}

/** `n` one-day segments of one meter, each placed by `place(i)`, each `sets` value sets (`sets` divides a day). */
function worstPage(n, sets, place) {
  const rnd = lcg(3);
  const usage_segments = [];
  for (let i = 0; i < n; i++) {
    const { id, day } = place(i);
    usage_segments.push(segment(id, T0 + day * 86_400_000, sets, 86_400 / sets, ['kwh_fwd'], dayValues(rnd, sets), 0));
  }
  return { usage_segments, next: null, previous: null };
}

/**
 * The hostile pages, by name, of `n` one-day segments (`sets` value sets each,
 * a day of quarter-hours by default): every segment on the same day (each
 * overlaps all others), one id for all, or a day missing between any two.
 */
export const WORST_CASES = {
  overlapping: (n, sets = WORST_SETS) => worstPage(n, sets, (i) => ({ id: `seg-${i}`, day: 0 })),
  'duplicate ids': (n, sets = WORST_SETS) => worstPage(n, sets, (i) => ({ id: 'seg-0', day: i })),
  holes: (n, sets = WORST_SETS) => worstPage(n, sets, (i) => ({ id: `seg-${i}`, day: 2 * i })),
};

// ---------------------------------------------------------------- the 2026 model
// The same page as (a) in the 2026 draft's terms: three electric_usage Value
// Formats (forward, reverse, net; kWh, quality revenue), values {"eu": n},
// and cds_synced. Reverse is negative (the draft's sign convention), so the
// net-balance check runs on every value set.

const FORMATS_2026 = ['forward', 'reverse', 'net'].map((direction) => ({ id: `eu_${direction}`, type: 'electric_usage', units: 'kWh', direction, quality: 'revenue' }));

function netMeteringValues2026(count, rnd) {
  const values = new Array(count);
  for (let k = 0; k < count; k++) {
    const fwd = Math.round(rnd() * 300) / 100;
    const rev = -Math.round(rnd() * 100) / 100;
    values[k] = [{ eu: fwd }, { eu: rev }, { eu: Math.round((fwd + rev) * 100) / 100 }];
  }
  return values;
}

/** (a′) The 2026 listing page: 100 consecutive 31-day segments of one meter, 2,976 quarter-hours each. */
export function listingPage2026() {
  const rnd = lcg(1);
  const usage_segments = [];
  for (let s = 0; s < PAGE_SEGMENTS; s++) {
    const start = T0 + s * MONTH_SETS * QUARTER_HOUR_S * 1000;
    const { format: _unused, related_eacs: _none, ...rest } = segment(`seg-${s}`, start, MONTH_SETS, QUARTER_HOUR_S, null, netMeteringValues2026(MONTH_SETS, rnd), 0);
    usage_segments.push({ ...rest, cds_synced: '2025-01-02T00:00:00Z', formats: FORMATS_2026, values: rest.values });
  }
  return { usage_segments, next: null, previous: null };
}

// ---------------------------------------------------------------- small segments
// Pages of many small segments (the shape of daily or billing-period
// listings): each segment four hourly value sets of kwh_fwd, one meter.

/** Value sets per small segment, and their interval (s). */
export const SMALL_SETS = 4;
export const SMALL_INTERVAL_S = 3600;
const SMALL_SPAN_MS = SMALL_SETS * SMALL_INTERVAL_S * 1000;

function smallPage(n, place) {
  const rnd = lcg(4);
  const usage_segments = [];
  for (let i = 0; i < n; i++) {
    const { id, slot } = place(i);
    usage_segments.push(segment(id, T0 + slot * SMALL_SPAN_MS, SMALL_SETS, SMALL_INTERVAL_S, ['kwh_fwd'], dayValues(rnd, SMALL_SETS), 0));
  }
  return { usage_segments, next: null, previous: null };
}

/**
 * The small-segment pages, by name, of `n` segments of four hourly values:
 * one after the other, and the three hostile placements of WORST_CASES
 * (every segment at the same time, one id for all, a slot missing between any two).
 */
export const SMALL_CASES = {
  consecutive: (n) => smallPage(n, (i) => ({ id: `seg-${i}`, slot: i })),
  overlapping: (n) => smallPage(n, (i) => ({ id: `seg-${i}`, slot: 0 })),
  'duplicate ids': (n) => smallPage(n, (i) => ({ id: 'seg-0', slot: i })),
  holes: (n) => smallPage(n, (i) => ({ id: `seg-${i}`, slot: 2 * i })),
};
