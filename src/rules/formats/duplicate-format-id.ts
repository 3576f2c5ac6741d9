/** `duplicate-format-id`: each later Value Format whose `id` an earlier one of the segment already has. */
import type { CheckContext } from '../../context.js';
import { isObject, show } from '../../json.js';
import { ptr } from '../../pointer.js';
import type { RuleModule } from '../rule.js';

export const duplicateFormatId = {
  code: 'duplicate-format-id',
  reads: 'the id of each Value Format of a 2026 segment',
  check(formats: readonly unknown[], base: string, ctx: CheckContext, id: string | undefined): void {
    const first = new Map<string, number>();
    for (let i = 0; i < formats.length; i++) {
      const f = formats[i];
      if (!isObject(f) || typeof f.id !== 'string') continue;
      const fid = f.id;
      const j = first.get(fid);
      if (j === undefined) first.set(fid, i);
      else ctx.collector.add('duplicate-format-id', ptr(base, 'formats', i, 'id'), duplicateFormatId.message(fid, j), id);
    }
  },
  message(formatId: string, first: number): string {
    return `Value Format id ${show(formatId)} is already the id of formats/${first}; ids must be unique within a segment`;
  },
} as const satisfies RuleModule;
