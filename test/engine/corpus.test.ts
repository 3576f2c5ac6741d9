import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { RULES, checkRevision, validate, validateText, type DocumentKind, type ValidationResult } from '../../src/index.js';
import { ROOT, codesOf, deepFreeze, documentOf, example, expectPathsResolve, type DocumentSource } from './helpers.js';

interface Case extends DocumentSource {
  description: string;
  /** The document as JSON text (checked with validateText). */
  text?: string;
  /** The previous version: a revision case (checkRevision(previous, document)). */
  previous?: DocumentSource;
  valid: boolean;
  codes: string[];
}
interface Group {
  description: string;
  base?: string;
  previous?: DocumentSource;
  kind?: DocumentKind;
  strict?: boolean;
  tests: Case[];
}

const dir = `${ROOT}test/fixtures/invalid/`;
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const groups: [string, Group][] = files.map((f) => [f, JSON.parse(readFileSync(dir + f, 'utf8')) as Group]);

const fixtureSchema = JSON.parse(readFileSync(`${ROOT}test/fixture-schema.json`, 'utf8'));
const checkFixture = new Ajv2020({ allErrors: true, strict: true }).compile(fixtureSchema);

describe('invalid corpus', () => {
  it('has fixture files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const [file, group] of groups) {
    describe(`${file}: ${group.description}`, () => {
      it('matches test/fixture-schema.json', () => {
        const ok = checkFixture(group);
        expect(checkFixture.errors ?? [], file).toEqual([]);
        expect(ok).toBe(true);
      });
      for (const c of group.tests) {
        it(c.description, () => {
          const doc = deepFreeze(c.text !== undefined ? JSON.parse(c.text) : documentOf(c, group.base, `case "${c.description}"`));
          const previous = c.previous ?? group.previous;
          let r: ValidationResult;
          if (c.text !== undefined) {
            r = validateText(c.text, { kind: group.kind ?? 'auto', strict: group.strict ?? false });
            expectPathsResolve(doc, r);
          } else if (previous === undefined) {
            r = validate(doc, { kind: group.kind ?? 'auto', strict: group.strict ?? false });
            expectPathsResolve(doc, r);
          } else {
            const prev = deepFreeze(documentOf(previous, undefined, `previous of case "${c.description}"`));
            r = checkRevision(prev, doc, { strict: group.strict ?? false });
            expectPathsResolve(undefined, r, [prev, doc]);
          }
          expect(codesOf(r), JSON.stringify(r, null, 1)).toEqual([...c.codes].sort());
          expect(r.valid).toBe(c.valid);
          expect(r.valid).toBe(r.errors.length === 0);
        });
      }
    });
  }

  it('covers every code with at least two cases', () => {
    const count = new Map<string, number>();
    for (const [, g] of groups) for (const c of g.tests) for (const code of c.codes) count.set(code, (count.get(code) ?? 0) + 1);
    const missing = RULES.filter((r) => r.code !== 'internal-error' && (count.get(r.code) ?? 0) < 2).map((r) => r.code);
    expect(missing).toEqual([]);
  });

  it('the unbroken examples are valid without any finding, also in strict mode', () => {
    for (const name of ['option1-estimated.json', 'option1-validated.json', 'option2-estimated.json', 'option2-both-columns.json', 'gap-disclosure-page.json', 'supply-mix-attribution.json']) {
      const r = validate(deepFreeze(example(name)), { strict: true });
      expect({ name, errors: r.errors, warnings: r.warnings }).toEqual({ name, errors: [], warnings: [] });
      expect(r.valid).toBe(true);
    }
  });
});
