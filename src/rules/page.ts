/** The driver of a listing page's rules: the page's members, each segment's rules, ids unique, the timeline (each a module, called by name). */
import type { CheckContext } from '../context.js';
import { FirstSeen } from '../first-seen.js';
import { isObject } from '../json.js';
import { duplicateId } from './page/duplicate-id.js';
import { pageUnknownField } from './page/unknown-field.js';
import { checkSegment, type SegmentSummary } from './segment.js';
import { checkTimeline } from './timeline.js';

/**
 * Asked of each segment before its rules run (the one-pass check,
 * rules/one-pass.ts): false stops the page's rules at once. An object with
 * a method, not a closure: a closure made per page is a new function each
 * time, and optimized code that calls it tests for that very function, so
 * it was thrown away once the closure was collected (src/shapes.ts).
 */
export interface SegmentAdmission {
  admit(seg: unknown, index: number): boolean;
}

/**
 * The rules of a listing page: each segment's, ids unique, the timeline.
 * Returns what the timeline read of each segment (the crawler joins pages
 * with it), or null when `admission` turned a segment away.
 */
export function checkPage(page: Record<string, unknown>, ctx: CheckContext, admission: SegmentAdmission | null = null): SegmentSummary[] | null {
  pageUnknownField.check(page, ctx);
  const list = page.usage_segments;
  if (!Array.isArray(list)) return [];
  const summaries: SegmentSummary[] = [];
  const firstById = new FirstSeen(list.length);
  let previous: SegmentSummary | null = null;
  for (let i = 0; i < list.length; i++) {
    const seg: unknown = list[i];
    if (admission !== null && !admission.admit(seg, i)) return null;
    if (!isObject(seg)) continue; // schema error
    const base = `/usage_segments/${i}`; // an index needs no escaping
    const s = checkSegment(seg, base, i, ctx, previous);
    summaries.push(s);
    previous = s;
    duplicateId.check(s.id, i, base, firstById, ctx);
  }
  checkTimeline(summaries, ctx);
  return summaries;
}
