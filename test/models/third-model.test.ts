// docs/adding-a-model.md kept true: a throwaway third model — a copy of the
// 2026 model under another id — registered at run time, and the whole
// corpus run through the registry with it in place. Its documents (those
// with `formats`) are now detected as the third model, forced 2026 groups
// are forced to it, and every case must draw exactly the problems its
// fixture lists, as it does under 2026. Nothing else in src/ is edited for it.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRevision, detectModel, validate, validateText, type Model, type ValidationResult } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { MODEL_2026 } from '../../src/models/model-2026.js';
import { convertTargets, modelEntry, modelIds, registerModel } from '../../src/models/registry.js';
import { convert } from '../../src/convert/convert.js';
import { ROOT, corpusGroups, corpusOptions, deepFreeze, documentOf, type CorpusCase, type CorpusGroup } from '../engine/helpers.js';

const THIRD = '2099' as Model;

let unregister: (() => void) | undefined;
beforeAll(() => {
  unregister = registerModel({ id: THIRD, rules: '2026', adapter: { ...MODEL_2026 }, converter: '2026' });
});
afterAll(() => unregister?.());

/** Exact {code, path, doc} lists, sorted. */
function problems(r: ValidationResult): string[] {
  return [...r.errors, ...r.warnings].map((p) => `${p.doc ?? ''} ${p.code} ${p.path}`).sort();
}

/** Run one corpus case as the corpus runner does, with the group's 2026 forced to the third model. */
function run(c: CorpusCase, group: CorpusGroup): ValidationResult {
  const options = corpusOptions(c, group);
  if (options.model === '2026') options.model = THIRD;
  const text = c.file !== undefined ? readFileSync(ROOT + c.file, 'utf8') : c.text;
  if (text !== undefined) return validateText(text, options);
  const doc = deepFreeze(documentOf(c, group.base, c.description, group.baseDocument));
  const previous = c.previous ?? group.previous;
  if (previous === undefined) return validate(doc, options);
  const { kind: _kind, ...revisionOptions } = options;
  return checkRevision(deepFreeze(documentOf(previous, undefined, c.description, group.baseDocument)), doc, revisionOptions);
}

describe('a third model registered at run time (a copy of 2026 renamed)', () => {
  it('is listed and detected: a document with formats reads as the third model, one with format still as 2024', () => {
    expect(modelIds()).toEqual(['2024', '2026', THIRD]);
    expect(modelEntry(THIRD).rules).toBe('2026');
    const read = (model: string) => JSON.parse(readFileSync(`${ROOT}spec/${model}/examples/option1-estimated.json`, 'utf8'));
    expect([detectModel(read('2026')), detectModel(read('2024')), detectModel({})]).toEqual([THIRD, '2024', '2024']);
  });

  it('the command line takes --model 2099 and names it among the choices', async () => {
    const ok = await runCli(['validate', '--model', THIRD, `${ROOT}spec/2026/examples/option1-estimated.json`]);
    expect(ok.code).toBe(0);
    const bad = await runCli(['validate', '--model', '2100', `${ROOT}spec/2026/examples/option1-estimated.json`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(THIRD);
  });

  it('the command line offers it wherever a model is chosen: --model of validate and crawl, --to of convert and import-espi', async () => {
    expect(convertTargets()).toEqual(['2024', '2026', THIRD]);
    const file = `${ROOT}spec/2026/examples/option1-estimated.json`;
    for (const args of [['validate', '--model', '2100', file], ['crawl', '--model', '2100', 'http://127.0.0.1:9/'], ['convert', '--to', '2100', file], ['import-espi', '--to', '2100', file]]) {
      const bad = await runCli(args);
      expect([bad.code, bad.stderr], args.join(' ')).toEqual([2, expect.stringContaining(`2026 or ${THIRD}`)]);
    }
  });

  it("converts by the registry's edges: 2024 into it as into 2026, and its own documents (a 2026 copy) by copying", () => {
    const read = (model: string) => JSON.parse(readFileSync(`${ROOT}spec/${model}/examples/option1-estimated.json`, 'utf8'));
    const into2026 = convert(read('2024'), '2026');
    const intoThird = convert(read('2024'), THIRD);
    expect([intoThird.from, intoThird.to, intoThird.document, intoThird.losses, intoThird.assumptions]).toEqual(['2024', THIRD, into2026.document, into2026.losses, into2026.assumptions]);
    expect(validate(intoThird.document, { model: THIRD }).valid).toBe(true);
    const copy = convert(read('2026'), THIRD);
    expect([copy.from, copy.document, copy.losses]).toEqual([THIRD, read('2026'), []]);
    const back = convert(read('2026'), '2024');
    expect([back.from, validate(back.document, { model: '2024' }).valid]).toEqual([THIRD, true]);
  });

  for (const [file, group] of corpusGroups('invalid', 'conforming')) {
    it(`${file}: every case draws exactly its fixture's problems`, () => {
      for (const c of group.tests) {
        const want = c.problems.map((p) => `${p.doc ?? ''} ${p.code} ${p.path}`).sort();
        expect(problems(run(c, group)), `${file}: ${c.description}`).toEqual(want);
      }
    });
  }

  const examples = readdirSync(`${ROOT}spec/2026/examples`, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json') && !f.includes('server-metadata'))
    .sort();
  it.each(examples)('spec/2026/examples/%s: the same problems as under 2026, in default and strict mode', (f) => {
    const doc = JSON.parse(readFileSync(`${ROOT}spec/2026/examples/${f}`, 'utf8'));
    for (const strict of [false, true]) {
      expect(problems(validate(doc, { strict })), `auto, strict ${strict}`).toEqual(problems(validate(doc, { strict, model: '2026' })));
      expect(problems(validate(doc, { strict, model: THIRD }))).toEqual(problems(validate(doc, { strict, model: '2026' })));
    }
  });
});
