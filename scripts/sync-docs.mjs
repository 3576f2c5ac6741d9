// Rewrites the generated regions of the guides (see scripts/lib/doc-blocks.mjs)
// from the example files and the built CLI. Needs `npm run compile` first.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDES, renderGuide } from './lib/doc-blocks.mjs';
import { repoRoot } from './lib/generated-files.mjs';

for (const guide of GUIDES) {
  const file = join(repoRoot, guide);
  const before = readFileSync(file, 'utf8');
  const after = renderGuide(repoRoot, before);
  if (after !== before) writeFileSync(file, after);
  console.log(`${guide}: ${after === before ? 'up to date' : 'rewritten'}`);
}
