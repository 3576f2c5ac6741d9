// Nothing a Server sends crashes the crawler: a raw TCP Server on 127.0.0.1
// (its own port) answers each request with random bytes — a status line,
// headers (invalid UTF-8, NUL bytes, huge ones), a body that is random bytes
// or a page whose links are relative, protocol-relative, of odd schemes,
// with malformed percent escapes — or closes the connection. The crawl CLI
// must end with exit 0 or 1 (never 2, "could not start", never an internal
// error), and every finding must carry a registered code. Run bounded by
// test/crawl/fuzz.test.ts (`npm test`), at length by
// test/stress/crawl-fuzz.stress.ts (`npm run stress`).
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { getCrawlCode } from '../../src/crawl/codes.js';
import { main } from '../../src/cli/main.js';
import { RULES } from '../../src/registry.js';
import { examplePage } from './stand-in.js';

const RULE_CODES = new Set<string>(RULES.map((r) => r.code));

/** Links a Server may put in `next`/`previous`; ORIGIN is replaced by the Server's own. */
const linkArb: fc.Arbitrary<string | null | number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<string | null | number>(
    null,
    42,
    '/api/usagesegments?page=2',
    '//127.0.0.1/api/usagesegments',
    'ORIGIN/api/usagesegments?page=%zz',
    'ORIGIN/api/usagesegments?page=%E0%A4%A',
    'ORIGIN/api/usagesegments?page=%C0%AF',
    'ORIGIN/api/usage segments',
    'ORIGIN/api/usagesegments?\u0000',
    'ORIGIN/api/usagesegments?page=2',
    'ORIGIN/api/usagesegments?page=3#frag',
    'ORIGIN/%',
    'javascript:alert(1)',
    'data:application/json,{}',
    'file:///etc/passwd',
    'mailto:a@b',
    'http://[::1',
    'http://other.invalid/x',
    'HTTP://127.0.0.1:1/x',
    '\uD800',
    '',
  ) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `ORIGIN/api/usagesegments?p=${s}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** A header line's bytes: a name and a value of any bytes but CR and LF (those would end the header). */
const headerArb: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(
    Buffer.from('Content-Type: application/json'),
    Buffer.from('Content-Type: text/html'),
    Buffer.from('Content-Type: application/json; charset=latin1'),
    Buffer.from('WWW-Authenticate: Bearer realm="x"'),
    Buffer.concat([Buffer.from('Content-Type: application/json; x='), Buffer.from([0xff, 0xfe, 0x80])]),
    Buffer.from('Content-Type: application/\u0000json', 'latin1'),
    Buffer.from(`X-Huge: ${'a'.repeat(20_000)}`),
    Buffer.from('Location: /elsewhere'),
  ),
  fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.uint8Array({ maxLength: 100 })).map(([n, v]) => Buffer.concat([Buffer.from(`${n}: `), Buffer.from(v.filter((b) => b !== 10 && b !== 13))])),
);

type Body = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'page'; next: string | null | number; previous: string | null | number; mangle: number } | { kind: 'json'; value: unknown };

const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'bytes' as const, bytes })) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('page' as const), next: linkArb, previous: linkArb, mangle: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'json' as const, value })) },
);

interface Answer {
  readonly close: boolean;
  readonly status: number;
  readonly headers: readonly Buffer[];
  readonly body: Body;
}

const answerArb: fc.Arbitrary<Answer> = fc.record({
  close: fc.nat(9).map((n) => n === 0),
  status: fc.oneof({ weight: 5, arbitrary: fc.constant(200) }, { weight: 2, arbitrary: fc.constantFrom(401, 400, 500, 301, 204, 404, 999, 100) }),
  headers: fc.array(headerArb, { maxLength: 4 }),
  body: bodyArb,
});

function bodyBytes(body: Body, origin: string): Buffer {
  if (body.kind === 'bytes') return Buffer.from(body.bytes);
  if (body.kind === 'json') return Buffer.from(JSON.stringify(body.value) ?? 'null');
  const link = (l: string | null | number) => (typeof l === 'string' ? l.replace('ORIGIN', origin) : l);
  const segs = examplePage('2024').usage_segments;
  const page = JSON.stringify({ usage_segments: segs, next: link(body.next), previous: link(body.previous) });
  const bytes = Buffer.from(page);
  // Some pages are damaged: an invalid UTF-8 byte or a NUL inside, a byte order mark before, cut short.
  switch (body.mangle) {
    case 1:
      bytes[Math.floor(bytes.length / 2)] = 0xff;
      return bytes;
    case 2:
      bytes[Math.floor(bytes.length / 3)] = 0x00;
      return bytes;
    case 3:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 4:
      return bytes.subarray(0, Math.floor(bytes.length / 2));
    default:
      return bytes;
  }
}

function respond(socket: Socket, a: Answer, origin: string): void {
  if (a.close) return void socket.destroy();
  const body = bodyBytes(a.body, origin);
  const head = Buffer.concat([Buffer.from(`HTTP/1.1 ${a.status} X\r\n`), ...a.headers.flatMap((h) => [h, Buffer.from('\r\n')]), Buffer.from(`Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`)]);
  socket.end(Buffer.concat([head, body]));
}

/** A conformant first page (null links) most of the time, so that the crawl goes on to its probes and their walks. */
const firstArb: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Answer>({ close: false, status: 200, headers: [Buffer.from('Content-Type: application/json')], body: { kind: 'page', next: null, previous: null, mangle: 0 } }) },
  { weight: 1, arbitrary: answerArb },
);

/** The property: a crawl of a Server answering `answers` in turn (cycled). */
export async function fuzzProperty(numRuns: number): Promise<void> {
  const current: { answers: Answer[]; n: number } = { answers: [], n: 0 };
  let origin = '';
  const server = createServer((socket) => {
    socket.on('error', () => {});
    // Answer once the request head has arrived (its content does not matter).
    let got = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => {
      got = Buffer.concat([got, d]);
      if (!got.includes('\r\n\r\n')) return;
      const a = current.answers[current.n++ % Math.max(1, current.answers.length)];
      if (a === undefined) return void socket.destroy();
      respond(socket, a, origin);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await fc.assert(
      fc.asyncProperty(firstArb, fc.array(answerArb, { minLength: 1, maxLength: 6 }), fc.boolean(), async (first, rest, json) => {
        current.answers = [first, ...rest];
        current.n = 0;
        let stdout = '';
        let stderr = '';
        const args = ['crawl', `${origin}/api/usagesegments`, '--token', 'fuzz-token-0000', '--timeout-ms', '1000', '--max-pages', '4', '--quiet', ...(json ? ['--json'] : [])];
        const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: async () => Buffer.alloc(0) });
        if (code !== 0 && code !== 1) throw new Error(`exit ${code}: ${stderr}${stdout.slice(0, 2000)}`);
        if (stderr !== '') throw new Error(`stderr: ${stderr}`);
        if (json) {
          const report = JSON.parse(stdout) as { findings: { code: string }[] };
          const unknown = report.findings.filter((f) => getCrawlCode(f.code) === undefined && !RULE_CODES.has(f.code) && f.code !== 'document');
          if (unknown.length > 0) throw new Error(`unregistered codes: ${JSON.stringify(unknown.slice(0, 3))}`);
        }
      }),
      { numRuns },
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
