/** `withheld-values`: §7.2.8.1 L2727, no columns only when every value type is withheld, and then no value sets either. */
import type { CheckContext } from '../../context.js';
import { ptr } from '../../pointer.js';
import type { RuleModule } from '../rule.js';

export const withheldValues = {
  code: 'withheld-values',
  reads: 'a 2026 segment\'s formats (its length) and values',
  check(formats: readonly unknown[], values: unknown, base: string, ctx: CheckContext, id: string | undefined): void {
    if (formats.length === 0 && Array.isArray(values) && values.length > 0) ctx.collector.add('withheld-values', ptr(base, 'values'), withheldValues.message(values.length), id);
  },
  message(count: number): string {
    return `formats is [] but values has ${count} value set${count === 1 ? '' : 's'}: a segment whose value types are all withheld has values [] too (§7.2.8.1)`;
  },
} as const satisfies RuleModule;
