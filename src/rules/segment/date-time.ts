/**
 * `date-time-rfc3339`: a date-time field (`cds_created`, `cds_modified`,
 * `segment_start`, `segment_end`) is an RFC 3339 date-time with an offset.
 * One laid out as RFC 3339 that is no real instant is a `schema` error here.
 */
import { type CheckContext, schemaClean, schemaErrorAtOrUnder } from '../../context.js';
import { show } from '../../json.js';
import { ptr } from '../../pointer.js';
import { getRule } from '../../registry.js';
import { parseInstant, type Instant } from '../../time.js';
import type { RuleModule } from '../rule.js';

/** The layout of an RFC 3339 date-time up to its seconds. */
const RFC3339_LAYOUT = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** The `schema` error of a date-time laid out as RFC 3339 that names no real instant. */
function unrealMessage(field: string, raw: string): string {
  return `${field} ${show(raw)} is not a real date and time`;
}

/** A string that is no usable instant (off the check, which stays small enough for the driver to inline four times). */
function reportUnusable(field: string, raw: string, base: string, ctx: CheckContext, id: string | undefined): void {
  if (RFC3339_LAYOUT.test(raw)) {
    // Laid out as RFC 3339 but no real instant (2024-02-30, 25:00, a leap
    // second not at 23:59 UTC): not a date-time in either draft's sense,
    // although the 2024 text's pattern (ISO 8601 syntax) lets it through.
    ctx.collector.add('schema', ptr(base, field), unrealMessage(field, raw), id);
  } else if (ctx.schema.recommended?.has(ptr(base, field)) !== true) {
    // Legal but not RFC 3339 (a 2024 ISO 8601 form) and not yet reported by the schema pass.
    ctx.collector.add('date-time-rfc3339', ptr(base, field), dateTime.message(field, raw), id);
  }
}

export const dateTime = {
  code: 'date-time-rfc3339',
  reads: 'the date-time fields of a segment (cds_created, cds_modified, segment_start, segment_end)',
  /** The field as an exact instant; null when it is unusable, including when the schema rejected it (a rejected field takes no part in later rules). */
  check(seg: Record<string, unknown>, field: string, base: string, ctx: CheckContext, id: string | undefined): Instant | null {
    const t = dateTime.read(seg, field, base, ctx);
    if (t === null) dateTime.report(seg, field, base, ctx, id);
    return t;
  },
  /** `check` without its finding: the instant, or null. segment.ts reads the span first and reports with `report`, in the fields' order. */
  read(seg: Record<string, unknown>, field: string, base: string, ctx: CheckContext): Instant | null {
    if (!schemaClean(ctx) && schemaErrorAtOrUnder(ctx, ptr(base, field))) return null;
    return parseInstant(seg[field]);
  },
  /** The finding of a field `read` found unusable (none when the schema rejected it or it is no string: the schema reports those). */
  report(seg: Record<string, unknown>, field: string, base: string, ctx: CheckContext, id: string | undefined): void {
    if (!schemaClean(ctx) && schemaErrorAtOrUnder(ctx, ptr(base, field))) return;
    const raw = seg[field];
    if (typeof raw === 'string') reportUnusable(field, raw, base, ctx, id);
  },
  message(field: string, raw: string): string {
    return `${field} ${show(raw)} is not an RFC 3339 date-time with an offset: ${getRule('date-time-rfc3339')?.advice ?? ''}`;
  },
} as const satisfies RuleModule;
