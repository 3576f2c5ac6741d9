/**
 * The driver of one usage segment's rules (the JSON Schema has run before),
 * on the column model: it reads the segment's fields once and calls each
 * rule module (segment/, values/, and formats.ts for 2026's Value Formats)
 * by name where its part is read.
 */
import type { Columns } from '../columns/column.js';
import { type CheckContext, schemaClean, schemaErrorAt, schemaErrorAtOrUnder } from '../context.js';
import { ptr } from '../pointer.js';
import { keepShape } from '../shapes.js';
import { compareInstants, type Instant } from '../time.js';
import { checkValueFormats } from './formats.js';
import { dateTime } from './segment/date-time.js';
import { intervalArithmetic } from './segment/interval-arithmetic.js';
import { segmentBounds } from './segment/segment-bounds.js';
import { timestamps } from './segment/timestamps.js';
import { segmentUnknownField } from './segment/unknown-field.js';
import { unknownFormat } from './segment/unknown-format.js';
import { checkValueSets } from './values/loop.js';

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

/**
 * The series key of the segment before, when the quick check found this
 * segment's related lists equal to its, id for id (`sameMembers`), and the
 * schema pass found nothing: the key is a function of those lists. Saves
 * reading every list of every segment again on a page of one meter. Null
 * when that is not known: the key is then built (`relatedKeyOf`).
 */
function keyOfPrevious(index: number, previous: SegmentSummary | null, ctx: CheckContext): string | null {
  const same = ctx.schema.sameMembers;
  if (same === null || previous === null || previous.index !== index - 1 || previous.relatedKey === null || !schemaClean(ctx)) return null;
  const mask = ctx.model.relatedSameMask;
  return mask !== 0 && (same[index]! & mask) >>> 0 === mask ? previous.relatedKey : null;
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
 * The rules of one usage segment (the JSON Schema has run before).
 * Returns what the page-level rules need.
 */
export function checkSegment(seg: Record<string, unknown>, base: string, index: number, ctx: CheckContext, previous: SegmentSummary | null = null): SegmentSummary {
  const rawId = seg.cds_usagesegment_id;
  const id = typeof rawId === 'string' ? rawId : undefined;

  if (ctx.collector.enabled('unknown-field')) segmentUnknownField.check(seg, base, ctx, id);

  // The span is read first, so that the date-time memo (src/time.ts) holds the created and modified times a page's segments share longest, past the next segment's new start and end (read the other way round, on a page whose segments do not meet, they were pushed out and parsed again: three parses a segment instead of two). Findings keep the fields' order.
  const start = dateTime.read(seg, 'segment_start', base, ctx);
  const end = dateTime.read(seg, 'segment_end', base, ctx);
  const created = dateTime.check(seg, 'cds_created', base, ctx, id);
  const modified = dateTime.check(seg, 'cds_modified', base, ctx, id);
  if (start === null) dateTime.report(seg, 'segment_start', base, ctx, id);
  if (end === null) dateTime.report(seg, 'segment_end', base, ctx, id);
  timestamps.check(seg, created, modified, base, ctx, id);
  const boundsOk = segmentBounds.check(seg, start, end, base, ctx, id);
  const rawInterval = seg.interval;
  const interval =
    typeof rawInterval === 'number' && Number.isFinite(rawInterval) && rawInterval > 0 && (schemaClean(ctx) || !schemaErrorAt(ctx, ptr(base, 'interval'))) ? rawInterval : NaN;

  const cols = ctx.model.columnsOf(seg);
  checkValueFormats(seg, base, ctx, id);
  unknownFormat.check(cols, base, ctx, id);

  const values = seg.values;
  if (Array.isArray(values)) {
    // No value sets (2026: every value type withheld, a span without data, §7.2.8.1) is not checked; 2024 requires some (schema).
    if (boundsOk && !Number.isNaN(interval) && values.length > 0) intervalArithmetic.check(values.length, interval, start!, end!, cols.timing, base, ctx, id);
    // An empty column list is a list too (2026 `formats: []`, issue 25.1): every non-empty value set is then too long.
    if (columnsListed(seg, cols, base, ctx) && ctx.schema.cleanValues?.[index] !== seg) checkValueSets(values, cols, base, ctx, id);
  }

  // On a timeline only segments that span time count (a zero-length segment covers nothing).
  const timed = boundsOk && !Number.isNaN(interval) && compareInstants(end!, start!) > 0;
  // Every value read before the literal: with a call inside it (the series
  // key), V8 allocated the summary before the call and the page's 20,000
  // summaries cost three times the garbage collection (issue 24.7, profile).
  const relatedKey = timed ? (keyOfPrevious(index, previous, ctx) ?? relatedKeyOf(seg, base, ctx)) : null;
  const { measurements, gap } = cols;
  return segmentSummary(index, base, id, start, end, interval, measurements, gap, relatedKey, timed);
}

/** A segment's summary: the one place its object is made, so the sample kept below has its shape. */
function segmentSummary(
  index: number,
  path: string,
  id: string | undefined,
  start: Instant | null,
  end: Instant | null,
  interval: number,
  measurements: number,
  gap: boolean,
  relatedKey: string | null,
  timed: boolean,
): SegmentSummary {
  return { index, path, id, start, end, interval, measurements, gap, relatedKey, timed };
}

// A page's summaries are dropped when its check returns: keep one, so their
// shape outlives a full collection (src/shapes.ts). Its members hold what
// real ones hold: an instant past 2^31 ms (a double), an interval in seconds.
const SAMPLE_INSTANT: Instant = { ms: Date.UTC(2024, 0, 1), sub: '' };
export const SAMPLE_SUMMARY = keepShape(segmentSummary(0, '/usage_segments/0', 'sample', SAMPLE_INSTANT, SAMPLE_INSTANT, 3600, 1, false, '[[],[]]', true));
