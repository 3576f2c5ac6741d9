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
 * The pointers of a page's first segments, `/usage_segments/<i>`, made once
 * per process: every check of a page builds one per segment, and on a page
 * of 20,000 small segments making them was about 5% of the check (issue
 * 24.7). Up to `KEPT_PATHS` (a few megabytes at most); later ones are made
 * each time.
 */
const KEPT_PATHS = 1 << 16;
const segmentPaths: string[] = [];

/** The pointer to segment `i` of a page (an index needs no escaping). */
function segmentPath(i: number): string {
  if (i >= KEPT_PATHS) return `/usage_segments/${i}`;
  while (segmentPaths.length <= i) segmentPaths.push(`/usage_segments/${segmentPaths.length}`);
  return segmentPaths[i]!;
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
    const base = segmentPath(i);
    const s = checkSegment(seg, base, i, ctx, previous);
    summaries.push(s);
    previous = s;
    duplicateId.check(s.id, i, base, firstById, ctx);
  }
  checkTimeline(summaries, ctx);
  return summaries;
}
