/**
 * `timeline-overlap`: two segments of one series (same `related_*` id sets,
 * one measurement) conflict when they overlap in time, whatever their
 * `interval` (real billing periods overlap by an hour at a clock change:
 * issue 21.5), or when one of them is a `gap` segment; two `gap` segments
 * without measurements never conflict (a gap does not say which measurement
 * it explains). Each segment's first overlap with an earlier-starting one
 * still open is reported (not every pair), on the one listed later.
 */
import type { CheckContext } from '../../context.js';
import { compareInstants, formatInstant, type Instant } from '../../time.js';
import type { RuleModule } from '../rule.js';
import { label, timelineOverlaps, type TimedSegment } from './series.js';

/** Report an overlap of `a` (starts first) and `b` on the one listed later in the page, once per pair (`reportedPairs`: `first.index * n + second.index`). */
function reportOverlap(a: TimedSegment, b: TimedSegment, measurement: string, n: number, reportedPairs: Set<number>, ctx: CheckContext): void {
  const later = a.index > b.index ? a : b;
  const other = later === a ? b : a;
  const pairKey = other.index * n + later.index;
  if (reportedPairs.has(pairKey)) return;
  reportedPairs.add(pairKey);
  const to = compareInstants(a.end, b.end) < 0 ? a.end : b.end;
  ctx.collector.add('timeline-overlap', later.path, () => timelineOverlap.message(later, other, measurement, b.start, to), later.id);
}

export const timelineOverlap = {
  code: 'timeline-overlap',
  reads: 'the members of one timeline series, in start order (timeline/series.ts)',
  check(members: readonly TimedSegment[], measurement: string, n: number, reportedPairs: Set<number>, ctx: CheckContext): void {
    for (const { a, b } of timelineOverlaps(members)) reportOverlap(a, b, measurement, n, reportedPairs, ctx);
  },
  message(later: TimedSegment, other: TimedSegment, measurement: string, from: Instant, to: Instant): string {
    return `segment ${label(later)} overlaps segment ${label(other)} (${measurement}) from ${formatInstant(from)} to ${formatInstant(to)}`;
  },
} as const satisfies RuleModule;
