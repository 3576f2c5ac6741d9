#!/usr/bin/env node
// Writes docs/rules.md from the rule registry (src/registry.ts, compiled to dist/src).
// Run `npm run compile` first. With --check, exits 1 if docs/rules.md is out of date.
import { fileURLToPath } from 'node:url';
import { renderRulesMarkdown } from './lib/rules-doc.mjs';
import { writeOrCheck } from './lib/write-or-check.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { RULES } = await import(new URL('../dist/src/registry.js', import.meta.url).href);
const target = `${root}docs/rules.md`;
const fresh = renderRulesMarkdown(RULES);
writeOrCheck(target, fresh, 'docs/rules.md', '`npm run compile && npm run docs:rules`');
