// docs/guide-green-button.md: its mapping table is generated from the
// importer's own rows (src/espi/mapping.ts), its worked example from the
// built CLI on a vendored real file; neither may drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionsOf, renderGuide } from '../../scripts/lib/doc-blocks.mjs';
import { referenceDocument } from '../../scripts/render-docs.mjs';
import { renderMappingMarkdown } from '../../src/espi/mapping-doc.js';
import { ROOT } from '../helpers/paths.js';

const guide = readFileSync(join(ROOT, 'docs/guide-green-button.md'), 'utf8');

describe('guide: from Green Button to CDS', () => {
  it('has the mapping table and one worked example on a vendored real file', () => {
    expect(regionsOf(guide)).toEqual([
      { kind: 'espi-mapping', arg: 'src/espi/mapping.ts' },
      { kind: 'espi', arg: 'test/fixtures/espi/gbo-ngma-gas-billing-2021-2024.xml' },
      { kind: 'timeline', arg: 'green-button-gas-billing test/fixtures/espi/gbo-ngma-gas-billing-2021-2024.xml' },
      { kind: 'timeline', arg: 'green-button-utilityapi test/fixtures/espi/eddie-utilityapi-Batch.xml' },
      { kind: 'timeline', arg: 'green-button-openespi test/fixtures/espi/openespi-test_usage_data.xml' },
    ]);
  });

  it('shows the mapping table exactly as the source rows render it (no drift from the code)', () => {
    const start = guide.indexOf('<!-- espi-mapping: src/espi/mapping.ts -->\n') + '<!-- espi-mapping: src/espi/mapping.ts -->\n'.length;
    const end = guide.indexOf('\n<!-- /espi-mapping -->');
    expect(guide.slice(start, end)).toBe(renderMappingMarkdown());
  });

  // The pictures are the imported pages as the timeline draws them (their freshness: test/docs-content/pictures.test.ts);
  // what each must show is read from its own title and description, so a picture that lost the DST findings fails here.
  it.each([
    { name: 'green-button-gas-billing', want: '1 series, 35 segments (model 2026)', counts: '3 holes, 3 overlaps' },
    { name: 'green-button-utilityapi', want: '1 series, 2 segments (model 2026)', counts: '1 hole, 0 overlaps' },
    { name: 'green-button-openespi', want: '1 series, 3 segments (model 2026)', counts: '0 holes, 0 overlaps' },
  ])('the picture $name shows the imported page: $want, $counts', ({ name, want, counts }) => {
    const svg = readFileSync(join(ROOT, 'docs/pictures', `${name}.svg`), 'utf8');
    expect(svg).toContain(`<title id="${name}-title">Timeline: ${want}</title>`);
    expect(svg).toMatch(new RegExp(`<desc id="${name}-desc">[^<]*; ${counts}\\.</desc>`));
  });

  it('is up to date with the built CLI (`npm run docs:guides`)', () => {
    expect(renderGuide(ROOT, guide)).toBe(guide);
  });

  // The guide covers both models (import-espi writes 2026 or 2024), so both rendered references carry it, pictures inline.
  it.each(['2024', '2026'])('is a guide of the %s reference, its three pictures inline (data URIs, nothing to fetch)', (model) => {
    const doc = referenceDocument(model) as { tags: Array<{ name: string; description?: string; 'x-traitTag'?: boolean }> };
    const tag = doc.tags.find((t) => t.name === 'From Green Button');
    expect(tag?.['x-traitTag']).toBe(true);
    expect(tag!.description!.match(/<img alt="Timeline of [^"]+\.xml: [^"]+" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+">/g)).toHaveLength(3);
    expect(tag!.description).not.toContain('](pictures/');
  });

  it('is linked from the README\'s guides', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/guide-green-button.md)');
  });
});
