/** `format-index`: an `indexes` entry of a Value Format (§10.8.5.3.1, §10.8.5.7.1) that is a valid index (else a schema error) but names no other column. */
import type { CheckContext } from '../../context.js';
import { show } from '../../json.js';
import { ptr } from '../../pointer.js';
import { plural } from '../../words.js';
import type { RuleModule } from '../rule.js';

/** Value types whose Value Format has `indexes` naming the columns it describes. */
const INDEXED_TYPES: ReadonlySet<string> = new Set(['electric_supply_mix', 'cost']);

export const formatIndex = {
  code: 'format-index',
  reads: 'the indexes of a Value Format whose type has them (electric_supply_mix, cost), against the number of columns',
  applies(type: string): boolean {
    return INDEXED_TYPES.has(type);
  },
  check(f: Record<string, unknown>, i: number, n: number, base: string, ctx: CheckContext, id: string | undefined): void {
    const indexes = f.indexes;
    if (!Array.isArray(indexes)) return;
    for (let j = 0; j < indexes.length; j++) {
      const x: unknown = indexes[j];
      if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) continue; // schema error
      if (x === i || x >= n) ctx.collector.add('format-index', ptr(base, 'formats', i, 'indexes', j), formatIndex.message(x, i, n, f.type), id);
    }
  },
  /** The column itself, or an index past the last column. */
  message(x: number, i: number, n: number, type: unknown): string {
    if (x === i) return `index ${x} is this column itself; indexes name the other columns this ${show(type)} column describes`;
    return `index ${x} names no column: the segment has ${plural(n, 'format')} (0 to ${n - 1})`;
  },
} as const satisfies RuleModule;
