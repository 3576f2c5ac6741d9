import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverShape, type ServerShape } from 'cds-usage-segments';
import type { Db, Model } from './db.js';
import { PageCache } from './cache.js';
import { Access } from './access.js';
import { FAULTS, type FaultName } from './faults.js';
import { listPage, PAGE_SIZE, type QueryFaults } from './listing.js';
import { type Cursor, CURSOR_PARAM, encodeCursor, type Filters, parseQuery, type SortKey } from './query.js';
import { lookupToken, type TokenGrant } from './tokens.js';

/** The path of the listing, as in the spec (`paths` of the OpenAPI document). */
export const LIST_PATH = '/api/usagesegments';

/** What a Server of the model publishes and accepts, from the checker's model registry (a model of the database is a registered one). */
export function shapeOf(model: Model): ServerShape {
  const shape = serverShape(model);
  if (shape === undefined) throw new TypeError(`unknown model ${model}`);
  return shape;
}

/**
 * Where a Client finds the listing URL. A model whose Server publishes
 * Server Metadata (2026, §5): the metadata, at the path the model registry
 * names (the OAuth well-known path). Otherwise (2024, §3.3) the Client
 * Registration Response carries `cds_usagesegments_api`; the sandbox serves
 * its one client's registration at /client.
 */
export function discoveryPath(model: Model): string {
  return shapeOf(model).metadata?.wellKnownPath ?? CLIENT_PATH;
}

/**
 * Scopes that allow listing usage segments: the model registry's
 * `listingScopes` (2024 §3.1: the usage scopes and aggregated data; 2026
 * §6.1.9, §6.2.8 define scope *types*, and the sandbox names its scopes by
 * their type). Decision: any one of them is enough.
 */
function listingScopes(model: Model): readonly string[] {
  return shapeOf(model).listingScopes;
}

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
  if (url.pathname === discoveryPath(ctx.model)) return sendJson(res, 200, discovery(ctx));
  if (url.pathname === CLIENT_PATH && shapeOf(ctx.model).metadata !== null) return sendJson(res, 200, clientObject(ctx));
  sendJson(res, 404, { error: 'not_found', error_description: `No resource at ${url.pathname}; the listing is ${LIST_PATH}.` });
}

/**
 * Where the sandbox's one Client object lives. A model whose Server publishes
 * Server Metadata (2026): a Client reads it from its Client object's
 * `cds_server_metadata` URL (2026 §5 L862, CDS-WG1-02 §5.1); the sandbox's
 * points at the well-known path, the same document for every Client.
 * Otherwise (2024): the Client Registration Response.
 */
export const CLIENT_PATH = '/client';

function clientObject(ctx: Context): Record<string, unknown> {
  return { client_id: 'sandbox', cds_server_metadata: `${ctx.origin}${discoveryPath(ctx.model)}` };
}

function discovery(ctx: Context): Record<string, unknown> {
  const api = `${ctx.origin}${LIST_PATH}`;
  if (shapeOf(ctx.model).metadata === null) return { client_id: 'sandbox', cds_usagesegments_api: api };
  return {
    issuer: ctx.origin,
    cds_customerdata_version: 'v1',
    scopes_supported: listingScopes(ctx.model),
    cds_usagesegments_api: api,
    cds_usagesegments_additional_value_types: {},
  };
}

/**
 * One listing request as it goes through the steps: what each step found,
 * for the steps after it. A step answers the request itself (and the walk
 * stops) or hands on.
 */
interface Listing {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly ctx: Context;
  /** The fault hooks switched on, in registry order. */
  readonly hooks: readonly FaultHooks[];
  grant?: TokenGrant;
  access?: Access;
  filters?: Filters;
  cursor?: Cursor | null;
  cacheKey?: string;
  bodies?: Buffer[];
  nextKey?: SortKey | null;
  previousKey?: SortKey | null;
  next?: string | null;
  previous?: string | null;
  body?: Buffer;
}

type StepResult = 'next' | 'answered';
type Step = (l: Listing) => StepResult | Promise<StepResult>;

/** The listing, step by step, in order (each step is a named function below). */
const LISTING_STEPS: readonly (readonly [string, Step])[] = [
  ['faults before the request', hooksBefore],
  ['authenticate', authenticateStep],
  ['check the scope', scopeStep],
  ['parse the query', queryStep],
  ['serve a cached page', cachedStep],
  ['faults of later pages', laterPageHooks],
  ['query the page', pageStep],
  ['link the pages', linkStep],
  ['assemble the body', assembleStep],
  ['send', sendStep],
];

async function list(req: IncomingMessage, res: ServerResponse, url: URL, ctx: Context): Promise<void> {
  ctx.cache?.sync();
  const l: Listing = { req, res, url, ctx, hooks: FAULTS.filter((f) => ctx.faults.has(f.name)).map((f) => FAULT_HOOKS[f.name]) };
  for (const [, step] of LISTING_STEPS) if ((await step(l)) === 'answered') return;
}

async function hooksBefore(l: Listing): Promise<StepResult> {
  for (const h of l.hooks) await h.beforeRequest?.();
  return 'next';
}

function authenticateStep(l: Listing): StepResult {
  const grant = authenticate(l.req, l.res, l.url, l.ctx, l.hooks);
  if (grant === null) return 'answered';
  l.grant = grant;
  l.access = new Access(l.ctx.db, grant);
  return 'next';
}

function scopeStep(l: Listing): StepResult {
  const scopes = listingScopes(l.ctx.model);
  if (l.grant!.scopes.some((s) => scopes.includes(s))) return 'next';
  const needed = scopes.join(' ');
  l.res.setHeader('WWW-Authenticate', `Bearer realm="cds", error="insufficient_scope", scope="${needed}"`);
  sendJson(l.res, 403, { error: 'insufficient_scope', error_description: `This request needs one of the scopes ${needed}.` });
  return 'answered';
}

function queryStep(l: Listing): StepResult {
  // RFC 6750 §2.3: a token in the query is a credential, not a filter.
  const search = new URLSearchParams(l.url.searchParams);
  search.delete(ACCESS_TOKEN_PARAM);
  let parsed = parseQuery(search, l.ctx.model);
  for (const h of l.hooks) if (!parsed.ok && h.badQuery !== undefined) parsed = h.badQuery(search, l.ctx.model);
  if (!parsed.ok) {
    sendJson(l.res, 400, { error: 'invalid_request', error_description: parsed.message });
    return 'answered';
  }
  l.filters = parsed.filters;
  l.cursor = parsed.cursor;
  l.cacheKey = `${JSON.stringify([...l.access!.selection])} ${search.toString()}`;
  return 'next';
}

function cachedStep(l: Listing): StepResult {
  const cached = l.ctx.cache?.get(l.cacheKey!);
  if (cached === undefined) return 'next';
  sendPage(l.res, cached, false);
  return 'answered';
}

function laterPageHooks(l: Listing): StepResult {
  if (l.cursor === null) return 'next';
  for (const h of l.hooks) if (h.laterPage?.(l) === 'answered') return 'answered';
  return 'next';
}

function pageStep(l: Listing): StepResult {
  const queryFaults: QueryFaults = Object.assign({}, ...l.hooks.map((h) => h.query ?? {})) as QueryFaults;
  const pageSize = l.hooks.reduce((n, h) => h.pageSize?.(n) ?? n, PAGE_SIZE);
  const page = listPage(l.ctx.db, l.access!, l.filters!, l.cursor!, pageSize, queryFaults);
  l.bodies = l.hooks.reduce<Buffer[]>((bodies, h) => h.bodies?.(l, bodies) ?? bodies, page.bodies);
  l.nextKey = page.nextKey;
  l.previousKey = page.previousKey;
  return 'next';
}

function linkStep(l: Listing): StepResult {
  const { origin } = l.ctx;
  let next = l.nextKey === null ? null : pageLink(origin, l.filters!, { direction: 'next', key: l.nextKey! });
  let previous = l.previousKey === null ? null : pageLink(origin, l.filters!, { direction: 'previous', key: l.previousKey! });
  for (const h of l.hooks) if (h.links !== undefined) ({ next, previous } = h.links(l, { next, previous }));
  l.next = next;
  l.previous = previous;
  return 'next';
}

function assembleStep(l: Listing): StepResult {
  // Assembled from the stored bytes: no string is built, decoded or encoded for the segments.
  const parts: Buffer[] = [PAGE_START];
  l.bodies!.forEach((b, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(b);
  });
  parts.push(Buffer.from(`],"next":${JSON.stringify(l.next)},"previous":${JSON.stringify(l.previous)}}`, 'utf8'));
  l.body = l.hooks.reduce<Buffer>((body, h) => h.body?.(l, body) ?? body, Buffer.concat(parts));
  return 'next';
}

function sendStep(l: Listing): StepResult {
  l.ctx.cache?.set(l.cacheKey!, l.body!);
  sendPage(l.res, l.body!, l.hooks.some((h) => h.servesHtml === true));
  return 'answered';
}

/**
 * Where a fault changes the listing: one entry per fault of the registry
 * (faults.ts), each naming only the hooks it uses. The steps above call the
 * hooks of the faults switched on, in registry order.
 */
interface FaultHooks {
  /** Before anything else (a delay). */
  beforeRequest?(): Promise<void>;
  /** A request without a token: a grant to use instead of the 401 (open access), or 'answered'. */
  unauthenticated?(l: { readonly req: IncomingMessage; readonly res: ServerResponse; readonly ctx: Context; readonly hasCredentials: boolean }): TokenGrant | 'answered' | undefined;
  /** A query that did not parse: parse something else instead. */
  badQuery?(search: URLSearchParams, model: Model): ReturnType<typeof parseQuery>;
  /** A page after the first: answer it some other way. */
  laterPage?(l: Listing): StepResult | undefined;
  /** How the page query misbehaves. */
  query?: QueryFaults;
  pageSize?(n: number): number;
  /** The page's segments, changed. */
  bodies?(l: Listing, bodies: Buffer[]): Buffer[];
  /** The page's links, changed. */
  links?(l: Listing, links: { next: string | null; previous: string | null }): { next: string | null; previous: string | null };
  /** The page's bytes, changed. */
  body?(l: Listing, body: Buffer): Buffer;
  /** Serve the page as text/html. */
  servesHtml?: true;
}

const isLater = (l: Listing): boolean => l.cursor !== null && l.cursor !== undefined;
const onFirst = (l: Listing, bodies: Buffer[], change: (b: Buffer) => Buffer): Buffer[] => (!isLater(l) && bodies.length > 0 ? [change(bodies[0]!), ...bodies.slice(1)] : bodies);

export const FAULT_HOOKS: Readonly<Record<FaultName, FaultHooks>> = {
  'duplicate-across-pages': { query: { repeatLastOnNextPage: true } },
  'skip-segment': { query: { skipFirstOnLaterPages: true } },
  'next-loop': { links: (l, k) => ({ ...k, next: k.next === null && isLater(l) ? pageLink(l.ctx.origin, l.filters!, null) : k.next }) },
  'cross-origin-next': { links: (l, k) => ({ ...k, next: k.next === null ? null : k.next.replace(/^http:\/\/[^/]+/, `http://localhost:${new URL(l.ctx.origin).port}`) }) },
  'bad-previous': { links: (l, k) => ({ ...k, previous: k.previous === null ? null : `${l.ctx.origin}${l.url.pathname}${l.url.search}` }) },
  unsorted: { bodies: (_l, bodies) => [...bodies].reverse() },
  'filter-after-paging': { query: { filterAfterPaging: true } },
  'before-exclusive': { query: { beforeExclusive: true } },
  'after-exclusive': { query: { afterExclusive: true } },
  'ignore-ids-filter': { query: { ignoreSegmentIds: true } },
  'open-access': {
    unauthenticated: ({ ctx, hasCredentials }) => (hasCredentials ? undefined : everything(ctx)),
  },
  'wrong-401': {
    unauthenticated: ({ res }) => {
      res.statusCode = 401;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Unauthorized');
      return 'answered';
    },
  },
  'accept-bad-filter': {
    badQuery: (search, model) => {
      const lenient = new URLSearchParams(search);
      lenient.delete('before');
      lenient.delete('after');
      return parseQuery(lenient, model);
    },
  },
  'truncated-json': { body: (l, body) => (isLater(l) ? body.subarray(0, Math.floor(body.length / 2)) : body) },
  'wrong-content-type': { servesHtml: true },
  slow: { beforeRequest: () => new Promise((r) => setTimeout(r, SLOW_MS)) },
  'oversized-body': { body: (_l, body) => Buffer.concat([body, Buffer.alloc(OVERSIZE_BYTES, 0x20)]) },
  'error-500-page-2': {
    laterPage: (l) => {
      sendJson(l.res, 500, { error: 'server_error', error_description: 'Fault error-500-page-2.' });
      return 'answered';
    },
  },
  'reset-page-2': {
    laterPage: (l) => {
      l.req.socket.destroy();
      return 'answered';
    },
  },
  'short-pages': { pageSize: (n) => n / 2 },
  'invalid-segment': { bodies: (l, bodies) => onFirst(l, bodies, dropValueSet) },
  // Only a Server that publishes Server Metadata declares value types (the fault's `needs`; `serve` refuses it elsewhere).
  'undeclared-type': { bodies: (l, bodies) => (shapeOf(l.ctx.model).metadata !== null ? onFirst(l, bodies, withUndeclaredType) : bodies) },
  'overlap-across-pages': {
    bodies: (l, bodies) => {
      if (l.cursor?.direction !== 'next' || l.filters!.echo.length > 0) return bodies;
      const copy = copyOf(l.ctx.db, l.cursor.key);
      return copy === null ? bodies : [copy, ...bodies];
    },
  },
  'leak-hidden-ids': { query: { leakHiddenIds: true } },
};

/** The open-access fault's grant: every object of every kind selected. */
function everything(ctx: Context): TokenGrant {
  const all = (kind: string) => ctx.db.prepare('SELECT DISTINCT ref FROM refs WHERE kind = ?').pluck().all(kind) as string[];
  return {
    accounts: all('account'),
    servicecontracts: all('servicecontract'),
    servicepoints: all('servicepoint'),
    meterdevices: all('meterdevice'),
    aggregations: all('aggregation'),
    scopes: listingScopes(ctx.model),
  };
}

function sendPage(res: ServerResponse, body: Buffer, asHtml: boolean): void {
  res.writeHead(200, {
    'Content-Type': asHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** RFC 6750 §2.3: the query parameter that carries a token instead of the Authorization header. */
export const ACCESS_TOKEN_PARAM = 'access_token';

/**
 * The token's grant, or null after answering 401 (RFC 6750 §3: a Bearer
 * challenge and an OAuth error body). The token comes in the Authorization
 * header or, as RFC 6750 §2.3 lets a Server accept (and discourages), in the
 * `access_token` query parameter; not both (§2).
 */
function authenticate(req: IncomingMessage, res: ServerResponse, url: URL, ctx: Context, hooks: readonly FaultHooks[]): TokenGrant | null {
  const header = req.headers.authorization;
  const inQuery = url.searchParams.getAll(ACCESS_TOKEN_PARAM);
  const match = header === undefined ? null : /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  const token = header !== undefined ? match?.[1] : inQuery.length === 1 ? inQuery[0] : undefined;
  const grant = token === undefined ? null : ctx.cache !== null ? ctx.cache.grant(token, (t) => lookupToken(ctx.db, t)) : lookupToken(ctx.db, token);
  if (grant !== null && !(header !== undefined && inQuery.length > 0)) return grant;
  const hasCredentials = header !== undefined || inQuery.length > 0;
  for (const h of hooks) {
    const instead = h.unauthenticated?.({ req, res, ctx, hasCredentials });
    if (instead === 'answered') return null;
    if (instead !== undefined) return instead;
  }
  const description = hasCredentials ? 'The access token is not valid.' : 'This request needs a Bearer access token.';
  // RFC 6750 §3.1: a request without credentials gets a challenge without an error code, and
  // `invalid_token` is the code of a token that is not valid. The body is an OAuth error body on both
  // 401s (decision: the drafts define no 401 body; Clients and the crawler's `auth-body` check read one
  // shape, `{"error": …}`), and it names `invalid_token` exactly when the challenge does: without
  // credentials it says `invalid_request` (RFC 6749 §5.2: a required parameter is missing).
  const error = hasCredentials ? 'invalid_token' : 'invalid_request';
  res.setHeader('WWW-Authenticate', hasCredentials ? `Bearer realm="cds", error="${error}", error_description="${description}"` : 'Bearer realm="cds"');
  sendJson(res, 401, { error, error_description: description });
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
