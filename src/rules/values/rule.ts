/**
 * What a value-level rule (one that reads a value set or a value) says
 * beyond a rule's definition: how the fast path (`valuesClean`, which lets
 * a segment skip the value loop outside strict mode) stands to it. A value
 * rule the fast path does not answer for would fire only in strict mode
 * (where the loop always runs): so every value rule module states its
 * stance, `VALUE_RULES` (values/index.ts) lists every module, and
 * test/rules/values.test.ts makes each listed rule fire in default and in
 * strict mode.
 */
import type { Column } from '../../columns/column.js';
import type { Code } from '../../registry.js';
import type { RuleModule } from '../rule.js';

/**
 * How the fast path stands to a value rule: `decided` — it calls the rule's
 * own predicate and answers "not clean" when the rule would fire; `columns` —
 * it does not run for the columns the rule checks (`Columns.energyOrGapOnly`
 * is false); `mode` — it does not run when the rule's code is reported
 * (strict mode's `unknown-field`); `asked` — a rule in the generic form
 * (`ValueRule`), asked for every value by the fast path and the loop alike.
 */
export type FastPathStance = 'decided' | 'columns' | 'mode' | 'asked';

export interface ValueRuleModule extends RuleModule {
  readonly fastPath: FastPathStance;
  /** Where the fast path settles it, in words. */
  readonly how: string;
  /** The rule's predicate, asked by the value loop and (stance `decided`) by the fast path. */
  readonly holds?: (...args: never[]) => boolean;
  /** The fast path's own predicate where it is quicker than `holds` (never laxer: `fast` true implies `holds` true). */
  readonly fast?: (...args: never[]) => boolean;
  /** Adds the finding (called once `holds` is false). */
  readonly report?: (...args: never[]) => void;
  /** Whether the rule speaks for a column. */
  readonly applies?: (column: Column) => boolean;
}

/**
 * A value rule in the generic form: asked for every non-null value of a
 * column it applies to, by the fast path (a finding makes the segment not
 * clean) and by the value loop (which reports it). A built-in one is listed
 * in `VALUE_RULES` with the stance `asked`; `registerValueRule` adds one at
 * run time.
 */
export interface ValueRule {
  readonly code: Code;
  applies(column: Column): boolean;
  /** The message when the value breaks the rule, else null. */
  finding(value: unknown, column: Column): string | null;
}

/** A built-in value rule in the generic form. */
export interface AskedValueRule extends Omit<ValueRuleModule, 'applies'>, ValueRule {
  readonly fastPath: 'asked';
}
