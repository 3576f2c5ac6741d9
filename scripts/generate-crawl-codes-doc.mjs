#!/usr/bin/env node
// Writes docs/crawl-codes.md from the crawler's code registry (src/crawl/codes.ts,
// compiled to dist/src). Run `npm run compile` first. With --check, exits 1 if
// docs/crawl-codes.md is out of date.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './lib/generated-files.mjs';
import { cell, markdownTablePage } from './lib/markdown-page.mjs';
import { writeOrCheck } from './lib/write-or-check.mjs';

const { CRAWL_CODES } = await import(pathToFileURL(join(repoRoot, 'dist/src/crawl/codes.js')).href);
const target = join(repoRoot, 'docs/crawl-codes.md');

const fresh = markdownTablePage({
  title: 'Crawler codes',
  note: 'Generated from src/crawl/codes.ts by scripts/generate-crawl-codes-doc.mjs; do not edit.',
  intro:
    "`cds-usage-segments crawl` reports these codes, and the checker's own codes ([rules.md](rules.md)) for problems inside a page (`document` counts problems beyond the 20 listed per page). An error makes the crawl fail (exit 1); a warning does not. Source: `draft`, a requirement of the group's draft (or of the RFCs it brings in: RFC 6750 for its Bearer tokens, RFC 9110 for HTTP); `decision`, our reading where the draft is silent — a warning, except a code marked *unchecked*: the crawler could not read part of the listing without breaking one of its own bounds (sending the token to another origin, reading an unbounded body), so it cannot show the Server conformant and fails, without claiming the draft was broken. The guide [Test your Server](guide-test-your-server.md) explains each check.",
  head: ['code', 'level', 'source', 'what it means'],
  rows: CRAWL_CODES.map((c) => [`\`${c.code}\``, `${c.level}${c.unchecked ? ' (unchecked)' : ''}`, c.source, cell(c.summary)]),
});

writeOrCheck(target, fresh, 'docs/crawl-codes.md', '`npm run compile && npm run docs:rules`');
