// Step 4: compile Ajv validators ahead of time (standalone code), so that
// importing the package compiles no schema. Emits TypeScript so that tsc ships
// it with the library and the exports are typed.
import { join } from 'node:path';
import { createRequire } from 'node:module';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { GENERATED_NOTE, isMain, modelOutputDir, outputDir, readJson, writeText } from './lib/generated-files.mjs';
import { MODEL_NAMES, modelConfig } from './lib/models.mjs';
import { createAjv } from './lib/ajv.mjs';

const require = createRequire(import.meta.url);

export function compileValidators(outDir, model) {
  // Exported validator name → component schema it checks.
  const VALIDATORS = modelConfig(model).validators;
  const ajv = createAjv({ code: { source: true, esm: true, optimize: true } });
  const ids = {};
  for (const [exportName, component] of Object.entries(VALIDATORS)) {
    const schema = readJson(join(outDir, 'schemas', `${component}.json`));
    ajv.addSchema(schema);
    ids[exportName] = schema.$id;
  }
  let code = standaloneCode(ajv, ids);
  // Ajv's ESM output exports the raw functions; re-export them typed.
  let renamed = 0;
  code = code.replace(/export const (\w+) = (\w+);/g, (_, name, fn) => {
    renamed += 1;
    return `const ${name}Raw = ${fn};`;
  });
  if (renamed !== Object.keys(VALIDATORS).length) throw new Error(`expected ${Object.keys(VALIDATORS).length} exports, found ${renamed}`);
  const typedExports = Object.entries(VALIDATORS)
    .map(([name, component]) => `/** Checks a document against the ${component} JSON Schema; on failure \`errors\` lists every violation. */\nexport const ${name}: CompiledValidator = ${name}Raw as CompiledValidator;`)
    .join('\n');
  const source = [
    `// ${GENERATED_NOTE}`,
    `// Ajv ${require('ajv/package.json').version} standalone code, strict mode, allErrors, ajv-formats.`,
    '// @ts-nocheck -- machine-written JavaScript; the typed exports are at the end.',
    "import { createRequire } from 'node:module';",
    "import type { ErrorObject } from 'ajv';",
    'const require = createRequire(import.meta.url);',
    code,
    '',
    '/** A validator compiled ahead of time: true when `data` is valid; otherwise `errors` holds every problem. */',
    'export interface CompiledValidator {',
    '  (data: unknown): boolean;',
    '  errors?: ErrorObject[] | null;',
    '}',
    typedExports,
    '',
  ].join('\n');
  writeText(join(outDir, 'validators.ts'), source);
}

if (isMain(import.meta.url)) for (const model of MODEL_NAMES) compileValidators(modelOutputDir(outputDir(), model), model);
