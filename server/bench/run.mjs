#!/usr/bin/env node
// Benchmark of the reference Server and the crawler, each against an
// alternative in the same run, printing ratios (npm run bench --workspace server):
//  1. Server throughput on a 100-segment page of 15-minute days: autocannon
//     (same connections, same duration) against the reference Server and
//     against node:http serving the same bytes from memory. Each server runs
//     in its own child process; autocannon in this one. Target: ≥ 0.5×.
//     The Server reuses rendered pages while the data is unchanged; the ratio
//     without that cache (serve --no-cache) is printed too.
//  2. Crawler time over the whole listing (probes off) against plain fetch of
//     the same requests: every page (read and JSON.parse'd, to follow next)
//     and the previous link of each later page (read), as the crawler
//     follows them. Target: ≤ 1.2×.
// Both parts warm up first (JIT, page cache, connection pool) and alternate
// the alternatives round by round, first one then the other first, so that
// a change in the shared machine's load hits both alike; ratios of medians.
// BENCH_SECONDS (default 3 per round), BENCH_CONNECTIONS (10), BENCH_ROUNDS (5),
// BENCH_CRAWL_ROUNDS (31) override.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { crawl } from 'cds-usage-segments';
import { openDb } from '../dist/src/db.js';
import { DEMO_DEFAULTS, generateDemo } from '../dist/src/demo.js';
import { importDocuments } from '../dist/src/import.js';
import { createToken } from '../dist/src/tokens.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CRAWL_ROUNDS = Number(process.env.BENCH_CRAWL_ROUNDS ?? 31);
const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'cds-bench-'));
const dbFile = join(dir, 'bench.db');
const db = openDb(dbFile);
// 10 meters × 60 days of 15-minute values: 660 segments, 7 pages.
const demo = generateDemo({ ...DEMO_DEFAULTS, meters: 10, days: 60, interval: 900, seed: 3 });
const imported = importDocuments(db, demo.documents, demo.directory);
if (!imported.ok) throw new Error('demo import failed');
const token = createToken(db, { accounts: demo.accounts, scopes: ['cds_usage_detailed'] });
db.close();

const children = [];
/** Start a child process that prints its URL on the first stdout line. */
async function child(args) {
  const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(p);
  return new Promise((resolve) => createInterface({ input: p.stdout }).once('line', resolve));
}
const auth = { authorization: `Bearer ${token}` };
const serverUrl = await child([CLI, 'serve', '--db', dbFile, '--port', '0']);
const firstPage = await (await fetch(serverUrl, { headers: auth })).text();
const pageFile = join(dir, 'page.json');
writeFileSync(pageFile, firstPage);
const STATIC = `const b = require('node:fs').readFileSync(${JSON.stringify(pageFile)});
const s = require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }); res.end(b); });
s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port + '/api/usagesegments'));`;
const staticUrl = await child(['-e', STATIC]);

function load(url, duration = SECONDS) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers: auth }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`page: ${Buffer.byteLength(firstPage)} bytes, ${JSON.parse(firstPage).usage_segments.length} segments; ${ROUNDS} alternating rounds of ${SECONDS} s × ${CONNECTIONS} connections each`);
const uncachedUrl = await child([CLI, 'serve', '--db', dbFile, '--port', '0', '--no-cache']);
// Alternating short rounds, so that a change in the machine's load hits all three alike; medians.
const rps = { ref: [], uncached: [], stat: [] };
let refErrors = 0;
for (const url of [serverUrl, uncachedUrl, staticUrl]) await load(url, 1); // warm-up, not counted
for (let i = 0; i < ROUNDS; i++) {
  // Odd rounds run the static server first, so neither side always follows the other.
  const c0 = i % 2 === 1 ? await load(staticUrl) : null;
  const a = await load(serverUrl);
  const b = await load(uncachedUrl);
  const c = c0 ?? (await load(staticUrl));
  refErrors += a.errors + a.non2xx + b.errors + b.non2xx;
  rps.ref.push(a.requests.average);
  rps.uncached.push(b.requests.average);
  rps.stat.push(c.requests.average);
}
const ref = median(rps.ref);
const uncached = median(rps.uncached);
const stat = median(rps.stat);
const throughput = ref / stat;
const throughputUncached = uncached / stat;
console.log(`reference Server: ${ref.toFixed(0)} req/s (errors and non-2xx: ${refErrors}); with --no-cache: ${uncached.toFixed(0)} req/s`);
console.log(`node:http, same bytes from memory: ${stat.toFixed(0)} req/s`);
console.log(`throughput ratio (Server / node:http): ${throughput.toFixed(2)}× (target ≥ 0.5×); without the page cache ${throughputUncached.toFixed(2)}×`);

/** What a Client without the crawler does for the same requests: GET and JSON.parse each page, GET each later page's previous. */
async function plainFetch(parsePrevious) {
  let next = serverUrl;
  let pages = 0;
  while (next !== null) {
    const page = JSON.parse(await (await fetch(next, { headers: auth })).text());
    // The previous page is only read, not parsed: the crawler compares its bytes with the page before and parses only when they differ.
    if (pages > 0 && page.previous !== null) {
      const text = await (await fetch(page.previous, { headers: auth })).text();
      if (parsePrevious) JSON.parse(text);
    }
    pages++;
    next = page.next;
  }
  return pages;
}
const crawlTimes = [];
const fetchTimes = [];
const fetchParseTimes = [];
let pages = 0;
let requests = 0;
async function timeFetch(parsePrevious = false) {
  const t = performance.now();
  pages = await plainFetch(parsePrevious);
  return performance.now() - t;
}
async function timeCrawl() {
  const t = performance.now();
  const r = await crawl({ url: serverUrl, token, probes: false });
  const ms = performance.now() - t;
  requests = r.requests;
  if (!r.conformant || r.pages !== pages) throw new Error(`crawl found problems: ${JSON.stringify(r.findings.slice(0, 3))}`);
  return ms;
}
for (let i = 0; i < 3; i++) { await timeFetch(); await timeFetch(true); await timeCrawl(); } // warm-up, not counted
for (let i = 0; i < CRAWL_ROUNDS; i++) {
  if (i % 2 === 0) {
    fetchTimes.push(await timeFetch());
    fetchParseTimes.push(await timeFetch(true));
    crawlTimes.push(await timeCrawl());
  } else {
    crawlTimes.push(await timeCrawl());
    fetchParseTimes.push(await timeFetch(true));
    fetchTimes.push(await timeFetch());
  }
}
const crawlRatio = median(crawlTimes) / median(fetchTimes);
const crawlRatioParsed = median(crawlTimes) / median(fetchParseTimes);
console.log(`listing: ${pages} pages, ${imported.inserted} segments, ${requests} requests; median of ${CRAWL_ROUNDS} rounds after 3 warm-up rounds`);
console.log(`crawler (probes off): ${median(crawlTimes).toFixed(1)} ms; plain fetch of the same requests (pages parsed): ${median(fetchTimes).toFixed(1)} ms`);
console.log(`plain fetch parsing every response, the previous pages too: ${median(fetchParseTimes).toFixed(1)} ms`);
console.log(`crawler ratio (crawl / fetch): ${crawlRatio.toFixed(2)}× (target ≤ 1.2×); against the fetch that parses every response ${crawlRatioParsed.toFixed(2)}×`);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  seconds: SECONDS,
  connections: CONNECTIONS,
  pageBytes: Buffer.byteLength(firstPage),
  serverRps: Math.round(ref),
  staticRps: Math.round(stat),
  serverErrors: refErrors,
  throughputRatio: Number(throughput.toFixed(3)),
  uncachedRps: Math.round(uncached),
  throughputRatioUncached: Number(throughputUncached.toFixed(3)),
  crawlMs: Number(median(crawlTimes).toFixed(1)),
  fetchMs: Number(median(fetchTimes).toFixed(1)),
  crawlRatio: Number(crawlRatio.toFixed(3)),
  fetchParseAllMs: Number(median(fetchParseTimes).toFixed(1)),
  crawlRatioParseAll: Number(crawlRatioParsed.toFixed(3)),
  crawlRounds: CRAWL_ROUNDS,
  rounds: ROUNDS,
};
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
for (const c of children) c.kill();
rmSync(dir, { recursive: true, force: true });
