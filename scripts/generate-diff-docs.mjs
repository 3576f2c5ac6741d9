#!/usr/bin/env node
// Writes docs/diff-rules.md from the diff rule catalogue (src/diff/catalogue.ts,
// compiled to dist/src). Run `npm run compile` first. With --check, exits 1 if
// the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { renderDiffRulesMarkdown } = await import(new URL('../dist/src/diff/rules-doc.js', import.meta.url).href);

const outputs = [[`${root}docs/diff-rules.md`, renderDiffRulesMarkdown()]];

let stale = false;
for (const [target, fresh] of outputs) {
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (current !== fresh) {
      process.stderr.write(`${target} is out of date; run \`npm run compile && npm run docs:rules\`\n`);
      stale = true;
    }
  } else {
    writeFileSync(target, fresh);
    process.stdout.write(`wrote ${target}\n`);
  }
}
if (stale) process.exit(1);
