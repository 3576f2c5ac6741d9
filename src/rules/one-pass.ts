/**
 * The one-pass check of a listing page (issue 24.7): the schema pass and the
 * rules in a single loop over the segments, for a page the schema finds
 * nothing in (the common case: a Server's own pages).
 *
 * Why: the full check reads a page three times (the quick check of every
 * segment, the schema pass's unique lists and values, then the rules), so
 * on a page of many small segments it cost more than Ajv's one pass.
 * Here each segment, as the loop reaches it, is checked by the quick check
 * (against the segment before it, whose equal members it does not check
 * again) and the rest of the schema pass (`segmentSchemaHolds`), then by
 * its rules, while it is still in the processor's caches.
 *
 * Same results as the full check, which it gives way to: the rules read a
 * schema outcome of "nothing found", so the moment a segment might draw a
 * schema problem (a `schema` error or a warning of the recommended
 * profile), everything this pass reported is taken back
 * (`Collector.restore`) and the full check runs from the start. Work stays
 * linear: at most one pass is wasted. Not used when `unknown-field` is
 * reported (the value rules' fast path does not apply then) or for a link
 * the full pass reports itself (`linksShort`).
 */
import { checkContext, contextSample, schemaOutcome, type SchemaOutcome } from '../context.js';
import type { ModelAdapter } from '../models/adapter.js';
import type { Collector } from '../problems.js';
import { linksShort, segmentSchemaHolds } from '../schema.js';
import { LateSample } from '../shapes.js';
import { checkPage, type SegmentAdmission } from './page.js';
import type { SegmentSummary } from './segment.js';

/** The result of a page checked in one pass: what the rules read of each segment, and the schema outcome they ran on. */
export interface OnePass {
  readonly summaries: SegmentSummary[];
  readonly schema: SchemaOutcome;
}

/** Check a listing page in one pass; null when it gave way (nothing it found is kept: the caller runs the full check). */
export function checkPageInOnePass(page: Record<string, unknown>, collector: Collector, model: ModelAdapter, declaredTypes: ReadonlySet<string> | null): OnePass | null {
  if (collector.enabled('unknown-field') || !linksShort(page) || !model.quickPageMembers(page)) return null;
  const list = page.usage_segments;
  if (!Array.isArray(list)) return null;
  const clean: unknown[] = [];
  const same = new Uint32Array(list.length);
  const schema = schemaOutcome(null, null, null, clean, same);
  const ctx = checkContext(collector, model, schema, declaredTypes);
  const mark = collector.mark();
  ADMISSION_SAMPLE.ensure();
  const summaries = checkPage(page, ctx, new OnePassAdmission(model, clean, same));
  if (summaries === null) {
    collector.restore(mark);
    return null;
  }
  return { summaries, schema };
}

/** Each segment of the page, as the rules reach it: the quick check against the segment before, then the rest of the schema pass. */
class OnePassAdmission implements SegmentAdmission {
  /** The segment admitted last (the quick check skips its members that this one repeats). */
  private previous: unknown = null;

  constructor(
    private readonly model: ModelAdapter,
    private readonly clean: unknown[],
    private readonly same: Uint32Array,
  ) {}

  admit(seg: unknown, index: number): boolean {
    const bits = this.model.quickSegmentAfter(seg, this.previous);
    if (bits < 0 || !segmentSchemaHolds(seg as Record<string, unknown>, index, bits, this.model, this.clean)) return false;
    this.same[index] = bits;
    this.previous = seg;
    return true;
  }
}

/** One is made per page: keep one, so its shape outlives a full collection (src/shapes.ts). It holds the kept sample context's model (a model adapter lives as long as the process) and nothing of a page. */
const ADMISSION_SAMPLE = new LateSample(() => {
  const ctx = contextSample();
  return ctx === null ? null : new OnePassAdmission(ctx.model, [], new Uint32Array(0));
});
