/** `supply-mix-sum`: the shares of a well-formed supply-mix value sum to 1 (within MIX_TOLERANCE). */
import { supplyMixSum as sumOf } from '../../columns/values.js';
import { type CheckContext, schemaErrorAtOrUnder } from '../../context.js';
import { exceedsTolerance, MIX_TOLERANCE } from '../../tolerance.js';
import type { ValueRuleModule } from './rule.js';

export const supplyMixSum = {
  code: 'supply-mix-sum',
  reads: 'the mix shares of each well-formed supply-mix value',
  fastPath: 'columns',
  how: 'a supply-mix column turns the fast path off',
  check(v: readonly Record<string, unknown>[], path: string, ctx: CheckContext, id: string | undefined): void {
    const sum = sumOf(v);
    if (exceedsTolerance(sum - 1, MIX_TOLERANCE, sum) && !schemaErrorAtOrUnder(ctx, path)) ctx.collector.add('supply-mix-sum', path, supplyMixSum.message(sum), id);
  },
  message(sum: number): string {
    return `supply-mix shares sum to ${Math.round(sum * 1e6) / 1e6}, not 1 (±${MIX_TOLERANCE})`;
  },
} as const satisfies ValueRuleModule;
