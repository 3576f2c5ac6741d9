/**
 * The value loop: the one pass over `values` that reports the value rules
 * (each a module of this folder, called by name). Kept small and apart from
 * `checkSegment` so that V8 optimises it on its own; reporting is in the
 * rules' functions off the hot path. Allocates nothing for valid values.
 */
import { KIND_ENERGY, KIND_INVALID, KIND_SUPPLY_MIX, type Column, type Columns } from '../../columns/column.js';
import { energyNumber } from '../../columns/values.js';
import type { CheckContext } from '../../context.js';
import { ptr } from '../../pointer.js';
import { askedValueRules } from './index.js';
import { netBalance } from './net-balance.js';
import type { ValueRule } from './rule.js';
import { sign } from './sign.js';
import { supplyMixSum } from './supply-mix-sum.js';
import { valueUnknownField } from './unknown-field.js';
import { valueSetLength } from './value-set-length.js';
import { valueType } from './value-type.js';

/** `net-balance` over the triples of one value set. */
function checkNetBalance(vs: unknown[], list: readonly Column[], triples: readonly number[], base: string, k: number, ctx: CheckContext, id: string | undefined): void {
  for (let t = 0; t < triples.length; t += 3) {
    const cf = list[triples[t]!]!;
    const cr = list[triples[t + 1]!]!;
    const cn = list[triples[t + 2]!]!;
    const f = energyNumber(vs[triples[t]!], cf.valueKey!);
    const r = energyNumber(vs[triples[t + 1]!], cr.valueKey!);
    const net = energyNumber(vs[triples[t + 2]!], cn.valueKey!);
    if (f === undefined || r === undefined || net === undefined || netBalance.holds(f, r, net)) continue;
    netBalance.report(cf, f, cr, r, cn, net, ptr(base, 'values', k, triples[t + 2]!), ctx, id);
  }
}

/** The rules in the generic form on one value. */
function askRules(rules: readonly ValueRule[], column: Column, v: unknown, path: string, ctx: CheckContext, id: string | undefined): void {
  for (const rule of rules) {
    if (!rule.applies(column)) continue;
    const finding = rule.finding(v, column);
    if (finding !== null) ctx.collector.add(rule.code, path, finding, id);
  }
}

/** Every value rule over `values` (value sets of `cols`). */
export function checkValueSets(values: unknown[], cols: Columns, base: string, ctx: CheckContext, id: string | undefined): void {
  const { list, kinds, triples } = cols;
  const n = kinds.length;
  const membersChecked = ctx.collector.enabled('unknown-field');
  const asked = askedValueRules();
  for (let k = 0; k < values.length; k++) {
    const vs: unknown = values[k];
    if (!Array.isArray(vs)) continue; // schema error
    if (!valueSetLength.holds(vs, n)) {
      valueSetLength.report(vs, n, base, k, ctx, id);
      continue;
    }
    for (let i = 0; i < n; i++) {
      const v: unknown = vs[i];
      if (v === null) continue;
      const column = list[i]!;
      if (!valueType.holds(column, v)) {
        valueType.report(column, v, ptr(base, 'values', k, i), ctx, id);
        continue;
      }
      if (kinds[i] === KIND_ENERGY) {
        const x = energyNumber(v, column.valueKey!)!;
        if (!sign.holds(column, x)) sign.report(column, x, ptr(base, 'values', k, i), ctx, id);
      }
      if (kinds[i] === KIND_SUPPLY_MIX) supplyMixSum.check(v as Record<string, unknown>[], ptr(base, 'values', k, i), ctx, id);
      if (membersChecked && kinds[i] !== KIND_INVALID) valueUnknownField.check(column, v, ptr(base, 'values', k, i), ctx, id);
      if (asked.length > 0) askRules(asked, column, v, ptr(base, 'values', k, i), ctx, id);
    }
    if (triples !== null) checkNetBalance(vs, list, triples, base, k, ctx, id);
  }
}
