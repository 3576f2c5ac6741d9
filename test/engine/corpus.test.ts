// The corpus (test/fixtures/invalid/*.json, described by
// test/fixture-schema.json): one runner for every file, the errata fixtures
// (test/fixtures/errata, named by errata.json's cases) included. Each case states the
// exact problems it must draw, by code and path; a wrong path, a missing or an
// extra problem (also one reported twice) fails.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { RULES, checkRevision, validate, validateText, type ValidationResult } from '../../src/index.js';
import { ROOT, corpusGroups, corpusOptions, deepFreeze, documentOf, example, expectPathsResolve, type CorpusCase, type CorpusGroup, type ExpectedProblem } from './helpers.js';
import { EXAMPLES } from '../helpers/examples.js';

// invalid/: each case lists the problems it draws; conforming/: documents
// that follow every MUST of the 2024 draft, which must never draw an error.
const groups = corpusGroups('invalid', 'conforming');

/** The fixture schema, with its code definition taken from the registry. */
const fixtureSchema = JSON.parse(readFileSync(`${ROOT}test/fixture-schema.json`, 'utf8'));
fixtureSchema.$defs.code = { enum: RULES.map((r) => r.code) };
const checkFixture = new Ajv2020({ allErrors: true, strict: true }).compile(fixtureSchema);

/** A sortable key of one problem. */
const key = (p: ExpectedProblem) => `${p.doc ?? ''}\u0000${p.code}\u0000${p.path}`;
const sorted = (ps: readonly ExpectedProblem[]) => [...ps].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Check one case the way its fields say: JSON text, a revision, or one document. */
function run(c: CorpusCase, group: CorpusGroup): { doc: unknown; r: ValidationResult } {
  const options = corpusOptions(c, group);
  const text = c.file !== undefined ? readFileSync(ROOT + c.file, 'utf8') : c.text;
  if (text !== undefined) {
    const doc = deepFreeze(JSON.parse(text));
    const r = validateText(text, options);
    expectPathsResolve(doc, r);
    return { doc, r };
  }
  const doc = deepFreeze(documentOf(c, group.base, `case "${c.description}"`, group.baseDocument));
  const previous = c.previous ?? group.previous;
  if (previous === undefined) {
    const r = validate(doc, options);
    expectPathsResolve(doc, r);
    return { doc, r };
  }
  const prev = deepFreeze(documentOf(previous, undefined, `previous of case "${c.description}"`, group.baseDocument));
  const { kind: _kind, ...revisionOptions } = options;
  const r = checkRevision(prev, doc, revisionOptions);
  expectPathsResolve(undefined, r, [prev, doc]);
  return { doc, r };
}

describe('invalid corpus', () => {
  it('has fixture files', () => {
    expect(groups.length).toBeGreaterThan(10);
  });

  for (const [file, group] of groups) {
    describe(`${file}: ${group.description}`, () => {
      it('matches test/fixture-schema.json (codes from the registry)', () => {
        const ok = checkFixture(group);
        expect(checkFixture.errors ?? [], file).toEqual([]);
        expect(ok).toBe(true);
      });
      for (const c of group.tests) {
        it(c.description, () => {
          const { r } = run(c, group);
          const got = [...r.errors, ...r.warnings].map((p): ExpectedProblem => (p.doc === undefined ? { code: p.code, path: p.path } : { code: p.code, path: p.path, doc: p.doc }));
          expect(sorted(got), JSON.stringify(r, null, 1)).toEqual(sorted(c.problems));
          expect(r.valid).toBe(c.valid);
          expect(r.valid).toBe(r.errors.length === 0);
          expect(r.truncated).toBe(false);
        });
      }
    });
  }

  it('case descriptions are unique within each file', () => {
    for (const [file, g] of groups) {
      const d = g.tests.map((c) => c.description);
      expect(new Set(d).size, file).toBe(d.length);
    }
  });

  it('the fixture schema rejects a code the registry does not have', () => {
    const group = structuredClone(groups[0]![1]);
    group.tests[0]!.problems = [{ code: 'no-such-code', path: '' }];
    expect(checkFixture(group)).toBe(false);
  });

  it('keeps every case of conforming/ valid: a draft-conforming document gets warnings at most', () => {
    const conforming = groups.filter(([f]) => f.startsWith('conforming/')).flatMap(([, g]) => g.tests);
    expect(conforming.length).toBeGreaterThan(15);
    const errorCodes = new Set<string>(RULES.filter((r) => r.level === 'error').map((r) => r.code));
    expect(conforming.filter((c) => !c.valid || c.problems.some((p) => errorCodes.has(p.code))).map((c) => c.description)).toEqual([]);
  });

  it('covers every code a document can draw with at least two cases', () => {
    const count = new Map<string, number>();
    for (const [, g] of groups) for (const c of g.tests) for (const code of new Set(c.problems.map((p) => p.code))) count.set(code, (count.get(code) ?? 0) + 1);
    // internal-error signals a bug of the checker: no document is meant to draw it.
    const missing = RULES.filter((r) => r.code !== 'internal-error' && (count.get(r.code) ?? 0) < 2).map((r) => r.code);
    expect(missing).toEqual([]);
  });

  it('the unbroken examples are valid without any finding, also in strict mode', () => {
    // Every example of the directory, the later option2-estimated.json included.
    expect(EXAMPLES).toContain('option2-estimated.json');
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
    for (const name of EXAMPLES) {
      const r = validate(deepFreeze(example(name)), { strict: true });
      expect({ name, errors: r.errors, warnings: r.warnings }).toEqual({ name, errors: [], warnings: [] });
      expect(r.valid).toBe(true);
    }
  });
});
