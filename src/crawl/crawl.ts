/**
 * The crawler: reads a Server's whole listing as a Client would, page by
 * page, and checks what no single response can show — the links, the
 * listing's order and uniqueness across pages, the timeline across pages,
 * the filters against the unfiltered listing, and authorization. Document
 * problems inside a page come from the package's public checker (`validate`).
 *
 * Bounded: at most `maxPages` pages per listing walk, a request budget for
 * the probes, a deadline per request and for the whole crawl, a cap on each
 * body read and on the findings kept. The token goes only to the listing's
 * origin and is redacted from every message.
 */
import { parseDateTime, validate } from '../index.js';
import { CRAWL_CODES, getCrawlCode, type CrawlLevel } from './codes.js';
import { createFetcher, type Fetcher } from './fetcher.js';

export type CrawlModel = 'auto' | '2024' | '2026';

export interface CrawlOptions {
  /** The Server's usage segments endpoint (absolute http or https URL). */
  readonly url: string;
  readonly token?: string;
  /** Pages per listing walk (default 1000). */
  readonly maxPages?: number;
  /** Deadline of one request, headers and body (default 30,000). */
  readonly timeoutMs?: number;
  /** Largest page body read (default 16 MiB). */
  readonly maxBodyBytes?: number;
  /** Deadline of the whole crawl (default 10 minutes). */
  readonly maxDurationMs?: number;
  /** `auto` (default): from the first page (`formats` → 2026, `format` → 2024). */
  readonly model?: CrawlModel;
  /** Filter, malformed-filter and auth probes (default true). */
  readonly probes?: boolean;
  /** Progress lines (already redacted). */
  readonly onProgress?: (line: string) => void;
  /** The fetch to use (tests, benchmarks); default the global one. */
  readonly fetch?: typeof fetch;
}

export interface CrawlFinding {
  readonly code: string;
  readonly level: CrawlLevel;
  readonly url: string;
  readonly message: string;
  /** JSON Pointer into the page, for document problems. */
  readonly path?: string;
}

export interface CrawlCheck {
  /** A crawler code, or `document` for the checker's problems inside pages. */
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  /** Why a check was skipped. */
  readonly reason?: string;
}

export interface CrawlReport {
  readonly conformant: boolean;
  readonly url: string;
  readonly model: '2024' | '2026' | 'unknown';
  readonly pages: number;
  readonly segments: number;
  readonly requests: number;
  readonly durationMs: number;
  readonly findings: CrawlFinding[];
  /** Findings beyond the cap, counted only. */
  readonly omittedFindings: number;
  /** One entry per check (each crawler code, and `document`). */
  readonly checks: CrawlCheck[];
}

export const CRAWL_DEFAULTS = { maxPages: 1000, timeoutMs: 30_000, maxBodyBytes: 16 * 1024 * 1024, maxDurationMs: 600_000 } as const;

/** The draft lets a Server truncate only listings of more than this many segments. */
const FULL_PAGE = 100;
const MAX_FINDINGS = 1000;
/** Pages whose `previous` link is followed and compared (each costs one request). */
const PREVIOUS_CHECKS = 10;
/** Segments kept (without values) for the timeline across pages. */
const MAX_TIMELINE_SEGMENTS = 100_000;
const CHECKER_PROBLEMS_PER_PAGE = 20;

/** What the crawler keeps of each segment: ids and times, no values. */
interface Summary {
  readonly id: string;
  readonly page: number;
  readonly start: number;
  readonly end: number;
  readonly startRaw: string;
  readonly endRaw: string;
  readonly modified: number;
  readonly refs: Readonly<Record<RefField, readonly string[]>>;
}

const REF_FIELDS = ['related_aggregations', 'related_accounts', 'related_servicecontracts', 'related_servicepoints', 'related_meterdevices', 'related_billsections'] as const;
type RefField = (typeof REF_FIELDS)[number];

/** The draft's id filters and the segment field each matches. */
const ID_FILTERS: readonly (readonly [string, RefField])[] = [
  ['cds_account_ids', 'related_accounts'],
  ['cds_servicecontract_ids', 'related_servicecontracts'],
  ['cds_servicepoint_ids', 'related_servicepoints'],
  ['cds_meterdevice_ids', 'related_meterdevices'],
  ['cds_billsection_ids', 'related_billsections'],
];
/** Number filters: the numbers are not in segments, so only a number nobody has is probed (the listing must be empty). */
const NUMBER_FILTERS = ['account_numbers', 'contract_numbers', 'servicepoint_numbers', 'meter_numbers'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Replace every occurrence of the token (and a URL's access_token parameter) with [REDACTED]. */
export function redactor(token: string | undefined): (s: string) => string {
  return (s) => {
    let out = s.replace(/([?&]access_token=)[^&#\s]*/gi, '$1[REDACTED]');
    if (token !== undefined && token.length > 0) out = out.split(token).join('[REDACTED]');
    return out;
  };
}

class Findings {
  readonly list: CrawlFinding[] = [];
  omitted = 0;
  readonly counts = new Map<string, number>();
  constructor(private readonly redact: (s: string) => string) {}
  add(code: string, url: string, message: string, level?: CrawlLevel, path?: string): void {
    const lvl = level ?? getCrawlCode(code)?.level ?? 'error';
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    if (this.list.length >= MAX_FINDINGS) {
      this.omitted++;
      return;
    }
    const f: CrawlFinding = { code, level: lvl, url: this.redact(url), message: this.redact(message), ...(path === undefined ? {} : { path }) };
    this.list.push(f);
  }
  has(code: string): boolean {
    return (this.counts.get(code) ?? 0) > 0;
  }
}

interface Walk {
  /** Every segment of the listing, in listing order. */
  readonly segments: Summary[];
  /** The whole listing was read (next was null at the end). */
  readonly complete: boolean;
  readonly pages: number;
}

interface WalkOptions {
  /** The main walk: validate pages, check order, previous links, page sizes, keep the timeline. */
  readonly main: boolean;
}

interface State {
  readonly fetcher: Fetcher;
  readonly findings: Findings;
  readonly deadline: number;
  readonly maxPages: number;
  readonly requestBudget: number;
  readonly progress: (line: string) => void;
  model: '2024' | '2026' | 'unknown';
  readonly modelOption: CrawlModel;
  readonly skeletons: Record<string, unknown>[];
  /** The page of each skeleton. */
  readonly skeletonPages: number[];
  timelineOverflow: boolean;
  /** Checker problems per page already reported: `${code} ${segmentId} ${page}` (to tell cross-page timeline problems apart). */
  readonly pageProblemKeys: Set<string>;
  readonly skipped: Map<string, string>;
}

/** Crawl a Server's listing; never throws for anything the Server does. */
export async function crawl(options: CrawlOptions): Promise<CrawlReport> {
  if (!isHttpUrl(options.url)) throw new TypeError(`crawl: url must be an absolute http(s) URL, got ${JSON.stringify(options.url)}`);
  const started = Date.now();
  const redact = redactor(options.token);
  const findings = new Findings(redact);
  const maxPages = options.maxPages ?? CRAWL_DEFAULTS.maxPages;
  const fetcher = createFetcher(
    options.url,
    options.token,
    { timeoutMs: options.timeoutMs ?? CRAWL_DEFAULTS.timeoutMs, maxBodyBytes: options.maxBodyBytes ?? CRAWL_DEFAULTS.maxBodyBytes },
    options.fetch,
  );
  const state: State = {
    fetcher,
    findings,
    deadline: started + (options.maxDurationMs ?? CRAWL_DEFAULTS.maxDurationMs),
    maxPages,
    requestBudget: maxPages * 4 + 64,
    progress: (line) => options.onProgress?.(redact(line)),
    model: options.model === '2024' || options.model === '2026' ? options.model : 'unknown',
    modelOption: options.model ?? 'auto',
    skeletons: [],
    skeletonPages: [],
    timelineOverflow: false,
    pageProblemKeys: new Set(),
    skipped: new Map(),
  };
  const main = await walk(state, options.url, { main: true });
  if (main.pages > 1) crossPageTimeline(state, options.url);
  else state.skipped.set('timeline', 'the listing has one page');
  const probes = options.probes !== false;
  const reached = main.pages > 0;
  if (!probes) {
    for (const c of ['filter', 'incomplete-listing', 'malformed-filter', 'auth', 'auth-body']) state.skipped.set(c, 'probes disabled (--no-probes)');
  } else if (!reached) {
    for (const c of ['filter', 'incomplete-listing', 'malformed-filter', 'auth', 'auth-body']) state.skipped.set(c, 'the listing could not be read');
  } else {
    await authProbes(state, options.url, options.token !== undefined);
    await malformedFilterProbe(state, options.url);
    if (!main.complete) {
      for (const c of ['filter', 'incomplete-listing']) state.skipped.set(c, 'the unfiltered listing was not read to its end');
    } else if (main.segments.length === 0) {
      for (const c of ['filter', 'incomplete-listing']) state.skipped.set(c, 'the listing is empty: nothing to filter');
    } else {
      await filterProbes(state, options.url, main.segments);
    }
  }
  if (main.pages < 2) {
    for (const c of ['previous-link', 'duplicate-across-pages', 'page-size', 'link-loop']) if (!findings.has(c)) state.skipped.set(c, 'the listing has one page');
  }
  const conformant = !findings.list.some((f) => f.level === 'error');
  const checks: CrawlCheck[] = [
    checkOf('document', findings, state.skipped),
    ...CRAWL_CODES.map((c) => checkOf(c.code, findings, state.skipped)),
  ];
  return {
    conformant,
    url: redact(options.url),
    model: state.model,
    pages: main.pages,
    segments: main.segments.length,
    requests: fetcher.count,
    durationMs: Date.now() - started,
    findings: findings.list,
    omittedFindings: findings.omitted,
    checks,
  };
}

function checkOf(name: string, findings: Findings, skipped: ReadonlyMap<string, string>): CrawlCheck {
  const failed =
    name === 'document'
      ? findings.list.some((f) => getCrawlCode(f.code) === undefined && f.level === 'error')
      : findings.list.some((f) => f.code === name && f.level === 'error') || ((findings.counts.get(name) ?? 0) > 0 && getCrawlCode(name)?.level === 'error');
  if (failed) return { name, status: 'failed' };
  const reason = skipped.get(name);
  if (reason !== undefined && (findings.counts.get(name) ?? 0) === 0) return { name, status: 'skipped', reason };
  return { name, status: 'passed' };
}

type PageResult = { ok: true; page: Record<string, unknown>; url: string } | { ok: false };

/** GET one page and check the exchange: transport, status, content type, size, JSON. */
async function fetchPage(state: State, url: string, what: string): Promise<PageResult> {
  const { findings } = state;
  if (Date.now() > state.deadline) {
    findings.add('page-limit', url, `the crawl's time limit was reached before ${what}`);
    return { ok: false };
  }
  const r = await state.fetcher.get(url, 'token');
  if (r.kind === 'transport') {
    findings.add('transport', url, `${what}: ${r.message}`);
    return { ok: false };
  }
  if (r.kind === 'too-large') {
    findings.add('body-too-large', url, `${what}: the body exceeds the limit (at least ${r.bytes} bytes); raise --max-body-bytes if the page is legitimate`);
    return { ok: false };
  }
  if (r.status !== 200) {
    const hint = r.status === 401 || r.status === 403 ? ' (check the token: --token, --token-file or CDS_TOKEN)' : r.status >= 300 && r.status < 400 ? ' (redirects are not followed)' : '';
    findings.add('http-status', url, `${what}: HTTP ${r.status}, expected 200${hint}`);
    return { ok: false };
  }
  const type = r.headers.get('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type)) {
    findings.add('content-type', url, `${what}: Content-Type is ${type === '' ? 'missing' : JSON.stringify(type)}, expected application/json`);
  }
  let page: unknown;
  try {
    page = JSON.parse(r.body);
  } catch (e) {
    findings.add('not-json', url, `${what}: the body is not JSON (${e instanceof Error ? e.message : String(e)}; ${r.body.length} characters)`);
    return { ok: false };
  }
  if (!isObject(page)) {
    findings.add('schema', url, `${what}: the body is JSON but not an object with usage_segments`, 'error', '');
    return { ok: false };
  }
  return { ok: true, page, url };
}

/** Follow `next` from `startUrl` to the end of the listing, checking links, uniqueness and (main walk) pages and order. */
async function walk(state: State, startUrl: string, opts: WalkOptions): Promise<Walk> {
  const { findings } = state;
  const segments: Summary[] = [];
  const seenIds = new Map<string, number>();
  const visited = new Set<string>();
  const lastByGroup = new Map<string, Summary>();
  let url: string | null = startUrl;
  let pages = 0;
  let previousIds: string[] | null = null;
  let previousChecks = 0;
  let complete = false;
  const shortPages: { url: string; size: number }[] = [];
  // The next page is requested as soon as its link is known, before this
  // page is validated: the Server works while the checker does.
  let pending: Promise<PageResult> | null = null;
  while (url !== null) {
    if (pending === null) {
      if (pages >= state.maxPages || state.fetcher.count >= state.requestBudget) {
        findings.add('page-limit', url, `stopped after ${pages} page${pages === 1 ? '' : 's'} (--max-pages ${state.maxPages}); the rest of the listing was not checked`);
        break;
      }
      visited.add(normalize(url));
      pending = fetchPage(state, url, opts.main ? `page ${pages + 1}` : `page ${pages + 1} of ${describeProbe(url)}`);
    }
    const got: PageResult = await pending;
    pending = null;
    if (!got.ok) break;
    const { page } = got;
    const pageUrl = url;
    pages++;
    // Links first (cheap), so that the next request is in flight during the checks below.
    const next = linkOf(state, pageUrl, page, 'next');
    const previous = linkOf(state, pageUrl, page, 'previous');
    const list = Array.isArray(page.usage_segments) ? page.usage_segments : [];
    let following: string | null = null;
    if (next.kind === 'null') complete = true;
    else if (next.kind === 'url') {
      if (visited.has(normalize(next.url))) {
        findings.add('link-loop', pageUrl, `next of page ${pages} leads back to a page already read (${next.url}); the listing never ends`);
      } else {
        // Only a page that really has a page after it can be too short.
        if (list.length < FULL_PAGE) shortPages.push({ url: pageUrl, size: list.length });
        following = next.url;
        if (pages < state.maxPages && state.fetcher.count < state.requestBudget) {
          visited.add(normalize(following));
          pending = fetchPage(state, following, opts.main ? `page ${pages + 1}` : `page ${pages + 1} of ${describeProbe(following)}`);
        }
      }
    }
    let previousCheck: Promise<void> | null = null;
    if (opts.main && pages === 1 && page.previous !== null && page.previous !== undefined) {
      findings.add('previous-link', pageUrl, `the first page's previous is ${JSON.stringify(page.previous)}, expected null`);
    }
    if (opts.main && previousIds !== null && previous.kind === 'url' && previousChecks < PREVIOUS_CHECKS) {
      previousChecks++;
      previousCheck = checkPrevious(state, pageUrl, previous.url, previousIds, pages);
    } else if (opts.main && previousIds !== null && previous.kind === 'null') {
      findings.add('previous-link', pageUrl, `page ${pages} has previous null, but page ${pages - 1} comes before it`);
    }
    if (opts.main && pages === 1 && state.model === 'unknown') state.model = detectModel(page);
    if (opts.main) {
      state.progress(`page ${pages}: ${list.length} segments`);
      checkDocument(state, pageUrl, page, pages);
    }
    const ids: string[] = [];
    for (const seg of list) {
      const s = summarize(seg, pages);
      if (s === null) continue;
      ids.push(s.id);
      const firstPage = seenIds.get(s.id);
      if (firstPage !== undefined && firstPage !== pages) {
        findings.add('duplicate-across-pages', pageUrl, `segment ${JSON.stringify(s.id)} is on page ${firstPage} and again on page ${pages}`);
        continue;
      }
      if (firstPage !== undefined) continue; // twice on one page: the checker's duplicate-id
      seenIds.set(s.id, pages);
      segments.push(s);
      if (opts.main) {
        checkOrder(state, pageUrl, s, lastByGroup);
        keepSkeleton(state, seg as Record<string, unknown>, pages);
      }
    }
    if (previousCheck !== null) await previousCheck;
    previousIds = ids;
    url = following;
  }
  if (opts.main) {
    for (const p of shortPages) findings.add('page-size', p.url, `a page before the last holds ${p.size} segments; the draft lets a Server cut only listings of more than ${FULL_PAGE}, so pages before the last should hold at least ${FULL_PAGE}`);
  }
  return { segments, complete, pages };
}

type Link = { kind: 'null' } | { kind: 'url'; url: string } | { kind: 'stop' };

/** Read `next`/`previous`: null, a same-origin absolute URL, or a finding and stop. */
function linkOf(state: State, pageUrl: string, page: Record<string, unknown>, field: 'next' | 'previous'): Link {
  const v = page[field];
  if (v === null || v === undefined) return { kind: 'null' }; // a missing link is the checker's schema problem
  if (typeof v !== 'string') return { kind: 'stop' }; // the checker reports the type
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    state.findings.add('link-format', pageUrl, `${field} is not an absolute URL: ${JSON.stringify(v.slice(0, 200))}`);
    return { kind: 'stop' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    state.findings.add('link-format', pageUrl, `${field} is not an http(s) URL: ${JSON.stringify(v.slice(0, 200))}`);
    return { kind: 'stop' };
  }
  if (u.origin !== state.fetcher.origin) {
    state.findings.add('link-origin', pageUrl, `${field} points at ${u.origin}, not the listing's origin ${state.fetcher.origin}; not followed, and the token is not sent there`);
    return { kind: 'stop' };
  }
  return { kind: 'url', url: u.toString() };
}

/** An absolute http: or https: URL. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function normalize(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.toString();
}

async function checkPrevious(state: State, url: string, previousUrl: string, want: readonly string[], page: number): Promise<void> {
  const got = await fetchPage(state, previousUrl, `previous of page ${page}`);
  if (!got.ok) {
    state.findings.add('previous-link', url, `previous of page ${page} could not be read (see the finding for ${previousUrl})`);
    return;
  }
  const list = Array.isArray(got.page.usage_segments) ? got.page.usage_segments : [];
  const ids = list.map((s) => (isObject(s) && typeof s.cds_usagesegment_id === 'string' ? s.cds_usagesegment_id : '?'));
  if (ids.length !== want.length || ids.some((id, i) => id !== want[i])) {
    state.findings.add('previous-link', url, `previous of page ${page} gives ${ids.length} segments [${preview(ids)}], but page ${page - 1} has ${want.length} [${preview(want)}]`);
  }
}

function preview(ids: readonly string[]): string {
  const shown = ids.slice(0, 3).map((i) => JSON.stringify(i));
  return ids.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

function detectModel(page: Record<string, unknown>): '2024' | '2026' | 'unknown' {
  const list = Array.isArray(page.usage_segments) ? page.usage_segments : [];
  for (const s of list) {
    if (!isObject(s)) continue;
    if (Object.prototype.hasOwnProperty.call(s, 'formats')) return '2026';
    if (Object.prototype.hasOwnProperty.call(s, 'format')) return '2024';
  }
  return 'unknown';
}

/** The checker's problems on one page, with its own codes. */
function checkDocument(state: State, url: string, page: Record<string, unknown>, pageNo: number): void {
  const result = validate(page, { kind: 'list' });
  let n = 0;
  for (const [level, list] of [['error', result.errors], ['warning', result.warnings]] as const) {
    for (const p of list) {
      state.pageProblemKeys.add(`${p.code} ${p.segmentId ?? ''} ${pageNo}`);
      if (n++ < CHECKER_PROBLEMS_PER_PAGE) state.findings.add(p.code, url, p.message, level, p.path);
    }
  }
  const more = n - CHECKER_PROBLEMS_PER_PAGE + result.omittedErrors + result.omittedWarnings;
  if (more > 0) state.findings.add('document', url, `${more} more problems on page ${pageNo} not listed`, result.valid ? 'warning' : 'error');
}

function summarize(seg: unknown, page: number): Summary | null {
  if (!isObject(seg) || typeof seg.cds_usagesegment_id !== 'string') return null;
  const refs = {} as Record<RefField, readonly string[]>;
  for (const f of REF_FIELDS) refs[f] = Array.isArray(seg[f]) ? (seg[f] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const startRaw = typeof seg.segment_start === 'string' ? seg.segment_start : '';
  const endRaw = typeof seg.segment_end === 'string' ? seg.segment_end : '';
  return {
    id: seg.cds_usagesegment_id,
    page,
    start: parseDateTime(startRaw),
    end: parseDateTime(endRaw),
    startRaw,
    endRaw,
    modified: parseDateTime(seg.cds_modified),
    refs,
  };
}

/**
 * The draft's order as far as a Client can check it. Decision: the first
 * three keys (aggregation, account and contract numbers) are not in a
 * segment, but segments with the same related aggregations, accounts and
 * service contracts share them; among those, `segment_start` must ascend
 * and, for equal starts, `cds_modified` descend. Segments of different
 * groups are not compared.
 */
function checkOrder(state: State, url: string, s: Summary, lastByGroup: Map<string, Summary>): void {
  if (Number.isNaN(s.start)) return;
  const key = JSON.stringify([s.refs.related_aggregations, s.refs.related_accounts, s.refs.related_servicecontracts].map((l) => [...l].sort()));
  const before = lastByGroup.get(key);
  lastByGroup.set(key, s);
  if (before === undefined) return;
  if (s.start < before.start) {
    state.findings.add('order', url, `segment ${JSON.stringify(s.id)} (segment_start ${s.startRaw}) is listed after ${JSON.stringify(before.id)} (segment_start ${before.startRaw}) of the same accounts and contracts; segment_start must ascend`);
  } else if (s.start === before.start && !Number.isNaN(s.modified) && !Number.isNaN(before.modified) && s.modified > before.modified) {
    state.findings.add('order', url, `segments ${JSON.stringify(before.id)} and ${JSON.stringify(s.id)} start together; the later cds_modified must come first`);
  }
}

/** One shared, never-mutated value set per width: a skeleton keeps a segment's shape without its values. */
const NULL_SETS = new Map<number, readonly null[]>();
function keepSkeleton(state: State, seg: Record<string, unknown>, page: number): void {
  if (state.skeletons.length >= MAX_TIMELINE_SEGMENTS) {
    state.timelineOverflow = true;
    return;
  }
  const columns = Array.isArray(seg.format) ? seg.format.length : Array.isArray(seg.formats) ? seg.formats.length : 0;
  let nulls = NULL_SETS.get(columns);
  if (nulls === undefined) NULL_SETS.set(columns, (nulls = Object.freeze(new Array<null>(columns).fill(null))));
  const n = Array.isArray(seg.values) ? seg.values.length : 0;
  state.skeletons.push({ ...seg, values: new Array(n).fill(nulls) });
  state.skeletonPages.push(page);
}

/** The timeline of the whole listing: the checker's timeline rules over every page's segments at once; only problems no single page showed. */
function crossPageTimeline(state: State, url: string): void {
  if (state.timelineOverflow) {
    state.skipped.set('timeline', `more than ${MAX_TIMELINE_SEGMENTS} segments`);
    return;
  }
  const result = validate({ usage_segments: state.skeletons, next: null, previous: null }, { kind: 'list' });
  for (const [level, list] of [['error', result.errors], ['warning', result.warnings]] as const) {
    for (const p of list) {
      if (p.code !== 'timeline-overlap' && p.code !== 'timeline-hole') continue;
      const index = Number(/^\/usage_segments\/(\d+)/.exec(p.path)?.[1] ?? NaN);
      const onPage = state.skeletonPages[index];
      if (onPage !== undefined && state.pageProblemKeys.has(`${p.code} ${p.segmentId ?? ''} ${onPage}`)) continue;
      state.findings.add(p.code, url, `across pages: ${p.message}`, level);
    }
  }
}

function describeProbe(url: string): string {
  const q = new URL(url).search;
  return q === '' ? 'the listing' : `the listing filtered by ${decodeURIComponent(q.slice(1)).slice(0, 200)}`;
}

/** The listing URL with these query parameters added (spaces as %20, which every decoder reads as a space). */
function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  const extra = Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  u.search = u.search === '' ? `?${extra}` : `${u.search}&${extra}`;
  return u.toString();
}

interface Probe {
  readonly name: string;
  readonly params: Record<string, string>;
  readonly want: (s: Summary) => boolean;
}

/** Filter probes: each filtered listing against the unfiltered one. */
async function filterProbes(state: State, url: string, all: readonly Summary[]): Promise<void> {
  const probes = buildProbes(all);
  const known = new Set(all.map((s) => s.id));
  for (const probe of probes) {
    if (state.fetcher.count >= state.requestBudget || Date.now() > state.deadline) {
      state.findings.add('page-limit', url, `the request budget ran out before the filter probe ${probe.name}; remaining probes skipped`);
      return;
    }
    const probeUrl = withQuery(url, probe.params);
    state.progress(`probe ${probe.name}`);
    const got = await walk(state, probeUrl, { main: false });
    if (!got.complete) continue; // the walk reported why
    const wanted = all.filter(probe.want).map((s) => s.id);
    const gotIds = new Set(got.segments.map((s) => s.id));
    const wantedSet = new Set(wanted);
    const missing = wanted.filter((id) => !gotIds.has(id));
    const unknown = got.segments.filter((s) => !known.has(s.id)).map((s) => s.id);
    const extra = got.segments.filter((s) => known.has(s.id) && !wantedSet.has(s.id)).map((s) => s.id);
    if (missing.length > 0) state.findings.add('filter', probeUrl, `${probe.name}: ${missing.length} segment${missing.length === 1 ? '' : 's'} missing that the filter must keep [${preview(missing)}]`);
    if (extra.length > 0) state.findings.add('filter', probeUrl, `${probe.name}: ${extra.length} segment${extra.length === 1 ? '' : 's'} listed that the filter must remove [${preview(extra)}]`);
    if (unknown.length > 0) {
      state.findings.add('incomplete-listing', probeUrl, `${probe.name}: ${unknown.length} segment${unknown.length === 1 ? '' : 's'} [${preview(unknown)}] listed here but absent from the unfiltered listing`);
    }
  }
}

const SECOND = 1000;
function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The probes for a listing: every id filter, before/after at a boundary and one second either side, a combination, unknown numbers. */
function buildProbes(all: readonly Summary[]): Probe[] {
  const probes: Probe[] = [];
  const timed = all.filter((s) => !Number.isNaN(s.start) && !Number.isNaN(s.end));
  const mid = all[Math.floor(all.length / 2)]!;
  const picks = [...new Set([all[0]!.id, mid.id, all[all.length - 1]!.id])];
  probes.push({ name: `cds_usagesegment_ids (${picks.length} ids)`, params: { cds_usagesegment_ids: picks.join(' ') }, want: (s) => picks.includes(s.id) });
  for (const [param, field] of ID_FILTERS) {
    const holder = [mid, ...all].find((s) => s.refs[field].length > 0);
    const value = holder?.refs[field][0];
    if (value === undefined) continue;
    probes.push({ name: `${param}=${value}`, params: { [param]: value }, want: (s) => s.refs[field].includes(value) });
  }
  const m = timed[Math.floor(timed.length / 2)];
  if (m !== undefined) {
    probes.push({ name: `before at a segment_start (${m.startRaw})`, params: { before: m.startRaw }, want: (s) => s.start <= m.start });
    probes.push({ name: 'before one second before a segment_start', params: { before: iso(m.start - SECOND) }, want: (s) => s.start <= m.start - SECOND });
    probes.push({ name: 'before one second after a segment_start', params: { before: iso(m.start + SECOND) }, want: (s) => s.start <= m.start + SECOND });
    probes.push({ name: `after at a segment_end (${m.endRaw})`, params: { after: m.endRaw }, want: (s) => s.end >= m.end });
    probes.push({ name: 'after one second after a segment_end', params: { after: iso(m.end + SECOND) }, want: (s) => s.end >= m.end + SECOND });
    probes.push({ name: 'after one second before a segment_end', params: { after: iso(m.end - SECOND) }, want: (s) => s.end >= m.end - SECOND });
    const account = m.refs.related_accounts[0];
    const q1 = timed[Math.floor(timed.length / 4)]!;
    const q3 = timed[Math.floor((timed.length * 3) / 4)]!;
    const [lo, hi] = q1.end <= q3.start ? [q1, q3] : [q3, q1];
    probes.push({
      name: 'a combination of an account, after and before',
      params: { ...(account === undefined ? {} : { cds_account_ids: account }), after: lo.endRaw, before: hi.startRaw },
      want: (s) => (account === undefined || s.refs.related_accounts.includes(account)) && s.end >= lo.end && s.start <= hi.start,
    });
  }
  for (const param of NUMBER_FILTERS) {
    probes.push({ name: `${param} with a number no one has`, params: { [param]: 'cds-crawler-probe-0000' }, want: () => false });
  }
  return probes;
}

/** Authorization probes: no token, and an invalid token, must get 401 with a Bearer challenge (and, by our decision, an OAuth body). */
async function authProbes(state: State, url: string, haveToken: boolean): Promise<void> {
  const cases: [string, 'none' | { authorization: string }][] = [
    ['without a token', 'none'],
    ['with an invalid token', { authorization: 'Bearer cds-crawler-invalid-token-0000' }],
  ];
  for (const [label, auth] of cases) {
    if (auth === 'none' && !haveToken) {
      // The main crawl already ran without a token: a 200 there is open access.
      state.findings.add('auth', url, 'the listing was served without a token; the draft requires a Bearer access token');
      continue;
    }
    const r = await state.fetcher.get(url, auth);
    if (r.kind !== 'response') {
      state.findings.add('auth', url, `a request ${label} got no answer (${r.kind === 'transport' ? r.message : 'body too large'})`);
      continue;
    }
    if (r.status !== 401) {
      state.findings.add('auth', url, `a request ${label} got HTTP ${r.status}, expected 401${r.status === 200 ? ' (the listing is open to anyone)' : ''}`);
      continue;
    }
    const challenge = r.headers.get('www-authenticate') ?? '';
    if (!/^\s*bearer\b/i.test(challenge)) {
      state.findings.add('auth', url, `the 401 ${label} has ${challenge === '' ? 'no WWW-Authenticate header' : `WWW-Authenticate ${JSON.stringify(challenge)}`}, expected a Bearer challenge (RFC 6750 §3)`);
    }
    let body: unknown = null;
    try {
      body = JSON.parse(r.body);
    } catch {
      // reported below
    }
    if (!isObject(body) || typeof body.error !== 'string') {
      state.findings.add('auth-body', url, `the 401 ${label} has no OAuth error body {"error": …} (got ${JSON.stringify(r.body.slice(0, 80))})`);
    }
  }
}

/** A malformed `before` must get 400 invalid_request (Decision; never a 5xx, never silently ignored). */
async function malformedFilterProbe(state: State, url: string): Promise<void> {
  const probeUrl = withQuery(url, { before: 'not-a-date' });
  const r = await state.fetcher.get(probeUrl, 'token');
  if (r.kind !== 'response') {
    state.findings.add('malformed-filter', probeUrl, `before=not-a-date got no answer (${r.kind === 'transport' ? r.message : 'body too large'})`);
    return;
  }
  let body: unknown = null;
  try {
    body = JSON.parse(r.body);
  } catch {
    // reported below
  }
  if (r.status !== 400) state.findings.add('malformed-filter', probeUrl, `before=not-a-date got HTTP ${r.status}, expected 400 invalid_request`);
  else if (!isObject(body) || body.error !== 'invalid_request') state.findings.add('malformed-filter', probeUrl, `before=not-a-date got 400 without the OAuth body {"error": "invalid_request"}`);
}
