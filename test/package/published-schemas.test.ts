// The published JSON Schemas (generated/schemas/*.json) as users load them:
// Ajv's 2020-12 class with ajv-formats and nothing else configured (strict
// mode as it comes), and @hyperjump/json-schema, a second 2020-12
// implementation that also checks each schema against the meta-schema. Every
// file compiles in both, and both accept the schema's own `examples`.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as hyperjump from '@hyperjump/json-schema/draft-2020-12';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withoutVendorKeywords } from '../../scripts/generate-schemas.mjs';
import { generatedDir, listFiles, readJson } from '../spec/helpers.js';

interface PublishedSchema { $id: string; title: string; description?: string; enum?: string[]; examples?: unknown[] }

type HyperjumpSchema = Parameters<typeof hyperjump.registerSchema>[0];
// hyperjump's `validate` is overloaded (with and without the instance); the two-argument form.
const hyperjumpValidate = hyperjump.validate as (uri: string, instance: unknown) => Promise<{ valid: boolean }>;

const schemaDir = join(generatedDir, 'schemas');
const files = listFiles(schemaDir, '.json');
const schemas = files.map((file) => ({ file, schema: readJson(join(schemaDir, file)) as PublishedSchema }));

/** Every key of every object in `node` (keywords and names alike). */
function keysOf(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) keysOf(item, into);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      into.push(key);
      keysOf(value, into);
    }
  }
  return into;
}

describe('every published profile of both models compiles in strict Ajv 2020 with ajv-formats (issue 20)', () => {
  for (const model of ['2024', '2026']) {
    for (const profile of ['', 'recommended']) {
      it(`${model}/schemas/${profile}`, () => {
        const dir = join(generatedDir, '..', model, 'schemas', profile);
        const list = listFiles(dir, '.json');
        expect(list).toContain('UsageSegment.json');
        const ajv = new Ajv2020.default({ strict: true, allErrors: true });
        addFormats.default(ajv);
        for (const file of list) ajv.addSchema(readJson(join(dir, file)) as object);
        for (const file of list) {
          const schema = readJson(join(dir, file)) as PublishedSchema;
          const validate = ajv.getSchema(schema.$id)!;
          expect(validate, file).toBeTypeOf('function');
          for (const example of schema.examples ?? []) expect(validate(example), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
          expect(keysOf(schema).filter((k) => k.startsWith('x-') || k === 'cdsDecided'), file).toEqual([]);
        }
      });
    }
  }
});

describe('published JSON Schemas', () => {
  it('are all here', () => {
    expect(files).toContain('UsageSegment.json');
    expect(files).toContain('UsageSegmentList.json');
    expect(files.length).toBeGreaterThan(10);
  });

  describe('compile with new Ajv2020() and ajv-formats, default options, with nothing logged', () => {
    for (const { file, schema } of schemas) {
      it(file, () => {
        const logged: unknown[] = [];
        const logger = { log: (...a: unknown[]) => logged.push(a), warn: (...a: unknown[]) => logged.push(a), error: (...a: unknown[]) => logged.push(a) };
        const ajv = new Ajv2020.default({ logger });
        addFormats.default(ajv);
        const validate = ajv.compile(schema);
        expect(logged).toEqual([]);
        for (const example of schema.examples ?? []) expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
      });
    }
  });

  describe('load in @hyperjump/json-schema (meta-schema checked) and accept their examples', () => {
    beforeAll(() => {
      for (const { schema } of schemas) hyperjump.registerSchema(schema as unknown as HyperjumpSchema);
    });
    for (const { file, schema } of schemas) {
      it(file, async () => {
        // Validating anything makes hyperjump load the schema and check it against the meta-schema;
        // on null, its verdict matches Ajv's.
        const ajv = new Ajv2020.default();
        addFormats.default(ajv);
        expect((await hyperjumpValidate(schema.$id, null)).valid).toBe(ajv.validate(schema, null));
        for (const example of schema.examples ?? []) expect((await hyperjumpValidate(schema.$id, example)).valid).toBe(true);
      });
    }
  });

  it('carry no vendor keyword; enum meanings are in the description', () => {
    for (const { file, schema } of schemas) expect(keysOf(schema).filter((k) => k.startsWith('x-')), file).toEqual([]);
    const known = schemas.find((s) => s.file === 'KnownFormat.json')!.schema;
    for (const value of known.enum ?? []) expect(known.description).toContain(`- \`${value}\`: `);
  });

  it('the vendor-keyword filter keeps properties that are named x-…', () => {
    const given = { type: 'object', 'x-note': 1, properties: { 'x-id': { type: 'string', 'x-note': 2 } }, enum: ['a'], 'x-enumDescriptions': { a: 'the a' }, description: 'D.' };
    expect(withoutVendorKeywords(given)).toEqual({ type: 'object', properties: { 'x-id': { type: 'string' } }, enum: ['a'], description: 'D.\n\n- `a`: the a' });
  });
});
