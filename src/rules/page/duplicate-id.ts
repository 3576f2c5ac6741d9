/** `duplicate-id`: each segment of a page has its own `cds_usagesegment_id`; every later use of an id is reported. */
import { type CheckContext, schemaClean, schemaErrorAt } from '../../context.js';
import { show } from '../../json.js';
import { FirstSeen } from '../../first-seen.js';
import { ptr } from '../../pointer.js';
import type { RuleModule } from '../rule.js';

/** Off the check, which runs on every segment and would otherwise allocate the closures' shared variables on every call. */
function reportDuplicateId(id: string, first: number, base: string, ctx: CheckContext): void {
  // One id on every segment of a page is 19,999 problems of one code: past the cap, only counted.
  if (ctx.collector.countPastCap('duplicate-id')) return;
  ctx.collector.add('duplicate-id', () => ptr(base, 'cds_usagesegment_id'), () => duplicateId.message(id, first), id);
}

export const duplicateId = {
  code: 'duplicate-id',
  reads: 'the cds_usagesegment_id of each segment of a page (a string the schema accepted), in page order',
  /** `firstById`: the index of each id's first segment so far (one table per page, sized for its segments). */
  check(id: string | undefined, i: number, base: string, firstById: FirstSeen, ctx: CheckContext): void {
    if (id === undefined || (!schemaClean(ctx) && schemaErrorAt(ctx, ptr(base, 'cds_usagesegment_id')))) return;
    const first = firstById.firstOrAdd(id, i);
    if (first >= 0) reportDuplicateId(id, first, base, ctx);
  },
  message(id: string, first: number): string {
    return `cds_usagesegment_id ${show(id)} already used by /usage_segments/${first}`;
  },
} as const satisfies RuleModule;
