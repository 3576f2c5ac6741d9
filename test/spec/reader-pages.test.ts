// What a reader of the rendered reference sees, per model: the document
// scripts/render-docs.mjs renders (the model's bundle plus its guides) lists
// the main schemas first, has plain text where Redoc shows plain text, and
// carries no notes meant for maintainers of this repository (test files, npm
// scripts, build paths) in any description.
import { describe, expect, it } from 'vitest';
import { MODEL_NAMES } from '../../scripts/lib/models.mjs';
import { referenceDocument } from '../../scripts/render-docs.mjs';

interface Bundle {
  servers?: { description?: string; variables?: Record<string, { description?: string }> }[];
  components: { schemas: Record<string, unknown> };
}

const models = MODEL_NAMES;

/** Every `description` string in `node`, with its JSON Pointer. */
function descriptions(node: unknown, path = '', into: { path: string; text: string }[] = []) {
  if (Array.isArray(node)) node.forEach((item, i) => descriptions(item, `${path}/${i}`, into));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') into.push({ path: `${path}/description`, text: value });
      else descriptions(value, `${path}/${key}`, into);
    }
  }
  return into;
}

// Instructions for whoever maintains this repository: commands to run, build
// outputs. (Citing a test file as the evidence for a statement, as the
// traceability page does, is content for reviewers and allowed; so is the
// word TODO, which the errata quote from the drafts.)
const MAINTAINER_NOTE = /npm run |(?<![.\w])(dist|node_modules|scripts)\/|\bwhen it is stale\b|\bdo not edit\b/i;

describe('reader-facing text of the rendered reference', () => {
  it('has at least one model', () => expect(models).toContain('2024'));

  for (const model of models) {
    describe(model, () => {
      const bundle = referenceDocument(model) as unknown as Bundle & { tags?: { 'x-traitTag'?: boolean }[] };

      it('includes the guides (so that their text is checked below)', () => {
        expect((bundle.tags ?? []).filter((t) => t['x-traitTag']).length).toBeGreaterThan(0);
      });

      it('lists UsageSegment and UsageSegmentList first among the schemas', () => {
        expect(Object.keys(bundle.components.schemas).slice(0, 2)).toEqual(['UsageSegment', 'UsageSegmentList']);
      });

      it('writes server descriptions as plain text (Redoc does not render Markdown there)', () => {
        const texts = (bundle.servers ?? []).flatMap((s) => [s.description ?? '', ...Object.values(s.variables ?? {}).map((v) => v.description ?? '')]);
        expect(texts.filter((t) => t !== '').length).toBeGreaterThan(0);
        for (const text of texts) expect(text).not.toMatch(/`|\*\*|\]\(/);
      });

      it('carries no maintainer notes in any description', () => {
        const notes = descriptions(bundle).filter((d) => MAINTAINER_NOTE.test(d.text)).map((d) => `${d.path}: ${MAINTAINER_NOTE.exec(d.text)![0]}`);
        expect(notes).toEqual([]);
      });
    });
  }

  it('the maintainer-note pattern catches what it is meant to catch', () => {
    for (const given of ['`npm run docs:guides` refreshes it', '(`node dist/src/cli.js`)', 'see scripts/sync-docs.mjs', 'the test fails when it is stale']) expect(given).toMatch(MAINTAINER_NOTE);
    for (const given of ['https://cds.utility.test/oauth/token', 'the test of a Client', 'a distance', '`test/fixtures/invalid/schema.json › cds_created removed`', 'the section holds only "TODO"']) expect(given).not.toMatch(MAINTAINER_NOTE);
  });
});
