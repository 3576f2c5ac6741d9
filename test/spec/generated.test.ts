import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesDir, generatedDir, generatedRoot, listFiles, readJson } from './helpers.js';
import { ROOT } from '../helpers/paths.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

describe('generated/ is what the scripts make from spec/', () => {
  let fresh: string;
  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'cds-generated-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/generate.mjs'), fresh], { cwd: ROOT, stdio: 'pipe' });
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('has the same files as a fresh generation', () => {
    expect(filesUnder(generatedRoot)).toEqual(filesUnder(fresh));
  });

  it('is byte-identical to a fresh generation', () => {
    const stale = filesUnder(fresh).filter(
      (f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(generatedRoot, f))),
    );
    expect(stale, 'run `npm run generate` and commit generated/').toEqual([]);
  });

  it('marks every generated file as generated', () => {
    for (const file of filesUnder(generatedRoot)) {
      expect(readFileSync(join(generatedRoot, file), 'utf8'), file).toContain('do not edit');
    }
  });

  it('puts every file under a model folder', () => {
    expect(filesUnder(generatedRoot).filter((f) => !/^(2024|2026)\//.test(f))).toEqual([]);
  });
});

describe('spec/2024/examples is what scripts/generate-examples.mjs makes', () => {
  it('is byte-identical to a fresh run', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cds-examples-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/generate-examples.mjs'), fresh], { stdio: 'pipe' });
      const files = listFiles(fresh, '.json');
      expect(files).toEqual(listFiles(examplesDir, '.json'));
      for (const f of files) {
        expect(readFileSync(join(fresh, f), 'utf8'), relative(ROOT, join(examplesDir, f))).toBe(
          readFileSync(join(examplesDir, f), 'utf8'),
        );
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

for (const model of ['2024', '2026']) {
  describe(`generated JSON Schemas of the ${model} model`, () => {
    const modelDir = join(generatedRoot, model);
    const schemaDir = join(modelDir, 'schemas');
    const pkg = readJson(join(ROOT, 'package.json')) as { name: string; version: string };

    it('has one file per component of the bundled spec', () => {
      const bundled = readJson(join(modelDir, 'openapi.json')) as { components: { schemas: object } };
      expect(listFiles(schemaDir, '.json')).toEqual(Object.keys(bundled.components.schemas).sort().map((n) => `${n}.json`));
    });

    for (const file of listFiles(schemaDir, '.json')) {
      it(`${file} is self-contained JSON Schema 2020-12 with a versioned $id naming its model`, () => {
        const schema = readJson(join(schemaDir, file)) as Record<string, unknown>;
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(schema.$id).toBe(`https://unpkg.com/${pkg.name}@${pkg.version}/generated/${model}/schemas/${file}`);
        const refs = JSON.stringify(schema).match(/"\$ref":"[^"]*"/g) ?? [];
        for (const ref of refs) expect(ref, `${file} refers only inside itself`).toMatch(/"\$ref":"#\/\$defs\/\w+"/);
      });
    }
  });
}
