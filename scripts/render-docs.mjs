// Renders the offline HTML reference (Redoc inlined, no CDN) to
// docs/reference/index.html. Built, not committed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMain, repoRoot } from './lib/generated-files.mjs';
import { apiName } from './lib/models.mjs';

export const REFERENCE_HTML = join(repoRoot, 'docs/reference/index.html');

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

export function renderDocs(output = REFERENCE_HTML) {
  execFileSync(
    join(repoRoot, 'node_modules/.bin/redocly'),
    ['build-docs', apiName('2024'), '--output', output, '--inlineBundle', '--title', 'CDS Usage Segments API', '--openapi.schemaDefinitionsTagName=Schemas', '--openapi.jsonSamplesExpandLevel=3', '--openapi.layout=stacked'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
  );
  inlineRemoteAssets(output);
  console.log(`rendered ${output}`);
}

if (isMain(import.meta.url)) renderDocs(process.argv[2]);
