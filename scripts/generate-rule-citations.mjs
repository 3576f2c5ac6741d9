#!/usr/bin/env node
// Writes src/rule-citations.ts, the citations behind each rule code, from the
// traceability table (docs/traceability.md, the one place they are kept).
// With --check, exits 1 if src/rule-citations.ts is out of date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/generated-files.mjs';
import { citationsFrom, citationsModule } from './lib/rule-citations.mjs';
import { writeOrCheck } from './lib/write-or-check.mjs';

const fresh = citationsModule(citationsFrom(readFileSync(join(repoRoot, 'docs/traceability.md'), 'utf8')));
writeOrCheck(join(repoRoot, 'src/rule-citations.ts'), fresh, 'src/rule-citations.ts', '`node scripts/generate-rule-citations.mjs`');
