#!/usr/bin/env node
// Writes docs/rules.md from the rule registry (src/rules.ts, compiled to dist/src).
// Run `npm run compile` first. With --check, exits 1 if docs/rules.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { renderRulesMarkdown } = await import(new URL('../dist/src/rules-doc.js', import.meta.url).href);
const target = `${root}docs/rules.md`;
const fresh = renderRulesMarkdown();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== fresh) {
    process.stderr.write('docs/rules.md is out of date; run `npm run compile && npm run docs:rules`\n');
    process.exit(1);
  }
} else {
  writeFileSync(target, fresh);
  process.stdout.write(`wrote ${target}\n`);
}
