/**
 * Deliberate misbehaviour, one fault per thing the crawler checks. The
 * registry is the single source for `serve --fault`, the server's code paths,
 * the crawler's table test and the fault table of the guide: `detectedBy` is
 * the crawler (or checker) code that must report the fault. Every fault makes
 * the crawl fail (exit 1) except those with a `warning`: there the draft
 * leaves the behaviour open, so the crawler warns and exits 0 (`why`).
 */
export interface Fault {
  readonly name: string;
  /** The code that reports the fault; null when no crawl with one token can see it (`undetectable` says why). */
  readonly detectedBy: string | null;
  /** Why the crawler cannot report this fault. */
  readonly undetectable?: string;
  readonly summary: string;
  /** Why this fault is only a warning (exit 0); absent: an error (exit 1). */
  readonly warning?: string;
  /** An error code the fault trips besides its own warning (the crawl then exits 1 all the same). */
  readonly failsBy?: string;
  /**
   * What the fault bends besides the listing: `server-metadata`, the Server
   * Metadata, which only the Servers of some models publish (the checker's
   * model registry, `serverShape(model).metadata`). Absent: any Server can have it.
   */
  readonly needs?: 'server-metadata';
  /** Crawl limits the fault needs to trip (the defaults are generous: 30 s per request, 64 MiB per page). */
  readonly crawl?: { readonly timeoutMs?: number; readonly maxBodyBytes?: number };
}

export const FAULTS = [
  { name: 'duplicate-across-pages', detectedBy: 'duplicate-across-pages', summary: 'each later page starts with the last segment of the page before' },
  { name: 'skip-segment', detectedBy: 'incomplete-listing', summary: 'each later page leaves out the segment it should start with' },
  { name: 'next-loop', detectedBy: 'link-loop', summary: 'the last page links `next` back to the first page' },
  { name: 'cross-origin-next', detectedBy: 'link-origin', summary: '`next` points at another origin (the same server as http://localhost)' },
  { name: 'bad-previous', detectedBy: 'previous-link', summary: '`previous` links to the wrong page' },
  { name: 'unsorted', detectedBy: 'order', summary: 'each page lists its segments in reverse order' },
  { name: 'filter-after-paging', detectedBy: 'filter', summary: 'filters are applied to each page of the unfiltered listing, and a short filtered page is taken for the last one' },
  { name: 'before-exclusive', detectedBy: 'filter', summary: '`before` keeps segments starting strictly before it (off by one at the boundary)' },
  { name: 'after-exclusive', detectedBy: 'filter', summary: '`after` keeps segments ending strictly after it (off by one at the boundary)' },
  { name: 'ignore-ids-filter', detectedBy: 'filter', summary: '`cds_usagesegment_ids` is ignored' },
  { name: 'open-access', detectedBy: 'auth', summary: 'a request without a token gets every segment' },
  { name: 'wrong-401', detectedBy: 'auth', summary: 'a bad token gets a 401 without `WWW-Authenticate` and with a plain-text body' },
  { name: 'accept-bad-filter', detectedBy: 'malformed-filter', summary: 'a malformed `before` is ignored instead of answered with 400', warning: 'the draft defines the filters but not the answer to a malformed one; 400 `invalid_request` is our decision' },
  { name: 'truncated-json', detectedBy: 'not-json', summary: 'later pages are cut off in the middle of the JSON' },
  { name: 'wrong-content-type', detectedBy: 'content-type', summary: 'pages are served as text/html' },
  { name: 'slow', detectedBy: 'transport', summary: 'every response waits 2 seconds before it starts', crawl: { timeoutMs: 1000 } },
  { name: 'oversized-body', detectedBy: 'body-too-large', summary: 'pages carry 2 MB of trailing white space', crawl: { maxBodyBytes: 1_000_000 } },
  { name: 'error-500-page-2', detectedBy: 'http-status', summary: 'later pages answer 500' },
  { name: 'reset-page-2', detectedBy: 'transport', summary: 'later pages reset the connection' },
  { name: 'short-pages', detectedBy: 'page-size', summary: 'pages hold 50 segments while more follow', warning: 'the draft lets a Server truncate listings of more than 100 segments (MAY) but does not say a page must then hold 100; every segment is still listed once' },
  { name: 'invalid-segment', detectedBy: 'value-set-length', summary: 'the first value set of the first page’s first segment loses a value' },
  { name: 'undeclared-type', detectedBy: 'undeclared-type', needs: 'server-metadata', summary: '2026 Server (`serve --model 2026`): the first segment of the first page gets a Value Format of type `sandbox_undeclared_reading` that its Server Metadata does not describe' },
  { name: 'overlap-across-pages', detectedBy: 'timeline-overlap', summary: 'the second page starts with a copy (new id) of the first page’s last segment', warning: 'no text of the group forbids overlapping segments (separate segments per quality is a valid pattern), so `timeline-overlap` is a warning by our decision (issue 9); every segment is still listed once', failsBy: 'filter' },
  {
    name: 'leak-hidden-ids',
    detectedBy: null,
    summary: 'segments shared with objects the token may not see keep their ids in every `related_*` list but `related_accounts`, and filters by those ids or their numbers still match (2024-09 L37, 2026 L43: only ids the Client is authorized to see)',
    undetectable: 'a crawl sees what one token is served; a leaked id looks like any other id, and a filter by it returns the segment that lists it, as a filter must. Test a Client against it with two tokens of accounts that share a segment (see the guide)',
  },
] as const satisfies readonly Fault[];

export type FaultName = (typeof FAULTS)[number]['name'];

export const FAULT_NAMES: ReadonlySet<string> = new Set(FAULTS.map((f) => f.name));

export function isFaultName(s: string): s is FaultName {
  return FAULT_NAMES.has(s);
}
