// The properties of the crawler's redaction, run with a bounded number of
// runs by test/crawl/redact.test.ts (`npm test`) and at length by
// test/stress/crawl-secrets.stress.ts (`npm run stress`).
//
// Whatever the token and wherever a Server echoes it, in whatever spelling
// and cut wherever, no output of the crawler (text, --json, --junit,
// progress lines, usage errors) holds the token or any six-character piece
// of it, as written or once percent-decoded, in any letter case.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { lenientDecode, PIECE, redactor } from '../../src/crawl/redact.js';
import { examplePage, JSON_TYPE, listen, pageAnswer } from './stand-in.js';

/** RFC 6750 §2.1 b64token characters. */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/';

/** Tokens: mostly b64token (what a Server issues), sometimes any text a user may pass with --token. */
export const tokenArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(fc.constantFrom(...B64), { minLength: 8, maxLength: 48 }), fc.constantFrom('', '=', '==')).map(([cs, pad]) => cs.join('') + pad) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 8, maxLength: 32 }).filter((s) => s.trim().length >= 8 && !/[\r\n]/.test(s)) },
);

/** Percent-encode every UTF-8 byte of `s`, hex digits in the case given. */
function encodeAll(s: string, upper: boolean): string {
  return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).map((e) => (upper ? e.toUpperCase() : e)).join('');
}

/** Percent-encode only the characters whose index is in `picks` (and what encodeURIComponent must). */
function encodeSome(s: string, picks: readonly boolean[]): string {
  return [...s].map((c, i) => (picks[i % picks.length] === true ? encodeAll(c, i % 2 === 0) : encodeURIComponent(c))).join('');
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The spellings a Server (or an output format) may give a token. */
export type Spelling = 'raw' | 'uri' | 'all-upper' | 'all-lower' | 'some' | 'form' | 'json' | 'xml' | 'bearer' | 'upper-case';
export const spellingArb = fc.constantFrom<Spelling>('raw', 'uri', 'all-upper', 'all-lower', 'some', 'form', 'json', 'xml', 'bearer', 'upper-case');

export function spell(token: string, how: Spelling, picks: readonly boolean[] = [true, false]): string {
  switch (how) {
    case 'raw':
      return token;
    case 'uri':
      return encodeURIComponent(token);
    case 'all-upper':
      return encodeAll(token, true);
    case 'all-lower':
      return encodeAll(token, false);
    case 'some':
      return encodeSome(token, picks);
    case 'form':
      return new URLSearchParams({ t: token }).toString().slice(2);
    case 'json':
      return JSON.stringify(token).slice(1, -1);
    case 'xml':
      return xmlEscape(token);
    case 'bearer':
      return `Bearer ${token}`;
    case 'upper-case':
      return token.toUpperCase();
  }
}

/** Every piece of the token that must never be printed: itself when shorter than six characters, else each six-character window. */
export function pieces(token: string): string[] {
  const cs = [...token];
  if (cs.length <= PIECE) return [token];
  const out = new Set<string>();
  for (let i = 0; i + PIECE <= cs.length; i++) out.add(cs.slice(i, i + PIECE).join(''));
  return [...out];
}

/** The first piece of the token found in `text` (as written or once decoded, any ASCII case), or null. */
export function leak(token: string, text: string): string | null {
  const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const views = [text, lenientDecode(text)].map(lower);
  for (const p of pieces(token)) {
    const lp = lower(p);
    if (lp.trim() === '') continue; // a piece of spaces only says nothing of the token
    if (views.some((v) => v.includes(lp))) return p;
  }
  return null;
}

/** Property 1 (the function alone): a text holding a spelling of the token, cut anywhere and wrapped for an output format, redacted. */
export function redactionProperty(numRuns: number): void {
  fc.assert(
    fc.property(
      tokenArb,
      spellingArb,
      fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
      fc.string({ maxLength: 60 }),
      fc.string({ maxLength: 60 }),
      fc.nat(),
      fc.nat(),
      fc.constantFrom('plain', 'json', 'xml'),
      (token, how, picks, before, after, cutA, cutB, format) => {
        const echoed = `${before}${spell(token, how, picks)}${after}`;
        // The excerpt a message keeps: any cut of the echo.
        const a = cutA % (echoed.length + 1);
        const b = a + (cutB % (echoed.length - a + 1));
        const excerpt = echoed.slice(a, b);
        const line = format === 'json' ? JSON.stringify({ message: `got ${excerpt}` }) : format === 'xml' ? `<failure>${xmlEscape(`got ${excerpt}`)}</failure>` : `got ${JSON.stringify(excerpt)}`;
        const out = redactor(token)(line);
        // A piece that is only in the cut-off part of a spelling was not printed; what is printed must hold none.
        const found = leak(token, out);
        if (found !== null) throw new Error(`piece ${JSON.stringify(found)} of ${JSON.stringify(token)} in ${JSON.stringify(out)}`);
      },
    ),
    { numRuns },
  );
}

/** How the crawl gets its token. */
type Source = 'option' | 'file' | 'env' | 'url';

/** What the hostile Server does with the token, request by request (cycled). */
type Echo = 'content-type' | 'body-401' | 'bad-link' | 'not-json' | 'segment-id' | 'good-link' | 'honest' | 'www-authenticate';
const echoArb = fc.constantFrom<Echo>('content-type', 'body-401', 'bad-link', 'not-json', 'segment-id', 'good-link', 'honest', 'www-authenticate');

function headerSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\u0020-\u007e]*$/.test(s) ? s : encodeURIComponent(s);
}

interface Case {
  token: string;
  echo: string;
  plan: Echo[];
  n: number;
}

/** The answer of the hostile Server to one request. */
function hostile(c: Case, origin: string, req: IncomingMessage, res: ServerResponse): void {
  const kind = c.plan[c.n++ % c.plan.length]!;
  const segs = examplePage('2024').usage_segments;
  const send = (status: number, headers: Record<string, string>, body: string) => void res.writeHead(status, headers).end(body);
  switch (kind) {
    case 'content-type':
      return send(200, { 'content-type': `text/plain; echo="${headerSafe(c.echo)}"` }, pageAnswer(segs).body);
    case 'body-401':
      return send(401, { ...JSON_TYPE, 'www-authenticate': 'Bearer realm="t"' }, c.echo);
    case 'www-authenticate':
      return send(401, { ...JSON_TYPE, 'www-authenticate': `Bearer realm="${headerSafe(c.echo)}"` }, '{"error":"invalid_token"}');
    case 'bad-link':
      return send(200, JSON_TYPE, JSON.stringify({ usage_segments: segs, next: c.echo, previous: null }));
    case 'not-json':
      return send(200, JSON_TYPE, `{"usage_segments": ${c.echo}`);
    case 'segment-id':
      return send(200, JSON_TYPE, JSON.stringify({ usage_segments: segs.map((s, i) => ({ ...s, cds_usagesegment_id: `${c.echo}${i}`, related_accounts: [c.echo] })), next: null, previous: null }));
    case 'good-link':
      return send(200, JSON_TYPE, JSON.stringify({ usage_segments: segs, next: `${origin}/p?x=${encodeURIComponent(c.echo)}&n=${c.n}`, previous: null }));
    case 'honest':
      return send(req.headers.authorization === undefined && !/access_token/i.test(req.url ?? '') ? 401 : 200, { ...JSON_TYPE, 'www-authenticate': 'Bearer' }, pageAnswer(segs).body);
  }
}

/** Property 2 (the whole CLI): a crawl against a hostile Server on 127.0.0.1 echoing the token; nothing it prints or writes holds a piece. */
export async function crawlProperty(numRuns: number): Promise<void> {
  const current: { c: Case | null } = { c: null };
  const server = await listen((req, res) => {
    const c = current.c;
    if (c === null) return void res.writeHead(503).end();
    hostile(c, server.origin, req, res);
  });
  const dir = mkdtempSync(join(tmpdir(), 'cds-crawl-secrets-'));
  try {
    await fc.assert(
      fc.asyncProperty(
        tokenArb,
        spellingArb,
        fc.string({ maxLength: 90 }),
        fc.array(echoArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<Source>('option', 'file', 'env', 'url'),
        fc.constantFrom('access_token', 'ACCESS_TOKEN', 'access%5Ftoken', 'Access_Token'),
        fc.constantFrom<Spelling>('uri', 'all-upper', 'all-lower', 'some'),
        fc.boolean(),
        async (token, how, filler, plan, source, paramName, urlSpelling, json) => {
          current.c = { token, echo: `${filler}${spell(token, how)}`, plan, n: 0 };
          const base = `${server.origin}/api/usagesegments`;
          const url = source === 'url' ? `${base}?${paramName}=${spell(token, urlSpelling)}` : base;
          const junit = join(dir, 'report.xml');
          rmSync(junit, { force: true });
          const args = ['crawl', url, '--junit', junit, '--timeout-ms', '3000', '--max-pages', '5', ...(json ? ['--json'] : [])];
          if (source === 'option') args.push('--token', token);
          if (source === 'file') {
            writeFileSync(join(dir, 'token'), `${token}\n`);
            args.push('--token-file', join(dir, 'token'));
          }
          let stdout = '';
          let stderr = '';
          const env = source === 'env' ? { CDS_TOKEN: token } : {};
          const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: async () => Buffer.alloc(0), stderrIsTTY: true, env });
          // A token read from a file is its first line, trimmed: that is the secret then.
          const secret = source === 'file' ? token.trim() : token;
          let xml = '';
          try {
            xml = readFileSync(junit, 'utf8');
          } catch {
            // no report: a usage error (checked below by the exit status)
          }
          expect(code === 2 ? stderr : 'ok').not.toMatch(/internal error/);
          for (const [name, text] of [['stdout', stdout], ['stderr', stderr], ['junit', xml]] as const) {
            const found = leak(secret, text);
            if (found !== null) throw new Error(`${name} holds ${JSON.stringify(found)} of token ${JSON.stringify(secret)}:\n${text.slice(0, 2000)}`);
          }
        },
      ),
      { numRuns },
    );
  } finally {
    current.c = null;
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
