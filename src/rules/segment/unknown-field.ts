/** `unknown-field` on a segment: a member the model does not define for a usage segment (strict mode). */
import type { CheckContext } from '../../context.js';
import { show } from '../../json.js';
import { ptr } from '../../pointer.js';
import type { RuleModule } from '../rule.js';

export const segmentUnknownField = {
  code: 'unknown-field',
  reads: 'the member names of a segment, against the model\'s segment members',
  /** Called only when `unknown-field` is reported (the driver asks, so the clean path makes no call). */
  check(seg: Record<string, unknown>, base: string, ctx: CheckContext, id: string | undefined): void {
    for (const k of Object.keys(seg)) {
      if (!ctx.model.segmentMembers.has(k)) ctx.collector.add('unknown-field', ptr(base, k), segmentUnknownField.message(k), id);
    }
  },
  message(member: string): string {
    return `property ${show(member)} is not defined for a usage segment`;
  },
} as const satisfies RuleModule;
