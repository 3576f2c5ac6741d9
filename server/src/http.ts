import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db, Model } from './db.js';
import { PageCache } from './cache.js';
import type { FaultName } from './faults.js';
import { listPage, PAGE_SIZE, type QueryFaults } from './listing.js';
import { CURSOR_PARAM, encodeCursor, type Filters, parseQuery, type SortKey } from './query.js';
import { lookupToken, type TokenGrant } from './tokens.js';

/** The path of the listing, as in the spec (`paths` of the OpenAPI document). */
export const LIST_PATH = '/api/usagesegments';

/**
 * Where a Client finds the listing URL. 2024 (§3.3): the Client Registration
 * Response carries `cds_usagesegments_api`; the sandbox serves its one
 * client's registration at /client. 2026 (§5): Server Metadata at the OAuth
 * well-known path.
 */
export const DISCOVERY_PATH: Readonly<Record<Model, string>> = {
  '2024': '/client',
  '2026': '/.well-known/oauth-authorization-server',
};

/**
 * Scopes that allow listing usage segments. 2024 (§3.1): the usage scopes
 * and aggregated data. 2026 (§6.1.9, §6.2.8) defines scope *types*; the
 * sandbox names its scopes by their type. Decision: any one of them is enough.
 */
export const LISTING_SCOPES: Readonly<Record<Model, readonly string[]>> = {
  '2024': ['cds_usage_basic', 'cds_usage_detailed', 'cds_aggregation_data'],
  '2026': ['cds_usage', 'cds_query_usage'],
};

export interface ServerOptions {
  readonly db: Db;
  readonly model: Model;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (a free port). */
  readonly port?: number;
  /** Origin used in next/previous links instead of the listening address (behind a proxy). */
  readonly publicOrigin?: string;
  readonly faults?: Iterable<FaultName>;
  /** Reuse rendered pages while the data is unchanged (default true; never with faults). */
  readonly cache?: boolean;
}

export interface RequestRecord {
  readonly host: string | undefined;
  readonly path: string;
  readonly authorized: boolean;
}

export interface RunningServer {
  /** The absolute listing URL. */
  readonly url: string;
  readonly origin: string;
  /** Recent requests (at most 10,000), for tests: which Host, whether a token came. */
  readonly requests: RequestRecord[];
  close(): Promise<void>;
}

const MAX_RECORDS = 10_000;
const SLOW_MS = 2000;
const OVERSIZE_BYTES = 2 * 1024 * 1024;
const PAGE_START = Buffer.from('{"usage_segments":[', 'utf8');
const COMMA = Buffer.from(',', 'utf8');

/** Start the Server; resolves once it accepts connections. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const faults = new Set<FaultName>(options.faults ?? []);
  const requests: RequestRecord[] = [];
  // No cache while faults are on: several of them depend on more than the query.
  const cache = faults.size === 0 && options.cache !== false ? new PageCache(options.db) : null;
  let origin = '';
  // Built once the listening address is known (before that no request can name it).
  let context: Context | null = null;
  const server: Server = createServer((req, res) => {
    // Dropped in halves, not one by one: shifting a full array on every request would cost O(n) each time.
    if (requests.length >= MAX_RECORDS) requests.splice(0, MAX_RECORDS / 2);
    requests.push({ host: req.headers.host, path: req.url ?? '', authorized: req.headers.authorization !== undefined });
    const ctx = context ?? { ...options, faults, cache, origin: options.publicOrigin ?? origin };
    handle(req, res, ctx).catch((e: unknown) => {
      // A bug, not bad input: log it, answer 500 once.
      process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: 'The server failed; see its log.' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  origin = `http://${hostPart}:${addr.port}`;
  const publicOrigin = options.publicOrigin ?? origin;
  context = { ...options, faults, cache, origin: publicOrigin };
  return {
    url: `${publicOrigin}${LIST_PATH}`,
    origin: publicOrigin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Context extends Omit<ServerOptions, 'cache'> {
  readonly faults: ReadonlySet<FaultName>;
  readonly cache: PageCache | null;
  readonly origin: string;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    sendJson(res, 405, { error: 'invalid_request', error_description: 'Only GET is supported.' });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://server.invalid');
  if (url.pathname === LIST_PATH) return list(req, res, url, ctx);
  if (url.pathname === DISCOVERY_PATH[ctx.model]) return sendJson(res, 200, discovery(ctx));
  sendJson(res, 404, { error: 'not_found', error_description: `No resource at ${url.pathname}; the listing is ${LIST_PATH}.` });
}

function discovery(ctx: Context): Record<string, unknown> {
  const api = `${ctx.origin}${LIST_PATH}`;
  if (ctx.model === '2024') return { client_id: 'sandbox', cds_usagesegments_api: api };
  return {
    issuer: ctx.origin,
    cds_customerdata_version: 'v1',
    scopes_supported: LISTING_SCOPES['2026'],
    cds_usagesegments_api: api,
    cds_usagesegments_additional_value_types: {},
  };
}

async function list(req: IncomingMessage, res: ServerResponse, url: URL, ctx: Context): Promise<void> {
  const { db, faults } = ctx;
  if (faults.has('slow')) await new Promise((r) => setTimeout(r, SLOW_MS));
  ctx.cache?.sync();
  const grant = authenticate(req, res, ctx);
  if (grant === null) return;
  if (!grant.scopes.some((s) => LISTING_SCOPES[ctx.model].includes(s))) {
    const needed = LISTING_SCOPES[ctx.model].join(' ');
    res.setHeader('WWW-Authenticate', `Bearer realm="cds", error="insufficient_scope", scope="${needed}"`);
    sendJson(res, 403, { error: 'insufficient_scope', error_description: `This request needs one of the scopes ${needed}.` });
    return;
  }
  let parsed = parseQuery(url.searchParams);
  if (!parsed.ok && faults.has('accept-bad-filter')) {
    const lenient = new URLSearchParams(url.searchParams);
    lenient.delete('before');
    lenient.delete('after');
    parsed = parseQuery(lenient);
  }
  if (!parsed.ok) {
    sendJson(res, 400, { error: 'invalid_request', error_description: parsed.message });
    return;
  }
  const { filters, cursor } = parsed;
  const cacheKey = `${JSON.stringify(grant.accounts)} ${url.search}`;
  const cached = ctx.cache?.get(cacheKey);
  if (cached !== undefined) {
    sendPage(res, cached, false);
    return;
  }
  const laterPage = cursor !== null;
  if (laterPage && faults.has('error-500-page-2')) {
    sendJson(res, 500, { error: 'server_error', error_description: 'Fault error-500-page-2.' });
    return;
  }
  if (laterPage && faults.has('reset-page-2')) {
    req.socket.destroy();
    return;
  }
  const queryFaults: QueryFaults = {
    beforeExclusive: faults.has('before-exclusive'),
    afterExclusive: faults.has('after-exclusive'),
    ignoreSegmentIds: faults.has('ignore-ids-filter'),
    filterAfterPaging: faults.has('filter-after-paging'),
    skipFirstOnLaterPages: faults.has('skip-segment'),
    repeatLastOnNextPage: faults.has('duplicate-across-pages'),
  };
  const pageSize = faults.has('short-pages') ? PAGE_SIZE / 2 : PAGE_SIZE;
  const page = listPage(db, grant.accounts, filters, cursor, pageSize, queryFaults);
  let bodies = page.bodies;
  if (faults.has('unsorted')) bodies = [...bodies].reverse();
  if (faults.has('invalid-segment') && !laterPage && bodies.length > 0) bodies = [dropValueSet(bodies[0]!), ...bodies.slice(1)];
  if (faults.has('undeclared-type') && ctx.model === '2026' && !laterPage && bodies.length > 0) bodies = [withUndeclaredType(bodies[0]!), ...bodies.slice(1)];
  if (faults.has('overlap-across-pages') && cursor?.direction === 'next' && filters.echo.length === 0) {
    const copy = copyOf(db, cursor.key);
    if (copy !== null) bodies = [copy, ...bodies];
  }
  let next = page.nextKey === null ? null : pageLink(ctx.origin, filters, { direction: 'next', key: page.nextKey });
  let previous = page.previousKey === null ? null : pageLink(ctx.origin, filters, { direction: 'previous', key: page.previousKey });
  if (faults.has('next-loop') && next === null && laterPage) next = pageLink(ctx.origin, filters, null);
  if (faults.has('cross-origin-next') && next !== null) next = next.replace(/^http:\/\/[^/]+/, `http://localhost:${new URL(ctx.origin).port}`);
  if (faults.has('bad-previous') && previous !== null) previous = `${ctx.origin}${url.pathname}${url.search}`;
  // Assembled from the stored bytes: no string is built, decoded or encoded for the segments.
  const parts: Buffer[] = [PAGE_START];
  bodies.forEach((b, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(b);
  });
  parts.push(Buffer.from(`],"next":${JSON.stringify(next)},"previous":${JSON.stringify(previous)}}`, 'utf8'));
  if (faults.has('oversized-body')) parts.push(Buffer.alloc(OVERSIZE_BYTES, 0x20));
  let body = Buffer.concat(parts);
  if (laterPage && faults.has('truncated-json')) body = body.subarray(0, Math.floor(body.length / 2));
  ctx.cache?.set(cacheKey, body);
  sendPage(res, body, faults.has('wrong-content-type'));
}

function sendPage(res: ServerResponse, body: Buffer, asHtml: boolean): void {
  res.writeHead(200, {
    'Content-Type': asHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** The token's grant, or null after answering 401 (RFC 6750 §3: a Bearer challenge and an OAuth error body). */
function authenticate(req: IncomingMessage, res: ServerResponse, ctx: Context): TokenGrant | null {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  const token = match?.[1];
  const grant = token === undefined ? null : ctx.cache !== null ? ctx.cache.grant(token, (t) => lookupToken(ctx.db, t)) : lookupToken(ctx.db, token);
  if (grant !== null) return grant;
  if (header === undefined && ctx.faults.has('open-access')) {
    const accounts = ctx.db.prepare("SELECT DISTINCT ref FROM refs WHERE kind = 'account'").pluck().all() as string[];
    return { accounts, scopes: LISTING_SCOPES[ctx.model] };
  }
  if (ctx.faults.has('wrong-401')) {
    res.statusCode = 401;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Unauthorized');
    return null;
  }
  const description = header === undefined ? 'This request needs a Bearer access token.' : 'The access token is not valid.';
  // RFC 6750 §3.1: a request without credentials gets a challenge without an error code. The body is
  // an OAuth error body on both 401s (decision: the drafts define no 401 body; Clients and the crawler's
  // `auth-body` check read one shape, `{"error": …}`, whatever the reason for the 401).
  res.setHeader('WWW-Authenticate', header === undefined ? 'Bearer realm="cds"' : `Bearer realm="cds", error="invalid_token", error_description="${description}"`);
  sendJson(res, 401, { error: 'invalid_token', error_description: description });
  return null;
}

/** An absolute, same-origin link to a page: the request's filters, then the cursor. Spaces are %20. */
function pageLink(origin: string, filters: Filters, cursor: { direction: 'next' | 'previous'; key: SortKey } | null): string {
  const pairs = filters.echo.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  if (cursor !== null) pairs.push(`${CURSOR_PARAM}=${encodeCursor(cursor)}`);
  return `${origin}${LIST_PATH}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/** The first value set loses its last value, so its length no longer matches the formats. */
function dropValueSet(body: Buffer): Buffer {
  const segment = JSON.parse(body.toString('utf8')) as { values?: unknown[] };
  const first = Array.isArray(segment.values) ? segment.values[0] : undefined;
  if (Array.isArray(first)) first.pop();
  return Buffer.from(JSON.stringify(segment), 'utf8');
}

/** The type of the `undeclared-type` fault: prefixed as the draft recommends for a Server's own types, but missing from the metadata. */
export const UNDECLARED_TYPE = 'sandbox_undeclared_reading';

/** A 2026 segment gains a column of a type the Server Metadata does not describe (one value per value set, so the rest stays valid). */
function withUndeclaredType(body: Buffer): Buffer {
  const segment = JSON.parse(body.toString('utf8')) as { formats?: unknown[]; values?: unknown[] };
  if (!Array.isArray(segment.formats) || !Array.isArray(segment.values)) return body;
  segment.formats.push({ id: 'sandbox-undeclared', type: UNDECLARED_TYPE });
  for (const set of segment.values) if (Array.isArray(set)) set.push({ v: 0 });
  return Buffer.from(JSON.stringify(segment), 'utf8');
}

function copyOf(db: Db, key: SortKey): Buffer | null {
  const body = db.prepare('SELECT body FROM segments WHERE id = ?').pluck().get(key[5]) as Buffer | undefined;
  if (body === undefined) return null;
  const segment = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  segment.cds_usagesegment_id = `${String(segment.cds_usagesegment_id)}-copy`;
  return Buffer.from(JSON.stringify(segment), 'utf8');
}
