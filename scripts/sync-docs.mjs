// Rewrites the generated regions of the guides (see scripts/lib/doc-blocks.mjs)
// from the example files and the built CLI. Needs `npm run compile` first.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDES, renderGuide, timelinePictures } from './lib/doc-blocks.mjs';
import { repoRoot } from './lib/generated-files.mjs';

for (const guide of GUIDES) {
  const file = join(repoRoot, guide);
  const before = readFileSync(file, 'utf8');
  const after = renderGuide(repoRoot, before);
  if (after !== before) writeFileSync(file, after);
  console.log(`${guide}: ${after === before ? 'up to date' : 'rewritten'}`);
  // The timeline pictures it shows (docs/pictures/), from the built timeline module.
  for (const { file, svg } of timelinePictures(repoRoot, after)) {
    const target = join(repoRoot, file);
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // a new picture
    }
    if (current === svg) continue;
    mkdirSync(join(repoRoot, 'docs/pictures'), { recursive: true });
    writeFileSync(target, svg);
    console.log(`${file}: written`);
  }
}
