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
/** The guides, by key; a model lists the keys of those its rendered reference shows. */
const GUIDES = {
  reading: { name: 'Reading a segment', displayName: 'Guide: reading a usage segment', file: 'docs/guide-reading-a-segment.md' },
  proposals: { name: 'Proposals', displayName: 'Proposals: Option 1, Option 2, gap disclosure, supply mix', file: 'docs/proposals.md' },
  migrating: { name: 'Migrating to 2026', displayName: 'Guide: moving from 2024 to 2026', file: 'docs/migrating-2024-to-2026.md' },
  traceability: { name: 'Traceability', displayName: 'Traceability: statements to checks', file: 'docs/traceability.md' },
  errata: { name: 'Errata', displayName: 'Errata for the working group', file: 'docs/errata.md' },
  server: { name: 'Test your Server', displayName: 'Guide: test your Server (crawl)', file: 'docs/guide-test-your-server.md' },
  client: { name: 'Test your Client', displayName: 'Guide: test your Client (reference Server)', file: 'docs/guide-test-your-client.md' },
  greenButton: { name: 'From Green Button', displayName: 'Guide: from Green Button (ESPI) to CDS', file: 'docs/guide-green-button.md' },
};
const guides = (...keys) => keys.map((k) => GUIDES[k]);

export const MODELS = {
  2024: {
    title: 'CDS Usage Segments API (2024 draft)',
    validators: {
      validateUsageSegment: 'UsageSegment',
      validateUsageSegmentList: 'UsageSegmentList',
    },
    guides: guides('reading', 'proposals', 'migrating', 'traceability', 'errata', 'server', 'client', 'greenButton'),
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
    // The pages that cover both models (each option shown in both; the move between them; the errata of both drafts; crawl and serve take either model; import-espi writes either).
    guides: guides('proposals', 'migrating', 'errata', 'server', 'client', 'greenButton'),
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
