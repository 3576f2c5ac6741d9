// What strict mode changes, derived from the registry: over the corpus's
// strict groups, checking a document with `strict` adds problems only of
// codes the registry makes strict-only or says strict mode widens
// (`strictAdds`), removes none, and every such code is seen to add one.
// A check that widened by testing the mode, or forgot to, fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, validate, validateText, type Rule } from '../../src/index.js';
import { ROOT, corpusGroups, corpusOptions, deepFreeze, documentOf, type CorpusCase, type CorpusGroup } from './helpers.js';

const strictGroups = corpusGroups('invalid').filter(([, g]) => g.strict === true);

/** The codes strict mode may add problems of, by the registry. */
const strictCodes = (RULES as readonly Rule[]).filter((r) => r.strictOnly === true || r.strictAdds !== undefined).map((r) => r.code);

/** The case's problems as `code path` strings, checked with and without `strict`. */
function problemsOf(c: CorpusCase, g: CorpusGroup, strict: boolean): string[] {
  const options = corpusOptions(c, g, strict);
  const text = c.file !== undefined ? readFileSync(ROOT + c.file, 'utf8') : c.text;
  const r = text !== undefined ? validateText(text, options) : validate(deepFreeze(documentOf(c, g.base, c.description, g.baseDocument)), options);
  return [...r.errors, ...r.warnings].map((p) => `${p.code} ${p.path}`).sort();
}

/** What strict mode adds to a case's problems and what it drops. */
function strictDifference(c: CorpusCase, g: CorpusGroup): { added: string[]; dropped: string[] } {
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
