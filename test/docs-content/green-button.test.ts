// docs/guide-green-button.md: its mapping table is generated from the
// importer's own rows (src/espi/mapping.ts), its worked example from the
// built CLI on a vendored real file; neither may drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionsOf, renderGuide } from '../../scripts/lib/doc-blocks.mjs';
import { renderMappingMarkdown } from '../../src/espi/mapping-doc.js';
import { ROOT } from '../helpers/paths.js';

const guide = readFileSync(join(ROOT, 'docs/guide-green-button.md'), 'utf8');

describe('guide: from Green Button to CDS', () => {
  it('has the mapping table and one worked example on a vendored real file', () => {
    expect(regionsOf(guide)).toEqual([
      { kind: 'espi-mapping', arg: 'src/espi/mapping.ts' },
      { kind: 'espi', arg: 'test/fixtures/espi/gbo-ngma-gas-billing-2021-2024.xml' },
    ]);
  });

  it('shows the mapping table exactly as the source rows render it (no drift from the code)', () => {
    const start = guide.indexOf('<!-- espi-mapping: src/espi/mapping.ts -->\n') + '<!-- espi-mapping: src/espi/mapping.ts -->\n'.length;
    const end = guide.indexOf('\n<!-- /espi-mapping -->');
    expect(guide.slice(start, end)).toBe(renderMappingMarkdown());
  });

  it('is up to date with the built CLI (`npm run docs:guides`)', () => {
    expect(renderGuide(ROOT, guide)).toBe(guide);
  });

  it('is linked from the README\'s guides', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/guide-green-button.md)');
  });
});
