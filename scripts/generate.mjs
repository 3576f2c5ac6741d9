// Regenerates everything under generated/ (or the folder given) from spec/:
// bundle → JSON Schemas → TypeScript types → compiled validators → spec facts.
import { bundle } from './bundle.mjs';
import { compileValidators } from './compile-validators.mjs';
import { outputDir } from './lib/generated-files.mjs';
import { generateSchemas } from './generate-schemas.mjs';
import { generateSpecFacts } from './generate-spec-facts.mjs';
import { generateTypes } from './generate-types.mjs';

const outDir = outputDir();
const document = await bundle(outDir);
generateSchemas(outDir, document);
await generateTypes(outDir, document);
compileValidators(outDir);
generateSpecFacts(outDir, document);
console.log(`generated/ written to ${outDir}`);
