/**
 * Fuzzing with fast-check: arbitrary JSON (with hostile keys and numbers) and
 * mutated copies of the meeting's examples. Invariants: validate (and
 * checkRevision, readRows) never throw, the result has the documented shape,
 * every path points at an existing location, and the input is unchanged.
 *
 * `npm test` runs a bounded number of cases; `npm run fuzz` sets FUZZ_RUNS
 * (default there 100,000 in total) and FUZZ_SEED to reproduce a failure.
 * test/engine/properties.test.ts covers generated valid documents and the
 * mutation catalogue; this file adds structure-aware mutation of the examples.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRevision, checkRevisionChain, readRows, validate } from '../../src/index.js';
import { EXAMPLES, example, expectWellFormed, fingerprint } from './helpers.js';

/** Total cases over this file's properties. */
const TOTAL = Number(process.env.FUZZ_RUNS ?? 1_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const PROPERTIES = 4;
const runs = Math.max(1, Math.floor(TOTAL / PROPERTIES));
const params = (): fc.Parameters<unknown> => ({ numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true });

/** Counts documents actually checked, for the fuzz report. */
const counted = { cases: 0 };
const started = performance.now();
afterAll(() => {
  if (process.env.FUZZ_RUNS !== undefined) {
    console.log(`fuzz: ${counted.cases} documents checked in ${((performance.now() - started) / 1000).toFixed(1)} s (FUZZ_RUNS=${TOTAL}, ${PROPERTIES} properties × ${runs} runs${SEED === undefined ? '' : `, seed ${SEED}`})`);
  }
});

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'v', 'type', 'mix', 'reason_type', 'format', 'values', 'usage_segments', 'next', 'cds_usagesegment_id', ''];
const key = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) });
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 2678400, 3600, 900, Infinity, -Infinity),
);
const string = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }), // lone surrogates and astral characters
  fc.constantFrom('kwh_fwd', 'gap', 'supply_mix', 'x_ext', 'Kwh_fwd', '2024-01-15T00:00:00Z', '2024-02-30T00:00:00Z', '2024-01-15T00:00:60+14:00', '2024-01-15t00:00:00.123456789z', 'https://x.example/p?q#f', '~0/~1', '/', '~'),
);
/** JSON values built from hostile keys, special numbers and odd strings (fc.jsonValue rarely hits these). */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(null), fc.boolean(), number, string, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }),
})).value;

/** What JSON.parse would give: ±Infinity stays (1e309), everything else round-trips; own __proto__ keys stay own. */
const asParsed = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (x === Infinity ? '\u0000inf' : x === -Infinity ? '\u0000-inf' : x)).replace(/"\\u0000(-?)inf"/g, (_m, sign: string) => `${sign}1e309`));

function checkAll(doc: unknown, strict: boolean, kind: 'auto' | 'segment' | 'list' = 'auto'): void {
  counted.cases++;
  const before = fingerprint(doc);
  const r = validate(doc, { kind, strict });
  expectWellFormed(doc, r);
  const rev = checkRevision(doc, doc, { strict });
  expectWellFormed(undefined, rev, [doc, doc]);
  expect(() => readRows(doc as never)).not.toThrow();
  expect(fingerprint(doc)).toBe(before);
}

/** Every location of a document, as a path of keys. */
function locations(doc: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: [unknown, (string | number)[]][] = [[doc, []]];
  while (stack.length > 0 && out.length < 5_000) {
    const [x, p] = stack.pop()!;
    out.push(p);
    if (Array.isArray(x)) x.forEach((y, i) => stack.push([y, [...p, i]]));
    else if (x !== null && typeof x === 'object') for (const k of Object.keys(x)) stack.push([(x as Record<string, unknown>)[k], [...p, k]]);
  }
  return out;
}

type Op = { op: 'replace'; value: unknown } | { op: 'delete' } | { op: 'add'; key: string; value: unknown } | { op: 'duplicate' } | { op: 'swap' } | { op: 'wrap' } | { op: 'number'; delta: number } | { op: 'string'; cut: number; insert: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), value: hostileJson }),
  fc.record({ op: fc.constant('delete' as const) }),
  fc.record({ op: fc.constant('add' as const), key, value: hostileJson }),
  fc.record({ op: fc.constant('duplicate' as const) }),
  fc.record({ op: fc.constant('swap' as const) }),
  fc.record({ op: fc.constant('wrap' as const) }),
  fc.record({ op: fc.constant('number' as const), delta: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, 1e-9, 86400, -3600, 1e308)) }),
  fc.record({ op: fc.constant('string' as const), cut: fc.nat(30), insert: string }),
);

/** Apply one structural mutation at the location chosen by `pick` (mutates `doc`). */
function mutate(doc: any, pick: number, m: Op): any {
  const locs = locations(doc);
  const path = locs[pick % locs.length]!;
  if (path.length === 0) return m.op === 'replace' ? m.value : m.op === 'wrap' ? [doc] : doc;
  let parent = doc;
  for (const t of path.slice(0, -1)) parent = parent[t];
  const last = path[path.length - 1]!;
  const cur = parent[last];
  switch (m.op) {
    case 'replace':
      parent[last] = m.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'add':
      if (cur !== null && typeof cur === 'object' && !Array.isArray(cur)) Object.defineProperty(cur, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else if (Array.isArray(cur)) cur.push(m.value);
      else parent[last] = m.value;
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(last as number, 0, structuredClone(cur));
      else parent[last] = [cur, structuredClone(cur)];
      break;
    case 'swap':
      if (Array.isArray(parent) && parent.length > 1) {
        const j = ((last as number) + 1) % parent.length;
        [parent[last as number], parent[j]] = [parent[j], parent[last as number]];
      } else parent[last] = cur === null ? {} : Array.isArray(cur) ? {} : [];
      break;
    case 'wrap':
      parent[last] = Array.isArray(cur) ? { v: cur } : [cur];
      break;
    case 'number':
      parent[last] = typeof cur === 'number' ? cur + m.delta : m.delta;
      break;
    case 'string': {
      const s = typeof cur === 'string' ? cur : String(JSON.stringify(cur));
      parent[last] = s.slice(0, m.cut) + m.insert + s.slice(m.cut + 1);
      break;
    }
  }
  return doc;
}

/** The gap-disclosure page cut to four value sets either side of the gap (still valid and contiguous): 200 KB per case is too slow. */
function compactGapPage(): any {
  const page = example('gap-disclosure-page.json');
  const [a, gap, b] = page.usage_segments;
  a.values = a.values.slice(-4);
  a.segment_start = new Date(Date.parse(a.segment_end) - 4 * a.interval * 1000).toISOString();
  b.values = b.values.slice(0, 4);
  b.segment_end = new Date(Date.parse(b.segment_start) + 4 * b.interval * 1000).toISOString();
  page.usage_segments = [a, gap, b];
  return page;
}

it('the compact gap page is valid', () => {
  const r = validate(compactGapPage(), { strict: true });
  expect([r.errors, r.warnings]).toEqual([[], []]);
});

describe('fuzz: arbitrary JSON', () => {
  it('hostile JSON values (keys like __proto__, ±Infinity, -0, lone surrogates) at the top level', () => {
    fc.assert(
      fc.property(hostileJson, fc.constantFrom('auto', 'segment', 'list') as fc.Arbitrary<'auto' | 'segment' | 'list'>, fc.boolean(), (v, kind, strict) => {
        checkAll(asParsed(v), strict, kind);
      }),
      params(),
    );
  });
});

describe('fuzz: mutated examples of the meeting', () => {
  const exampleArb = fc.constantFrom(...EXAMPLES).map((n) => example(n));

  it('one to five structural mutations of an example', () => {
    fc.assert(
      fc.property(exampleArb, fc.array(fc.tuple(fc.nat(), opArb), { minLength: 1, maxLength: 5 }), fc.boolean(), (doc, ops, strict) => {
        let d = doc;
        for (const [pick, op] of ops) d = mutate(d, pick, op);
        checkAll(asParsed(d), strict);
      }),
      params(),
    );
  });

  it('a mutated example validated as part of a page, and as a revision of the original', () => {
    fc.assert(
      fc.property(fc.constantFrom('option1-estimated.json', 'option1-validated.json', 'option2-both-columns.json', 'supply-mix-attribution.json'), fc.nat(), opArb, (name, pick, op) => {
        const orig = example(name);
        const changed = asParsed(mutate(example(name), pick, op));
        const page = { usage_segments: [orig, changed], next: null, previous: null };
        checkAll(page, true);
        const before = fingerprint(changed);
        const r = checkRevisionChain([orig, changed, orig]);
        expectWellFormed(undefined, r, [orig, changed, orig]);
        expect(fingerprint(changed)).toBe(before);
      }),
      params(),
    );
  });

  it('a mutated page of the meeting (gap disclosure)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), opArb), { minLength: 1, maxLength: 3 }), fc.boolean(), (ops, strict) => {
        let d = compactGapPage();
        for (const [pick, op] of ops) d = mutate(d, pick, op);
        checkAll(asParsed(d), strict);
      }),
      params(),
    );
  });
});
