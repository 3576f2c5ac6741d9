/**
 * Shapes kept alive: one sample of each object shape that a check makes
 * afresh on every call and drops when it returns (its collector, the
 * duplicate-id table, the segment summaries).
 *
 * Why (issue 24.7): V8 gives each object shape a hidden class (a "map").
 * A full garbage collection clears the map of a shape that no live object
 * has any more, and throws away every piece of optimized code that tests
 * for it ("weak objects" in `node --trace-deopt`). Between two checks of a
 * page nothing of the first check is alive, so after a full collection the
 * next check ran its hot loop unoptimized until V8 compiled it again: on a
 * page of 20,000 small segments, checked after a full collection each time,
 * about 550 functions were thrown away in 100 checks, and the check cost
 * 1.6 times a schema-only Ajv pass; with these samples kept, about 7 were,
 * and it cost 1.1 times. A Server or Client that checks pages between full
 * collections pays the same.
 *
 * A sample must have the shape of the real objects: the same members, set
 * in the same order, holding the same kinds of values (small integer,
 * double, object), so the module that makes the objects makes its sample
 * with the same code. `test/shapes.test.ts` checks that a run of checks
 * with full collections between them throws no optimized code away.
 */
const kept: object[] = [];

/** Keep `sample` alive as long as the process, so its shape's map is never cleared; returns it. */
export function keepShape<T extends object>(sample: T): T {
  kept.push(sample);
  return sample;
}

/**
 * A sample that needs what only a running check has (its model, its
 * context): `make` is asked at each `ensure` until it gives one, which is
 * then kept. `ensure` is called where the objects are made, once per page
 * or per series, not per segment.
 */
export class LateSample {
  private done = false;

  constructor(private readonly make: () => object | null) {}

  ensure(): void {
    if (this.done) return;
    const sample = this.make();
    if (sample === null) return;
    keepShape(sample);
    this.done = true;
  }
}

/** How many samples are kept (tests). */
export function keptShapes(): number {
  return kept.length;
}
