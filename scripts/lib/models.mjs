// The models this package describes, each with its own spec root under
// spec/<model>/ and its own outputs under generated/<model>/. Every build
// step takes a model from this list; adding a model is one entry here.
import { join } from 'node:path';
import { repoRoot } from './generated-files.mjs';

/**
 * Per model: the exported validator name → the component schema it checks;
 * the title of its rendered reference; the guides (docs/*.md) the rendered
 * reference shows as sections of a "Guides" group. The guides are not part
 * of the published spec: they quote the CLI's output, so putting them in the
 * bundle would make generated/ depend on the compiled CLI (a build cycle).
 */
export const MODELS = {
  2024: {
    title: 'CDS Usage Segments API (2024 draft)',
    validators: {
      validateUsageSegment: 'UsageSegment',
      validateUsageSegmentList: 'UsageSegmentList',
    },
    guides: [
      { name: 'Reading a segment', displayName: 'Guide: reading a usage segment', file: 'docs/guide-reading-a-segment.md' },
      { name: 'Proposals', displayName: 'Proposals: Option 1, Option 2, gap disclosure, supply mix', file: 'docs/proposals.md' },
      { name: 'Migrating to 2026', displayName: 'Guide: moving from 2024 to 2026', file: 'docs/migrating-2024-to-2026.md' },
      { name: 'Traceability', displayName: 'Traceability: statements to checks', file: 'docs/traceability.md' },
      { name: 'Errata', displayName: 'Errata for the working group', file: 'docs/errata.md' },
      { name: 'Test your Server', displayName: 'Guide: test your Server (crawl)', file: 'docs/guide-test-your-server.md' },
      { name: 'Test your Client', displayName: 'Guide: test your Client (reference Server)', file: 'docs/guide-test-your-client.md' },
    ],
  },
  2026: {
    title: 'CDS Usage Segments API (2026 development draft)',
    validators: {
      validateUsageSegment: 'UsageSegment',
      validateUsageSegmentList: 'UsageSegmentList',
      validateValueFormat: 'ValueFormat',
      validateServerMetadata: 'ServerMetadata',
      validateValueTypeDescription: 'ValueTypeDescription',
    },
    // The pages that cover both models (each option shown in both; the move between them; the errata of both drafts; crawl and serve take either model).
    guides: [
      { name: 'Proposals', displayName: 'Proposals: Option 1, Option 2, gap disclosure, supply mix', file: 'docs/proposals.md' },
      { name: 'Migrating to 2026', displayName: 'Guide: moving from 2024 to 2026', file: 'docs/migrating-2024-to-2026.md' },
      { name: 'Errata', displayName: 'Errata for the working group', file: 'docs/errata.md' },
      { name: 'Test your Server', displayName: 'Guide: test your Server (crawl)', file: 'docs/guide-test-your-server.md' },
      { name: 'Test your Client', displayName: 'Guide: test your Client (reference Server)', file: 'docs/guide-test-your-client.md' },
    ],
  },
};

export const MODEL_NAMES = Object.keys(MODELS);

/** The spec folder of a model (holds openapi.yaml, components/, paths/, examples/). */
export function specDir(model) {
  return join(repoRoot, 'spec', model);
}

/** The redocly.yaml `apis` entry of a model. */
export function apiName(model) {
  return `usage-segments-${model}`;
}

export function modelConfig(model) {
  const config = MODELS[model];
  if (config === undefined) throw new Error(`unknown model ${model}; known: ${MODEL_NAMES.join(', ')}`);
  return config;
}
