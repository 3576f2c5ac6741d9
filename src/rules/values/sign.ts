/** `sign`: a forward (delivered) energy column holds no negative amount (the examples write only exported energy as negative). */
import type { Column } from '../../columns/column.js';
import type { CheckContext } from '../../context.js';
import type { ValueRuleModule } from './rule.js';

export const sign = {
  code: 'sign',
  reads: 'the amount of each energy value',
  fastPath: 'decided',
  how: 'valuesClean asks sign.holds of each energy amount',
  /** For an energy column and its (finite) amount. */
  holds(column: Column, x: number): boolean {
    return x >= 0 || column.direction !== 'forward';
  },
  report(column: Column, x: number, path: string, ctx: CheckContext, id: string | undefined): void {
    ctx.collector.add('sign', path, sign.message(column, x), id);
  },
  message(column: Column, x: number): string {
    return `${column.label} is ${x}: a forward (delivered) amount is not expected to be negative; exported energy belongs in a reverse column`;
  },
} as const satisfies ValueRuleModule;
