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
import type { Columns } from '../../columns/column.js';
import type { CheckContext } from '../../context.js';
import { ptr } from '../../pointer.js';
import { formatInstant, millisBetween, type Instant } from '../../time.js';
import { intervalFit } from '../../tolerance.js';
import { plural } from '../../words.js';
import type { RuleModule } from '../rule.js';

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
function pathToFix(interval: number, start: Instant, end: Instant, base: string): string {
  return ptr(base, wholeIntervals(interval, start, end) === null ? 'segment_end' : 'values');
}

/** Amounts over intervals: the expected count, or the expected segment_end instant. */
function amountsMessage(count: number, interval: number, start: Instant, end: Instant): string {
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

/** Readings at points in time: the last one falls after segment_end. */
function readingsMessage(count: number, interval: number, start: Instant, end: Instant): string {
  return `${plural(count, 'reading')} ${interval} s apart span ${(Math.max(0, count - 1) * interval * 1000) / 1000} s, but segment_end − segment_start = ${millisBetween(start, end) / 1000} s: the last reading falls after segment_end`;
}

// The reports build their path and message lazily, in closures. They are
// functions of their own so that the check, which runs on every segment,
// allocates nothing: a function that creates a closure allocates the
// variables it shares with it on every call, whichever branch runs.

function reportReadingsPastEnd(count: number, interval: number, start: Instant, end: Instant, base: string, ctx: CheckContext, id: string | undefined): void {
  ctx.collector.add('interval-arithmetic', ptr(base, 'values'), () => readingsMessage(count, interval, start, end), id);
}

function reportAmounts(count: number, interval: number, start: Instant, end: Instant, base: string, ctx: CheckContext, id: string | undefined): void {
  ctx.collector.add('interval-arithmetic', () => pathToFix(interval, start, end, base), () => amountsMessage(count, interval, start, end), id);
}

export const intervalArithmetic = {
  code: 'interval-arithmetic',
  reads: 'the number of value sets, interval, segment_start and segment_end of a segment (usable and in order), and whether its columns are amounts or readings',
  check(count: number, interval: number, start: Instant, end: Instant, timing: Columns['timing'], base: string, ctx: CheckContext, id: string | undefined): void {
    if (timing === 'instant') {
      if (intervalFit(Math.max(0, count - 1), interval, start, end) > 0) reportReadingsPastEnd(count, interval, start, end, base, ctx, id);
      return;
    }
    if (intervalFit(count, interval, start, end) !== 0) reportAmounts(count, interval, start, end, base, ctx, id);
  },
  /** What would be right: for amounts, the expected count or the expected segment_end instant; for readings, that the last one falls after segment_end. */
  message(count: number, interval: number, start: Instant, end: Instant, timing: Columns['timing']): string {
    return timing === 'instant' ? readingsMessage(count, interval, start, end) : amountsMessage(count, interval, start, end);
  },
} as const satisfies RuleModule;
