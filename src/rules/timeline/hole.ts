/**
 * `timeline-hole`: from the start of the first segment of a series with the
 * measurement to the end of the last one, each stretch that no segment with
 * the measurement (any interval) and no `gap` segment covers. `gap` segments
 * before or after that range open no hole.
 */
import type { CheckContext } from '../../context.js';
import { formatInstant, type Instant } from '../../time.js';
import type { RuleModule } from '../rule.js';
import { label, timelineHoles, type TimedSegment } from './series.js';

export const timelineHole = {
  code: 'timeline-hole',
  reads: 'the members of one timeline series, in start order (timeline/series.ts), and its measurement bit',
  /** Each hole once per page (`reportedHoles`: `before.index * n + after.index`). */
  check(members: readonly TimedSegment[], measurement: string, bit: number, n: number, reportedHoles: Set<number>, ctx: CheckContext): void {
    for (const { from, to, before, after: s } of timelineHoles(members, bit)) {
      // The hole runs from `before`'s end to `s`'s start: the pair of segments names it.
      const holeKey = before.index * n + s.index;
      if (reportedHoles.has(holeKey)) continue;
      reportedHoles.add(holeKey);
      ctx.collector.add('timeline-hole', s.path, () => timelineHole.message(from, to, before, s, measurement, ctx.model.words.holeRemedy), s.id);
    }
  },
  message(from: Instant, to: Instant, before: TimedSegment, after: TimedSegment, measurement: string, remedy: string): string {
    return `no segment covers ${formatInstant(from)} to ${formatInstant(to)} between segment ${label(before)} and segment ${label(after)} (${measurement}); ${remedy}`;
  },
} as const satisfies RuleModule;
