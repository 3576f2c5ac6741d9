/** `unknown-field` on a listing page: a member the model does not define for a page (strict mode). */
import type { CheckContext } from '../../context.js';
import { show } from '../../json.js';
import { ptr } from '../../pointer.js';
import type { RuleModule } from '../rule.js';

export const pageUnknownField = {
  code: 'unknown-field',
  reads: 'the member names of a listing page, against the model\'s page members',
  check(page: Record<string, unknown>, ctx: CheckContext): void {
    if (!ctx.collector.enabled('unknown-field')) return;
    for (const k of Object.keys(page)) {
      if (!ctx.model.pageMembers.has(k)) ctx.collector.add('unknown-field', ptr('', k), pageUnknownField.message(k));
    }
  },
  message(member: string): string {
    return `property ${show(member)} is not defined for a listing page`;
  },
} as const satisfies RuleModule;
