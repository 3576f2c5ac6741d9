/**
 * What the crawler checks with the package's checker: each page's document
 * problems (the checker's own codes, in the crawl's model), and the
 * timeline of the whole listing, from what the checker's timeline rules
 * read of each segment while it checked its page (no segment is checked twice).
 */
import { checkTimelineOf, detectModel, validatePage, type TimelineEntry } from '../validate.js';
import { ptr } from '../pointer.js';
import type { Model } from '../registry.js';
import type { State } from './state.js';

/** Segments kept for the timeline across pages (times and series only, no values). */
export const MAX_TIMELINE_SEGMENTS = 100_000;
const CHECKER_PROBLEMS_PER_PAGE = 20;

/** The model the checker applies: forced by `--model`, else the one the first page with a segment showed (until then the checker's own detection). */
export function checkerModel(state: State): Model | 'auto' {
  return state.model === 'unknown' ? 'auto' : state.model;
}

/**
 * The crawl's model from a page, by the checker's own detection
 * (`detectModel`): fixed by the first page that has a segment; a page
 * without segments shows nothing.
 */
export function modelFromPage(page: Record<string, unknown>): Model | 'unknown' {
  const list = page.usage_segments;
  return Array.isArray(list) && list.length > 0 ? detectModel(page) : 'unknown';
}

/** The checker's problems on one page, with its own codes; returns the page's timeline entries (see `keepTimeline`). */
export function checkDocument(state: State, url: string, page: Record<string, unknown>, pageNo: number): readonly TimelineEntry[] {
  const { result, timeline } = validatePage(page, { model: checkerModel(state), ...(state.serverMetadata === null ? {} : { serverMetadata: state.serverMetadata }) });
  let n = 0;
  for (const [level, list] of [['error', result.errors], ['warning', result.warnings]] as const) {
    for (const p of list) {
      state.pageProblemKeys.add(`${p.code} ${p.segmentId ?? ''} ${pageNo}`);
      if (n++ < CHECKER_PROBLEMS_PER_PAGE) state.findings.add(p.code, url, p.message, level, p.path);
    }
  }
  const more = n - CHECKER_PROBLEMS_PER_PAGE + result.omittedErrors + result.omittedWarnings;
  if (more > 0) state.findings.add('document', url, `${more} more problems on page ${pageNo} not listed`, result.valid ? 'warning' : 'error');
  state.onPage?.({ number: pageNo, url, doc: page, result, timeline });
  return timeline;
}

/**
 * Keep a page's timeline entries for the timeline across pages, numbered in
 * listing order (the order decides which segment of a pair a problem is
 * reported on): only the segments the listing counts (`listed`: page
 * indexes; a copy of a segment already listed is the duplicate's finding,
 * not an overlap) and that the timeline can use.
 */
export function keepTimeline(state: State, entries: readonly TimelineEntry[], listed: ReadonlySet<number>, page: number): void {
  for (const e of entries) {
    if (!e.timed || e.relatedKey === null || !listed.has(e.index)) continue;
    if (state.timeline.length >= MAX_TIMELINE_SEGMENTS) {
      state.timelineOverflow = true;
      return;
    }
    const index = state.timeline.length;
    state.timeline.push({ ...e, index, path: ptr('', 'usage_segments', index) });
    state.timelinePages.push(page);
  }
}

/** The timeline of the whole listing: the checker's timeline rules over every page's segments at once; only problems no single page showed. */
export function crossPageTimeline(state: State, url: string): void {
  if (state.timelineOverflow) {
    state.skipped.set('timeline', `more than ${MAX_TIMELINE_SEGMENTS} segments`);
    return;
  }
  // More than one page read, so a segment was: the model is known (unknown only if no page had one, then the timeline is empty).
  const result = checkTimelineOf(state.timeline, state.model === 'unknown' ? detectModel({}) : state.model);
  for (const [level, list] of [['error', result.errors], ['warning', result.warnings]] as const) {
    for (const p of list) {
      if (p.code !== 'timeline-overlap' && p.code !== 'timeline-hole') continue;
      const index = Number(/^\/usage_segments\/(\d+)/.exec(p.path)?.[1] ?? NaN);
      const onPage = state.timelinePages[index];
      if (onPage !== undefined && state.pageProblemKeys.has(`${p.code} ${p.segmentId ?? ''} ${onPage}`)) continue;
      state.findings.add(p.code, url, `across pages: ${p.message}`, level);
    }
  }
}
