import type { CheckContext } from '../context.js';
import { formatDateTime } from '../time.js';
import type { SegmentSummary } from './segment.js';

const MEASUREMENT_NAMES: readonly [number, string][] = [
  [1, 'kwh_fwd'],
  [2, 'kwh_rev'],
  [4, 'kwh_net'],
];

function label(s: SegmentSummary): string {
  return s.id !== undefined ? JSON.stringify(s.id) : `at ${s.path}`;
}

/**
 * Timeline checks over the segments of one page.
 *
 * A series is: the same `related_*` id sets, one measurement (kwh_fwd,
 * kwh_rev or kwh_net, any quality), one `interval`; every `gap` segment with
 * the same ids belongs to every series of those ids. Within a series,
 * overlapping segments are errors (two gap segments may overlap: a gap does
 * not say which measurement it explains) and uncovered time between
 * consecutive segments is a warning.
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
  const reportedPairs = new Set<string>();
  const reportedHoles = new Set<string>();
  for (const group of byRelated.values()) {
    if (group.length < 2) continue;
    const gaps = group.filter((s) => s.gap);
    // Series keys: measurement bit + interval.
    const series = new Map<string, SegmentSummary[]>();
    for (const s of group) {
      for (const [bit, name] of MEASUREMENT_NAMES) {
        if ((s.measurements & bit) === 0) continue;
        const key = `${name} ${s.interval}`;
        let list = series.get(key);
        if (!list) series.set(key, (list = []));
        list.push(s);
      }
    }
    for (const [key, list] of series) {
      const members = new Set<SegmentSummary>(list);
      for (const g of gaps) members.add(g);
      const sorted = [...members].sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
      const measurement = key.slice(0, key.indexOf(' '));
      // Overlaps.
      for (let i = 0; i < sorted.length; i++) {
        const a = sorted[i]!;
        for (let j = i + 1; j < sorted.length; j++) {
          const b = sorted[j]!;
          if (b.start >= a.end) break;
          const aData = (a.measurements & (b.measurements | (b.gap ? 7 : 0))) !== 0;
          const bData = (b.measurements & (a.gap ? 7 : 0)) !== 0;
          if (!aData && !bData) continue; // gap vs gap only
          const lo = Math.min(a.index, b.index);
          const hi = Math.max(a.index, b.index);
          const pairKey = `${lo},${hi}`;
          if (reportedPairs.has(pairKey)) continue;
          reportedPairs.add(pairKey);
          const later = a.index > b.index ? a : b;
          const other = later === a ? b : a;
          ctx.c.add(
            'timeline-overlap',
            later.path,
            `segment ${label(later)} overlaps segment ${label(other)} (${measurement}) from ${formatDateTime(Math.max(a.start, b.start))} to ${formatDateTime(Math.min(a.end, b.end))}`,
            later.id,
          );
        }
      }
      // Holes.
      let maxEnd = sorted[0]!.end;
      let maxEndSeg = sorted[0]!;
      for (let i = 1; i < sorted.length; i++) {
        const s = sorted[i]!;
        if (s.start > maxEnd) {
          const holeKey = `${maxEndSeg.index},${s.index},${maxEnd},${s.start}`;
          if (!reportedHoles.has(holeKey)) {
            reportedHoles.add(holeKey);
            ctx.c.add(
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
  }
}
