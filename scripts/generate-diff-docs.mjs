#!/usr/bin/env node
// Writes docs/diff-rules.md from the diff rule catalogue (src/diff/catalogue.ts,
// compiled to dist/src), and docs/changes-2024-to-2026.md, the spec diff of the
// two bundled models (generated/, so after `npm run generate`), both rendered
// by scripts/lib/diff-docs.mjs. Run `npm run compile` first. With --check,
// exits 1 if a file is out of date.
import { fileURLToPath } from 'node:url';
import { renderDiffRulesMarkdown, renderModelChangesMarkdown } from './lib/diff-docs.mjs';
import { writeOrCheck } from './lib/write-or-check.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const differ = await import(new URL('../dist/src/diff/index.js', import.meta.url).href);
const how = '`npm run compile && npm run docs:rules`';
writeOrCheck(`${root}docs/diff-rules.md`, renderDiffRulesMarkdown(differ.DIFF_RULES), 'docs/diff-rules.md', how);
writeOrCheck(`${root}docs/changes-2024-to-2026.md`, renderModelChangesMarkdown(root, differ), 'docs/changes-2024-to-2026.md', how);
