// Regenerates everything under generated/ (or the folder given) from spec/,
// once per model (scripts/lib/models.mjs), into generated/<model>/:
// bundle → JSON Schemas → TypeScript types → compiled validators → spec facts
// → the typed columns (models with Value Format objects) → the model's entry
// module (index.ts).
import { join } from 'node:path';
import { bundle } from './bundle.mjs';
import { compileValidators } from './compile-validators.mjs';
import { generateColumns } from './generate-columns.mjs';
import { GENERATED_NOTE, modelOutputDir, outputDir, writeText } from './lib/generated-files.mjs';
import { MODEL_NAMES } from './lib/models.mjs';
import { generateSchemas } from './generate-schemas.mjs';
import { generateSpecFacts } from './generate-spec-facts.mjs';
import { generateTypes } from './generate-types.mjs';

/** The entry of `cds-usage-segments/<model>`: the model's validators and types. */
function writeModelIndex(outDir, model, withColumns) {
  const source = [
    `// ${GENERATED_NOTE}`,
    `// The ${model} model: its compiled validators${withColumns ? ', its typed columns' : ''} and its types.`,
    "export * from './validators.js';",
    ...(withColumns ? ["export * from './columns.js';"] : []),
    "export type * from './types.js';",
    '',
  ].join('\n');
  writeText(join(outDir, 'index.ts'), source);
}

const root = outputDir();
for (const model of MODEL_NAMES) {
  const outDir = modelOutputDir(root, model);
  const document = await bundle(outDir, model);
  generateSchemas(outDir, model, document);
  await generateTypes(outDir, document);
  compileValidators(outDir, model);
  generateSpecFacts(outDir, document);
  const withColumns = generateColumns(outDir, document);
  writeModelIndex(outDir, model, withColumns);
  console.log(`generated/${model} written to ${outDir}`);
}
