#!/usr/bin/env node
// Writes docs/diff-rules.md from the diff rule catalogue (src/diff/catalogue.ts,
// compiled to dist/src). Run `npm run compile` first. With --check, exits 1 if
// the file is out of date.
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './lib/write-or-check.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { renderDiffRulesMarkdown } = await import(new URL('../dist/src/diff/rules-doc.js', import.meta.url).href);
writeOrCheck(`${root}docs/diff-rules.md`, renderDiffRulesMarkdown(), 'docs/diff-rules.md', '`npm run compile && npm run docs:rules`');
