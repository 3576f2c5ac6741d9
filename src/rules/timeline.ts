import type { CheckContext } from '../context.js';
import { formatDateTime } from '../time.js';
import type { SegmentSummary } from './segment.js';


function label(s: SegmentSummary): string {
  return s.id !== undefined ? JSON.stringify(s.id) : `at ${s.path}`;
}

/**
 * Timeline checks over the segments of one page. Segments are compared only
 * with segments of the same `related_*` id sets (all seven lists, as sets).
 *
 * Overlaps (`timeline-overlap`, error): a series is one measurement (kwh_fwd,
 * kwh_rev or kwh_net, any quality) and one `interval`; every `gap` segment
 * with the same ids belongs to every series of those ids. Two segments of a
 * series that overlap in time are an error (two gap segments may overlap: a
 * gap does not say which measurement it explains).
 *
 * Holes (`timeline-hole`, warning): for each measurement, the combined
 * coverage of every segment with that measurement (any interval) and every
 * `gap` segment with the same ids; each stretch between the first start and
 * the last end that none of them covers is a hole. A measurement with no data
 * segment has no timeline (gap segments alone are not checked).
 */
export function checkTimeline(summaries: readonly SegmentSummary[], ctx: CheckContext): void {
  // Group by related key.
  const byRelated = new Map<string, SegmentSummary[]>();
  for (const s of summaries) {
    if (!s.timed || s.relatedKey === null) continue;
    if (s.measurements === 0 && !s.gap) continue;
    let g = byRelated.get(s.relatedKey);
    if (!g) byRelated.set(s.relatedKey, (g = []));
    g.push(s);
  }
  // Each measurement of the model with its bit; a gap segment shares with all of them.
  const measurements = ctx.model.measurements.map((name, i) => [name, 1 << i] as const);
  const all = (1 << measurements.length) - 1;
  const reportedPairs = new Set<string>();
  const reportedHoles = new Set<string>();
  for (const group of byRelated.values()) {
    if (group.length < 2) continue;
    const gaps = group.filter((s) => s.gap);
    for (const [name, bit] of measurements) {
      const data = group.filter((s) => (s.measurements & bit) !== 0);
      if (data.length === 0) continue;
      // Overlaps: one series per interval, each with every gap segment.
      const byInterval = new Map<number, SegmentSummary[]>();
      for (const s of data) {
        let list = byInterval.get(s.interval);
        if (!list) byInterval.set(s.interval, (list = []));
        list.push(s);
      }
      for (const list of byInterval.values()) {
        reportOverlaps(sortByStart(new Set([...list, ...gaps])), name, all, reportedPairs, ctx);
      }
      // Holes: the coverage of all of them, any interval.
      reportHoles(sortByStart(new Set([...data, ...gaps])), name, reportedHoles, ctx);
    }
  }
}

function sortByStart(members: Set<SegmentSummary>): SegmentSummary[] {
  return [...members].sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
}

function reportOverlaps(sorted: readonly SegmentSummary[], measurement: string, all: number, reportedPairs: Set<string>, ctx: CheckContext): void {
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.start >= a.end) break;
      const aData = (a.measurements & (b.measurements | (b.gap ? all : 0))) !== 0;
      const bData = (b.measurements & (a.gap ? all : 0)) !== 0;
      if (!aData && !bData) continue; // gap vs gap only
      const lo = Math.min(a.index, b.index);
      const hi = Math.max(a.index, b.index);
      const pairKey = `${lo},${hi}`;
      if (reportedPairs.has(pairKey)) continue;
      reportedPairs.add(pairKey);
      const later = a.index > b.index ? a : b;
      const other = later === a ? b : a;
      ctx.collector.add(
        'timeline-overlap',
        later.path,
        `segment ${label(later)} overlaps segment ${label(other)} (${measurement}) from ${formatDateTime(Math.max(a.start, b.start))} to ${formatDateTime(Math.min(a.end, b.end))}`,
        later.id,
      );
    }
  }
}

function reportHoles(sorted: readonly SegmentSummary[], measurement: string, reportedHoles: Set<string>, ctx: CheckContext): void {
  let maxEnd = sorted[0]!.end;
  let maxEndSeg = sorted[0]!;
  for (let i = 1; i < sorted.length; i++) {
    const s = sorted[i]!;
    if (s.start > maxEnd) {
      const holeKey = `${maxEndSeg.index},${s.index},${maxEnd},${s.start}`;
      if (!reportedHoles.has(holeKey)) {
        reportedHoles.add(holeKey);
        ctx.collector.add(
          'timeline-hole',
          s.path,
          `no segment covers ${formatDateTime(maxEnd)} to ${formatDateTime(s.start)} between segment ${label(maxEndSeg)} and segment ${label(s)} (${measurement}); disclose it with a gap segment`,
          s.id,
        );
      }
    }
    if (s.end > maxEnd) {
      maxEnd = s.end;
      maxEndSeg = s;
    }
  }
}
