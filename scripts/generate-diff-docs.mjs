#!/usr/bin/env node
// Writes docs/diff-rules.md from the diff rule catalogue (src/diff/catalogue.ts,
// compiled to dist/src), and docs/changes-2024-to-2026.md, the spec diff of the
// two bundled models (generated/, so after `npm run generate`), both rendered
// by scripts/lib/diff-docs.mjs. Run `npm run compile` first. With --check,
// exits 1 if a file is out of date.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './lib/generated-files.mjs';
import { renderDiffRulesMarkdown, renderModelChangesMarkdown } from './lib/diff-docs.mjs';
import { writeOrCheck } from './lib/write-or-check.mjs';

const differ = await import(pathToFileURL(join(repoRoot, 'dist/src/diff/index.js')).href);
const how = '`npm run compile && npm run docs:rules`';
writeOrCheck(join(repoRoot, 'docs/diff-rules.md'), renderDiffRulesMarkdown(differ.DIFF_RULES), 'docs/diff-rules.md', how);
writeOrCheck(join(repoRoot, 'docs/changes-2024-to-2026.md'), renderModelChangesMarkdown(repoRoot, differ), 'docs/changes-2024-to-2026.md', how);
