// The crawl command in-process against a small stand-in Server (node:http on
// 127.0.0.1, port 0): exit codes, --json, --junit, the token's sources and its
// redaction. The crawler's checks against the reference Server and each of
// its faults are tested in server/test/crawl.test.ts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRAWL_CODES } from '../../src/crawl/codes.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const TOKEN = 'secret-token-4711';
const page = JSON.parse(readFileSync(join(ROOT, 'spec/2024/examples/gap-disclosure-page.json'), 'utf8')) as Record<string, unknown>;
let server: Server;
let url = '';
let broken = '';
const dir = mkdtempSync(join(tmpdir(), 'cds-crawl-cli-'));

/** One page, the gap example; 401 with a Bearer challenge without the token; ids filters applied; before=not-a-date → 400. */
function handle(reqUrl: string, auth: string | undefined): { status: number; headers: Record<string, string>; body: string } {
  const json = { 'content-type': 'application/json' };
  const u = new URL(reqUrl, 'http://x');
  if (u.pathname === '/broken') return { status: 200, headers: json, body: '{"usage_segments": [' };
  if (auth !== `Bearer ${TOKEN}`) return { status: 401, headers: { ...json, 'www-authenticate': 'Bearer realm="t"' }, body: '{"error":"invalid_token"}' };
  const before = u.searchParams.get('before');
  const after = u.searchParams.get('after');
  if ((before !== null && Number.isNaN(Date.parse(before))) || (after !== null && Number.isNaN(Date.parse(after)))) return { status: 400, headers: json, body: '{"error":"invalid_request"}' };
  let segs = page.usage_segments as Record<string, unknown>[];
  const keep = (p: string, f: (s: Record<string, unknown>, vs: string[]) => boolean) => {
    const v = u.searchParams.get(p);
    if (v !== null) segs = segs.filter((s) => f(s, v.split(' ')));
  };
  keep('cds_usagesegment_ids', (s, vs) => vs.includes(s.cds_usagesegment_id as string));
  for (const [p, field] of [['cds_account_ids', 'related_accounts'], ['cds_servicecontract_ids', 'related_servicecontracts'], ['cds_servicepoint_ids', 'related_servicepoints'], ['cds_meterdevice_ids', 'related_meterdevices'], ['cds_billsection_ids', 'related_billsections']] as const) {
    keep(p, (s, vs) => (s[field] as string[]).some((x) => vs.includes(x)));
  }
  for (const p of ['account_numbers', 'contract_numbers', 'servicepoint_numbers', 'meter_numbers']) keep(p, () => false);
  keep('before', (s, [v]) => Date.parse(s.segment_start as string) <= Date.parse(v!));
  keep('after', (s, [v]) => Date.parse(s.segment_end as string) >= Date.parse(v!));
  return { status: 200, headers: json, body: JSON.stringify({ usage_segments: segs, next: null, previous: null }) };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 3000);
    const r = handle(req.url ?? '/', req.headers.authorization);
    res.writeHead(r.status, r.headers).end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}/api/usagesegments`;
  broken = `http://127.0.0.1:${port}/broken`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

describe('crawl: exit status', () => {
  it('0 for a conformant Server, with a summary line', async () => {
    const r = await runCli(['crawl', url, '--token', TOKEN]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^1 page, 3 segments, \d+ requests, [\d.]+ s \(model 2024\): 0 errors, 0 warnings — conformant\n$/);
    expect(r.code).toBe(0);
  });

  it('1 when a finding is an error (the token is refused: http-status)', async () => {
    const r = await runCli(['crawl', url, '--token', 'wrong-token']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error http-status');
  });

  it('1 for a page that is not JSON', async () => {
    const r = await runCli(['crawl', broken, '--token', TOKEN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error not-json');
  });

  it('1 when the Server accepts but does not answer in time (a transport finding, not a failure to start)', async () => {
    const r = await runCli(['crawl', url.replace('/api/usagesegments', '/slow'), '--token', TOKEN, '--timeout-ms', '200']);
    expect(r.stdout).toContain('error transport');
    expect(r.stdout).toContain('no complete response within 200 ms');
    expect(r.code).toBe(1);
  });

  it('2 when the host is unreachable (connection refused)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await runCli(['crawl', `http://127.0.0.1:${port}/api/usagesegments`, '--token', TOKEN, '--timeout-ms', '2000']);
    expect(r.stdout).toContain('ECONNREFUSED');
    expect(r.code).toBe(2);
  });

  // 'URL' stands for the stand-in Server's listing URL (known only once it listens).
  it.each([
    [['crawl'], 'exactly one URL'],
    [['crawl', 'ftp://x/'], 'absolute http(s) URL'],
    [['crawl', 'URL', '--max-pages', '0'], '--max-pages'],
    [['crawl', 'URL', '--model', '2025'], '--model'],
    [['crawl', 'URL', '--token', 'a', '--token-file', 'b'], 'not both'],
    [['crawl', 'URL', '--token-file', join(dir, 'missing')], 'ENOENT'],
    [['crawl', 'URL', '--server-metadata', join(dir, 'missing-metadata.json')], '--server-metadata'],
  ])('2 for a bad command line: %j', async (args, message) => {
    const r = await runCli(args.map((a) => (a === 'URL' ? url : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('crawl: outputs', () => {
  it('--json prints one object with the documented keys', async () => {
    const r = await runCli(['crawl', url, '--token', TOKEN, '--json']);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['conformant', 'durationMs', 'findings', 'model', 'pages', 'requests', 'segments', 'url'].sort());
    expect(out).toMatchObject({ conformant: true, url, model: '2024', pages: 1, segments: 3, findings: [] });
  });

  it('--junit writes one test case per check', async () => {
    const file = join(dir, 'report.xml');
    await runCli(['crawl', url, '--token', TOKEN, '--junit', file]);
    const xml = readFileSync(file, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(CRAWL_CODES.length + 1);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  });

  it('takes the token from --token-file or CDS_TOKEN, and never prints it', async () => {
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, `${TOKEN}\n`);
    const fromFile = await runCli(['crawl', `${url}?access_token=${TOKEN}`, '--token-file', tokenFile, '--json']);
    expect(fromFile.stdout).not.toContain(TOKEN);
    expect(fromFile.stdout).toContain('[REDACTED]');
    process.env.CDS_TOKEN = TOKEN;
    try {
      const fromEnv = await runCli(['crawl', url]);
      expect(fromEnv.code).toBe(0);
    } finally {
      delete process.env.CDS_TOKEN;
    }
  });

  it('--no-probes makes only the listing requests', async () => {
    const r = await runCli(['crawl', url, '--token', TOKEN, '--no-probes', '--json']);
    expect((JSON.parse(r.stdout) as { requests: number }).requests).toBe(1);
  });
});
