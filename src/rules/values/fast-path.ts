/**
 * The value rules' fast path: one pass over `values` for the common case
 * (every column energy or gap, `unknown-field` not reported) that answers
 * "clean" only when no value rule would fire. It is made of the rules' own
 * predicates (each module in this folder states its stance: values/rule.ts),
 * so it cannot disagree with the value loop.
 */
import { KIND_ENERGY, type Column, type Columns } from '../../columns/column.js';
import { energyNumber, gapReason, isEnergyValue } from '../../columns/values.js';
import { askedValueRules } from './index.js';
import { netBalance } from './net-balance.js';
import type { ValueRule } from './rule.js';
import { sign } from './sign.js';
import { valueSetLength } from './value-set-length.js';

/** True when no rule in the generic form finds anything in `values` (value sets of `columns`). */
function askedRulesClean(rules: readonly ValueRule[], values: readonly unknown[], columns: readonly Column[]): boolean {
  for (const rule of rules) {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      if (!rule.applies(column)) continue;
      for (const vs of values) {
        const v = Array.isArray(vs) ? (vs as unknown[])[i] : undefined;
        if (v !== undefined && v !== null && rule.finding(v, column) !== null) return false;
      }
    }
  }
  return true;
}

/**
 * The single pass over `values` for the common case (every column energy or
 * gap: the `columns` stance; not called when `unknown-field` is reported: the
 * `mode` stance). True only when the values satisfy the schema (what
 * `valuesShapeOk` checks) and would draw no value-level finding
 * (`value-set-length`, `value-type`, `sign`, `net-balance` within the absolute
 * tolerance, and every rule in the generic form); then neither the structural
 * pass nor the rules' value loop needs to run. False means "not known clean":
 * the caller runs the full checks, which find the problems. Allocates nothing.
 */
export function valuesClean(values: readonly unknown[], cols: Columns): boolean {
  if (!cols.energyOrGapOnly) return false;
  const asked = askedValueRules();
  if (asked.length > 0 && !askedRulesClean(asked, values, cols.list)) return false;
  const kinds = cols.kinds;
  const list = cols.list;
  const n = kinds.length;
  const triples = cols.triples;
  const nt = triples === null ? 0 : triples.length;
  for (let k = 0; k < values.length; k++) {
    const vs: unknown = values[k];
    if (!Array.isArray(vs) || !valueSetLength.holds(vs, n)) return false;
    for (let i = 0; i < n; i++) {
      const v: unknown = vs[i];
      if (v === null) continue;
      // `value-type` of an energy or gap column: the predicates valueOk asks for those kinds.
      if (kinds[i] === KIND_ENERGY) {
        const key = list[i]!.valueKey!;
        if (!isEnergyValue(v, key)) return false;
        // sign.holds is asked only of a negative amount (it holds for every other): passing each amount to it boxed a heap number per value (heap profile of a 20,000-segment page, 1.3 MB per check).
        const x = (v as Record<string, number>)[key]!;
        if (x < 0 && !sign.holds(list[i]!, x)) return false;
      } else if (gapReason(v) === undefined) return false;
    }
    for (let t = 0; t < nt; t += 3) {
      // Each entry is null or an energy value (checked above).
      const f = energyNumber(vs[triples![t]!], list[triples![t]!]!.valueKey!);
      const r = energyNumber(vs[triples![t + 1]!], list[triples![t + 1]!]!.valueKey!);
      const net = energyNumber(vs[triples![t + 2]!], list[triples![t + 2]!]!.valueKey!);
      if (f === undefined || r === undefined || net === undefined) continue;
      if (!netBalance.fast(f, r, net)) return false;
    }
  }
  return true;
}
