// Step 1: bundle a model's split spec (spec/<model>/openapi.yaml) into one
// document (YAML and JSON) and a dereferenced JSON copy for tools that cannot
// follow $ref.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import YAML from 'yaml';
import { GENERATED_NOTE, isMain, modelOutputDir, outputDir, repoRoot, writeJson, writeText } from './lib/generated-files.mjs';
import { MODEL_NAMES, modelConfig } from './lib/models.mjs';

export async function bundle(outDir, model) {
  modelConfig(model);
  const scratch = mkdtempSync(join(tmpdir(), 'cds-bundle-'));
  try {
    const bundledYaml = join(scratch, 'openapi.yaml');
    execFileSync(
      join(repoRoot, 'node_modules/.bin/redocly'),
      ['bundle', `spec/${model}/openapi.yaml`, '--output', bundledYaml],
      { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
    );
    const document = YAML.parse(readFileSync(bundledYaml, 'utf8'));
    const text = YAML.stringify(document, { lineWidth: 0 });
    writeText(join(outDir, 'openapi.yaml'), `# ${GENERATED_NOTE}\n${text}`);
    writeJson(join(outDir, 'openapi.json'), { 'x-generated': GENERATED_NOTE, ...document });
    const dereferenced = await $RefParser.dereference(structuredClone(document));
    writeJson(join(outDir, 'openapi.deref.json'), { 'x-generated': GENERATED_NOTE, ...dereferenced });
    return document;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) for (const model of MODEL_NAMES) await bundle(modelOutputDir(outputDir(), model), model);
