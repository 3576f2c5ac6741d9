#!/usr/bin/env node
// Load run: autocannon for 30 s at 50 connections against the reference
// Server's first page and a filtered, paged listing; fails (exit 1) on any
// error, timeout or non-2xx answer. Not a timed test: run it by hand or in a
// soak job (npm run load --workspace server; LOAD_SECONDS, LOAD_CONNECTIONS).
import { mkdtempSync, rmSync } from 'node:fs';
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
console.log(`${SECONDS} s at ${CONNECTIONS} connections: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, p99 latency ${result.latency.p99} ms`);
console.log(`errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
await server.close();
db.close();
rmSync(dir, { recursive: true, force: true });
process.exitCode = result.errors + result.timeouts + result.non2xx === 0 ? 0 : 1;
