// The one-pass check of a listing page (src/rules/one-pass.ts) against the
// full pipeline it stands in for. validate() takes the lane on a page the
// schema finds nothing in and gives way (everything it reported taken back)
// the moment a segment might draw a schema problem; either way the result
// must be the full pipeline's, to the message and the count. The reference
// below is validateInto's full lane written out (runSchema, then checkPage),
// never calling checkPageInOnePass.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../bench/payloads.mjs';
import { isObject } from '../src/json.js';
import { MODEL_2024 } from '../src/models/model-2024.js';
import { MODEL_2026 } from '../src/models/model-2026.js';
import { modelEntry } from '../src/models/registry.js';
import { Collector, type ValidationResult } from '../src/problems.js';
import { RULES } from '../src/registry.js';
import { checkServerMetadata } from '../src/rules/formats.js';
import { checkPageInOnePass } from '../src/rules/one-pass.js';
import { checkPage } from '../src/rules/page.js';
import { runSchema } from '../src/schema.js';
import { modelOptions, resolveModel, validate, validatePage, type ValidateOptions } from '../src/validate.js';
import { documentOf as generated } from './differential/generate.js';
import { corpusGroups, corpusOptions, documentOf } from './engine/helpers.js';
import { page, segment, segment2026 } from './helpers/documents.js';
import { ROOT } from './helpers/paths.js';

type Doc = Record<string, unknown>;
type Options = Pick<ValidateOptions, 'strict' | 'model' | 'serverMetadata'>;

/** validate(page, {kind: 'list'}) without the one-pass lane: as validateCollecting and validateInto, the full lane only. */
function reference(doc: Doc, options: Options = {}): { result: ValidationResult; timeline: unknown } {
  const { model: modelOpt, declaredTypes } = modelOptions('validate', options);
  const model = modelEntry(resolveModel(doc, modelOpt));
  const collector = new Collector({ strict: options.strict === true, model: model.rules, metadata: declaredTypes !== null });
  let timeline: unknown = null;
  try {
    if (isObject(options.serverMetadata)) checkServerMetadata(options.serverMetadata, collector);
    const schema = runSchema(doc, 'list', collector, model.adapter);
    timeline = checkPage(doc, { collector, model: model.adapter, schema, declaredTypes });
  } catch (e) {
    collector.add('internal-error', '', `checker failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { result: collector.result(), timeline };
}

/** Did validate() take the lane for this page? (The same call validateInto makes, on a fresh collector.) */
function laneTaken(doc: Doc, options: Options = {}): boolean {
  const { model: modelOpt, declaredTypes } = modelOptions('validate', options);
  const model = modelEntry(resolveModel(doc, modelOpt));
  const collector = new Collector({ strict: options.strict === true, model: model.rules, metadata: declaredTypes !== null });
  return checkPageInOnePass(doc, collector, model.adapter, declaredTypes) !== null;
}

/** validate() and validatePage() agree with the reference, results and timeline entries alike. */
function agree(doc: Doc, options: Options = {}): void {
  const want = reference(doc, options);
  const what = JSON.stringify(doc).slice(0, 300);
  expect(validate(doc, { ...options, kind: 'list' }), what).toEqual(want.result);
  const { serverMetadata: _checkedOnceByTheCrawler, ...pageOptions } = options;
  const viaPage = validatePage(doc, pageOptions);
  const wantPage = reference(doc, pageOptions);
  expect(viaPage.result, what).toEqual(wantPage.result);
  expect(viaPage.timeline, what).toEqual(wantPage.timeline ?? []);
}

/** Corpus cases and examples: [document, options]. */
function corpus(): [unknown, Options][] {
  const out: [unknown, Options][] = [];
  for (const [, group] of corpusGroups('invalid', 'conforming')) {
    for (const c of group.tests) {
      if (c.previous !== undefined || group.previous !== undefined) continue; // revision cases: another entry point
      try {
        const doc = c.text !== undefined ? JSON.parse(c.text) : c.file === undefined ? documentOf(c, group.base, c.description, group.baseDocument) : undefined;
        const { kind: _kind, ...options } = corpusOptions(c, group);
        if (doc !== undefined) out.push([doc, options]);
      } catch {
        // Text that is not JSON: no page to check.
      }
    }
  }
  for (const model of ['2024', '2026']) {
    const dir = `${ROOT}spec/${model}/examples/`;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'server-metadata.json')) out.push([JSON.parse(readFileSync(dir + f, 'utf8')), {}]);
  }
  return out;
}

const isPage = (d: unknown): d is Doc => isObject(d) && Object.prototype.hasOwnProperty.call(d, 'usage_segments');

/** Segments that make the schema pass report something, for the end of an otherwise clean page (2024 model). */
const LATE_FAILURES: [string, Doc | unknown][] = [
  ['a repeated related id', segment({ cds_usagesegment_id: 'late', related_accounts: ['a', 'a'] })],
  ['a missing member', (({ cds_created: _gone, ...rest }) => rest)(segment({ cds_usagesegment_id: 'late' }))],
  ['an interval that is not a number', segment({ cds_usagesegment_id: 'late', interval: 'x' })],
  ['an empty id (a recommendation)', segment({ cds_usagesegment_id: '' })],
  ['a segment that is not an object', 5],
  ['a value set that is not an array', segment({ cds_usagesegment_id: 'late', values: [{ v: 1 }] })],
];

/** Segments whose findings only the rules report (the schema pass finds nothing): the lane is kept, and must still agree. */
const LATE_RULE_FINDINGS: [string, Doc][] = [
  ['a value of the wrong type', segment({ cds_usagesegment_id: 'late', values: [[{ v: 'bad' }]] })],
  ['a value set of the wrong length', segment({ cds_usagesegment_id: 'late', values: [[{ v: 1 }, { v: 2 }]] })],
  ['an end off the interval arithmetic', segment({ cds_usagesegment_id: 'late', segment_end: '2024-01-01T00:16:00Z' })],
];

/** The small-segment pages of the benchmark, with findings of their own (duplicate ids, overlaps, holes) or none. */
const SMALL = Object.entries(SMALL_CASES);

describe('one-pass check of a page: the same results as the full pipeline', () => {
  const docs = corpus();

  it('on every corpus page and example, strict or not', () => {
    const pages = docs.filter(([d]) => isPage(d));
    let taken = 0;
    for (const [doc, options] of pages) {
      agree(doc as Doc, options);
      agree(doc as Doc, { ...options, strict: true });
      if (laneTaken(doc as Doc, options)) taken++;
    }
    // Both lanes occur, so the comparison decides something.
    expect(pages.length).toBeGreaterThan(20);
    expect(taken).toBeGreaterThan(3);
    expect(taken).toBeLessThan(pages.length);
  });

  it('on every corpus segment placed last on a clean page of its model (a failure found late)', () => {
    let gaveWay = 0;
    for (const [doc, options] of docs) {
      if (isPage(doc) || !isObject(doc)) continue;
      const prefix = 'formats' in doc ? [segment2026({ cds_usagesegment_id: 'p0' }), segment2026({ cds_usagesegment_id: 'p1', segment_start: '2024-01-02T00:00:00Z', segment_end: '2024-01-03T00:00:00Z' })] : [segment({ cds_usagesegment_id: 'p0' }), segment({ cds_usagesegment_id: 'p1', segment_start: '2024-01-01T00:15:00Z', segment_end: '2024-01-01T00:30:00Z' })];
      const p = page(...prefix, doc);
      agree(p, options);
      if (!laneTaken(p, options)) gaveWay++;
    }
    expect(gaveWay).toBeGreaterThan(50);
  });

  for (const [name, make] of SMALL) {
    it(`${name}: the clean page, and the page with a failing segment last, in the middle and first`, () => {
      // 150 segments: duplicate ids, overlaps and holes go past the cap of 100 before the failing segment is reached.
      const clean = make(150) as Doc;
      agree(clean);
      expect(laneTaken(clean)).toBe(true);
      for (const [what, bad] of LATE_FAILURES) {
        for (const at of [150, 75, 0]) {
          const list = [...(clean.usage_segments as unknown[])];
          list.splice(at, 0, structuredClone(bad));
          const p = { ...clean, usage_segments: list };
          agree(p);
          expect(laneTaken(p), `${what} at ${at}`).toBe(false);
        }
      }
      for (const [what, late] of LATE_RULE_FINDINGS) {
        const p = { ...clean, usage_segments: [...(clean.usage_segments as unknown[]), structuredClone(late)] };
        agree(p);
        expect(laneTaken(p), what).toBe(true);
      }
    });
  }

  for (const model of ['2024', '2026'] as const) {
    it(`${model}: on generated pages, and on them with a failing segment appended (property)`, () => {
      fc.assert(
        fc.property(generated(model), fc.constantFrom(...LATE_FAILURES, ...LATE_RULE_FINDINGS), (doc, [, bad]) => {
          if (!isPage(doc)) return;
          agree(doc);
          agree({ ...doc, usage_segments: [...(doc.usage_segments as unknown[]), structuredClone(bad)] });
        }),
        { numRuns: 150 },
      );
    });
  }
});

/** Everything a later check could read of a collector: its lists, counts, and which codes it would still list. */
function stateOf(c: Collector): unknown {
  return {
    errors: structuredClone(c.errors),
    warnings: structuredClone(c.warnings),
    omittedErrors: c.omittedErrors,
    omittedWarnings: c.omittedWarnings,
    listing: RULES.map((r) => r.code).filter((code) => c.listing(code)),
  };
}

/** A 2024 collector already holding `n` problems of a code the page never draws (as a revision check's earlier document would). */
function filled(n: number): Collector {
  const c = new Collector();
  for (let i = 0; i < n; i++) c.add('supply-mix-sum', `/earlier/${i}`, 'earlier finding');
  return c;
}

describe('checkPageInOnePass: taken on a clean page, given way on a failing one', () => {
  const dupIds = SMALL_CASES['duplicate ids'](150) as Doc;

  it('is taken on a clean page, with the findings the full pipeline reports', () => {
    for (const [name, make] of SMALL) {
      const p = make(40) as Doc;
      const c = new Collector();
      const out = checkPageInOnePass(p, c, MODEL_2024, null);
      expect(out, name).not.toBeNull();
      expect(out!.summaries).toHaveLength(40);
      expect(c.result(), name).toEqual(reference(p).result);
    }
  });

  it('the duplicate-id page reports before its end (so a rollback has something to take back)', () => {
    const c = new Collector();
    expect(checkPageInOnePass(dupIds, c, MODEL_2024, null)).not.toBeNull();
    expect(c.errorCount).toBe(149);
  });

  for (const before of [0, 5, 100]) {
    it(`gives way on a page whose last segment fails, the collector (${before} problems before) left exactly as it was`, () => {
      for (const [what, bad] of LATE_FAILURES) {
        const p = { ...dupIds, usage_segments: [...(dupIds.usage_segments as unknown[]), bad] };
        const c = filled(before);
        const was = stateOf(c);
        expect(checkPageInOnePass(p, c, MODEL_2024, null), what).toBeNull();
        expect(stateOf(c), what).toEqual(was);
        // And the full pipeline then run on that collector draws what it draws on a fresh one, after the earlier problems.
        const schema = runSchema(p, 'list', c, MODEL_2024);
        checkPage(p, { collector: c, model: MODEL_2024, schema, declaredTypes: null });
        const fresh = filled(before);
        const freshSchema = runSchema(p, 'list', fresh, MODEL_2024);
        checkPage(p, { collector: fresh, model: MODEL_2024, schema: freshSchema, declaredTypes: null });
        expect(c.result(), what).toEqual(fresh.result());
      }
    });
  }

  it('a 2026 page: taken when clean, given way when its last segment repeats a related id', () => {
    const clean = page(segment2026({ cds_usagesegment_id: 'a' }), segment2026({ cds_usagesegment_id: 'a', segment_start: '2024-01-03T00:00:00Z', segment_end: '2024-01-04T00:00:00Z' }));
    const c = new Collector({ model: '2026' });
    expect(checkPageInOnePass(clean, c, MODEL_2026, null)).not.toBeNull();
    expect(c.errors.map((p) => p.code)).toEqual(['duplicate-id']);
    const failing = { ...clean, usage_segments: [...(clean.usage_segments as unknown[]), segment2026({ cds_usagesegment_id: 'z', related_meterdevices: ['m', 'm'] })] };
    const c2 = new Collector({ model: '2026' });
    expect(checkPageInOnePass(failing, c2, MODEL_2026, null)).toBeNull();
    expect(stateOf(c2)).toEqual(stateOf(new Collector({ model: '2026' })));
  });

  it('is not taken in strict mode (unknown-field is reported), and then touches nothing', () => {
    const c = new Collector({ strict: true });
    const was = stateOf(c);
    expect(checkPageInOnePass(dupIds, c, MODEL_2024, null)).toBeNull();
    expect(stateOf(c)).toEqual(was);
  });

  it('gives way on a page whose own members fail (a link too long, a link not a string), touching nothing', () => {
    for (const next of [`https://example.com/${'x'.repeat(9000)}`, 5]) {
      const p = { ...dupIds, next };
      const c = new Collector();
      expect(checkPageInOnePass(p, c, MODEL_2024, null)).toBeNull();
      expect(stateOf(c)).toEqual(stateOf(new Collector()));
      agree(p);
    }
  });
});
