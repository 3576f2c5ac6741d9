/** `net-balance`: in each forward/reverse/net triple of one quality, net = forward + reverse (within NET_TOLERANCE, relative to the largest amount). */
import type { Column } from '../../columns/column.js';
import type { CheckContext } from '../../context.js';
import { exceedsTolerance, NET_TOLERANCE } from '../../tolerance.js';
import type { ValueRuleModule } from './rule.js';

export const netBalance = {
  code: 'net-balance',
  reads: 'the amounts of each forward/reverse/net triple of energy columns (Columns.triples) in a value set',
  fastPath: 'decided',
  how: 'valuesClean asks netBalance.fast of each triple (the absolute tolerance only: never laxer than holds)',
  /** Within the absolute tolerance (the common case, without Math.max): balanced whatever the amounts' size. */
  fast(f: number, r: number, net: number): boolean {
    const d = net - (f + r);
    return d <= NET_TOLERANCE && d >= -NET_TOLERANCE;
  },
  /** Balanced within the tolerance relative to the largest amount. */
  holds(f: number, r: number, net: number): boolean {
    return netBalance.fast(f, r, net) || !exceedsTolerance(net - (f + r), NET_TOLERANCE, Math.max(Math.abs(f), Math.abs(r), Math.abs(net)));
  },
  report(forward: Column, f: number, reverse: Column, r: number, netColumn: Column, net: number, path: string, ctx: CheckContext, id: string | undefined): void {
    ctx.collector.add('net-balance', path, netBalance.message(forward, f, reverse, r, netColumn, net), id);
  },
  message(forward: Column, f: number, reverse: Column, r: number, netColumn: Column, net: number): string {
    return `${netColumn.label} ${net} ≠ ${forward.label} ${f} + ${reverse.label} ${r}`;
  },
} as const satisfies ValueRuleModule;
