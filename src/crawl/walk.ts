/**
 * A walk along `next` from one URL to the end of its listing: links,
 * loops, uniqueness across pages; on the main walk also the document
 * checks, the `previous` links, page sizes and the order.
 */
import { plural } from '../words.js';
import { isObject } from '../json.js';
import { compareInstants, parseInstant } from '../time.js';
import { checkDocument, keepTimeline, modelFromPage } from './document.js';
import { loadServerMetadata } from './metadata.js';
import type { TimelineEntry } from '../validate.js';
import { describeProbe, type Exchange, fetchBody, fetchPage, linkOf, normalize, type PageResult, parsePage } from './page.js';
import { Findings, preview, REF_FIELDS, type RefField, type State, type Summary } from './state.js';

/** The draft lets a Server truncate only listings of more than this many segments. */
const FULL_PAGE = 100;
/** Pages whose `previous` link is followed and compared (each costs one request). */
const PREVIOUS_CHECKS = 10;

export interface Walk {
  /** Every segment of the listing, in listing order. */
  readonly segments: Summary[];
  /** The whole listing was read (next was null at the end). */
  readonly complete: boolean;
  readonly pages: number;
}

export interface WalkOptions {
  /** The main walk: validate pages, check order, previous links, page sizes, keep the timeline. */
  readonly main: boolean;
}

/** Follow `next` from `startUrl` to the end of the listing, checking links, uniqueness and (main walk) pages and order. */
export async function walk(state: State, startUrl: string, opts: WalkOptions): Promise<Walk> {
  const { findings } = state;
  const segments: Summary[] = [];
  const seenIds = new Map<string, number>();
  const visited = new Set<string>();
  const lastByGroup = new Map<string, Summary>();
  let url: string | null = startUrl;
  let pages = 0;
  let previousIds: string[] | null = null;
  let previousBytes: Buffer = Buffer.alloc(0);
  let previousChecks = 0;
  let complete = false;
  const shortPages: { url: string; size: number }[] = [];
  // Pipelined, and bounded: the next page is requested as soon as its link
  // is known, and the `previous` link of this page beside it, before this
  // page is checked, so that the Server works while the checker does. At
  // most one page ahead and one `previous` request are in flight; each one's
  // findings wait aside until the walk reaches a fixed point, so their order
  // never depends on which response came first.
  let pending: Beside<PageResult> | null = null;
  let previousCheck: Beside<void> | null = null;
  const what = (n: number, u: string) => (opts.main ? `page ${n}` : `page ${n} of ${describeProbe(u)}`);
  while (url !== null) {
    if (pending === null) {
      if (pages >= state.maxPages || state.fetcher.count >= state.requestBudget) {
        findings.add('page-limit', url, `stopped after ${plural(pages, 'page')} (--max-pages ${state.maxPages}); the rest of the listing was not checked`);
        break;
      }
      visited.add(normalize(url));
      const first = url;
      pending = beside(state, (ex) => fetchPage(ex, first, what(pages + 1, first)));
    }
    const got: PageResult = await settle(state, pending);
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
          const ahead = following;
          pending = beside(state, (ex) => fetchPage(ex, ahead, what(pages + 1, ahead)));
        }
      }
    }
    // The previous link of the page before ran beside this page's request: its findings join here.
    if (previousCheck !== null) await settle(state, previousCheck);
    previousCheck = null;
    if (opts.main && pages === 1 && page.previous !== null && page.previous !== undefined) {
      findings.add('previous-link', pageUrl, `the first page's previous is ${JSON.stringify(page.previous)}, expected null`);
    }
    if (opts.main && previousIds !== null && previous.kind === 'url' && previousChecks < PREVIOUS_CHECKS) {
      previousChecks++;
      const want = { ids: previousIds, bytes: previousBytes };
      const previousUrl = previous.url;
      const pageNo = pages;
      previousCheck = beside(state, (ex) => checkPrevious(ex, pageUrl, previousUrl, want, pageNo));
    } else if (opts.main && previousIds !== null && previous.kind === 'null') {
      findings.add('previous-link', pageUrl, `page ${pages} has previous null, but page ${pages - 1} comes before it`);
    }
    if (opts.main && state.model === 'unknown') state.model = modelFromPage(page);
    // A model whose Server publishes Server Metadata (2026): the Server's declared value types, before the first page is checked (once; its request runs beside the next page's).
    if (opts.main && !state.metadataRead) await loadServerMetadata(state);
    let timeline: readonly TimelineEntry[] = [];
    if (opts.main) {
      state.progress(`page ${pages}: ${plural(list.length, 'segment')}, ${pageUrl}`);
      timeline = checkDocument(state, pageUrl, page, pages);
    }
    const ids: string[] = [];
    const listed = new Set<number>();
    for (let i = 0; i < list.length; i++) {
      const seg: unknown = list[i];
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
      listed.add(i);
      if (opts.main) checkOrder(state, pageUrl, s, lastByGroup);
    }
    if (opts.main) keepTimeline(state, timeline, listed, pages);
    previousIds = ids;
    previousBytes = got.bytes;
    url = following;
  }
  if (previousCheck !== null) await settle(state, previousCheck);
  if (opts.main) {
    for (const p of shortPages) findings.add('page-size', p.url, `a page before the last holds ${plural(p.size, 'segment')}; the drafts set no page size (a Server may cut a listing of more than ${FULL_PAGE}), and this package recommends at least ${FULL_PAGE} on every page but the last`);
  }
  return { segments, complete, pages };
}

/** A request running beside the walk; its findings are kept aside until `settle`. */
interface Beside<T> {
  readonly done: Promise<T>;
  readonly findings: Findings;
}

function beside<T>(state: State, run: (ex: Exchange) => Promise<T>): Beside<T> {
  const findings = new Findings((s) => s); // redacted when they join the crawl's findings
  return { findings, done: run({ fetcher: state.fetcher, deadline: state.deadline, findings }) };
}

/** Wait for a request beside the walk and add its findings to the crawl's, in the order they were made. */
async function settle<T>(state: State, b: Beside<T>): Promise<T> {
  const value = await b.done;
  state.findings.absorb(b.findings);
  return value;
}

/**
 * Follow `previous` from page k+1: it must give page k. The same bytes as
 * page k are enough (neither decoded nor parsed); otherwise the ids must match in order.
 */
async function checkPrevious(state: Exchange, url: string, previousUrl: string, want: { readonly ids: readonly string[]; readonly bytes: Buffer }, page: number): Promise<void> {
  const what = `previous of page ${page}`;
  const bytes = await fetchBody(state, previousUrl, what);
  if (bytes !== null && bytes.equals(want.bytes)) return;
  const got = bytes === null ? null : parsePage(state, previousUrl, what, bytes);
  if (got === null || !got.ok) {
    state.findings.add('previous-link', url, `previous of page ${page} could not be read (see the finding for ${previousUrl})`);
    return;
  }
  const list = Array.isArray(got.page.usage_segments) ? got.page.usage_segments : [];
  const ids = list.map((s) => (isObject(s) && typeof s.cds_usagesegment_id === 'string' ? s.cds_usagesegment_id : '?'));
  if (ids.length !== want.ids.length || ids.some((id, i) => id !== want.ids[i])) {
    state.findings.add('previous-link', url, `previous of page ${page} gives ${plural(ids.length, 'segment')} [${preview(ids)}], but page ${page - 1} has ${want.ids.length} [${preview(want.ids)}]`);
  }
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
    start: parseInstant(startRaw),
    end: parseInstant(endRaw),
    startRaw,
    endRaw,
    modified: parseInstant(seg.cds_modified),
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
  if (s.start === null) return;
  const key = JSON.stringify([s.refs.related_aggregations, s.refs.related_accounts, s.refs.related_servicecontracts].map((l) => [...new Set(l)].sort())); // id lists as sets
  const before = lastByGroup.get(key);
  lastByGroup.set(key, s);
  if (before === undefined) return;
  // Only summaries with a start are remembered (above), so `before.start` is set.
  const byStart = compareInstants(s.start, before.start!);
  if (byStart < 0) {
    state.findings.add('order', url, `segment ${JSON.stringify(s.id)} (segment_start ${s.startRaw}) is listed after ${JSON.stringify(before.id)} (segment_start ${before.startRaw}) of the same accounts and contracts; segment_start must ascend`);
  } else if (byStart === 0 && s.modified !== null && before.modified !== null && compareInstants(s.modified, before.modified) > 0) {
    state.findings.add('order', url, `segments ${JSON.stringify(before.id)} and ${JSON.stringify(s.id)} start together; the later cds_modified must come first`);
  }
}
