/** `timestamps`: `cds_modified` is not earlier than `cds_created`. */
import type { CheckContext } from '../../context.js';
import { show } from '../../json.js';
import { ptr } from '../../pointer.js';
import { compareInstants, type Instant } from '../../time.js';
import type { RuleModule } from '../rule.js';

export const timestamps = {
  code: 'timestamps',
  reads: 'a segment\'s cds_created and cds_modified (as read by date-time-rfc3339; null when unusable)',
  check(seg: Record<string, unknown>, created: Instant | null, modified: Instant | null, base: string, ctx: CheckContext, id: string | undefined): void {
    if (created !== null && modified !== null && compareInstants(modified, created) < 0) ctx.collector.add('timestamps', ptr(base, 'cds_modified'), timestamps.message(seg.cds_modified, seg.cds_created), id);
  },
  message(modified: unknown, created: unknown): string {
    return `cds_modified ${show(modified)} is earlier than cds_created ${show(created)}`;
  },
} as const satisfies RuleModule;
