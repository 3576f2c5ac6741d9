/**
 * `value-type`: a non-null value has the shape its column requires, where
 * the shape is the examples' or a proposal's (an error). Where the shape is
 * only this package's reading of a draft format, the same check reports
 * `value-shape` (values/value-shape.ts).
 */
import { KIND_EXTENSION, KIND_SUPPLY_MIX, type Column } from '../../columns/column.js';
import { expectedShape, supplyMixFault, valueOk } from '../../columns/values.js';
import { type CheckContext, schemaErrorAtOrUnder } from '../../context.js';
import { show } from '../../json.js';
import type { ValueRuleModule } from './rule.js';

export const valueType = {
  code: 'value-type',
  reads: 'each non-null value, against its column kind (columns whose shape is not assumed)',
  fastPath: 'decided',
  how: 'energy values must carry a number under their key (isEnergyValue: the test of energyNumber, as a boolean) and gap values a reason (gapReason), the predicates valueOk asks for those kinds; any other column kind turns the fast path off',
  /** The value has its column's shape (invalid columns accept anything: the column is the problem). */
  holds(column: Column, v: unknown): boolean {
    return valueOk(column, v);
  },
  /** Reports under `value-shape` when the column's shape is assumed. */
  report(column: Column, v: unknown, path: string, ctx: CheckContext, id: string | undefined): void {
    if (!schemaErrorAtOrUnder(ctx, path)) ctx.collector.add(column.shapeAssumed ? 'value-shape' : 'value-type', path, () => valueType.message(column, v), id);
  },
  message(column: Column, v: unknown): string {
    const what = column.kind === KIND_EXTENSION ? `extension format ${show(column.label)}` : column.label;
    const why = column.kind === KIND_SUPPLY_MIX ? ` (${supplyMixFault(v)})` : '';
    return `value for ${what} must be ${expectedShape(column)}, got ${show(v)}${why}`;
  },
} as const satisfies ValueRuleModule;
