/** `unknown-field` in a Value Format: a member its type's Value Format does not define (strict mode). */
import type { CheckContext } from '../../context.js';
import { show } from '../../json.js';
import { ptr } from '../../pointer.js';
import type { RuleModule } from '../rule.js';
import { FORMAT_MEMBERS } from './known.js';

export const formatUnknownField = {
  code: 'unknown-field',
  reads: 'the member names of each Value Format of a defined type, against that type\'s Value Format',
  check(f: Record<string, unknown>, type: string, i: number, base: string, ctx: CheckContext, id: string | undefined): void {
    const known = FORMAT_MEMBERS.get(type);
    if (known === undefined || !ctx.collector.enabled('unknown-field')) return;
    for (const k of Object.keys(f)) {
      if (!known.has(k)) ctx.collector.add('unknown-field', ptr(base, 'formats', i, k), formatUnknownField.message(k, type), id);
    }
  },
  message(member: string, type: string): string {
    return `property ${show(member)} is not defined for a ${type} Value Format`;
  },
} as const satisfies RuleModule;
