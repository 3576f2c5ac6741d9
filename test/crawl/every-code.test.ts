// Every code of the crawler's registry is triggered here by a Server that
// misbehaves in exactly that way: a stand-in Server (node:http, 127.0.0.1,
// port 0) answers the gap example honestly except for the answers a scenario
// bends. The table is typed by the registry (`Record<CrawlCodeName, …>`) and
// checked against it at run time, so a new code without a scenario fails
// both the type check and this file. Each scenario states the code's level
// and every code the crawl must report (nothing more), so a code that moves
// level, stops firing or starts firing elsewhere fails here.
import type { IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRAWL_CODES, type CrawlCodeName, type CrawlLevel } from '../../src/crawl/codes.js';
import { crawl, type CrawlOptions, type CrawlReport } from '../../src/index.js';
import { type Answer, examplePage, honestAnswer, listen, pageAnswer, type Page, send, type StandIn, TOKEN } from './stand-in.js';

interface Request {
  /** The request URL, path and query, on the stand-in's origin. */
  readonly url: URL;
  /** The scenario's listing URL (absolute). */
  readonly base: string;
  /** The conformant answer to this request. */
  readonly honest: Answer;
  /** The page the scenario lists. */
  readonly page: Page;
}

interface Scenario {
  /** The level the finding must have. */
  readonly level: CrawlLevel;
  /** Every code the crawl reports (the scenario's own, and what follows from it). */
  readonly codes: readonly string[];
  /** The model of the example page listed (default 2024). */
  readonly model?: '2024' | '2026';
  /** Crawl options besides the URL and the token. */
  readonly options?: Partial<CrawlOptions>;
  /** The bent answer to an authorized request, or undefined for the honest one; 'reset' destroys the connection. */
  readonly serve?: (r: Request) => Answer | 'reset' | undefined;
  /** The crawl gives the token in the listing URL's query (`access_token`, RFC 6750 §2.3) instead of the option. */
  readonly tokenInUrl?: true;
  /** The answer to a request without the token (default: the honest 401). */
  readonly unauthorized?: (r: Request) => Answer;
}

/** Page n (1 or 2) of a two-page listing, 0 for any other request (filtered, a probe). */
function pageNo(u: URL): number {
  return u.search === '' ? 1 : u.search === '?page=2' ? 2 : 0;
}

const NO_PROBES = { probes: false } as const;

/** The 2026 gap example's own warning, whatever the scenario: 2026 has no gap segment, so its missing hour is a timeline hole. */
const HOLE_2026 = ['timeline-hole'] as const;

/** What the checker says of the backwards page, by its own codes. */
const TOO_MANY_CHECKER = [] as const;

/** `n` copies of `seg`, one hour each, listed latest first. */
function backwards(seg: Record<string, unknown>, n: number): Record<string, unknown>[] {
  const t0 = Date.parse('2024-03-01T00:00:00Z');
  const hour = 3_600_000;
  return Array.from({ length: n }, (_, i) => {
    const start = t0 + (n - 1 - i) * hour;
    return { ...seg, cds_usagesegment_id: `seg-${i}`, segment_start: new Date(start).toISOString().replace('.000', ''), segment_end: new Date(start + hour).toISOString().replace('.000', '') };
  });
}

function withoutEnd({ segment_end: _dropped, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return rest;
}

function exampleMetadata2026(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'spec/2026/examples/server-metadata.json'), 'utf8')) as Record<string, unknown>;
}

function withoutVersion({ cds_customerdata_version: _dropped, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return rest;
}

const SCENARIOS = {
  // 25 segments without segment_end: the checker's 25 schema errors, the first 20 listed, document counting the other 5.
  document: {
    level: 'error',
    codes: ['document', 'schema'],
    options: NO_PROBES,
    serve: ({ url, page }) => (pageNo(url) === 1 ? pageAnswer(Array.from({ length: 25 }, (_, i) => withoutEnd({ ...page.usage_segments[1]!, cds_usagesegment_id: `seg-${i}` }))) : undefined),
  },
  transport: { level: 'error', codes: ['transport'], serve: () => 'reset' },
  'http-status': { level: 'error', codes: ['http-status'], serve: () => ({ status: 503, headers: { 'content-type': 'application/json' }, body: '{"error":"temporarily_unavailable"}' }) },
  'content-type': { level: 'error', codes: ['content-type'], options: NO_PROBES, serve: ({ honest }) => ({ ...honest, headers: { 'content-type': 'text/html' } }) },
  'content-type-missing': { level: 'warning', codes: ['content-type-missing'], options: NO_PROBES, serve: ({ honest }) => ({ ...honest, headers: {} }) },
  'not-json': { level: 'error', codes: ['not-json'], serve: ({ honest }) => ({ ...honest, body: honest.body.slice(0, 40) }) },
  'body-too-large': { level: 'error', codes: ['body-too-large'], options: { maxBodyBytes: 200 } },
  // A relative next: a Client cannot follow it, so the rest of the listing is unknown (the filter probes need it whole); the checker's schema says `next` is a URI too.
  'link-format': { level: 'error', codes: ['link-format', 'schema'], serve: ({ url, page }) => (pageNo(url) === 1 ? pageAnswer(page.usage_segments, '/link-format/api/usagesegments?page=2') : undefined) },
  'link-origin': { level: 'error', codes: ['link-origin'], serve: ({ url, page }) => (pageNo(url) === 1 ? pageAnswer(page.usage_segments, 'http://other.invalid/api/usagesegments?page=2') : undefined) },
  'link-loop': {
    level: 'error',
    codes: ['link-loop', 'page-size'],
    options: NO_PROBES,
    serve: ({ url, base, page: { usage_segments: s } }) => (pageNo(url) === 1 ? pageAnswer(s.slice(0, 1), `${base}?page=2`) : pageNo(url) === 2 ? pageAnswer(s.slice(1), base, base) : undefined),
  },
  'previous-link': { level: 'error', codes: ['previous-link'], serve: ({ url, base, page }) => (pageNo(url) === 1 ? pageAnswer(page.usage_segments, null, `${base}?page=0`) : undefined) },
  'duplicate-across-pages': {
    level: 'error',
    codes: ['duplicate-across-pages', 'page-size'],
    options: NO_PROBES,
    serve: ({ url, base, page: { usage_segments: s } }) => (pageNo(url) === 1 ? pageAnswer(s.slice(0, 2), `${base}?page=2`) : pageNo(url) === 2 ? pageAnswer(s.slice(1), null, base) : undefined),
  },
  // The unfiltered listing leaves out the last segment; the filtered listings still have it.
  'incomplete-listing': { level: 'error', codes: ['incomplete-listing'], serve: ({ url, page }) => (pageNo(url) === 1 ? pageAnswer(page.usage_segments.slice(0, 2)) : undefined) },
  order: { level: 'error', codes: ['order'], serve: ({ url, page: { usage_segments: s } }) => (pageNo(url) === 1 ? pageAnswer([s[1]!, s[0]!, s[2]!]) : undefined) },
  // `after` ignored: the whole listing comes back.
  filter: { level: 'error', codes: ['filter'], serve: ({ url, page }) => (url.searchParams.has('after') ? pageAnswer(page.usage_segments) : undefined) },
  'malformed-filter': { level: 'warning', codes: ['malformed-filter'], serve: ({ url, page }) => (url.searchParams.get('before') === 'not-a-date' ? pageAnswer(page.usage_segments) : undefined) },
  // Open access: a request without a token (or with a bad one) gets the listing.
  auth: { level: 'error', codes: ['auth'], unauthorized: ({ page }) => pageAnswer(page.usage_segments) },
  'auth-body': { level: 'warning', codes: ['auth-body'], unauthorized: () => ({ status: 401, headers: { 'www-authenticate': 'Bearer realm="t"', 'content-type': 'text/plain' }, body: 'Unauthorized' }) },
  // The example's Server Metadata without the required cds_customerdata_version (its value types still declared).
  'server-metadata': { level: 'error', codes: ['server-metadata', ...HOLE_2026], model: '2026', options: { ...NO_PROBES, serverMetadata: withoutVersion(exampleMetadata2026()) } },
  // The stand-in has no /.well-known/oauth-authorization-server (404).
  'server-metadata-unread': { level: 'warning', codes: ['server-metadata-unread', ...HOLE_2026], model: '2026', options: NO_PROBES },
  'page-limit': {
    level: 'warning',
    codes: ['page-limit', 'page-size'],
    options: { ...NO_PROBES, maxPages: 1 },
    serve: ({ url, base, page: { usage_segments: s } }) => (pageNo(url) === 1 ? pageAnswer(s.slice(0, 1), `${base}?page=2`) : pageNo(url) === 2 ? pageAnswer(s.slice(1), null, base) : undefined),
  },
  'page-size': {
    level: 'warning',
    codes: ['page-size'],
    options: NO_PROBES,
    serve: ({ url, base, page: { usage_segments: s } }) => (pageNo(url) === 1 ? pageAnswer(s.slice(0, 1), `${base}?page=2`) : pageNo(url) === 2 ? pageAnswer(s.slice(1), null, base) : undefined),
  },
  // More findings than the cap: one page of 1002 segments of one meter listed latest first gives 1001 order errors (and the checker's own problems).
  // The token only in the URL: a conformant Server otherwise, so the warning alone (the probes without a token drop it from the URL).
  'token-in-url': { level: 'warning', codes: ['token-in-url'], tokenInUrl: true },
  'findings-omitted': { level: 'warning', codes: ['findings-omitted', 'order', ...TOO_MANY_CHECKER], options: NO_PROBES, serve: ({ url, page }) => (pageNo(url) === 1 ? pageAnswer(backwards(page.usage_segments[1]!, 1002)) : undefined) },
} as const satisfies Record<CrawlCodeName, Scenario>;

const PAGES = { '2024': examplePage('2024'), '2026': examplePage('2026') };
let server: StandIn;

/** Nothing bent: the baseline every scenario departs from. */
const CONFORMANT: Scenario = { level: 'error', codes: [] };

/** Scenario `/<code>/api/usagesegments` (`/conformant/…`: nothing bent); anything else 404. */
function answer(req: IncomingMessage): Answer | 'reset' {
  const url = new URL(req.url ?? '/', 'http://x');
  const [, name, ...rest] = url.pathname.split('/');
  const scenario: Scenario | undefined = name === 'conformant' ? CONFORMANT : (SCENARIOS as Record<string, Scenario>)[name ?? ''];
  if (scenario === undefined || rest.join('/') !== 'api/usagesegments') return { status: 404, headers: { 'content-type': 'application/json' }, body: '{"error":"not_found"}' };
  const page = PAGES[scenario.model ?? '2024'];
  // RFC 6750 §2.3: a token in the query counts as the Authorization header.
  const fromQuery = url.searchParams.get('access_token');
  const auth = req.headers.authorization ?? (fromQuery === null ? undefined : `Bearer ${fromQuery}`);
  const r: Request = { url, base: `${server.origin}/${name}/api/usagesegments`, honest: honestAnswer(page, req.url ?? '/', auth), page };
  if (auth !== `Bearer ${TOKEN}`) return scenario.unauthorized?.(r) ?? r.honest;
  return scenario.serve?.(r) ?? r.honest;
}

beforeAll(async () => {
  server = await listen((req, res) => {
    const a = answer(req);
    if (a === 'reset') return void req.socket.destroy();
    send(res, a);
  });
});
afterAll(() => server.close());

function crawlScenario(name: string, scenario: Scenario): Promise<CrawlReport> {
  const url = `${server.origin}/${name}/api/usagesegments`;
  if (scenario.tokenInUrl === true) return crawl({ url: `${url}?access_token=${TOKEN}`, timeoutMs: 5000, ...scenario.options });
  return crawl({ url, token: TOKEN, timeoutMs: 5000, ...scenario.options });
}

const distinct = (r: CrawlReport) => [...new Set(r.findings.map((f) => f.code))].sort();

describe('every crawler code is triggered by a stand-in Server', () => {
  it('the table has one scenario per code of the registry, and no other', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(CRAWL_CODES.map((c) => c.code).sort());
  });

  it('the stand-in answers a conformant listing honestly: no finding without a bent answer', async () => {
    const r = await crawlScenario('conformant', CONFORMANT);
    expect(r.findings).toEqual([]);
    expect(r.conformant).toBe(true);
  });

  it.each(Object.entries(SCENARIOS) as [CrawlCodeName, Scenario][])('%s', async (code, scenario) => {
    const r = await crawlScenario(code, scenario);
    expect(distinct(r)).toEqual([...scenario.codes].sort());
    const mine = r.findings.filter((f) => f.code === code);
    expect(mine.length).toBeGreaterThan(0);
    for (const f of mine) expect(f.level).toBe(scenario.level);
    // An error fails the crawl; warnings alone leave it conformant.
    expect(r.conformant).toBe(!r.findings.some((f) => f.level === 'error'));
    if (scenario.level === 'error') expect(r.conformant).toBe(false);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
  });

  it('link-format also for an absolute link that is not http(s)', async () => {
    const r = await crawl({ url: `${server.origin}/conformant/api/usagesegments`, token: TOKEN, probes: false, fetch: bend((body) => ({ ...body, next: 'ftp://127.0.0.1/page2' })) });
    expect(r.findings.map((f) => [f.code, f.level, f.message])).toEqual([['link-format', 'error', 'next is not an http(s) URL: "ftp://127.0.0.1/page2"']]);
  });
});

/** The global fetch, with the first page's JSON changed by `change`. */
function bend(change: (page: Record<string, unknown>) => Record<string, unknown>): typeof fetch {
  return (async (...args: Parameters<typeof fetch>) => {
    const res = await fetch(...args);
    const page = (await res.json()) as Record<string, unknown>;
    return new Response(JSON.stringify(change(page)), { status: res.status, headers: res.headers });
  }) as typeof fetch;
}

describe('findings beyond the cap', () => {
  it('an error past the first 1000 findings still fails the crawl, and the last finding counts it', async () => {
    // 600 one-segment pages without Content-Type (a warning each, and page-size for all but the last), open to anyone:
    // the auth error comes after the walk, so past the cap. Filtered listings answer 404 (errors past the cap too).
    const example = examplePage('2024').usage_segments[1]!;
    const base = 'http://listing.test/api/usagesegments';
    const n = 600;
    const fake = (async (input: Parameters<typeof fetch>[0]) => {
      const u = new URL(String(input));
      const k = u.search === '' ? 1 : /^\?page=(\d+)$/.test(u.search) ? Number(u.searchParams.get('page')) : 0;
      if (k === 0) return new Response('{"error":"not_found"}', { status: 404, headers: { 'content-type': 'application/json' } });
      const body = { usage_segments: backwards(example, n).slice(n - k, n - k + 1), next: k < n ? `${base}?page=${k + 1}` : null, previous: k === 1 ? null : k === 2 ? base : `${base}?page=${k - 1}` };
      return new Response(new TextEncoder().encode(JSON.stringify(body)));
    }) as typeof fetch;
    const r = await crawl({ url: base, token: TOKEN, fetch: fake });
    expect(r.findings).toHaveLength(1001);
    expect(r.findings.slice(0, 1000).filter((f) => f.level === 'error')).toEqual([]);
    expect(r.omittedErrors).toBeGreaterThan(0);
    expect(r.conformant).toBe(false);
    const last = r.findings[1000]!;
    expect(last).toEqual({
      code: 'findings-omitted',
      level: 'warning',
      url: base,
      message: `${r.omittedFindings} more findings not listed (${r.omittedErrors} errors, ${r.omittedFindings - r.omittedErrors} warnings); fix the listed ones and crawl again`,
    });
  });
});
