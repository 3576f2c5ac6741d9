/** The driver of the timeline rules over the segments of one page (each a module of timeline/, called by name). */
import type { CheckContext } from '../context.js';
import type { SegmentSummary } from './segment.js';
import { timelineHole } from './timeline/hole.js';
import { timelineOverlap } from './timeline/overlap.js';
import { timelineSeries } from './timeline/series.js';

export { forEachHole, forEachOverlap, timelineHoles, timelineOverlaps, timelineSeries, type TimedSegment, type TimelineHole, type TimelineOverlap, type TimelineSeries } from './timeline/series.js';

/**
 * Timeline checks over the segments of one page. Segments are compared only
 * with segments of the same `related_*` id sets (all of them, as sets), one
 * measurement at a time; a `gap` segment belongs to every measurement.
 *
 * Overlaps (`timeline-overlap`): two segments of a measurement conflict when
 * they overlap in time, whatever their `interval` (real billing periods
 * overlap by an hour at a clock change: issue 21.5), or when one of them is
 * a `gap` segment; two `gap` segments without measurements never conflict (a
 * gap does not say which measurement it explains). One sweep in start order
 * finds, for each segment, an earlier one still open that it conflicts with:
 * each segment's first overlap is reported (not every pair), in O(n log n).
 *
 * Holes (`timeline-hole`): from the start of the first segment with the
 * measurement to the end of the last one, each stretch that no segment with
 * the measurement (any interval) and no `gap` segment covers. `gap` segments
 * before or after that range open no hole.
 */
export function checkTimeline(summaries: readonly SegmentSummary[], ctx: CheckContext): void {
  // Pairs already reported, across measurements, as the number `first.index * n + second.index`
  // (unique: every index is below n): no string built per segment on a hostile page.
  let n = 0;
  for (let i = 0; i < summaries.length; i++) if (summaries[i]!.index >= n) n = summaries[i]!.index + 1;
  const measurements = ctx.model.measurements;
  const all = timelineSeries(summaries, measurements.length);
  // A pair of segments can come up twice only in two series of one key (two measurements they share); the series of a key come one after another.
  let keyTwice = false;
  for (let i = 1; i < all.length; i++) if (all[i]!.relatedKey === all[i - 1]!.relatedKey) keyTwice = true;
  const reportedPairs = keyTwice ? new Set<number>() : null;
  const reportedHoles = keyTwice ? new Set<number>() : null;
  for (const series of all) {
    const m = series.measurement;
    if (ctx.collector.enabled('timeline-overlap')) timelineOverlap.check(series.members, measurements[m]!, n, reportedPairs, ctx);
    if (ctx.collector.enabled('timeline-hole')) timelineHole.check(series.members, measurements[m]!, 1 << m, n, reportedHoles, ctx);
  }
}

