// What strict mode changes, derived from the registry: over the corpus's
// strict groups, checking a document with `strict` adds problems only of
// codes the registry makes strict-only or says strict mode widens
// (`strictAdds`), removes none, and every such code is seen to add one.
// A check that widened by testing the mode, or forgot to, fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, validate, validateText, type DocumentKind, type Model, type Rule } from '../../src/index.js';
import { ROOT, deepFreeze, documentOf, type DocumentSource } from './helpers.js';

interface Case extends DocumentSource {
  description: string;
  text?: string;
  file?: string;
  previous?: DocumentSource;
  serverMetadata?: Record<string, unknown>;
}
interface Group {
  base?: string;
  baseDocument?: unknown;
  previous?: DocumentSource;
  kind?: DocumentKind;
  model?: Model;
  serverMetadata?: Record<string, unknown>;
  strict?: boolean;
  tests: Case[];
}

const dir = `${ROOT}test/fixtures/invalid/`;
const strictGroups = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f): [string, Group] => [f, JSON.parse(readFileSync(dir + f, 'utf8')) as Group])
  .filter(([, g]) => g.strict === true);

/** The codes strict mode may add problems of, by the registry. */
const strictCodes = (RULES as readonly Rule[]).filter((r) => r.strictOnly === true || r.strictAdds !== undefined).map((r) => r.code);

/** The case's problems as `code path` strings, checked with and without `strict`. */
function problemsOf(c: Case, g: Group, strict: boolean): string[] {
  const serverMetadata = c.serverMetadata ?? g.serverMetadata;
  const options = { kind: g.kind ?? 'auto', strict, ...(g.model ? { model: g.model } : {}), ...(serverMetadata ? { serverMetadata: deepFreeze(serverMetadata) } : {}) };
  const text = c.file !== undefined ? readFileSync(ROOT + c.file, 'utf8') : c.text;
  const r = text !== undefined ? validateText(text, options) : validate(deepFreeze(documentOf(c, g.base, c.description, g.baseDocument)), options);
  return [...r.errors, ...r.warnings].map((p) => `${p.code} ${p.path}`).sort();
}

/** What strict mode adds to a case's problems and what it drops. */
function strictDifference(c: Case, g: Group): { added: string[]; dropped: string[] } {
  const strict = problemsOf(c, g, true);
  const plain = problemsOf(c, g, false);
  return { added: strict.filter((p) => !plain.includes(p)), dropped: plain.filter((p) => !strict.includes(p)) };
}

const codeOf = (p: string) => p.slice(0, p.indexOf(' '));
const cases = strictGroups.flatMap(([file, g]) => g.tests.filter((c) => c.previous === undefined && g.previous === undefined).map((c) => ({ file, g, c })));

describe('strict mode, as the registry states it', () => {
  it('the corpus has strict cases, and the registry codes strict mode changes', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(strictCodes.length).toBeGreaterThan(0);
  });

  for (const { file, g, c } of cases) {
    it(`${file}: ${c.description}`, () => {
      const { added, dropped } = strictDifference(c, g);
      expect(dropped, 'strict mode drops no problem').toEqual([]);
      expect(added.filter((p) => !strictCodes.includes(codeOf(p))), 'strict mode adds only codes the registry names').toEqual([]);
    });
  }

  it('every code the registry makes strict-only or widens draws a strict-only problem in the corpus', () => {
    const added = new Set(cases.flatMap(({ g, c }) => strictDifference(c, g).added.map(codeOf)));
    expect([...added].sort()).toEqual([...strictCodes].sort());
  });
});
