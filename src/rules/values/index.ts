/**
 * The value rules, registered in one place: every module of this folder that
 * defines a value rule is listed in `VALUE_RULES`, with the fast path's
 * stance to it (values/rule.ts). The value loop (values/loop.ts) and the fast
 * path (values/fast-path.ts) call the built-in definitions by name; rules in
 * the generic form (stance `asked`, and those added with `registerValueRule`)
 * are asked by both from one list.
 */
import type { AskedValueRule, ValueRule, ValueRuleModule } from './rule.js';
import { netBalance } from './net-balance.js';
import { sign } from './sign.js';
import { supplyMixSum } from './supply-mix-sum.js';
import { valueUnknownField } from './unknown-field.js';
import { valueSetLength } from './value-set-length.js';
import { valueShape } from './value-shape.js';
import { valueType } from './value-type.js';

export const VALUE_RULES: readonly ValueRuleModule[] = [valueSetLength, valueType, valueShape, sign, netBalance, supplyMixSum, valueUnknownField];

/** The rules in the generic form: the built-in ones with the stance `asked`, then those added with `registerValueRule`. */
const ASKED: ValueRule[] = VALUE_RULES.filter((r): r is AskedValueRule => r.fastPath === 'asked');

/** The value rules in the generic form (empty unless a module or a caller adds one: the loops skip them then). */
export function askedValueRules(): readonly ValueRule[] {
  return ASKED;
}

/** Add a value rule in the generic form (asked by the fast path and the loop alike); returns the function that removes it. */
export function registerValueRule(rule: ValueRule): () => void {
  ASKED.push(rule);
  return () => {
    const i = ASKED.indexOf(rule);
    if (i >= 0) ASKED.splice(i, 1);
  };
}
