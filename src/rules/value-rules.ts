/**
 * The value-level rules: what the rules' value loop (`checkValueSets` in
 * rules/segment.ts) reports about a value set or one value, and how the fast
 * path (`valuesClean` in columns/values.ts, which lets a segment skip that
 * loop) stands to each. A value rule the fast path does not know would fire
 * only in strict mode (where the loop always runs): so every built-in value
 * rule is listed here with its stance, a test checks that the codes the
 * corpus draws at `/values/k…` are all listed, and a rule added with
 * `registerValueRule` is asked by the fast path and by the loop alike.
 */
import type { Column } from '../columns/column.js';
import type { Code } from '../registry.js';

/**
 * How the fast path stands to a built-in value rule: `decided` — it checks
 * the rule's condition itself and answers "not clean" when the rule would
 * fire; `columns` — it does not run for the columns the rule checks
 * (`Columns.energyOrGapOnly` is false); `mode` — it does not run when the
 * rule's code is reported (strict mode's `unknown-field`).
 */
export type FastPathStance = 'decided' | 'columns' | 'mode';

export interface BuiltInValueRule {
  readonly code: Code;
  readonly fastPath: FastPathStance;
  /** Where the fast path settles it. */
  readonly how: string;
}

export const VALUE_RULES: readonly BuiltInValueRule[] = [
  { code: 'value-set-length', fastPath: 'decided', how: 'valuesClean requires one entry per column in every value set' },
  { code: 'value-type', fastPath: 'decided', how: 'energy values must carry a number under their key and gap values a reason; any other column kind turns the fast path off' },
  { code: 'value-shape', fastPath: 'columns', how: 'only columns whose shape is assumed draw it, and those are not energy or gap columns' },
  { code: 'sign', fastPath: 'decided', how: 'a negative amount in a forward energy column is not clean' },
  { code: 'net-balance', fastPath: 'decided', how: 'each fwd/rev/net triple is compared within NET_TOLERANCE' },
  { code: 'supply-mix-sum', fastPath: 'columns', how: 'a supply-mix column turns the fast path off' },
  { code: 'unknown-field', fastPath: 'mode', how: 'the fast path does not run when unknown-field is reported (strict mode)' },
];

/**
 * A value rule added beside the built-in ones: asked for every non-null
 * value of a column it applies to, by the fast path (a finding makes the
 * segment not clean) and by the value loop (which reports it).
 */
export interface ValueRule {
  readonly code: Code;
  applies(column: Column): boolean;
  /** The message when the value breaks the rule, else null. */
  finding(value: unknown, column: Column): string | null;
}

const ADDED: ValueRule[] = [];

/** The value rules added with `registerValueRule` (none unless a caller adds one). */
export function addedValueRules(): readonly ValueRule[] {
  return ADDED;
}

/** Add a value rule (for the fast path and the loop alike); returns the function that removes it. */
export function registerValueRule(rule: ValueRule): () => void {
  ADDED.push(rule);
  return () => {
    const i = ADDED.indexOf(rule);
    if (i >= 0) ADDED.splice(i, 1);
  };
}

/** True when no added rule finds anything in `values` (value sets of `columns`). */
export function addedRulesClean(values: readonly unknown[], columns: readonly Column[]): boolean {
  for (const rule of ADDED) {
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
