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
import { CRAWL_DEFAULTS } from './defaults.js';
import { plural } from '../words.js';
import { CRAWL_CODES, crawlCodesWhere, getCrawlCode } from './codes.js';
import { crossPageTimeline } from './document.js';
import { createFetcher } from './fetcher.js';
import { findModel } from '../models/registry.js';
import type { Model } from '../registry.js';
import { metadataSkipReason } from './metadata.js';
import { urlProblem } from './page.js';
import { authProbes, filterProbes, malformedFilterProbe } from './probes.js';
import { redactor, tokensInUrl } from './redact.js';
import { type CheckedPage, type CrawlFinding, type CrawlModel, Findings, type MetadataSource, type State } from './state.js';
import { walk } from './walk.js';

export { isHttpUrl } from './page.js';
export { redactor, REDACTED } from './redact.js';
export { type CrawlFinding, type CrawlModel } from './state.js';

export interface CrawlOptions {
  /** The Server's usage segments endpoint (absolute http or https URL). */
  readonly url: string;
  readonly token?: string;
  /** Pages per listing walk (default 1000). */
  readonly maxPages?: number;
  /** Deadline of one request, headers and body (default 30,000). */
  readonly timeoutMs?: number;
  /** Largest page body read (default 64 MiB: a full page of year-long 15-minute segments fits). */
  readonly maxBodyBytes?: number;
  /** Deadline of the whole crawl (default 10 minutes). */
  readonly maxDurationMs?: number;
  /** `auto` (default): from the first page, by the checker's detection (`formats` → 2026, `format` → 2024). */
  readonly model?: CrawlModel;
  /**
   * A model whose Server publishes Server Metadata (2026): its URL, the
   * `cds_server_metadata` URL of the Client object (draft §5 L862); read
   * without the token. Default: the model's well-known path on the listing's
   * origin (2026: `/.well-known/oauth-authorization-server`, a decision).
   */
  readonly serverMetadataUrl?: string;
  /** The Server Metadata itself (no request; wins over `serverMetadataUrl`). */
  readonly serverMetadata?: Record<string, unknown>;
  /** Filter, malformed-filter and auth probes (default true). */
  readonly probes?: boolean;
  /** Progress lines (already redacted). */
  readonly onProgress?: (line: string) => void;
  /** Each page of the listing once checked, its URL redacted (the conformance report keeps them; holding every page costs memory). */
  readonly onPage?: (page: CheckedPage) => void;
  /** The fetch to use (tests, benchmarks); default the global one. */
  readonly fetch?: typeof fetch;
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
  readonly model: Model | 'unknown';
  readonly pages: number;
  readonly segments: number;
  readonly requests: number;
  readonly durationMs: number;
  readonly findings: CrawlFinding[];
  /** Findings beyond the cap (1000), counted only; a last `findings-omitted` finding then says how many. */
  readonly omittedFindings: number;
  /** Of those, the errors (they count for `conformant`). */
  readonly omittedErrors: number;
  /** One entry per check (each crawler code, and `document`). */
  readonly checks: CrawlCheck[];
}

export { CRAWL_DEFAULTS };

/** Crawl a Server's listing; never throws for anything the Server does. */
export async function crawl(options: CrawlOptions): Promise<CrawlReport> {
  const redact = redactor(options.token, options.url, options.serverMetadataUrl ?? '');
  const urlError = urlProblem(options.url);
  if (urlError !== null) throw new TypeError(redact(`crawl: url ${urlError}, got ${JSON.stringify(options.url)}`));
  const metadataError = options.serverMetadataUrl === undefined ? null : urlProblem(options.serverMetadataUrl);
  if (metadataError !== null) throw new TypeError(redact(`crawl: serverMetadataUrl ${metadataError}, got ${JSON.stringify(options.serverMetadataUrl)}`));
  const metadata: MetadataSource =
    options.serverMetadata !== undefined
      ? { kind: 'given', metadata: options.serverMetadata }
      : options.serverMetadataUrl !== undefined
        ? { kind: 'url', url: options.serverMetadataUrl }
        : { kind: 'well-known', listingUrl: options.url };
  const started = Date.now();
  const findings = new Findings(redact);
  const urlTokens = tokensInUrl(options.url);
  if (urlTokens.length > 0) {
    findings.add('token-in-url', options.url, 'the listing URL carries the token in its access_token query parameter; send it in the Authorization header (--token, --token-file or CDS_TOKEN): RFC 6750 §2.3 discourages a token in the URL, where logs and Referer headers keep it');
  }
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
    ...(options.onPage === undefined ? {} : { onPage: (p: CheckedPage) => options.onPage!({ ...p, url: redact(p.url) }) }),
    model: options.model !== undefined && options.model !== 'auto' && findModel(options.model) !== undefined ? options.model : 'unknown',
    modelOption: options.model ?? 'auto',
    timeline: [],
    timelinePages: [],
    serverMetadata: null,
    metadataRead: false,
    metadata,
    timelineOverflow: false,
    pageProblemKeys: new Set(),
    skipped: new Map(),
  };
  const main = await walk(state, options.url, { main: true });
  if (main.pages > 1) crossPageTimeline(state, options.url);
  else state.skipped.set('timeline', 'the listing has one page');
  const probes = options.probes !== false;
  const reached = main.pages > 0;
  // Which checks need what is registry data (codes.ts: runsWith, needs, needsPages; the model registry: what the model's Server publishes).
  const withProbes = crawlCodesWhere((c) => c.runsWith !== undefined);
  const withFilterProbes = crawlCodesWhere((c) => c.runsWith === 'filter-probes');
  if (!probes) {
    for (const c of withProbes) state.skipped.set(c, 'probes disabled (--no-probes)');
  } else if (!reached) {
    for (const c of withProbes) state.skipped.set(c, 'the listing could not be read');
  } else {
    await authProbes(state, options.url, options.token !== undefined || urlTokens.length > 0);
    await malformedFilterProbe(state, options.url);
    if (!main.complete) {
      for (const c of withFilterProbes) state.skipped.set(c, 'the unfiltered listing was not read to its end');
    } else if (main.segments.length === 0) {
      for (const c of withFilterProbes) state.skipped.set(c, 'the listing is empty: nothing to filter');
    } else {
      await filterProbes(state, options.url, main.segments);
    }
  }
  const noMetadata = metadataSkipReason(state.model);
  if (noMetadata !== null) for (const c of crawlCodesWhere((code) => code.needs === 'server-metadata')) state.skipped.set(c, noMetadata);
  if (main.pages < 2) {
    for (const c of crawlCodesWhere((code) => code.needsPages === true)) if (!findings.has(c)) state.skipped.set(c, 'the listing has one page');
  }
  // Every finding counts for the verdict, listed or not.
  const conformant = !findings.list.some((f) => f.level === 'error') && findings.omittedErrors === 0;
  if (findings.omitted > 0) {
    // After the cap: the list ends with one finding that counts the rest, so a reader of the findings alone (--json) knows the list is cut.
    const warnings = findings.omitted - findings.omittedErrors;
    findings.list.push({
      code: 'findings-omitted',
      level: 'warning',
      url: redact(options.url),
      message: `${plural(findings.omitted, 'more finding')} not listed (${plural(findings.omittedErrors, 'error')}, ${plural(warnings, 'warning')}); fix the listed ones and crawl again`,
    });
  }
  const checks: CrawlCheck[] = CRAWL_CODES.map((c) => checkOf(c.code, findings, state.skipped));
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
    omittedErrors: findings.omittedErrors,
    checks,
  };
}

function checkOf(name: string, findings: Findings, skipped: ReadonlyMap<string, string>): CrawlCheck {
  const failed =
    name === 'document'
      ? findings.list.some((f) => (getCrawlCode(f.code) === undefined || f.code === 'document') && f.level === 'error')
      : findings.list.some((f) => f.code === name && f.level === 'error') || ((findings.counts.get(name) ?? 0) > 0 && getCrawlCode(name)?.level === 'error');
  if (failed) return { name, status: 'failed' };
  const reason = skipped.get(name);
  if (reason !== undefined && (findings.counts.get(name) ?? 0) === 0) return { name, status: 'skipped', reason };
  return { name, status: 'passed' };
}
