/** `unknown-field` inside a well-formed value: a member the specification does not define for the column's value object (strict mode). */
import { KIND_SUPPLY_MIX, type Column } from '../../columns/column.js';
import type { CheckContext } from '../../context.js';
import { isObject, show } from '../../json.js';
import { ptr } from '../../pointer.js';
import type { ValueRuleModule } from './rule.js';

function unknownMembers(o: Record<string, unknown>, known: ReadonlySet<string>, path: string, ctx: CheckContext, id: string | undefined): void {
  for (const k in o) {
    if (!known.has(k) && Object.prototype.hasOwnProperty.call(o, k)) ctx.collector.add('unknown-field', ptr(path, k), valueUnknownField.message(k), id);
  }
}

export const valueUnknownField = {
  code: 'unknown-field',
  reads: 'the members of each well-formed value (of each component of a supply-mix value), against the members its column kind defines',
  fastPath: 'mode',
  how: 'the fast path does not run when unknown-field is reported (strict mode)',
  check(column: Column, v: unknown, path: string, ctx: CheckContext, id: string | undefined): void {
    const known = ctx.model.valueMembers(column);
    if (known === null) return;
    if (column.kind === KIND_SUPPLY_MIX && Array.isArray(v)) {
      for (let j = 0; j < v.length; j++) {
        const comp: unknown = v[j];
        if (isObject(comp)) unknownMembers(comp, known, ptr(path, j), ctx, id);
      }
    } else if (isObject(v)) unknownMembers(v, known, path, ctx, id);
  },
  message(member: string): string {
    return `property ${show(member)} is not defined by the specification`;
  },
} as const satisfies ValueRuleModule;
