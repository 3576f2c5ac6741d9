import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRevision, validate, validateUsageSegment, validateUsageSegmentList, type ValidationResult } from '../../src/index.js';
import { deepFreeze, expectPathsResolve } from './helpers.js';

const NUM_RUNS = 150;
const T0 = Date.UTC(2020, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const ENERGY = ['kwh_fwd', 'kwh_rev', 'kwh_net', 'kwh_fwd_estimate', 'kwh_rev_raw', 'kwh_net_estimate'] as const;
const FORMATS = [...ENERGY, 'gap', 'supply_mix'] as const;

const energyValue = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => ({ v })) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const gapValue = fc.oneof(fc.constantFrom('outage', 'meter_fault', 'x').map((reason_type) => ({ reason_type })), fc.constant(null));
const supplyMix = fc
  .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 })
  .filter((ws) => ws.reduce((a, b) => a + b, 0) > 0)
  .map((ws) => {
    const total = ws.reduce((a, b) => a + b, 0);
    return ws.map((w, i) => ({ type: `source_${i}`, mix: w / total }));
  });

/** Delivered energy is never negative in a valid document (a negative one is a `sign` warning). */
const forwardValue = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => ({ v })) },
  { weight: 1, arbitrary: fc.constant(null) },
);

function valueFor(format: string): fc.Arbitrary<unknown> {
  if (format === 'gap') return gapValue;
  if (format === 'supply_mix') return fc.oneof(supplyMix, fc.constant(null));
  return format.startsWith('kwh_fwd') ? forwardValue : energyValue;
}

const ids = fc.array(fc.stringMatching(/^[0-9a-f]{4,8}-[a-z]{2}$/), { maxLength: 3 }).map((a) => [...new Set(a)]);

interface SegmentShape {
  start: number;
  interval: number;
  count: number;
  format: string[];
}

const QUALITY_SUFFIXES = ['', '_estimate', '_raw'] as const;
const QUANTITIES = ['kwh_fwd', 'kwh_rev', 'kwh_net'] as const;

/** Any 1–4 formats, or a whole fwd/rev/net triple of one quality (in any order) among others. */
const formatArb = fc.oneof(
  fc.array(fc.constantFrom(...FORMATS), { minLength: 1, maxLength: 4 }),
  fc
    .tuple(fc.constantFrom(...QUALITY_SUFFIXES), fc.array(fc.constantFrom(...FORMATS), { maxLength: 2 }), fc.nat())
    .map(([q, extra, rot]) => {
      const all = [...extra, ...QUANTITIES.map((x) => x + q)];
      const k = rot % all.length;
      return [...all.slice(k), ...all.slice(0, k)];
    }),
);

const shape = fc.record({
  start: fc.integer({ min: 0, max: 3_000_000 }).map((m) => T0 + m * 60_000),
  interval: fc.constantFrom(0.5, 60, 900, 3600, 86400, 2678400),
  count: fc.integer({ min: 1, max: 24 }),
  format: formatArb,
});

/** Column indexes (fwd, rev, net) of each whole triple of one quality; the first column of each format counts, as in the checker. */
function netTriples(format: readonly string[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const q of QUALITY_SUFFIXES) {
    const [f, r, n] = QUANTITIES.map((x) => format.indexOf(x + q)) as [number, number, number];
    if (f >= 0 && r >= 0 && n >= 0) out.push([f, r, n]);
  }
  return out;
}

/** Set net = fwd + rev in every value set where the three values of a triple are present. */
function balanced(format: readonly string[], values: unknown[][]): unknown[][] {
  const triples = netTriples(format);
  if (triples.length === 0) return values;
  return values.map((vs) => {
    const out = [...vs];
    for (const [f, r, n] of triples) {
      const fv = out[f] as { v: number } | null;
      const rv = out[r] as { v: number } | null;
      if (fv !== null && rv !== null && out[n] !== null) out[n] = { v: fv.v + rv.v };
    }
    return out;
  });
}

function segmentFrom(s: SegmentShape, id: string, related: Record<string, string[]>): fc.Arbitrary<Record<string, unknown>> {
  const valueSet = fc.tuple(...s.format.map(valueFor));
  return fc.array(valueSet, { minLength: s.count, maxLength: s.count }).map((raw) => {
    // Keep net = fwd + rev where a whole triple of one quality is present.
    const values = balanced(s.format, raw);
    return {
      cds_usagesegment_id: id,
      cds_created: '2025-01-01T00:00:00Z',
      cds_modified: '2025-01-02T00:00:00+01:00',
      ...related,
      segment_start: iso(s.start),
      segment_end: iso(s.start + s.count * s.interval * 1000),
      interval: s.interval,
      format: s.format,
      values,
    };
  });
}

const relatedArb = fc.record({
  related_aggregations: ids,
  related_accounts: ids,
  related_servicecontracts: ids,
  related_servicepoints: ids,
  related_meterdevices: ids,
  related_billsections: ids,
  related_eacs: ids,
});

const segmentArb = fc.tuple(shape, relatedArb, fc.stringMatching(/^[a-z0-9-]{1,12}$/)).chain(([s, rel, id]) => segmentFrom(s, id, rel));

/** A page of contiguous kwh_fwd series for one meter, possibly with gap segments between data segments. */
const pageArb = fc
  .tuple(
    relatedArb,
    fc.constantFrom(900, 3600),
    fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 5 }),
    fc.integer({ min: 1, max: 12 }),
  )
  .chain(([rel, interval, rest, firstCount]) => {
    // Always starts with a data segment and has at least two segments.
    const parts: [boolean, number][] = [[false, firstCount], ...rest];
    let t = T0;
    const segs = parts.map(([isGap, count], i) => {
      const s: SegmentShape = { start: t, interval: isGap ? interval * count : interval, count: isGap ? 1 : count, format: isGap ? ['gap'] : ['kwh_fwd'] };
      t += count * interval * 1000;
      return segmentFrom(s, `seg-${i}`, rel);
    });
    return fc.tuple(...segs).map((usage_segments) => ({ usage_segments, next: null, previous: null }));
  });

function expectClean(doc: unknown, r: ValidationResult): void {
  expect(r.errors).toEqual([]);
  expect(r.valid).toBe(true);
  expectPathsResolve(doc, r);
}

describe('property: generated valid documents pass', () => {
  // Triples are balanced and pages contiguous, so not even a warning is expected.
  const cases: [string, fc.Arbitrary<unknown>][] = [
    ['segments', segmentArb],
    ['contiguous pages with gap disclosures have no timeline findings', pageArb],
  ];
  for (const [name, arb] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(arb, (generated) => {
          const doc = deepFreeze(generated);
          const r = validate(doc, { strict: true });
          expectClean(doc, r);
          expect(r.warnings).toEqual([]);
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }

  it('a segment is a valid revision of itself with a later cds_modified', () => {
    fc.assert(
      fc.property(segmentArb, fc.integer({ min: 1, max: 1e9 }), (seg, later) => {
        const next = { ...seg, cds_modified: iso(Date.UTC(2025, 0, 2) + later) };
        const r = checkRevision(deepFreeze(seg), deepFreeze(next));
        expect(r.errors).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

type Seg = Record<string, any>;
type Mutation = { name: string; code: string; level: 'error' | 'warning'; strict?: boolean; apply: (s: Seg) => Seg };

const segmentMutations: Mutation[] = [
  { name: 'drop a required field', code: 'schema', level: 'error', apply: (s) => { const c = { ...s }; delete c.cds_created; return c; } },
  { name: 'interval as a string', code: 'schema', level: 'error', apply: (s) => ({ ...s, interval: String(s.interval) }) },
  { name: 'segment_start not a date-time', code: 'schema', level: 'error', apply: (s) => ({ ...s, segment_start: `${String(s.segment_start)} UTC` }) },
  // Legal but not what we recommend (issue 20): a warning of its own, never an error.
  { name: 'interval zero', code: 'interval-not-positive', level: 'warning', apply: (s) => ({ ...s, interval: 0 }) },
  { name: 'local-time segment_start', code: 'date-time-rfc3339', level: 'warning', apply: (s) => ({ ...s, segment_start: (s.segment_start as string).replace(/Z$/, '') }) },
  { name: 'extra entry in a value set', code: 'value-set-length', level: 'error', apply: (s) => ({ ...s, values: [[...s.values[0], null], ...s.values.slice(1)] }) },
  {
    name: 'empty object as first value of a kwh_fwd column',
    code: 'value-type',
    level: 'error',
    apply: (s) => ({ ...s, format: ['kwh_fwd', ...s.format.slice(1)], values: [[{}, ...s.values[0].slice(1)], ...s.values.slice(1)] }),
  },
  {
    name: 'negative first value of a kwh_fwd column',
    code: 'sign',
    level: 'warning',
    apply: (s) => ({ ...s, format: ['kwh_fwd', ...s.format.slice(1)], values: s.values.map((vs: unknown[], k: number) => [k === 0 ? { v: -1 } : null, ...vs.slice(1)]) }),
  },
  { name: 'one value set too many', code: 'interval-arithmetic', level: 'error', apply: (s) => ({ ...s, values: [...s.values, s.values[0]] }) },
  { name: 'end before start', code: 'segment-bounds', level: 'error', apply: (s) => ({ ...s, segment_end: iso(Date.parse(s.segment_start) - 1000) }) },
  { name: 'modified before created', code: 'timestamps', level: 'error', apply: (s) => ({ ...s, cds_modified: '2024-12-31T00:00:00Z' }) },
  {
    name: 'first column a supply mix summing to 0.5',
    code: 'supply-mix-sum',
    level: 'warning',
    apply: (s) => ({ ...s, format: ['supply_mix', ...s.format.slice(1)], values: s.values.map((vs: unknown[]) => [[{ type: 'solar', mix: 0.5 }], ...vs.slice(1)]) }),
  },
  {
    name: 'an unbalanced fwd/rev/net triple in front',
    code: 'net-balance',
    level: 'warning',
    apply: (s) => ({ ...s, format: ['kwh_fwd', 'kwh_rev', 'kwh_net', ...s.format], values: s.values.map((vs: unknown[]) => [{ v: 1 }, { v: -1 }, { v: 5 }, ...vs]) }),
  },
  {
    name: 'first column an extension format',
    code: 'unknown-format',
    level: 'warning',
    strict: true,
    apply: (s) => ({ ...s, format: ['co2_kg', ...s.format.slice(1)], values: s.values.map((vs: unknown[]) => [{ kg: 1 }, ...vs.slice(1)]) }),
  },
  { name: 'a vendor property', code: 'unknown-field', level: 'warning', strict: true, apply: (s) => ({ ...s, vendor_note: 'x' }) },
];

/** Mutations of a valid revision (the same segment with a later cds_modified). */
const revisionMutations: Mutation[] = [
  { name: 'new id', code: 'revision-id', level: 'error', apply: (s) => ({ ...s, cds_usagesegment_id: s.cds_usagesegment_id + '-2' }) },
  { name: 'cds_created moved earlier', code: 'revision-created', level: 'error', apply: (s) => ({ ...s, cds_created: '2024-12-31T00:00:00Z' }) },
  {
    name: 'segment shifted by a day (arithmetic intact)',
    code: 'revision-span',
    level: 'error',
    apply: (s) => {
      const shift = (t: string) => iso(Date.parse(t) + 86400_000);
      return { ...s, segment_start: shift(s.segment_start), segment_end: shift(s.segment_end) };
    },
  },
  { name: 'cds_modified as before', code: 'revision-modified', level: 'error', apply: (s) => ({ ...s, cds_modified: '2025-01-02T00:00:00+01:00' }) },
];

const pageMutations: Mutation[] = [
  { name: 'duplicate id', code: 'duplicate-id', level: 'error', apply: (p) => ({ ...p, usage_segments: [...p.usage_segments, p.usage_segments[0]] }) },
  {
    name: 'same data again under a new id',
    code: 'timeline-overlap',
    level: 'warning',
    apply: (p) => {
      const data = p.usage_segments.find((s: Seg) => s.format[0] === 'kwh_fwd');
      return { ...p, usage_segments: [...p.usage_segments, { ...data, cds_usagesegment_id: 'copy' }] };
    },
  },
  {
    name: 'a copy of the first data segment three days after the last segment',
    code: 'timeline-hole',
    level: 'warning',
    apply: (p) => {
      const segs = p.usage_segments as Seg[];
      const first = segs[0]!; // a data segment (see pageArb)
      const end = Math.max(...segs.map((s) => Date.parse(s.segment_end)));
      const start = end + 3 * 86400_000;
      const copy = { ...first, cds_usagesegment_id: 'later', segment_start: iso(start), segment_end: iso(start + Date.parse(first.segment_end) - Date.parse(first.segment_start)) };
      return { ...p, usage_segments: [...segs, copy] };
    },
  },
];

describe('property: one mutation from the catalogue fails with its code', () => {
  for (const m of segmentMutations) {
    it(`segment: ${m.name} → ${m.code}`, () => {
      fc.assert(
        fc.property(segmentArb, (seg) => {
          const doc = deepFreeze(m.apply(structuredClone(seg)));
          const r = validate(doc, { strict: m.strict ?? false });
          const found = (m.level === 'error' ? r.errors : r.warnings).map((p) => p.code);
          expect(found).toContain(m.code);
          expect(r.valid).toBe(m.level !== 'error');
          expectPathsResolve(doc, r);
        }),
        { numRuns: 60 },
      );
    });
  }
  for (const m of revisionMutations) {
    it(`revision: ${m.name} → ${m.code}`, () => {
      fc.assert(
        fc.property(segmentArb, fc.integer({ min: 1, max: 1e9 }), (seg, later) => {
          const next = { ...structuredClone(seg), cds_modified: iso(Date.UTC(2025, 0, 2) + later) };
          const docs = [deepFreeze(seg), deepFreeze(m.apply(next))];
          const r = checkRevision(docs[0], docs[1]);
          expect([...new Set(r.errors.map((p) => p.code))]).toEqual([m.code]);
          expect(r.warnings).toEqual([]);
          expect(r.valid).toBe(false);
          expectPathsResolve(undefined, r, docs);
        }),
        { numRuns: 60 },
      );
    });
  }
  for (const m of pageMutations) {
    it(`page: ${m.name} → ${m.code}`, () => {
      fc.assert(
        fc.property(pageArb, (page) => {
          const doc = deepFreeze(m.apply(structuredClone(page)));
          const r = validate(doc);
          const found = (m.level === 'error' ? r.errors : r.warnings).map((p) => p.code);
          expect(found).toContain(m.code);
          expect(r.valid).toBe(m.level !== 'error');
          expectPathsResolve(doc, r);
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe('property: robustness', () => {
  it('arbitrary JSON never throws, never mutates, and every path resolves', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('auto', 'segment', 'list') as fc.Arbitrary<'auto' | 'segment' | 'list'>, fc.boolean(), (v, kind, strict) => {
        const before = JSON.stringify(v);
        const doc = deepFreeze(v);
        const r = validate(doc, { kind, strict });
        expect(JSON.stringify(doc)).toBe(before);
        expect(r.valid).toBe(r.errors.length === 0);
        expect(r.errors.map((p) => p.code)).not.toContain('internal-error');
        expectPathsResolve(doc, r);
      }),
      { numRuns: 200 },
    );
  });

  it('valid segments with one field replaced by arbitrary JSON never throw', () => {
    const fields = ['cds_usagesegment_id', 'cds_created', 'cds_modified', 'related_accounts', 'segment_start', 'segment_end', 'interval', 'format', 'values', 'related_eacs'];
    fc.assert(
      fc.property(segmentArb, fc.constantFrom(...fields), fc.jsonValue(), fc.boolean(), (seg, field, junk, asPage) => {
        const broken = { ...seg, [field]: junk };
        const doc = deepFreeze(asPage ? { usage_segments: [broken, seg], next: null, previous: null } : broken);
        const r = validate(doc, { strict: true });
        expect(r.errors.map((p) => p.code)).not.toContain('internal-error');
        expectPathsResolve(doc, r);
        const r2 = checkRevision(doc, doc);
        expect(r2.errors.map((p) => p.code)).not.toContain('internal-error');
      }),
      { numRuns: 200 },
    );
  });

  it('values replaced by arbitrary JSON inside value sets never throw', () => {
    fc.assert(
      fc.property(segmentArb, fc.jsonValue(), fc.nat(), (seg, junk, pos) => {
        const values = (seg.values as unknown[][]).map((vs) => [...vs]);
        const row = values[pos % values.length]!;
        row[pos % row.length] = junk;
        const doc = deepFreeze({ ...seg, values });
        const r = validate(doc, { strict: true });
        expect(r.errors.map((p) => p.code)).not.toContain('internal-error');
        expectPathsResolve(doc, r);
      }),
      { numRuns: 200 },
    );
  });
});

describe('property: the fast values path agrees with the compiled schema', () => {
  const component = fc.record(
    {
      type: fc.oneof(fc.constantFrom('solar', 'wind', ''), fc.integer()),
      mix: fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.constant('0.5')),
      gco2_per_kwh: fc.oneof(fc.double({ min: -1, max: 500, noNaN: true }), fc.constant(null)),
      extra: fc.jsonValue(),
    },
    { requiredKeys: [] },
  );
  const valueLike = fc.oneof(fc.jsonValue(), fc.array(component, { maxLength: 3 }), fc.array(fc.oneof(component, fc.jsonValue()), { maxLength: 2 }));

  it('a segment has schema errors exactly when the full validator rejects it', () => {
    fc.assert(
      fc.property(segmentArb, valueLike, fc.nat(), fc.boolean(), (seg, junk, pos, asPage) => {
        const values = (seg.values as unknown[][]).map((vs) => [...vs]);
        const row = values[pos % values.length]!;
        row[pos % row.length] = junk;
        const broken = { ...seg, values };
        const doc = asPage ? { usage_segments: [seg, broken], next: null, previous: null } : broken;
        const full = asPage ? validateUsageSegmentList(doc) : validateUsageSegment(doc);
        const r = validate(doc);
        // Where the validator rejects a value of a column with a valid format, the checker says value-type (naming the format); schema otherwise.
        const schemaPaths = r.errors.filter((p) => p.code === 'schema').map((p) => p.path);
        if (full) expect(schemaPaths).toEqual([]);
        else expect(r.errors.filter((p) => p.code === 'schema' || p.code === 'value-type')).not.toEqual([]);
        expectPathsResolve(doc, r);
      }),
      { numRuns: 300 },
    );
  });
});
