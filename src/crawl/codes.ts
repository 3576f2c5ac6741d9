/**
 * The single registry of the crawler's finding codes: level, source class
 * and a one-line summary. The crawler, its JUnit report (one test case per
 * code), the docs table (`docs/crawl-codes.md`) and the tests read this list.
 * Document problems keep the checker's own codes (`RULES`); they are not
 * repeated here.
 *
 * Source class, as for the checker's rules: `draft` (a MUST of the draft, or
 * of the RFCs it brings in), `decision` (our reading where the draft is
 * silent). A `decision` code is a warning, with one exception, marked
 * `unchecked`: the crawler could not read part of the listing without
 * breaking a rule of its own (send the token to another origin, read an
 * unbounded body). Then the crawl cannot show the Server conformant, so it
 * fails (exit 1) — it does not claim the Server broke the draft, and the
 * message says what to change to complete the check.
 */
export type CrawlLevel = 'error' | 'warning';
export type CrawlSource = 'draft' | 'decision';

export interface CrawlCode {
  readonly code: string;
  readonly level: CrawlLevel;
  readonly source: CrawlSource;
  readonly summary: string;
  /** The finding means part of the listing went unchecked (an error even for a `decision` code). */
  readonly unchecked?: true;
  /** The check runs only with the probes (`probes`), or only with the filter probes, which also need the whole, non-empty listing (`filter-probes`). */
  readonly runsWith?: 'probes' | 'filter-probes';
  /**
   * What the check reads besides the listing: `server-metadata`, the Server
   * Metadata, which only the Servers of some models publish (the model
   * registry's `server.metadata`, src/models/registry.ts); a crawl of another
   * model skips the check. Absent: every crawl runs it.
   */
  readonly needs?: 'server-metadata';
  /** The check needs a listing of at least two pages. */
  readonly needsPages?: true;
  /** A pseudo-code: not a check of its own (`document`: the checker's problems inside pages, under the checker's codes). */
  readonly pseudo?: true;
}

export const CRAWL_CODES = [
  { code: 'document', level: 'error', source: 'draft', pseudo: true, summary: "The checker's problems inside a page, reported under the checker's own codes (`docs/rules.md`) at their level; as a finding of its own, `document` counts a page's problems beyond the first 20 (an error when one of them is). One JUnit test case gathers them all." },
  { code: 'transport', level: 'error', source: 'draft', summary: 'A request failed before an HTTP response arrived: connection refused or reset, DNS failure, or no complete response within `--timeout-ms`.' },
  { code: 'http-status', level: 'error', source: 'draft', summary: 'A listing request answered something other than 200 (a redirect is not followed).' },
  { code: 'content-type', level: 'error', source: 'draft', summary: 'A page is served with a `Content-Type` that is not JSON (`application/json` or a `+json` type). The draft formats listing responses as JSON objects (2024-09 §11.5 L499, 2026 §10.8.8 L5944) and its examples answer `application/json` (the Usage Segment Endpoint example of the 2024 overview; 2026 §13.3.5 L7804); HTTP makes `Content-Type` the media type of the body (RFC 9110 §8.3), so a Client that trusts it does not read the page as JSON.' },
  { code: 'content-type-missing', level: 'warning', source: 'decision', summary: 'A page has no `Content-Type` header; HTTP only recommends one (RFC 9110 §8.3, SHOULD), so the crawler reads the body as JSON and warns.' },
  { code: 'not-json', level: 'error', source: 'draft', summary: 'A page body is not JSON text: not valid UTF-8, or starting with a byte order mark (RFC 8259 §8.1: JSON exchanged between systems is UTF-8, without a BOM), or not valid JSON (for example cut off). The message is the one `validate` gives for the same bytes.' },
  { code: 'body-too-large', level: 'error', source: 'decision', unchecked: true, summary: 'A page body is larger than `--max-body-bytes` (default 64 MiB); the crawler stops reading it, so that page and the rest of the listing are not checked. The draft sets no size limit: raise the limit if the page is legitimate.' },
  { code: 'link-format', level: 'error', source: 'draft', summary: '`next` or `previous` is neither `null` nor an absolute URL.' },
  { code: 'link-origin', level: 'error', source: 'decision', unchecked: true, summary: '`next` or `previous` points at another origin (scheme, host, port) than the listing URL. The link is not followed and the token is never sent there (RFC 6750 §5: a bearer token goes only to the resource it was issued for), so the rest of the listing is not checked and the crawl fails. Crawl the other origin\'s URL directly if it is the same Server.' },
  { code: 'link-loop', level: 'error', source: 'draft', needsPages: true, summary: 'Following `next` reaches a page already visited: the listing never ends.' },
  { code: 'previous-link', level: 'error', source: 'draft', needsPages: true, summary: "The first page's `previous` is not `null`, or following `previous` from page k+1 does not give page k." },
  { code: 'duplicate-across-pages', level: 'error', source: 'draft', needsPages: true, summary: 'One `cds_usagesegment_id` appears on two pages of one listing (ids are unique; a listing lists each segment once).' },
  { code: 'incomplete-listing', level: 'error', source: 'draft', runsWith: 'filter-probes', summary: 'A filtered listing returned a segment the token may see that the unfiltered listing left out.' },
  { code: 'order', level: 'error', source: 'draft', summary: 'Two segments with the same `related_aggregations`, `related_accounts` and `related_servicecontracts` (so the same aggregation, account and contract numbers) are out of order: `segment_start` must ascend, then `cds_modified` descend.' },
  { code: 'filter', level: 'error', source: 'draft', runsWith: 'filter-probes', summary: 'A filtered listing (ids filters, `before`/`after` at and around segment boundaries, a combination, an unknown number) misses a segment it must contain or contains one it must not.' },
  { code: 'malformed-filter', level: 'warning', source: 'decision', runsWith: 'probes', summary: 'A malformed filter (`before=not-a-date`) was not answered 400 with an OAuth error body (`invalid_request`). A warning: the draft defines the filters but not the answer to a malformed one.' },
  { code: 'auth', level: 'error', source: 'draft', runsWith: 'probes', summary: 'A request without a token or with an invalid token was not refused with 401 and a `WWW-Authenticate: Bearer` challenge (the draft authenticates with Bearer tokens; RFC 6750 §3 requires the challenge).' },
  { code: 'auth-body', level: 'warning', source: 'decision', runsWith: 'probes', summary: 'A 401 answer has no OAuth error body (`{"error": …}`, RFC 6750 §3.1); the draft defines no error body, this package uses that shape.' },
  { code: 'server-metadata', level: 'error', source: 'draft', needs: 'server-metadata', summary: "2026: the Server Metadata does not have what the draft requires of it (the `ServerMetadata` schema: `cds_customerdata_version`, and `cds_usagesegments_additional_value_types`, an object of Value Type Descriptions, whenever `cds_usagesegments_api` is present; 2026 §5 L834–862)." },
  { code: 'server-metadata-unread', level: 'warning', source: 'decision', needs: 'server-metadata', summary: "2026: the Server Metadata could not be read, so the rules that need the Server's declared value types (`undeclared-type`) did not run. The draft has a Client read it from its Client object's `cds_server_metadata` URL (§5 L862): give that URL or a file with `--server-metadata`; without it the crawler tries the listing origin's `/.well-known/oauth-authorization-server` (RFC 8414's location of the Authorization Server Metadata the draft extends), which the draft does not require." },
  { code: 'page-limit', level: 'warning', source: 'decision', summary: '`--max-pages` stopped the crawl before the end of the listing; checks that need the whole listing were skipped.' },
  {
    code: 'page-size',
    level: 'warning',
    source: 'decision',
    needsPages: true, summary:
      'A page before the last holds fewer than 100 segments. The drafts set no page size: they let a Server cut a listing when more than 100 segments are available (2024-09 §11.5 L501, 2026 §10.8.8 L5948) and say nothing of how long each page then is. This package recommends pages of at least 100 before the last, so that a Client reading the number 100 in the drafts is not surprised; a shorter page is not against the text.',
  },
  { code: 'token-in-url', level: 'warning', source: 'decision', summary: 'The listing URL carries the token in an `access_token` query parameter. RFC 6750 §2.3 allows it but discourages it (servers, proxies and browsers keep URLs in logs and `Referer` headers); give the token with `--token`, `--token-file` or `CDS_TOKEN`, which send it in the `Authorization` header. The crawler redacts it from every output either way, and its probes without a token drop it from the URL.' },
  { code: 'findings-omitted', level: 'warning', source: 'decision', summary: 'More than 1000 findings: the first 1000 are listed and this one ends the list, counting the rest by level (a bound on the report, so that a badly broken Server gives a readable one). Conformance and the exit status count every finding, listed or not.' },
] as const satisfies readonly CrawlCode[];

export type CrawlCodeName = (typeof CRAWL_CODES)[number]['code'];

const BY_CODE: ReadonlyMap<string, CrawlCode> = new Map(CRAWL_CODES.map((c) => [c.code, c]));

export function getCrawlCode(code: string): CrawlCode | undefined {
  return BY_CODE.get(code);
}

/** The codes of the registry that match `test`, in registry order. */
export function crawlCodesWhere(test: (c: CrawlCode) => boolean): string[] {
  return (CRAWL_CODES as readonly CrawlCode[]).filter(test).map((c) => c.code);
}
