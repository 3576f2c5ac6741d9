// The guides' timeline pictures (docs/pictures/*.svg): each equals a fresh
// rendering of its tested example files by the built timeline module (a
// stale picture fails here; `npm run compile && node scripts/sync-docs.mjs`
// refreshes them), and both rendered references carry them inline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDES, regionsOf, timelinePictures } from '../../scripts/lib/doc-blocks.mjs';
import { referenceDocument } from '../../scripts/render-docs.mjs';
import { ROOT } from '../helpers/paths.js';

const guides = GUIDES.map((g) => ({ guide: g, text: readFileSync(join(ROOT, g), 'utf8') }));

describe('timeline pictures in the guides', () => {
  it('docs/proposals.md shows Option 1, Option 2, separate segments per quality and the gap disclosure, in both models', () => {
    const names = regionsOf(guides.find((g) => g.guide === 'docs/proposals.md')!.text)
      .filter((r) => r.kind === 'timeline')
      .map((r) => r.arg.split(' ')[0]);
    expect(names).toEqual(['option1-2024', 'option1-2026', 'option2-2024', 'option2-2026', 'per-quality-2024', 'per-quality-2026', 'gap-disclosure-2024', 'gap-disclosure-2026']);
  });

  it.each(guides)('$guide: every picture is fresh', ({ text }) => {
    for (const { file, svg } of timelinePictures(ROOT, text)) expect(readFileSync(join(ROOT, file), 'utf8'), `${file} is stale: npm run compile && node scripts/sync-docs.mjs`).toBe(svg);
  });

  it.each(['2024', '2026'])('the %s reference has the eight pictures inline (data URIs, nothing to fetch)', (model) => {
    const doc = referenceDocument(model) as { tags: Array<{ name: string; description?: string }> };
    const proposals = doc.tags.find((t) => t.name === 'Proposals')!.description!;
    expect(proposals.match(/<img alt="Timeline of [^"]+" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+">/g)).toHaveLength(8);
    expect(proposals).not.toContain('](pictures/');
  });
});
