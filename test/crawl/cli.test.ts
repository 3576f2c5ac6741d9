// The crawl command in-process against a small stand-in Server (node:http on
// 127.0.0.1, port 0): exit codes, --json, --junit, the token's sources and its
// redaction. The crawler's checks against the reference Server and each of
// its faults are tested in server/test/crawl.test.ts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRAWL_CODES } from '../../src/crawl/codes.js';
import { runCli } from '../helpers/cli.js';
import { examplePage, honestAnswer, JSON_TYPE, listen, send, type StandIn, TOKEN } from './stand-in.js';

const page = examplePage('2024');
let server: StandIn;
let url = '';
let broken = '';
const dir = mkdtempSync(join(tmpdir(), 'cds-crawl-cli-'));

beforeAll(async () => {
  // One page, the gap example, answered honestly; /broken is cut-off JSON, /slow answers after 3 s.
  server = await listen((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 3000);
    if (req.url === '/broken') return send(res, { status: 200, headers: JSON_TYPE, body: '{"usage_segments": [' });
    send(res, honestAnswer(page, req.url ?? '/', req.headers.authorization));
  });
  url = `${server.origin}/api/usagesegments`;
  broken = `${server.origin}/broken`;
});
afterAll(() => server.close());

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
