// Step 4: compile Ajv validators ahead of time (standalone code), so that
// importing the package compiles no schema. Two files per model:
// - validators.cjs: Ajv's standalone code as plain JavaScript (CommonJS, so
//   that it can be required synchronously the first time it is needed; tsc
//   neither reads nor re-emits it, `npm run compile` copies it into dist/);
// - validators.ts: the typed exports, each loading validators.cjs on its
//   first call. Importing a model therefore costs a few hundred bytes; a
//   2024 document never loads the 2026 validators (about 0.7 MB).
// Beside them, quick.cjs and quick.ts: the checker's quick check, the
// recommended profile split member by member (lib/quick-validators.mjs).
import { join } from 'node:path';
import { createRequire } from 'node:module';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { GENERATED_NOTE, isMain, modelOutputDir, outputDir, readJson, writeText } from './lib/generated-files.mjs';
import { MODEL_NAMES, modelConfig } from './lib/models.mjs';
import { createAjv } from './lib/ajv.mjs';
import { DECIDED_KEY } from './lib/recommended.mjs';
import { ANNOTATED, standaloneSchemas } from './generate-schemas.mjs';
import { quickModule, quickPlan, quickTypedModule } from './lib/quick-validators.mjs';

const require = createRequire(import.meta.url);

/** The components whose recommended profile the checker compiles (each doubles its validators' code). */
const RECOMMENDED_FOR = new Set(['UsageSegment', 'UsageSegmentList']);

/**
 * Exported validator name → `{ component, profile }`: every component of the
 * model's list in the text's profile (`validateX`: what the draft requires),
 * and the documents a Server sends also in the recommended profile
 * (`validateXRecommended`: the text's keywords and our decisions).
 */
function validatorsOf(model) {
  const out = {};
  const listed = Object.entries(modelConfig(model).validators);
  for (const [name, component] of listed) out[name] = { component, profile: 'text' };
  for (const [name, component] of listed) if (RECOMMENDED_FOR.has(component)) out[`${name}Recommended`] = { component, profile: 'recommended' };
  return out;
}

/**
 * The machine-written JavaScript: Ajv's standalone code, one CommonJS export
 * per validator. Compiled `verbose`, so that an error carries its keyword's
 * `parentSchema`: in the recommended validators the schemas are annotated
 * there (`cdsDecided`) with the warning code of each decided keyword.
 */
function standaloneModule(outDir, model, validators) {
  const ajv = createAjv({ verbose: true, code: { source: true, esm: false, optimize: true } });
  ajv.addVocabulary([DECIDED_KEY]);
  const annotated = standaloneSchemas(readJson(join(outDir, 'openapi.json')), model, ANNOTATED);
  const ids = {};
  for (const [exportName, { component, profile }] of Object.entries(validators)) {
    const schema = profile === 'text' ? readJson(join(outDir, 'schemas', `${component}.json`)) : annotated[component];
    ajv.addSchema(schema);
    ids[exportName] = schema.$id;
  }
  const code = standaloneCode(ajv, ids);
  const exported = [...code.matchAll(/exports\.(\w+) = /g)].map((m) => m[1]);
  const want = Object.keys(validators);
  if (want.some((name) => !exported.includes(name))) throw new Error(`expected exports ${want.join(', ')}, found ${exported.join(', ')}`);
  return [`// ${GENERATED_NOTE}`, `// Ajv ${require('ajv/package.json').version} standalone code, strict mode, allErrors, ajv-formats.`, code, ''].join('\n');
}

/** The typed entry: each validator a type guard for its component's type, loading validators.cjs on first use. */
function typedModule(model, validators) {
  const names = Object.keys(validators);
  const types = [...new Set(Object.values(validators).map((v) => v.component))].sort();
  return [
    `// ${GENERATED_NOTE}`,
    `// The ${model} model's compiled validators, loaded on demand: validators.cjs`,
    '// (Ajv standalone code) is required synchronously the first time one of them',
    '// is called, so importing this module loads no schema code.',
    "import { createRequire } from 'node:module';",
    "import type { ErrorObject } from 'ajv';",
    `import type { ${types.join(', ')} } from './types.js';`,
    '',
    '/** A validator compiled ahead of time: true (and `data` is a `T`) when `data` is valid; otherwise `errors` holds every problem. */',
    'export interface CompiledValidator<T = unknown> {',
    '  (data: unknown): data is T;',
    '  errors?: ErrorObject[] | null;',
    '}',
    '',
    'type Raw = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };',
    `type Compiled = Record<${names.map((n) => `'${n}'`).join(' | ')}, Raw>;`,
    '',
    'let compiled: Compiled | undefined;',
    '',
    '/** The standalone code, required once. */',
    'function load(): Compiled {',
    "  compiled ??= createRequire(import.meta.url)('./validators.cjs') as Compiled;",
    '  return compiled;',
    '}',
    '',
    '/** A validator that loads the standalone code on its first call and mirrors its `errors`. */',
    'function onDemand<T>(name: keyof Compiled): CompiledValidator<T> {',
    '  const check = ((data: unknown): boolean => {',
    '    const raw = load()[name];',
    '    const ok = raw(data);',
    '    check.errors = raw.errors ?? null;',
    '    return ok;',
    '  }) as CompiledValidator<T>;',
    '  check.errors = null;',
    '  return check;',
    '}',
    '',
    ...Object.entries(validators).map(([name, { component, profile }]) => {
      const what = profile === 'text' ? `the ${component} JSON Schema (what the draft requires)` : `the ${component} JSON Schema of the recommended profile (the draft's requirements and this package's decisions)`;
      return `/** Checks a document against ${what}; on failure \`errors\` lists every violation. */\nexport const ${name}: CompiledValidator<${component}> = onDemand<${component}>('${name}');`;
    }),
    '',
  ].join('\n');
}

export function compileValidators(outDir, model) {
  // Exported validator name → component schema it checks (its title names the TypeScript type).
  const validators = validatorsOf(model);
  writeText(join(outDir, 'validators.cjs'), standaloneModule(outDir, model, validators));
  writeText(join(outDir, 'validators.ts'), typedModule(model, validators));
  // The checker's internal quick check (not exported by the model's index.ts): see lib/quick-validators.mjs.
  const quick = quickPlan(outDir);
  writeText(join(outDir, 'quick.cjs'), quickModule(quick));
  writeText(join(outDir, 'quick.ts'), quickTypedModule(model, quick.plan));
}

if (isMain(import.meta.url)) for (const model of MODEL_NAMES) compileValidators(modelOutputDir(outputDir(), model), model);
