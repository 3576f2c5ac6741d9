import type { ModelAdapter } from './models/adapter.js';
import { Collector } from './problems.js';
import { keepShape } from './shapes.js';

/** What the schema pass learnt, for the rules that run after it. */
export interface SchemaOutcome {
  /** Paths with schema errors (exact), or null when the schema passed. */
  readonly exact: ReadonlySet<string> | null;
  /** Proper ancestors of paths with schema errors, or null. */
  readonly ancestors: ReadonlySet<string> | null;
  /** Paths the schema pass reported a recommendation (a warning of the recommended profile) at, or null. */
  readonly recommended: ReadonlySet<string> | null;
  /**
   * Segments whose `values` the schema pass found clean in its single pass
   * (see `valuesClean`), by their index in the page (0 for a segment): the
   * rules' value loop skips them. A slot holds the segment object itself,
   * so only that very object skips (a list, not a set: no hashing of
   * thousands of objects per page).
   */
  readonly cleanValues: readonly unknown[] | null;
  /**
   * Per segment of a page that passed the quick check, the bits of its
   * members equal to those of the segment before it (the model's quick
   * check order; `relatedSameMask` picks the related lists); null otherwise.
   */
  readonly sameMembers: Uint32Array | null;
}

/** What every rule receives. */
export interface CheckContext {
  readonly collector: Collector;
  readonly model: ModelAdapter;
  readonly schema: SchemaOutcome;
  /** The value types the caller's Server Metadata declares (2026 `undeclared-type`); null without metadata. */
  readonly declaredTypes: ReadonlySet<string> | null;
}

/** A schema outcome: the one place its object is made, so that every outcome has one shape, the shape of the sample kept below. */
export function schemaOutcome(
  exact: ReadonlySet<string> | null,
  ancestors: ReadonlySet<string> | null,
  recommended: ReadonlySet<string> | null,
  cleanValues: readonly unknown[] | null,
  sameMembers: Uint32Array | null,
): SchemaOutcome {
  return { exact, ancestors, recommended, cleanValues, sameMembers };
}

/** A check's outcome and context are dropped when it returns: keep one of each, so their shapes outlive a full collection (src/shapes.ts). */
const SAMPLE_OUTCOME = keepShape(schemaOutcome(null, null, null, [], new Uint32Array(0)));
let sampleContext: CheckContext | null = null;

/** What every rule receives: the one place its object is made (see `schemaOutcome`). */
export function checkContext(collector: Collector, model: ModelAdapter, schema: SchemaOutcome, declaredTypes: ReadonlySet<string> | null): CheckContext {
  // The sample needs a model; it takes the first one checked (a model adapter lives as long as the process) and nothing of the check. Its collector is the collector's sample too: a collector is made for every check.
  sampleContext ??= keepShape({ collector: new Collector(), model, schema: SAMPLE_OUTCOME, declaredTypes: null } satisfies CheckContext);
  return { collector, model, schema, declaredTypes };
}

/** The context kept as a sample (null before the first check): for the sample of a shape that holds a context (src/shapes.ts `LateSample`). */
export function contextSample(): CheckContext | null {
  return sampleContext;
}

/** Did the schema report a problem exactly at `path`? */
/** True when the schema reported nothing at all: no pointer needs building to ask about a path (the common case, asked first on hot paths). */
export function schemaClean(ctx: CheckContext): boolean {
  return ctx.schema.exact === null;
}

export function schemaErrorAt(ctx: CheckContext, path: string): boolean {
  return ctx.schema.exact !== null && ctx.schema.exact.has(path);
}

/** Did the schema report a problem at `path` or anywhere below it? */
export function schemaErrorAtOrUnder(ctx: CheckContext, path: string): boolean {
  const { exact, ancestors } = ctx.schema;
  if (exact === null) return false;
  return exact.has(path) || (ancestors !== null && ancestors.has(path));
}
