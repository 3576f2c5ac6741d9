#!/usr/bin/env node
// Writes docs/rules.md from the rule registry (src/registry.ts, compiled to dist/src) and the rule modules (dist/src/rules).
// Run `npm run compile` first. With --check, exits 1 if docs/rules.md is out of date.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './lib/generated-files.mjs';
import { ruleModules } from './lib/rule-modules.mjs';
import { renderRulesMarkdown } from './lib/rules-doc.mjs';
import { writeOrCheck } from './lib/write-or-check.mjs';

const { RULES } = await import(pathToFileURL(join(repoRoot, 'dist/src/registry.js')).href);
const target = join(repoRoot, 'docs/rules.md');
const modules = await ruleModules(repoRoot, join(repoRoot, 'dist/src/rules'), '.js');
const fresh = renderRulesMarkdown(RULES, modules);
writeOrCheck(target, fresh, 'docs/rules.md', '`npm run compile && npm run docs:rules`');
