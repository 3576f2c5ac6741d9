// Part of `npm run compile`: copy each model's machine-written JavaScript
// (generated/<model>/*.cjs, the Ajv standalone validators) next to what tsc
// emits in dist/generated/<model>/, where validators.js requires it on demand.
// tsc does not read these files (allowJs is off), so it does not copy them.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/generated-files.mjs';
import { MODEL_NAMES } from './lib/models.mjs';

for (const model of MODEL_NAMES) {
  const from = join(repoRoot, 'generated', model);
  const to = join(repoRoot, 'dist', 'generated', model);
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) if (file.endsWith('.cjs')) copyFileSync(join(from, file), join(to, file));
}
