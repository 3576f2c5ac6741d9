// The "done when", as a user runs it: the Server's bin makes demo
// data and a token and serves them; the package's bin crawls the URL. Exit 0
// on both models; exit 1 with the fault's code for a faulty Server.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode, type RunResult } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const SERVER_BIN = join(here, '../dist/src/cli.js');
const CRAWL_BIN = join(here, '../../dist/src/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'cds-server-e2e-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

const run = (bin: string, args: string[]): RunResult => runNode(bin, args);

let databases = 0;

/** demo + token create + serve --port 0; resolves with the URL the Server printed and the token. */
async function serve(model: '2024' | '2026', faults: string[] = []): Promise<{ url: string; token: string; stop: () => Promise<void> }> {
  const db = join(dir, `${model}-${++databases}.db`);
  const demo = run(SERVER_BIN, ['demo', '--db', db, '--meters', '2', '--days', '60', '--model', model]);
  expect(demo.status, demo.stderr).toBe(0);
  const { accounts } = JSON.parse(demo.stdout) as { accounts: string[] };
  const token = run(SERVER_BIN, ['token', 'create', '--db', db, '--accounts', accounts.join(','), '--scopes', model === '2026' ? 'cds_usage' : 'cds_usage_detailed']).stdout.trim();
  const child = spawn(process.execPath, [SERVER_BIN, 'serve', '--db', db, '--port', '0', '--model', model, ...faults.flatMap((f) => ['--fault', f])], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const url = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  return {
    url,
    token,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

interface CrawlJson {
  conformant: boolean;
  model: string;
  pages: number;
  findings: { code: string; level: string }[];
}

async function crawlCli(url: string, token: string, extra: string[] = []): Promise<{ status: number | null; report: CrawlJson }> {
  // Asynchronous: the Server runs in a child of this process, so the crawl must not block the event loop… and the token goes by environment, as scripts pass it.
  const child = spawn(process.execPath, [CRAWL_BIN, 'crawl', url, '--json', '--timeout-ms', '5000', ...extra], { env: { ...process.env, CDS_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const status = await new Promise<number | null>((r) => child.once('exit', r));
  return { status, report: JSON.parse(out) as CrawlJson };
}

describe('demo, serve, crawl (both bins)', () => {
  it.each(['2024', '2026'] as const)('model %s: crawl exits 0 with no finding', async (model) => {
    const s = await serve(model);
    const { status, report } = await crawlCli(s.url, s.token);
    await s.stop();
    expect(report.findings).toEqual([]);
    expect(report.model).toBe(model);
    expect(report.pages).toBeGreaterThan(1);
    expect(status).toBe(0);
  });

  it('--model 2024 against the 2026 Server exits 1 (the option reaches the checker)', async () => {
    const s = await serve('2026');
    const { status, report } = await crawlCli(s.url, s.token, ['--model', '2024', '--no-probes']);
    await s.stop();
    expect(report.model).toBe('2024');
    expect(report.findings.some((f) => f.code === 'schema' && f.level === 'error')).toBe(true);
    expect(status).toBe(1);
  });

  it('a faulty Server (cross-origin next) exits 1 with link-origin', async () => {
    const s = await serve('2024', ['cross-origin-next']);
    const { status, report } = await crawlCli(s.url, s.token, ['--no-probes']);
    await s.stop();
    expect(report.findings.map((f) => f.code)).toContain('link-origin');
    expect(status).toBe(1);
  });
});
