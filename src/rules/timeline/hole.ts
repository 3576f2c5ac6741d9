/**
 * `timeline-hole`: from the start of the first segment of a series with the
 * measurement to the end of the last one, each stretch that no segment with
 * the measurement (any interval) and no `gap` segment covers. `gap` segments
 * before or after that range open no hole.
 */
import { contextSample, type CheckContext } from '../../context.js';
import { LateSample } from '../../shapes.js';
import { formatInstant, type Instant } from '../../time.js';
import type { RuleModule } from '../rule.js';
import { forEachHole, label, type HoleVisitor, type TimedSegment } from './series.js';

/** Report the hole from `before`'s end to `s`'s start on `s` (the pair of segments names it), once per page. */
function reportHole(from: Instant, to: Instant, before: TimedSegment, s: TimedSegment, measurement: string, n: number, reportedHoles: Set<number> | null, ctx: CheckContext): void {
  if (reportedHoles !== null) {
    const holeKey = before.index * n + s.index;
    if (reportedHoles.has(holeKey)) return;
    reportedHoles.add(holeKey);
  }
  if (ctx.collector.countPastCap('timeline-hole')) return;
  ctx.collector.add('timeline-hole', s.path, timelineHole.message(from, to, before, s, measurement, ctx.model.words.holeRemedy), s.id);
}

/** Reports each hole of one series as it is found (an object, not a closure: see `HoleVisitor`). */
class HoleReport implements HoleVisitor {
  constructor(
    private readonly measurement: string,
    private readonly n: number,
    private readonly reportedHoles: Set<number> | null,
    private readonly ctx: CheckContext,
  ) {}

  hole(from: Instant, to: Instant, before: TimedSegment, s: TimedSegment): void {
    reportHole(from, to, before, s, this.measurement, this.n, this.reportedHoles, this.ctx);
  }
}

/** One is made per series: keep one, so its shape outlives a full collection (src/shapes.ts); it holds the kept sample context. */
const HOLE_SAMPLE = new LateSample(() => {
  const ctx = contextSample();
  return ctx === null ? null : new HoleReport('', 0, null, ctx);
});

export const timelineHole = {
  code: 'timeline-hole',
  reads: 'the members of one timeline series, in start order (timeline/series.ts), and its measurement bit',
  /** Each hole once per page (`reportedHoles`: `before.index * n + after.index`; null when no hole can come twice). */
  check(members: readonly TimedSegment[], measurement: string, bit: number, n: number, reportedHoles: Set<number> | null, ctx: CheckContext): void {
    HOLE_SAMPLE.ensure();
    forEachHole(members, bit, new HoleReport(measurement, n, reportedHoles, ctx));
  },
  message(from: Instant, to: Instant, before: TimedSegment, after: TimedSegment, measurement: string, remedy: string): string {
    return `no segment covers ${formatInstant(from)} to ${formatInstant(to)} between segment ${label(before)} and segment ${label(after)} (${measurement}); ${remedy}`;
  },
} as const satisfies RuleModule;
