/**
 * `value-shape`: `value-type`'s check (values/value-type.ts, which reports
 * both codes) on a column whose value shape is only this package's reading
 * of a draft format no text defines a value object for: a warning.
 */
import type { Column } from '../../columns/column.js';
import type { ValueRuleModule } from './rule.js';
import { valueType } from './value-type.js';

export const valueShape = {
  code: 'value-shape',
  reads: 'each non-null value of a column whose shape is assumed, against that shape',
  fastPath: 'columns',
  how: 'only columns whose shape is assumed draw it, and those are not energy or gap columns',
  /** Does the rule (rather than `value-type`) speak for this column? */
  applies(column: Column): boolean {
    return column.shapeAssumed;
  },
  holds: valueType.holds,
  message: valueType.message,
} as const satisfies ValueRuleModule;
