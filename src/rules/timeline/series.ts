/**
 * The series of the timeline and what the rules find in them (overlaps,
 * holes): shared by the timeline rules (timeline/overlap.ts,
 * timeline/hole.ts) and the timeline picture (src/timeline/), which draws
 * the same series.
 */
import { keepShape } from '../../shapes.js';
import { compareInstants, type Instant } from '../../time.js';
import { SAMPLE_SUMMARY, type SegmentSummary } from '../segment.js';

/** A segment on the timeline: its summary with usable start and end. */
type Timed = SegmentSummary & { start: Instant; end: Instant; relatedKey: string };

/** How a message names a segment: its id, else its path. */
export function label(s: SegmentSummary): string {
  return s.id !== undefined ? JSON.stringify(s.id) : `at ${s.path}`;
}

function byStart(a: Timed, b: Timed): number {
  return compareInstants(a.start, b.start) || compareInstants(a.end, b.end) || a.index - b.index;
}

/** The member reaching furthest so far among some of the segments seen. */
interface Reach {
  end: Instant;
  seg: Timed;
}

/** A reach: the one place its object is made. */
function reachOf(s: Timed): Reach {
  return { end: s.end, seg: s };
}

// Reaches are dropped when a page's check returns: keep one, so their shape outlives a full collection (src/shapes.ts).
keepShape(reachOf(SAMPLE_SUMMARY as Timed));

function extend(reach: Reach | null, s: Timed): Reach {
  if (reach === null) return reachOf(s);
  if (compareInstants(s.end, reach.end) > 0) {
    reach.end = s.end;
    reach.seg = s;
  }
  return reach;
}

/** The segment of `reach` if it is still open at `t` (ends after it). */
function openAt(reach: Reach | null | undefined, t: Instant): Timed | null {
  return reach != null && compareInstants(reach.end, t) > 0 ? reach.seg : null;
}

/** One series of the timeline: the segments of one `related_*` key with one measurement (and the `gap` segments of that key), in start order. */
export interface TimelineSeries {
  readonly relatedKey: string;
  /** Index in the model's measurements (bit `1 << measurement`). */
  readonly measurement: number;
  readonly members: readonly TimedSegment[];
}

/** A segment on the timeline: its summary with usable start and end. */
export type TimedSegment = Timed;

/**
 * The series the timeline rules compare within, in the order their first
 * segment appears, measurements in model order (the timeline picture draws
 * the same series). `includeSingles`: also series of one segment (the rules
 * skip them: nothing to compare).
 */
export function timelineSeries(summaries: readonly SegmentSummary[], measurementCount: number, includeSingles = false): TimelineSeries[] {
  const one = oneSortedSeries(summaries);
  if (one !== null) return seriesOf(one, measurementCount);
  const byRelated = new Map<string, Timed[]>();
  // Index loops here and below: these run once per page over every segment, mostly before V8 optimises them, where a for-of allocated an iterator result per segment.
  // The segments of a page mostly share one key (one meter): the group of the last key is reused without a lookup.
  let lastKey: string | null = null;
  let lastGroup: Timed[] = [];
  for (let i = 0; i < summaries.length; i++) {
    const s = summaries[i]!;
    if (!s.timed || s.relatedKey === null || s.start === null || s.end === null) continue;
    if (s.measurements === 0 && !s.gap) continue;
    if (s.relatedKey !== lastKey) {
      let g = byRelated.get(s.relatedKey);
      if (!g) byRelated.set(s.relatedKey, (g = []));
      lastKey = s.relatedKey;
      lastGroup = g;
    }
    lastGroup.push(s as Timed);
  }
  const out: TimelineSeries[] = [];
  for (const [relatedKey, group] of byRelated) {
    if (group.length < 2 && !includeSingles) continue;
    group.sort(byStart);
    // Only the measurements some member has (one pass), so a group is filtered once per measurement it has, not once per measurement of the model.
    let present = 0;
    for (let i = 0; i < group.length; i++) present |= group[i]!.measurements;
    for (let m = 0; m < measurementCount; m++) {
      const bit = 1 << m;
      if ((present & bit) === 0) continue;
      out.push({ relatedKey, measurement: m, members: group.filter((s) => (s.measurements & bit) !== 0 || s.gap) });
    }
  }
  return out;
}

/**
 * The summaries themselves, when they make one group already in start order:
 * every one on the timeline, of one series key, with the same measurements
 * and `gap` (the usual page: one meter, one after the other). The grouping
 * below would copy, sort and filter them into the same order; a page of
 * thousands of small segments spent more on that than on all its segments'
 * timeline rules (issue 24.7). Null otherwise.
 */
function oneSortedSeries(summaries: readonly SegmentSummary[]): readonly Timed[] | null {
  if (summaries.length < 2) return null;
  const first = summaries[0]!;
  const key = first.relatedKey;
  const measurements = first.measurements;
  const gap = first.gap;
  if (!first.timed || key === null || first.start === null || first.end === null || (measurements === 0 && !gap)) return null;
  for (let i = 1; i < summaries.length; i++) {
    const s = summaries[i]!;
    if (!s.timed || s.relatedKey !== key || s.start === null || s.end === null || s.measurements !== measurements || s.gap !== gap) return null;
    if (byStart(summaries[i - 1] as Timed, s as Timed) > 0) return null;
  }
  return summaries as readonly Timed[];
}

/** The series of one group in start order whose members all have the same measurements: one series per measurement, each of every member. */
function seriesOf(group: readonly Timed[], measurementCount: number): TimelineSeries[] {
  const out: TimelineSeries[] = [];
  const relatedKey = group[0]!.relatedKey;
  for (let m = 0; m < measurementCount; m++) if ((group[0]!.measurements & (1 << m)) !== 0) out.push({ relatedKey, measurement: m, members: group });
  return out;
}

/**
 * Who is handed each overlap or hole as it is found. An object with a
 * method, not a closure: the rules make one per series, and optimized code
 * that calls a closure tests for that very function, so it was thrown away
 * once the closure was collected (src/shapes.ts).
 */
export interface OverlapVisitor {
  overlap(a: TimedSegment, b: TimedSegment, from: Instant, to: Instant): void;
}

/** Who is handed each hole (see `OverlapVisitor`). */
export interface HoleVisitor {
  hole(from: Instant, to: Instant, before: TimedSegment, after: TimedSegment): void;
}

/** Two members of a series that overlap: `a` starts first; they share `from` to `to`. */
export interface TimelineOverlap {
  readonly a: TimedSegment;
  readonly b: TimedSegment;
  readonly from: Instant;
  readonly to: Instant;
}

/**
 * Each member's first overlap with an earlier-starting member still open
 * (members in start order), handed to `visitor.overlap` as (a, b, from, to) as it is
 * found: the rules report thousands of overlaps on a hostile page, and a
 * generator allocated an object and an iterator result for each.
 */
export function forEachOverlap(members: readonly TimedSegment[], visitor: OverlapVisitor): void {
  let all: Reach | null = null; // every member: a data member conflicts with any of them
  let measured: Reach | null = null; // members with any measurement (a pure gap conflicts only with these)
  for (let i = 0; i < members.length; i++) {
    const b = members[i]!;
    const a = b.gap && b.measurements === 0 ? openAt(measured, b.start) : openAt(all, b.start);
    if (a !== null) visitor.overlap(a, b, b.start, compareInstants(a.end, b.end) < 0 ? a.end : b.end);
    all = extend(all, b);
    if (b.measurements !== 0) measured = extend(measured, b);
  }
}

/** The overlaps `forEachOverlap` finds, as a list (the timeline picture). */
export function timelineOverlaps(members: readonly TimedSegment[]): TimelineOverlap[] {
  const out: TimelineOverlap[] = [];
  forEachOverlap(members, { overlap: (a, b, from, to) => out.push({ a, b, from, to }) });
  return out;
}

/** A stretch of a series that no member covers: from `before`'s end (the furthest reach so far) to `after`'s start. */
export interface TimelineHole {
  readonly from: Instant;
  readonly to: Instant;
  readonly before: TimedSegment;
  readonly after: TimedSegment;
}

/**
 * The holes of one series (members in start order, `bit` its measurement):
 * from the start of the first segment with the measurement to the end of the
 * last one, each stretch that no member covers, handed to `visitor.hole` as
 * (from, to, before, after) as it is found (no object per hole, as for
 * overlaps). `gap` members before or after that range open no hole.
 */
export function forEachHole(members: readonly TimedSegment[], bit: number, visitor: HoleVisitor): void {
  // The measurement's range: from its first segment's start to its last segment's end.
  let last: Instant | null = null;
  for (let i = 0; i < members.length; i++) {
    const s = members[i]!;
    if ((s.measurements & bit) !== 0 && (last === null || compareInstants(s.end, last) > 0)) last = s.end;
  }
  let reach: Reach | null = null;
  let started = false;
  for (let i = 0; i < members.length; i++) {
    const s = members[i]!;
    if (compareInstants(s.start, last!) >= 0) break; // at or after the range's end: no more holes
    if (!started) {
      if ((s.measurements & bit) === 0) {
        reach = extend(reach, s); // a gap before the first segment with the measurement: it covers, but opens no hole
        continue;
      }
      started = true;
    } else if (reach !== null && compareInstants(s.start, reach.end) > 0) {
      visitor.hole(reach.end, s.start, reach.seg, s);
    }
    reach = extend(reach, s);
  }
}

/** The holes `forEachHole` finds, as a list (the timeline picture). */
export function timelineHoles(members: readonly TimedSegment[], bit: number): TimelineHole[] {
  const out: TimelineHole[] = [];
  forEachHole(members, bit, { hole: (from, to, before, after) => out.push({ from, to, before, after }) });
  return out;
}
