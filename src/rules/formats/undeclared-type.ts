/** `undeclared-type`: with the Server Metadata, a Value Format type neither defined by the draft nor described in its cds_usagesegments_additional_value_types. */
import type { CheckContext } from '../../context.js';
import { show } from '../../json.js';
import { ptr } from '../../pointer.js';
import type { RuleModule } from '../rule.js';
import { KNOWN_TYPES } from './known.js';

export const undeclaredType = {
  code: 'undeclared-type',
  reads: 'the type of each Value Format of a 2026 segment, against the draft\'s types and the types the Server Metadata declares',
  check(type: string, i: number, base: string, ctx: CheckContext, id: string | undefined): void {
    const declared = ctx.declaredTypes;
    if (declared === null || declared.has(type) || KNOWN_TYPES.has(type)) return;
    ctx.collector.add('undeclared-type', ptr(base, 'formats', i, 'type'), undeclaredType.message(type), id);
  },
  message(type: string): string {
    return `type ${show(type)} is neither defined by the draft nor described in the Server Metadata's cds_usagesegments_additional_value_types`;
  },
} as const satisfies RuleModule;
