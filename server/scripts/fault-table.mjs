#!/usr/bin/env node
// Rewrites the fault table of docs/guide-test-your-client.md from the fault
// registry (server/src/faults.ts, compiled to server/dist). With --check,
// exits 1 when the table is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { withFaultTable } = await import(new URL('../dist/src/fault-table.js', import.meta.url).href);
const guide = fileURLToPath(new URL('../../docs/guide-test-your-client.md', import.meta.url));
const before = readFileSync(guide, 'utf8');
const after = withFaultTable(before);
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('docs/guide-test-your-client.md: the fault table is stale; run `npm run docs:faults --workspace server`');
    process.exit(1);
  }
} else if (after !== before) {
  writeFileSync(guide, after);
  console.log('docs/guide-test-your-client.md: fault table rewritten');
} else {
  console.log('docs/guide-test-your-client.md: fault table up to date');
}
