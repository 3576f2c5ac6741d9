// Collector.mark/restore (src/problems.ts): the one-pass check of a page takes
// back what it reported when it gives way, so a collector restored to a mark
// must behave, from then on, exactly like one that never saw the problems
// reported after the mark: the same lists, counts, and "first of each code
// past the cap" (a code listed only after the mark must be listable again).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Collector, MAX_PROBLEMS } from '../src/problems.js';
import { RULES, type Code } from '../src/registry.js';

/** Codes reported under the default gate (a 2024 validate), by level: the collector drops the others. */
const probe = new Collector();
const ERRORS = RULES.filter((r) => r.level === 'error' && probe.enabled(r.code)).map((r) => r.code);
const WARNINGS = RULES.filter((r) => r.level === 'warning' && probe.enabled(r.code)).map((r) => r.code);

type Report = [Code, string];

function report(c: Collector, reports: readonly Report[]): void {
  for (const [code, path] of reports) c.add(code, path, () => `${code} at ${path}`, path);
}

/** What a later check can observe of a collector. */
function observed(c: Collector): unknown {
  return { result: structuredClone(c.result()), listing: RULES.map((r) => r.code).filter((code) => c.listing(code)), errorCount: c.errorCount, warningCount: c.warningCount };
}

const reports = (codes: readonly Code[]) => fc.array(fc.tuple(fc.constantFrom(...codes), fc.constantFrom('/a', '/b', '/c/0')), { maxLength: 40 });
const anyReports = reports([...ERRORS.slice(0, 4), ...WARNINGS.slice(0, 4)]);

describe('Collector.mark/restore', () => {
  it('has error and warning codes to work with', () => {
    expect(ERRORS.length).toBeGreaterThan(3);
    expect(WARNINGS.length).toBeGreaterThan(3);
  });

  it('after restore, behaves like a collector that never saw the rolled-back problems (property, small caps)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), anyReports, fc.array(anyReports, { minLength: 1, maxLength: 3 }), anyReports, (cap, before, rolledBack, after) => {
        const c = new Collector({}, cap);
        report(c, before);
        const m = c.mark();
        const atMark = observed(c);
        // Several rollbacks to the same mark: the mark is not changed by what follows it.
        for (const batch of rolledBack) {
          report(c, batch);
          c.restore(m);
          expect(observed(c)).toEqual(atMark);
        }
        report(c, after);
        const never = new Collector({}, cap);
        report(never, [...before, ...after]);
        expect(observed(c)).toEqual(observed(never));
      }),
      { numRuns: 500 },
    );
  });

  it('past MAX_PROBLEMS: the first of a new code rolled back is listed again afterwards, counts restored', () => {
    const [filler, fresh] = ERRORS as [Code, Code];
    const [warnFiller, warnFresh] = WARNINGS as [Code, Code];
    const fill: Report[] = [];
    for (let i = 0; i < MAX_PROBLEMS + 7; i++) fill.push([filler, `/f/${i}`], [warnFiller, `/w/${i}`]);
    const c = new Collector();
    report(c, fill);
    expect(c.omittedErrors).toBe(7);
    const m = c.mark();

    // After the mark: the first `fresh` is listed past the cap, the rest counted.
    report(c, [[fresh, '/x/0'], [fresh, '/x/1'], [warnFresh, '/y/0'], [filler, '/f/more']]);
    expect(c.errors.map((p) => p.code).filter((k) => k === fresh)).toHaveLength(1);
    expect(c.listing(fresh)).toBe(false);
    c.restore(m);
    expect(c.errors).toHaveLength(MAX_PROBLEMS);
    expect(c.warnings).toHaveLength(MAX_PROBLEMS);
    expect([c.omittedErrors, c.omittedWarnings]).toEqual([7, 7]);
    expect(c.listing(fresh)).toBe(true);
    expect(c.listing(warnFresh)).toBe(true);
    expect(c.listing(filler)).toBe(false);

    // Reported again, with other paths: the result is that of a collector that never saw the first batch.
    const again: Report[] = [[fresh, '/z/0'], [warnFresh, '/z/1'], [fresh, '/z/2']];
    report(c, again);
    const never = new Collector();
    report(never, [...fill, ...again]);
    expect(observed(c)).toEqual(observed(never));
    expect(c.errors.at(-1)).toMatchObject({ code: fresh, path: '/z/0' });
  });

  it('a code first listed before the mark stays listed after restore (only counted past the cap)', () => {
    const [code, other] = ERRORS as [Code, Code];
    const c = new Collector({}, 2);
    report(c, [[code, '/0'], [other, '/1']]);
    const m = c.mark();
    report(c, [[code, '/2']]);
    c.restore(m);
    report(c, [[code, '/3']]);
    expect(c.errors.map((p) => p.path)).toEqual(['/0', '/1']);
    expect(c.omittedErrors).toBe(1);
  });
});
