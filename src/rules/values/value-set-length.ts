/** `value-set-length`: a value set has one value (or null) per column. */
import type { CheckContext } from '../../context.js';
import { ptr } from '../../pointer.js';
import { plural } from '../../words.js';
import type { ValueRuleModule } from './rule.js';

export const valueSetLength = {
  code: 'value-set-length',
  reads: 'each value set (an array), against the number of columns',
  fastPath: 'decided',
  how: 'valuesClean requires one entry per column in every value set (valueSetLength.holds)',
  /** One entry per column. */
  holds(vs: readonly unknown[], n: number): boolean {
    return vs.length === n;
  },
  report(vs: readonly unknown[], n: number, base: string, k: number, ctx: CheckContext, id: string | undefined): void {
    ctx.collector.add('value-set-length', ptr(base, 'values', k), () => valueSetLength.message(vs.length, n, ctx.model.columnsField), id);
  },
  message(count: number, n: number, columnsField: string): string {
    return `value set has ${plural(count, 'value')}, but ${columnsField} has ${plural(n, 'entry', 'entries')}: give one value (or null) per ${columnsField} entry`;
  },
} as const satisfies ValueRuleModule;
