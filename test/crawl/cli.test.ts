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
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../helpers/cli.js';
import { examplePage, honestAnswer, JSON_TYPE, listen, send, type StandIn, TOKEN } from './stand-in.js';

const page = examplePage('2024');
let server: StandIn;
let url = '';
let broken = '';
const dir = mkdtempSync(join(tmpdir(), 'cds-crawl-cli-'));

beforeAll(async () => {
  // One page, the gap example, answered honestly; /broken is cut-off JSON, /slow answers after 3 s, /echo a wrong content type naming the token.
  server = await listen((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 3000);
    if (req.url === '/broken') return send(res, { status: 200, headers: JSON_TYPE, body: '{"usage_segments": [' });
    // A page served as text/html whose first segment lacks segment_end: a crawler finding and a document problem.
    if (req.url === '/invalid') {
      const [first, ...rest] = page.usage_segments;
      const { segment_end: _dropped, ...broken } = first!;
      return send(res, { status: 200, headers: { 'content-type': 'text/html' }, body: JSON.stringify({ ...page, usage_segments: [broken, ...rest] }) });
    }
    // A Server that echoes the Authorization header into its Content-Type (so a finding's message would carry the token).
    if (req.url?.startsWith('/echo') === true) return send(res, { ...honestAnswer(page, req.url, req.headers.authorization), headers: { 'content-type': `text/plain; echo="${req.headers.authorization ?? ''}"` } });
    send(res, honestAnswer(page, req.url ?? '/', req.headers.authorization));
  });
  url = `${server.origin}/api/usagesegments`;
  broken = `${server.origin}/broken`;
});
afterAll(() => server.close());

/** `main` in-process with a terminal flag and an environment of the test's choosing. */
async function runIo(args: readonly string[], extra: Pick<CliIo, 'stderrIsTTY' | 'env' | 'progressIntervalMs'>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: async () => Buffer.alloc(0), ...extra });
  return { code, stdout, stderr };
}

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
    // A malformed escape in the user's own URL is a usage error, and the URL's token stays hidden.
    [['crawl', 'http://127.0.0.1:9/u?access_token=Sup3rS3cretT0ken&a=%zz'], 'malformed percent escape (a % not followed by two hex digits)), got "http://127.0.0.1:9/u?access_token=[REDACTED]&a=%zz"'],
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

  it('--json findings are {code, level, url, message}, and path (a JSON Pointer into the page) for document problems', async () => {
    const invalid = url.replace('/api/usagesegments', '/invalid');
    const r = await runCli(['crawl', invalid, '--token', TOKEN, '--json', '--no-probes']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    expect(Object.keys(out).sort()).toEqual(['conformant', 'durationMs', 'findings', 'model', 'pages', 'requests', 'segments', 'url'].sort());
    const crawler = out.findings.filter((f) => f.code === 'content-type');
    const document = out.findings.filter((f) => f.code !== 'content-type');
    expect(crawler).toEqual([{ code: 'content-type', level: 'error', url: invalid, message: 'page 1: Content-Type is "text/html"; serve pages as application/json' }]);
    expect(document.length).toBeGreaterThan(0);
    for (const f of document) {
      expect(Object.keys(f).sort()).toEqual(['code', 'level', 'message', 'path', 'url']);
      expect(f).toMatchObject({ level: 'error', url: invalid, path: expect.stringMatching(/^\/usage_segments\/0(\/|$)/) as unknown });
    }
  });

  it('--junit writes one test case per check', async () => {
    const file = join(dir, 'report.xml');
    await runCli(['crawl', url, '--token', TOKEN, '--junit', file]);
    const xml = readFileSync(file, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(CRAWL_CODES.length); // one per code, the pseudo-code document among them
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  });

  it('takes the token from --token-file or CDS_TOKEN, and never prints it', async () => {
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, `${TOKEN}\n`);
    const fromFile = await runCli(['crawl', `${url}?access_token=${TOKEN}`, '--token-file', tokenFile, '--json']);
    expect(fromFile.stdout).not.toContain(TOKEN);
    expect(fromFile.stdout).toContain('[REDACTED]');
    const fromEnv = await runIo(['crawl', url], { env: { CDS_TOKEN: TOKEN } });
    expect(fromEnv.stdout).toContain('conformant');
    expect(fromEnv.code).toBe(0);
    // The environment comes through the CLI's io, not from the process.
    process.env.CDS_TOKEN = TOKEN;
    try {
      expect((await runIo(['crawl', url], { env: {} })).code).toBe(1);
    } finally {
      delete process.env.CDS_TOKEN;
    }
  });

  it('the text report never prints the token, neither from the URL nor from what the Server echoes', async () => {
    const r = await runCli(['crawl', `${url.replace('/api/usagesegments', '/echo')}?access_token=${TOKEN}`, '--token', TOKEN]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    // A content-type error per listing request (the page and each filter probe), each naming the redacted URL and echo.
    const found = lines.filter((l) => l.startsWith('error content-type '));
    expect(found.length).toBeGreaterThan(5);
    for (const l of found) expect(l).toMatch(/access_token=\[REDACTED\].*echo=\\"Bearer \[REDACTED\]\\"/);
    expect(r.stdout).not.toContain(TOKEN);
    expect(r.stderr).not.toContain(TOKEN);
  });

  it('--no-probes makes only the listing requests', async () => {
    const r = await runCli(['crawl', url, '--token', TOKEN, '--no-probes', '--json']);
    expect((JSON.parse(r.stdout) as { requests: number }).requests).toBe(1);
  });
});

describe('crawl: progress on standard error', () => {
  const withToken = () => `${url}?access_token=${TOKEN}`;

  it('on a terminal: one line per page and probe, with the token redacted', async () => {
    const r = await runIo(['crawl', withToken(), '--token', TOKEN], { stderrIsTTY: true });
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`page 1: 3 segments, ${url}?access_token=[REDACTED]`);
    expect(lines.filter((l) => l.startsWith('probe ')).length).toBeGreaterThan(5);
    expect(lines.every((l) => /^(page \d+: |probe )/.test(l))).toBe(true);
    expect(r.stderr).not.toContain(TOKEN);
    // The report stays on stdout.
    expect(r.stdout).toMatch(/conformant\n$/);
  });

  it('not on a terminal (a pipe, a log file): a line per interval, with the elapsed time, the token redacted', async () => {
    // Interval 0: every line passes the throttle, so the test sees them all without waiting.
    const r = await runIo(['crawl', withToken(), '--token', TOKEN], { stderrIsTTY: false, progressIntervalMs: 0 });
    expect(r.code).toBe(0);
    const [first, ...later] = r.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^\[\d+\.\d s\] waiting for page 1$/);
    // At interval 0 the heartbeat (every 10 ms) repeats the waiting line until page 1 arrives, however long that takes on a busy machine.
    const lines = later.filter((l) => !/^\[\d+\.\d s\] waiting for page 1$/.test(l));
    expect(lines[0]).toMatch(new RegExp(`^\\[\\d+\\.\\d s\\] page 1: 3 segments, ${url.replace(/[.?]/g, '\\$&')}\\?access_token=\\[REDACTED\\]$`));
    expect(lines.every((l) => /^\[\d+\.\d s\] (page \d+: |probe )/.test(l))).toBe(true);
    expect(r.stderr).not.toContain(TOKEN);
    expect(r.stdout).toMatch(/conformant\n$/);
  });

  it('not on a terminal, waiting on a slow Server: the heartbeat repeats the latest line', async () => {
    const r = await runIo(['crawl', url.replace('/api/usagesegments', '/slow'), '--token', TOKEN, '--timeout-ms', '1000', '--no-probes'], { stderrIsTTY: false, progressIntervalMs: 150 });
    expect(r.code).toBe(1);
    // A 1 s wait for the first page at a 150 ms interval: several lines, each the latest state with the time it was printed.
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.every((l) => /^\[\d+\.\d s\] waiting for page 1$/.test(l))).toBe(true);
  });

  it('--quiet: nothing on stderr, on a terminal or not', async () => {
    for (const stderrIsTTY of [true, false]) {
      const r = await runIo(['crawl', withToken(), '--token', TOKEN, '--quiet'], { stderrIsTTY, progressIntervalMs: 0 });
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    }
  });
});
