// Step 4: compile Ajv validators ahead of time (standalone code), so that
// importing the package compiles no schema. Two files per model:
// - validators.cjs: Ajv's standalone code as plain JavaScript (CommonJS, so
//   that it can be required synchronously the first time it is needed; tsc
//   neither reads nor re-emits it, `npm run compile` copies it into dist/);
// - validators.ts: the typed exports, each loading validators.cjs on its
//   first call. Importing a model therefore costs a few hundred bytes; a
//   2024 document never loads the 2026 validators (about 0.7 MB).
import { join } from 'node:path';
import { createRequire } from 'node:module';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { GENERATED_NOTE, isMain, modelOutputDir, outputDir, readJson, writeText } from './lib/generated-files.mjs';
import { MODEL_NAMES, modelConfig } from './lib/models.mjs';
import { createAjv } from './lib/ajv.mjs';

const require = createRequire(import.meta.url);

/** The machine-written JavaScript: Ajv's standalone code, one CommonJS export per validator. */
function standaloneModule(outDir, validators) {
  const ajv = createAjv({ code: { source: true, esm: false, optimize: true } });
  const ids = {};
  for (const [exportName, component] of Object.entries(validators)) {
    const schema = readJson(join(outDir, 'schemas', `${component}.json`));
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
  const types = [...new Set(Object.values(validators))].sort();
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
    ...Object.entries(validators).map(
      ([name, component]) =>
        `/** Checks a document against the ${component} JSON Schema; on failure \`errors\` lists every violation. */\nexport const ${name}: CompiledValidator<${component}> = onDemand<${component}>('${name}');`,
    ),
    '',
  ].join('\n');
}

export function compileValidators(outDir, model) {
  // Exported validator name → component schema it checks (its title names the TypeScript type).
  const validators = modelConfig(model).validators;
  writeText(join(outDir, 'validators.cjs'), standaloneModule(outDir, validators));
  writeText(join(outDir, 'validators.ts'), typedModule(model, validators));
}

if (isMain(import.meta.url)) for (const model of MODEL_NAMES) compileValidators(modelOutputDir(outputDir(), model), model);
