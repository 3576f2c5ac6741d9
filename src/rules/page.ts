import { type CheckContext, schemaClean, schemaErrorAt } from '../context.js';
import { isObject, show } from '../json.js';
import { ptr } from '../pointer.js';
import { FirstSeen } from '../first-seen.js';
import { checkSegment, type SegmentSummary } from './segment.js';
import { checkTimeline } from './timeline.js';

/** The rules of a listing page: each segment's, ids unique, the timeline. Returns what the timeline read of each segment (the crawler joins pages with it). */
export function checkPage(page: Record<string, unknown>, ctx: CheckContext): SegmentSummary[] {
  const c = ctx.collector;
  if (c.enabled('unknown-field')) {
    for (const k of Object.keys(page)) {
      if (!ctx.model.pageMembers.has(k)) c.add('unknown-field', ptr('', k), `property ${show(k)} is not defined for a listing page`);
    }
  }
  const list = page.usage_segments;
  if (!Array.isArray(list)) return [];
  const summaries: SegmentSummary[] = [];
  const firstById = new FirstSeen(list.length);
  for (let i = 0; i < list.length; i++) {
    const seg: unknown = list[i];
    if (!isObject(seg)) continue; // schema error
    const base = `/usage_segments/${i}`; // an index needs no escaping
    const s = checkSegment(seg, base, i, ctx);
    summaries.push(s);
    if (s.id !== undefined && (schemaClean(ctx) || !schemaErrorAt(ctx, ptr(base, 'cds_usagesegment_id')))) {
      const id = s.id;
      const first = firstById.firstOrAdd(id, i);
      if (first >= 0) reportDuplicateId(id, first, base, ctx);
    }
  }
  checkTimeline(summaries, ctx);
  return summaries;
}

/** Off the loop above, which would otherwise allocate the closures' shared variables for every segment. */
function reportDuplicateId(id: string, first: number, base: string, ctx: CheckContext): void {
  ctx.collector.add('duplicate-id', () => ptr(base, 'cds_usagesegment_id'), () => `cds_usagesegment_id ${show(id)} already used by /usage_segments/${first}`, id);
}
