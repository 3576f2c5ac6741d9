// The quick check (generated/<model>/quick.cjs, scripts/lib/quick-validators.mjs)
// against what it stands in for: the recommended validator on the document
// with every segment's `values` emptied (the schema pass's view, src/schema.ts).
// The checker skips the full pass only when the quick check says true, so the
// two must agree on every document: the corpus, the examples, and pages built
// to make the quick check's skipping of repeated members matter (a member
// equal to the previous segment's, then one that differs in one place).
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_2024 } from '../../src/models/model-2024.js';
import { MODEL_2026 } from '../../src/models/model-2026.js';
import type { ModelAdapter } from '../../src/models/adapter.js';
import { isObject } from '../../src/json.js';
import { corpusGroups, documentOf } from '../engine/helpers.js';
import { ROOT } from '../helpers/paths.js';
import { segment, segment2026 } from '../helpers/documents.js';
import { QUICK_SEGMENT_MEMBERS as QUICK_2024 } from '../../src/models/generated-2024.js';
import { QUICK_SEGMENT_MEMBERS as QUICK_2026 } from '../../src/models/generated-2026.js';

/** The schema pass's view: each segment's `values` emptied when it is an array. */
function emptied(seg: unknown): unknown {
  return isObject(seg) && Array.isArray(seg.values) ? { ...seg, values: [] } : seg;
}

/** What the full pass's recommended validator says of `doc`, as a segment and as a page. */
function reference(model: ModelAdapter, doc: unknown): { segment: boolean; page: boolean } {
  const page = isObject(doc) && Array.isArray(doc.usage_segments) ? { ...doc, usage_segments: doc.usage_segments.map(emptied) } : doc;
  return { segment: model.recommendSegment(emptied(doc)), page: model.recommendPage(page) };
}

function agree(model: ModelAdapter, doc: unknown): void {
  const want = reference(model, doc);
  expect({ segment: model.quickSegment(doc), page: model.quickPage(doc) }, JSON.stringify(doc).slice(0, 300)).toEqual(want);
}

/** Every document of the corpus (both models) and of the examples. */
function corpusDocuments(): unknown[] {
  const docs: unknown[] = [];
  for (const [, group] of corpusGroups('invalid', 'conforming')) {
    for (const c of group.tests) {
      try {
        if (c.text !== undefined) docs.push(JSON.parse(c.text));
        else if (c.file === undefined) docs.push(documentOf(c, group.base, c.description, group.baseDocument));
      } catch {
        // Text that is not JSON: the schema pass never sees it.
      }
    }
  }
  for (const model of ['2024', '2026']) {
    const dir = `${ROOT}spec/${model}/examples/`;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) docs.push(JSON.parse(readFileSync(dir + f, 'utf8')));
  }
  return docs;
}

const MODELS: [string, ModelAdapter, (fields: Record<string, unknown>) => Record<string, unknown>][] = [
  ['2024', MODEL_2024, segment],
  ['2026', MODEL_2026, segment2026],
];

describe('quick check', () => {
  const docs = corpusDocuments();

  it('reads a corpus of hundreds of documents', () => {
    expect(docs.length).toBeGreaterThan(250);
  });

  for (const [name, model] of MODELS) {
    it(`${name}: agrees with the recommended validator on every corpus document and example, each also as the second segment of a page`, () => {
      let passed = 0;
      for (const doc of docs) {
        agree(model, doc);
        if (model.quickSegment(doc)) passed++;
        // After a segment that passes, the quick check skips the members equal to it: a corpus case (one member changed) after its base.
        if (isObject(doc) && !Array.isArray(doc.usage_segments)) agree(model, { usage_segments: [model === MODEL_2024 ? segment({}) : segment2026({}), doc], next: null, previous: null });
      }
      // Both verdicts occur, so the comparison decides something.
      expect(passed).toBeGreaterThan(10);
      expect(passed).toBeLessThan(docs.length);
    });
  }

  /** Values a member may take: valid ones, near misses, wrong types. */
  const member = fc.oneof(
    fc.constantFrom('2024-01-01T00:00:00Z', '2024-01-01T00:15:00Z', '2024-02-30T00:00:00Z', '20240101T000000Z', '', 'x', '2024-01-01T00:00:00+0000', 'a'.repeat(70)),
    fc.constantFrom(900, 0, -1, 1.5, Number.MAX_VALUE),
    fc.constantFrom(null, true, {}, [], ['a'], ['a', 'a'], [''], [1], ['kwh_fwd'], ['Kwh_fwd'], [{ id: 'w', type: 'water_usage', units: 'gal' }], [[{ v: 1 }]]),
    fc.string({ maxLength: 4 }),
  );

  /** The test's own reading of "the same member": both absent, the same value, or arrays of the same primitives. */
  function sameMember(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i] && (typeof x !== 'object' || x === null));
  }

  for (const [name, model, make, members] of [
    ['2024', MODEL_2024, segment, QUICK_2024],
    ['2026', MODEL_2026, segment2026, QUICK_2026],
  ] as const) {
    it(`${name}: on a page that passes, each segment's same-member bits say which members equal the segment before (property)`, () => {
      const base = make({});
      const pool = [['a'], ['a'], ['b'], [], ['a', 'b']];
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(pool.length - 1), fc.nat(pool.length - 1), fc.boolean()), { minLength: 1, maxLength: 5 }), (picks) => {
          const segments = picks.map(([a, m, eacs]) => {
            const seg: Record<string, unknown> = { ...base, related_accounts: pool[a], related_meterdevices: [...pool[m]!] };
            if (eacs) seg.related_eacs = [];
            else delete seg.related_eacs;
            return seg;
          });
          const same = new Uint32Array(segments.length);
          expect(model.quickPage({ usage_segments: segments, next: null, previous: null }, same)).toBe(true);
          for (let i = 1; i < segments.length; i++) {
            members.forEach((m, bit) => expect(((same[i]! >>> bit) & 1) === 1, `segment ${i} member ${m}`).toBe(sameMember(segments[i]![m], segments[i - 1]![m])));
          }
          expect(same[0]).toBe(0);
        }),
        { numRuns: 200 },
      );
    });
  }

  for (const [name, model, make] of MODELS) {
    it(`${name}: agrees on pages of segments that share members, some replaced or removed (property)`, () => {
      const base = make({});
      const names = Object.keys(base);
      const change = fc.tuple(fc.constantFrom(...names), fc.option(member, { nil: undefined }));
      fc.assert(
        fc.property(fc.array(fc.array(change, { maxLength: 3 }), { minLength: 1, maxLength: 4 }), (pages) => {
          const segments = pages.map((changes) => {
            const seg: Record<string, unknown> = { ...base };
            for (const [k, v] of changes) {
              if (v === undefined) delete seg[k];
              else seg[k] = v;
            }
            return seg;
          });
          agree(model, { usage_segments: segments, next: null, previous: null });
          for (const seg of segments) agree(model, seg);
        }),
        { numRuns: 300 },
      );
    });
  }
});
