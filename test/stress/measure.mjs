// Validate one file in a fresh process and print {ms, maxRssMB, heapUsedMB, valid, errors, omittedErrors}.
// Usage: node [--max-old-space-size=N] test/stress/measure.mjs FILE
import { readFileSync } from 'node:fs';
import { validate } from '../../dist/src/index.js';

const text = readFileSync(process.argv[2], 'utf8');
const parseStart = performance.now();
const doc = JSON.parse(text);
const parseMs = performance.now() - parseStart;
const rssAfterParse = process.memoryUsage().rss;
const t = performance.now();
const r = validate(doc);
const ms = performance.now() - t;
process.stdout.write(
  JSON.stringify({
    bytes: Buffer.byteLength(text),
    parseMs: Math.round(parseMs),
    ms: Math.round(ms),
    rssAfterParseMB: Math.round(rssAfterParse / 2 ** 20),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    valid: r.valid,
    errors: r.errors.length,
    omittedErrors: r.omittedErrors,
  }) + '\n',
);
