// Renders the offline HTML reference of each model (Redoc inlined, no CDN) to
// docs/reference/<model>/index.html. Built, not committed.
//
// The reference is the model's published bundle (generated/<model>/openapi.json)
// plus the model's guides (scripts/lib/models.mjs), added here as sections
// without operations (`x-traitTag`) in a "Guides" tag group. Only the rendered
// page has the guides, so the bundle never depends on them or on the CLI
// output they quote.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMain, readJson, repoRoot } from './lib/generated-files.mjs';
import { MODEL_NAMES, modelConfig } from './lib/models.mjs';
import { redoclySync } from './lib/redocly.mjs';

export function referenceHtml(model) {
  return join(repoRoot, 'docs/reference', model, 'index.html');
}

// Redoc's sidebar footer always loads its logo from a CDN; the reference must
// render offline and request nothing outside the page, so the logo is inlined.
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20"><text x="0" y="15" font-family="sans-serif" font-size="14" fill="#888">Redocly</text></svg>',
)}`;
const REMOTE_ASSETS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];

function inlineRemoteAssets(file) {
  let html = readFileSync(file, 'utf8');
  for (const url of REMOTE_ASSETS) {
    if (!html.includes(url)) throw new Error(`expected ${url} in the Redoc bundle; update REMOTE_ASSETS`);
    html = html.replaceAll(url, LOGO);
  }
  writeFileSync(file, html);
}

/**
 * A guide's Markdown as a tag description. Each file starts with its own
 * `# Title` for readers of the file; in the reference the tag already has a
 * heading, so that first line is dropped to avoid a duplicate heading.
 */
export function guideDescription(text, root = repoRoot) {
  return inlinePictures(text.replace(/^# [^\n]*\n+/, ''), root);
}

/**
 * The guides' pictures (docs/pictures/*.svg, linked from the Markdown so that
 * the files read well on their own) as data URIs in the reference: it renders
 * offline and requests nothing. An <img> keeps each picture's style inside it.
 */
export function inlinePictures(text, root = repoRoot) {
  // An <img> element rather than Markdown's image syntax: Redoc's Markdown leaves an image with a data URI as text.
  return text.replace(/!\[([^\]]*)\]\(pictures\/([a-z0-9-]+\.svg)\)/g, (_m, alt, file) => {
    const data = Buffer.from(readFileSync(join(root, 'docs/pictures', file))).toString('base64');
    return `<img alt="${alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" src="data:image/svg+xml;base64,${data}">`;
  });
}

/** The document the reference renders: the model's bundle with its guides added. */
export function referenceDocument(model, root = repoRoot) {
  const { 'x-generated': _note, ...document } = readJson(join(root, 'generated', model, 'openapi.json'));
  const guides = modelConfig(model).guides ?? [];
  if (guides.length === 0) return document;
  const guideTags = guides.map((g) => ({
    name: g.name,
    'x-displayName': g.displayName,
    'x-traitTag': true,
    description: guideDescription(readFileSync(join(root, g.file), 'utf8'), root),
  }));
  return {
    ...document,
    tags: [...(document.tags ?? []), ...guideTags],
    'x-tagGroups': [{ name: 'Guides', tags: guides.map((g) => g.name) }, ...(document['x-tagGroups'] ?? [])],
  };
}

export function renderDocs(model, output = referenceHtml(model)) {
  const { title } = modelConfig(model);
  // Rendered from a scratch folder so that redocly.yaml's lint rules, which
  // are for the split spec, do not apply to the assembled document.
  const scratch = mkdtempSync(join(tmpdir(), 'cds-reference-'));
  try {
    const input = join(scratch, 'openapi.json');
    writeFileSync(input, JSON.stringify(referenceDocument(model)));
    redoclySync(
      ['build-docs', input, '--output', output, '--inlineBundle', '--title', title, '--openapi.schemaDefinitionsTagName=Schemas', '--openapi.jsonSamplesExpandLevel=3', '--openapi.layout=stacked'],
      { cwd: scratch },
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  inlineRemoteAssets(output);
  console.log(`rendered ${output}`);
}

// `node scripts/render-docs.mjs [model]`: one model, or every model.
if (isMain(import.meta.url)) for (const model of process.argv[2] ? [process.argv[2]] : MODEL_NAMES) renderDocs(model);
