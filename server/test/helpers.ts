import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverShape } from 'cds-usage-segments';
import { type Db, type Model, openDb } from '../src/db.js';
import { type DemoData, type DemoOptions, DEMO_DEFAULTS, generateDemo } from '../src/demo.js';
import type { FaultName } from '../src/faults.js';
import { type RunningServer, startServer } from '../src/http.js';
import { importDocuments } from '../src/import.js';
import { createToken } from '../src/tokens.js';

export interface Sandbox {
  readonly dir: string;
  readonly dbFile: string;
  readonly db: Db;
  readonly demo: DemoData;
  /** A token for every demo account. */
  readonly token: string;
  /** Every stored segment, parsed, in no particular order. */
  readonly segments: Record<string, unknown>[];
  start(faults?: FaultName[]): Promise<RunningServer>;
  close(): Promise<void>;
}

/** A temporary database with demo data and a token, and servers on 127.0.0.1 port 0 that close with it. */
export function sandbox(options: Partial<DemoOptions> = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'cds-server-'));
  const dbFile = join(dir, 'demo.db');
  const db = openDb(dbFile);
  const demo = generateDemo({ ...DEMO_DEFAULTS, ...options });
  const result = importDocuments(db, demo.documents, demo.directory);
  if (!result.ok) throw new Error(`demo import failed: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const token = createToken(db, { accounts: demo.accounts, scopes: [serverShape(options.model ?? DEMO_DEFAULTS.model)!.listingScopes[0]!] });
  const segments = (db.prepare('SELECT body FROM segments').pluck().all() as Buffer[]).map((b) => JSON.parse(b.toString('utf8')) as Record<string, unknown>);
  const servers: RunningServer[] = [];
  const model: Model = options.model ?? DEMO_DEFAULTS.model;
  return {
    dir,
    dbFile,
    db,
    demo,
    token,
    segments,
    async start(faults = []) {
      const s = await startServer({ db, model, faults });
      servers.push(s);
      return s;
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Listing {
  readonly status: number;
  readonly pages: { usage_segments: Record<string, unknown>[]; next: string | null; previous: string | null }[];
  readonly ids: string[];
}

/** GET one URL with the token; returns status, headers and parsed JSON (or null). */
export async function get(url: string, token?: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

/** Follow `next` from `url` to the end (at most 1000 pages). */
export async function listAll(url: string, token: string): Promise<Listing> {
  const pages: Listing['pages'] = [];
  let next: string | null = url;
  while (next !== null && pages.length < 1000) {
    const r = await get(next, token);
    if (r.status !== 200) return { status: r.status, pages, ids: [] };
    const page = r.body as Listing['pages'][number];
    pages.push(page);
    next = page.next;
  }
  return { status: 200, pages, ids: pages.flatMap((p) => p.usage_segments.map((s) => s.cds_usagesegment_id as string)) };
}

export function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

/** What a finished command printed, and its exit status. */
export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a compiled bin with this Node, to the end (60 s at most), with `env` added to this process's environment. */
export function runNode(bin: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
