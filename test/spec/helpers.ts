// Paths and loaders shared by the spec tests.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAjv } from '../../scripts/lib/ajv.mjs';
import { ROOT } from '../helpers/paths.js';

export const examplesDir = join(ROOT, 'spec/2024/examples');
/** The 2024 model's generated outputs. */
export const generatedDir = join(ROOT, 'generated/2024');
/** The root of generated/, one folder per model. */
export const generatedRoot = join(ROOT, 'generated');

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(suffix)).sort();
}

/** Each example file and the component schema it is an instance of. */
export const EXAMPLE_SCHEMAS: Record<string, string> = {
  'option1-estimated.json': 'UsageSegment',
  'option1-validated.json': 'UsageSegment',
  'option2-estimated.json': 'UsageSegment',
  'option2-both-columns.json': 'UsageSegment',
  'gap-disclosure-page.json': 'UsageSegmentList',
  'supply-mix-attribution.json': 'UsageSegment',
};

/** A validator function with Ajv's error list. */
export type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null };

/**
 * Ajv compiled at run time (strict, as scripts/lib/ajv.mjs configures it)
 * with every JSON Schema of one model's generated folder; returns the
 * validator of a component by name.
 */
export function runtimeValidators(modelDir: string, profile: '' | 'recommended' = ''): (name: string) => Validate {
  const ajv = createAjv();
  const dir = join(modelDir, 'schemas', profile);
  for (const file of listFiles(dir, '.json')) ajv.addSchema(readJson(join(dir, file)) as object);
  return (name) => {
    const { $id } = readJson(join(dir, `${name}.json`)) as { $id: string };
    return ajv.getSchema($id) as Validate;
  };
}
