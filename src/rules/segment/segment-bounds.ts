/** `segment-bounds`: `segment_end` is not earlier than `segment_start` (an equal one is fine: one reading, or no value sets). */
import type { CheckContext } from '../../context.js';
import { show } from '../../json.js';
import { ptr } from '../../pointer.js';
import { compareInstants, type Instant } from '../../time.js';
import type { RuleModule } from '../rule.js';

export const segmentBounds = {
  code: 'segment-bounds',
  reads: 'a segment\'s segment_start and segment_end (as read by date-time-rfc3339; null when unusable)',
  /** True when both bounds are usable and in order (the rules that measure the span may run). */
  check(seg: Record<string, unknown>, start: Instant | null, end: Instant | null, base: string, ctx: CheckContext, id: string | undefined): boolean {
    if (start === null || end === null) return false;
    // An end before the start contradicts the two definitions; an equal one does not.
    if (compareInstants(end, start) >= 0) return true;
    ctx.collector.add('segment-bounds', ptr(base, 'segment_end'), segmentBounds.message(seg.segment_end, seg.segment_start), id);
    return false;
  },
  message(end: unknown, start: unknown): string {
    return `segment_end ${show(end)} is earlier than segment_start ${show(start)}`;
  },
} as const satisfies RuleModule;
