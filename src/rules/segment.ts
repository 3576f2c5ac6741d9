/** The rules of one usage segment (the JSON Schema has run before), on the column model. */
import { KIND_INVALID, KIND_EXTENSION, type Column, type Columns } from '../columns/column.js';
import { getRule } from '../registry.js';
import { type CheckContext, schemaClean, schemaErrorAt, schemaErrorAtOrUnder } from '../context.js';
import { checkValueFormats } from './formats.js';
import { checkValueSets } from './values/loop.js';
import { show } from '../json.js';
import { ptr } from '../pointer.js';
import { plural } from '../words.js';
import { compareInstants, formatInstant, millisBetween, parseInstant, type Instant } from '../time.js';
import { intervalFit } from '../tolerance.js';

/** What the page-level rules need to know about one segment. */
export interface SegmentSummary {
  /** Index in `usage_segments` (0 for a single segment). */
  index: number;
  /** Pointer to the segment. */
  path: string;
  id: string | undefined;
  /** Null if unusable. */
  start: Instant | null;
  end: Instant | null;
  /** Seconds, NaN if unusable. */
  interval: number;
  /** Bit set of measurements (the model's measurement order). */
  measurements: number;
  /** Has a `gap` column. */
  gap: boolean;
  /** Canonical key of the related_* id sets, or null if they are malformed. */
  relatedKey: string | null;
  /** Usable on the timeline (valid start/end/interval, end > start). */
  timed: boolean;
}

/** The layout of an RFC 3339 date-time up to its seconds. */
const RFC3339_LAYOUT = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** A date-time field as an exact instant; null when it is unusable, including when the schema rejected it (a rejected field takes no part in later rules). */
function checkDate(seg: Record<string, unknown>, field: string, base: string, ctx: CheckContext, id: string | undefined): Instant | null {
  if (!schemaClean(ctx) && schemaErrorAtOrUnder(ctx, ptr(base, field))) return null;
  const raw = seg[field];
  const t = parseInstant(raw);
  if (t !== null || typeof raw !== 'string') return t;
  if (RFC3339_LAYOUT.test(raw)) {
    // Laid out as RFC 3339 but no real instant (2024-02-30, 25:00, a leap
    // second not at 23:59 UTC): not a date-time in either draft's sense,
    // although the 2024 text's pattern (ISO 8601 syntax) lets it through.
    ctx.collector.add('schema', ptr(base, field), `${field} ${show(raw)} is not a real date and time`, id);
  } else if (ctx.schema.recommended?.has(ptr(base, field)) !== true) {
    // Legal but not RFC 3339 (a 2024 ISO 8601 form) and not yet reported by the schema pass.
    ctx.collector.add('date-time-rfc3339', ptr(base, field), `${field} ${show(raw)} is not an RFC 3339 date-time with an offset: ${getRule('date-time-rfc3339')?.advice ?? ''}`, id);
  }
  return null;
}

/**
 * The key of a segment's series: every `related_*` list as a sorted set, in
 * JSON, so that no two different sets share a key whatever the ids contain.
 * Null when a list is malformed (a schema error).
 */
function relatedKeyOf(seg: Record<string, unknown>, base: string, ctx: CheckContext): string | null {
  if (sameAsLast(seg, base, ctx)) return lastRelated!.key;
  const lists: unknown[] = [];
  for (const f of ctx.model.relatedFields) {
    const a = seg[f];
    if (a === undefined && ctx.model.optionalRelated.has(f)) {
      lists.push(undefined);
      continue;
    }
    if (!Array.isArray(a) || (!schemaClean(ctx) && schemaErrorAtOrUnder(ctx, ptr(base, f)))) return null;
    for (const x of a) if (typeof x !== 'string') return null;
    lists.push(a);
  }
  // The segments of a page mostly repeat the previous one's lists (one meter): the same ids give the same key.
  if (lastRelated !== null && lastRelated.model === ctx.model && sameLists(lastRelated.lists, lists)) return lastRelated.key;
  // A list of one id (the usual case) is its own sorted set: no copy.
  // Sets: order and repeats do not matter (2026 has no uniqueItems; 2024 reports a repeat as a schema error, which keeps the segment off the timeline).
  const sets = lists.map((a) => (a === undefined ? [] : (a as string[]).length < 2 ? a : [...new Set(a as string[])].sort()));
  const key = JSON.stringify(sets);
  lastRelated = { model: ctx.model, lists: lists.map((a) => (a === undefined ? a : [...(a as string[])])), key };
  return key;
}

/** The last key built, with copies of the lists it was built from (copies: a caller may change its document between checks). */
let lastRelated: { model: CheckContext['model']; lists: unknown[]; key: string } | null = null;

/**
 * Has the segment the lists of the last key built, id for id, each free of
 * schema errors? (The usual case on a page of one meter, decided without
 * building anything: those lists were checked well formed when the key was
 * built, so equal ones are too.)
 */
function sameAsLast(seg: Record<string, unknown>, base: string, ctx: CheckContext): boolean {
  if (lastRelated === null || lastRelated.model !== ctx.model) return false;
  const fields = ctx.model.relatedFields;
  const lists = lastRelated.lists;
  for (let i = 0; i < fields.length; i++) {
    const a = seg[fields[i]!];
    const last = lists[i] as string[] | undefined;
    // An absent list was kept only for an optional field.
    if (last === undefined) {
      if (a !== undefined) return false;
      continue;
    }
    if (!Array.isArray(a) || a.length !== last.length) return false;
    for (let j = 0; j < a.length; j++) if (a[j] !== last[j]) return false;
    if (!schemaClean(ctx) && schemaErrorAtOrUnder(ctx, ptr(base, fields[i]!))) return false;
  }
  return true;
}

/** Same lists, id for id in order (absent matches absent only). */
function sameLists(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string[] | undefined;
    const y = b[i] as string[] | undefined;
    if (x === undefined || y === undefined) {
      if (x !== y) return false;
      continue;
    }
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

/**
 * `interval-arithmetic`. Amounts over intervals (2024-09 §11.1 L456–457)
 * must tile the segment: `count × interval = end − start`. Readings at points
 * in time (L457: `interval` is the time between them; 2026: meter readings
 * and instant demand, whose segment end the draft fixes only for duration
 * values, §10.8.1 L5452) only must not fall after `segment_end`:
 * `(count − 1) × interval ≤ end − start`; where the last reading sits before
 * `segment_end` the draft does not say, so any place up to it is accepted (a
 * Decision). Exact instants; the rule's tolerance only.
 */
function checkIntervalArithmetic(count: number, interval: number, start: Instant, end: Instant, timing: Columns['timing'], base: string, ctx: CheckContext, id: string | undefined): void {
  if (timing === 'instant') {
    if (intervalFit(Math.max(0, count - 1), interval, start, end) > 0) reportReadingsPastEnd(count, interval, start, end, base, ctx, id);
    return;
  }
  if (intervalFit(count, interval, start, end) !== 0) reportIntervalArithmetic(count, interval, start, end, base, ctx, id);
}

// The reports build their path and message lazily, in closures. They are
// functions of their own so that the check above, which runs on every
// segment, allocates nothing: a function that creates a closure allocates the
// variables it shares with it on every call, whichever branch runs.

function reportReadingsPastEnd(count: number, interval: number, start: Instant, end: Instant, base: string, ctx: CheckContext, id: string | undefined): void {
  ctx.collector.add(
    'interval-arithmetic',
    ptr(base, 'values'),
    () =>
      `${plural(count, 'reading')} ${interval} s apart span ${(Math.max(0, count - 1) * interval * 1000) / 1000} s, but segment_end − segment_start = ${millisBetween(start, end) / 1000} s: the last reading falls after segment_end`,
    id,
  );
}

function reportIntervalArithmetic(count: number, interval: number, start: Instant, end: Instant, base: string, ctx: CheckContext, id: string | undefined): void {
  ctx.collector.add('interval-arithmetic', () => intervalArithmeticPath(interval, start, end, base), () => intervalArithmeticMessage(count, interval, start, end), id);
}

/** Whole intervals from segment_start to segment_end, or null when segment_end is not on that grid (exactly, within the tolerance). */
function wholeIntervals(interval: number, start: Instant, end: Instant): number | null {
  const whole = Math.round(millisBetween(start, end) / (interval * 1000));
  // A tiny interval over a long span gives no count worth naming (Infinity, or past exact integers).
  return Number.isSafeInteger(whole) && whole >= 0 && intervalFit(whole, interval, start, end) === 0 ? whole : null;
}

/**
 * Which field to fix. When segment_end lies on the interval grid from
 * segment_start, the span and the interval agree with each other and the
 * count of value sets is what is off: `/values`. Otherwise no count fits the
 * span, so segment_end is the field to change: `/segment_end`.
 */
function intervalArithmeticPath(interval: number, start: Instant, end: Instant, base: string): string {
  return ptr(base, wholeIntervals(interval, start, end) === null ? 'segment_end' : 'values');
}

/** The message says what would be right: the expected count, or the expected segment_end instant. */
function intervalArithmeticMessage(count: number, interval: number, start: Instant, end: Instant): string {
  const actual = millisBetween(start, end);
  const ends = formatInstant({ ms: start.ms + count * interval * 1000, sub: start.sub });
  const sets = plural(count, 'value set');
  const whole = wholeIntervals(interval, start, end);
  if (whole !== null) {
    return `values has ${sets}, but segment_start to segment_end (${actual / 1000} s) at an interval of ${interval} s needs ${plural(whole, 'value set')}; or, if the values are right, segment_end must be ${ends}`;
  }
  const alt = count === 1 ? `; or, if segment_end is right, interval must be ${actual / 1000} s` : '';
  return `segment_end must be ${ends} for ${sets} of ${interval} s (segment_start + ${count} × ${interval} s); it is ${actual / 1000} s after segment_start${alt}`;
}

/**
 * Are the value sets measured against the segment's columns? Yes when there
 * are columns, and when the columns member is an empty array the schema
 * accepts (2026 `formats: []`); not when it is missing or malformed (a schema
 * error: that field takes no part in the rules).
 */
function columnsListed(seg: Record<string, unknown>, cols: Columns, base: string, ctx: CheckContext): boolean {
  if (cols.list.length > 0) return true;
  const field = ctx.model.columnsField;
  return Array.isArray(seg[field]) && !schemaErrorAt(ctx, ptr(base, field));
}

/**
 * `unknown-format`: a likely typo (one or two edits from a known format, or
 * only the letter case differs) always; any other extension format when the
 * registry's strict-mode widening applies, except a type the caller's Server
 * Metadata declares (2026: the Server's own, described). 2026 near-misses of
 * a defined type are `unknown-enum`.
 */
function checkColumnsKnown(cols: Columns, base: string, ctx: CheckContext, id: string | undefined): void {
  const everyExtension = ctx.collector.widened('unknown-format');
  const list = cols.list;
  for (let i = 0; i < list.length; i++) {
    const col = list[i]!;
    if (col.suggestion !== null && (col.kind === KIND_EXTENSION || col.kind === KIND_INVALID)) {
      ctx.collector.add('unknown-format', ptr(base, ctx.model.columnsField, i), `format ${show(col.label)} is not a known format; did you mean ${show(col.suggestion)}?`, id);
    } else if (everyExtension && col.kind === KIND_EXTENSION && !(col.type !== undefined && ctx.declaredTypes?.has(col.type) === true)) {
      reportExtensionColumn(col, i, base, ctx, id);
    }
  }
}

function reportExtensionColumn(col: Column, i: number, base: string, ctx: CheckContext, id: string | undefined): void {
  ctx.collector.add('unknown-format', ptr(base, ctx.model.columnsField, i), () => ctx.model.words.extensionColumn(col), id);
}

/**
 * The rules of one usage segment (the JSON Schema has run before).
 * Returns what the page-level rules need.
 */
export function checkSegment(seg: Record<string, unknown>, base: string, index: number, ctx: CheckContext): SegmentSummary {
  const c = ctx.collector;
  const rawId = seg.cds_usagesegment_id;
  const id = typeof rawId === 'string' ? rawId : undefined;

  if (c.enabled('unknown-field')) {
    for (const k of Object.keys(seg)) {
      if (!ctx.model.segmentMembers.has(k)) c.add('unknown-field', ptr(base, k), `property ${show(k)} is not defined for a usage segment`, id);
    }
  }

  const created = checkDate(seg, 'cds_created', base, ctx, id);
  const modified = checkDate(seg, 'cds_modified', base, ctx, id);
  const start = checkDate(seg, 'segment_start', base, ctx, id);
  const end = checkDate(seg, 'segment_end', base, ctx, id);

  if (created !== null && modified !== null && compareInstants(modified, created) < 0) {
    c.add('timestamps', ptr(base, 'cds_modified'), `cds_modified ${show(seg.cds_modified)} is earlier than cds_created ${show(seg.cds_created)}`, id);
  }
  // An end before the start contradicts the two definitions; an equal one does not (one reading, or no value sets).
  let boundsOk = start !== null && end !== null;
  if (start !== null && end !== null && compareInstants(end, start) < 0) {
    c.add('segment-bounds', ptr(base, 'segment_end'), `segment_end ${show(seg.segment_end)} is earlier than segment_start ${show(seg.segment_start)}`, id);
    boundsOk = false;
  }
  const rawInterval = seg.interval;
  const interval =
    typeof rawInterval === 'number' && Number.isFinite(rawInterval) && rawInterval > 0 && (schemaClean(ctx) || !schemaErrorAt(ctx, ptr(base, 'interval'))) ? rawInterval : NaN;

  const cols = ctx.model.columnsOf(seg);
  checkValueFormats(seg, base, ctx, id);
  // A likely typo (one or two edits from a known format, or only the letter
  // case differs) always; any other extension format when the registry's
  // strict-mode widening applies, except a type the caller's Server Metadata
  // declares (2026: the Server's own, described). 2026 near-misses of a
  // defined type are `unknown-enum`.
  checkColumnsKnown(cols, base, ctx, id);

  const values = seg.values;
  if (Array.isArray(values)) {
    // No value sets (2026: every value type withheld, a span without data, §7.2.8.1) is not checked; 2024 requires some (schema).
    if (boundsOk && !Number.isNaN(interval) && values.length > 0) checkIntervalArithmetic(values.length, interval, start!, end!, cols.timing, base, ctx, id);
    // An empty column list is a list too (2026 `formats: []`, issue 25.1): every non-empty value set is then too long.
    if (columnsListed(seg, cols, base, ctx) && ctx.schema.cleanValues?.[index] !== seg) checkValueSets(values, cols, base, ctx, id);
  }

  // On a timeline only segments that span time count (a zero-length segment covers nothing).
  const timed = boundsOk && !Number.isNaN(interval) && compareInstants(end!, start!) > 0;
  return {
    index,
    path: base,
    id,
    start,
    end,
    interval,
    measurements: cols.measurements,
    gap: cols.gap,
    relatedKey: timed ? relatedKeyOf(seg, base, ctx) : null,
    timed,
  };
}
