/**
 * `unknown-format`: a column (2024 format, 2026 Value Format type) that is
 * a likely typo (one or two edits from a known format, or only the letter
 * case differs) always; any other extension format when the registry's
 * strict-mode widening applies, except a type the caller's Server Metadata
 * declares (2026: the Server's own, described). 2026 near-misses of a
 * defined type are `unknown-enum` (formats/unknown-enum.ts).
 */
import { KIND_EXTENSION, KIND_INVALID, type Column, type Columns } from '../../columns/column.js';
import type { CheckContext } from '../../context.js';
import { show } from '../../json.js';
import { ptr } from '../../pointer.js';
import type { RuleModule } from '../rule.js';

/** Off the check's loop, which would otherwise allocate the closure's shared variables on every call. */
function reportExtension(col: Column, i: number, base: string, ctx: CheckContext, id: string | undefined): void {
  ctx.collector.add('unknown-format', ptr(base, ctx.model.columnsField, i), () => ctx.model.words.extensionColumn(col), id);
}

export const unknownFormat = {
  code: 'unknown-format',
  reads: 'a segment\'s columns (their labels, kinds and nearest known format)',
  check(cols: Columns, base: string, ctx: CheckContext, id: string | undefined): void {
    const everyExtension = ctx.collector.widened('unknown-format');
    const list = cols.list;
    for (let i = 0; i < list.length; i++) {
      const col = list[i]!;
      if (col.suggestion !== null && (col.kind === KIND_EXTENSION || col.kind === KIND_INVALID)) {
        ctx.collector.add('unknown-format', ptr(base, ctx.model.columnsField, i), unknownFormat.message(col.label, col.suggestion), id);
      } else if (everyExtension && col.kind === KIND_EXTENSION && !(col.type !== undefined && ctx.declaredTypes?.has(col.type) === true)) {
        reportExtension(col, i, base, ctx, id);
      }
    }
  },
  /** A likely typo; any other extension format is worded by the model (`words.extensionColumn`). */
  message(label: string, suggestion: string): string {
    return `format ${show(label)} is not a known format; did you mean ${show(suggestion)}?`;
  },
} as const satisfies RuleModule;
