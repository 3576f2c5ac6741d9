// Issue 20 (done when): every document of the conforming corpus (test/fixtures/conforming/, written from
// the drafts: optional fields absent, nulls, empty arrays, point-in-time readings, extension formats and
// types, unusual legal date-times, empty `formats`) draws no error, in default and strict mode, from the
// library, from the CLI, and from plain Ajv 2020 (strict, ajv-formats) on the published text schemas.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKind, detectModel, validate } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { ROOT, corpusGroups, corpusOptions, documentOf } from './helpers.js';

const cases = corpusGroups('conforming').flatMap(([file, group]) =>
  group.tests.map((c) => ({ file, group, c, doc: documentOf(c, group.base, `case "${c.description}"`, group.baseDocument) })),
);
const edge = cases.filter(({ file }) => file.startsWith('conforming/edge-'));

/** Plain Ajv as a user sets it up: Ajv2020 in strict mode with every error, ajv-formats, the published text schema of the document's model and kind. */
function plainAjv(): (doc: unknown) => { valid: boolean; errors: unknown } {
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const schemaOf = (model: string, name: string) => JSON.parse(readFileSync(join(ROOT, 'generated', model, 'schemas', `${name}.json`), 'utf8')) as { $id: string };
  for (const model of ['2024', '2026']) for (const name of ['UsageSegment', 'UsageSegmentList']) ajv.addSchema(schemaOf(model, name));
  return (doc) => {
    const name = detectKind(doc) === 'list' ? 'UsageSegmentList' : 'UsageSegment';
    const v = ajv.getSchema(schemaOf(detectModel(doc), name).$id)!;
    const valid = v(doc) as boolean;
    return { valid, errors: v.errors };
  };
}

describe('the conforming corpus', () => {
  it('holds at least 60 edge cases written from the texts, in both models', () => {
    expect(edge.length).toBeGreaterThanOrEqual(60);
    const models = new Set(edge.map(({ doc }) => detectModel(doc)));
    expect([...models].sort()).toEqual(['2024', '2026']);
  });

  it('draws no error from the library, in default and strict mode', () => {
    const failing: string[] = [];
    for (const { c, group, doc } of cases) {
      for (const strict of [false, true]) {
        const r = validate(doc, corpusOptions(c, group, strict));
        if (!r.valid || r.errors.length > 0) failing.push(`${c.description} (strict ${strict}): ${r.errors.map((e) => e.code).join(', ')}`);
      }
    }
    expect(failing).toEqual([]);
  });

  it('passes plain Ajv 2020 (strict, ajv-formats) on the published text schemas', () => {
    const check = plainAjv();
    const failing = cases.map(({ c, doc }) => ({ c, r: check(doc) })).filter(({ r }) => !r.valid).map(({ c, r }) => `${c.description}: ${JSON.stringify(r.errors)}`);
    expect(failing).toEqual([]);
  });

  it('draws no error from the CLI (validate, then validate --strict, exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cds-conforming-'));
    // Cases that force the model or pass Server Metadata run through the library only.
    const files = cases
      .filter(({ group, c }) => group.model === undefined && group.serverMetadata === undefined && c.serverMetadata === undefined)
      .map(({ doc }, i) => {
        const f = join(dir, `case-${i}.json`);
        writeFileSync(f, JSON.stringify(doc));
        return f;
      });
    expect(files.length).toBeGreaterThanOrEqual(60);
    for (const args of [['validate', '--json'], ['validate', '--strict', '--json']]) {
      const r = await runCli([...args, ...files]);
      const out = JSON.parse(r.stdout) as { valid: boolean; errors: { file: string; code: string }[] };
      expect(out.errors.map((e) => `${e.file}: ${e.code}`)).toEqual([]);
      expect(out.valid).toBe(true);
      expect(r.code).toBe(0);
    }
  });
});
