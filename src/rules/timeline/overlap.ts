/**
 * `timeline-overlap`: two segments of one series (same `related_*` id sets,
 * one measurement) conflict when they overlap in time, whatever their
 * `interval` (real billing periods overlap by an hour at a clock change:
 * issue 21.5), or when one of them is a `gap` segment; two `gap` segments
 * without measurements never conflict (a gap does not say which measurement
 * it explains). Each segment's first overlap with an earlier-starting one
 * still open is reported (not every pair), on the one listed later.
 */
import { contextSample, type CheckContext } from '../../context.js';
import { LateSample } from '../../shapes.js';
import { formatInstant, type Instant } from '../../time.js';
import type { RuleModule } from '../rule.js';
import { forEachOverlap, label, type OverlapVisitor, type TimedSegment } from './series.js';

/** Report an overlap of `a` (starts first) and `b`, sharing `from` to `to`, on the one listed later in the page, once per pair (`reportedPairs`: `first.index * n + second.index`; null when no pair can come twice). */
function reportOverlap(a: TimedSegment, b: TimedSegment, from: Instant, to: Instant, measurement: string, n: number, reportedPairs: Set<number> | null, ctx: CheckContext): void {
  const later = a.index > b.index ? a : b;
  const other = later === a ? b : a;
  if (reportedPairs !== null) {
    const pairKey = other.index * n + later.index;
    if (reportedPairs.has(pairKey)) return;
    reportedPairs.add(pairKey);
  }
  if (ctx.collector.countPastCap('timeline-overlap')) return;
  ctx.collector.add('timeline-overlap', later.path, timelineOverlap.message(later, other, measurement, from, to), later.id);
}

/** Reports each overlap of one series as it is found (an object, not a closure: see `OverlapVisitor`). */
class OverlapReport implements OverlapVisitor {
  constructor(
    private readonly measurement: string,
    private readonly n: number,
    private readonly reportedPairs: Set<number> | null,
    private readonly ctx: CheckContext,
  ) {}

  overlap(a: TimedSegment, b: TimedSegment, from: Instant, to: Instant): void {
    reportOverlap(a, b, from, to, this.measurement, this.n, this.reportedPairs, this.ctx);
  }
}

/** One is made per series: keep one, so its shape outlives a full collection (src/shapes.ts); it holds the kept sample context. */
const OVERLAP_SAMPLE = new LateSample(() => {
  const ctx = contextSample();
  return ctx === null ? null : new OverlapReport('', 0, null, ctx);
});

export const timelineOverlap = {
  code: 'timeline-overlap',
  reads: 'the members of one timeline series, in start order (timeline/series.ts)',
  check(members: readonly TimedSegment[], measurement: string, n: number, reportedPairs: Set<number> | null, ctx: CheckContext): void {
    OVERLAP_SAMPLE.ensure();
    forEachOverlap(members, new OverlapReport(measurement, n, reportedPairs, ctx));
  },
  message(later: TimedSegment, other: TimedSegment, measurement: string, from: Instant, to: Instant): string {
    return `segment ${label(later)} overlaps segment ${label(other)} (${measurement}) from ${formatInstant(from)} to ${formatInstant(to)}`;
  },
} as const satisfies RuleModule;
