#!/usr/bin/env node
// Load run (the robustness proof): autocannon for 30 s at 50
// connections against the reference Server (in this process, page cache and
// grant cache on, as `serve` runs), alternating the first page and a
// filtered later page; fails (exit 1) on any error, timeout or non-2xx
// answer, and writes results/load-latest.json. Not part of any test run (it
// takes 30 s): run it by hand or in a soak job
// (npm run load --workspace server; LOAD_SECONDS, LOAD_CONNECTIONS).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDb } from '../dist/src/db.js';
import { DEMO_DEFAULTS, generateDemo } from '../dist/src/demo.js';
import { startServer } from '../dist/src/http.js';
import { importDocuments } from '../dist/src/import.js';
import { createToken } from '../dist/src/tokens.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'cds-load-'));
const db = openDb(join(dir, 'load.db'));
const demo = generateDemo({ ...DEMO_DEFAULTS, meters: 10, days: 60, seed: 5 });
if (!importDocuments(db, demo.documents, demo.directory).ok) throw new Error('demo import failed');
const token = createToken(db, { accounts: demo.accounts, scopes: ['cds_usage_detailed'] });
const server = await startServer({ db, model: '2024' });
const second = (await (await fetch(`${server.url}?after=2024-03-01T00:00:00Z`, { headers: { authorization: `Bearer ${token}` } })).json()).next;

const result = await new Promise((resolve, reject) => {
  autocannon(
    {
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { authorization: `Bearer ${token}` },
      requests: [{ path: new URL(server.url).pathname }, { path: new URL(second).pathname + new URL(second).search }],
    },
    (err, r) => (err ? reject(err) : resolve(r)),
  );
});
const { latency } = result;
console.log(`${SECONDS} s at ${CONNECTIONS} connections: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s`);
console.log(`latency: mean ${latency.average.toFixed(1)} ms, p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms`);
console.log(`errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
const summary = {
  date: new Date().toISOString(),
  node: process.version,
  seconds: SECONDS,
  connections: CONNECTIONS,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  latencyMs: { mean: Number(latency.average.toFixed(1)), p50: latency.p50, p99: latency.p99, max: latency.max },
};
writeFileSync(new URL('./results/load-latest.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);
await server.close();
db.close();
rmSync(dir, { recursive: true, force: true });
process.exitCode = result.errors + result.timeouts + result.non2xx === 0 ? 0 : 1;
