/**
 * What the crawler checks with the package's checker: each page's document
 * problems (the checker's own codes, in the crawl's model), and the
 * timeline of the whole listing, from value-less skeletons of its segments.
 */
import { validate } from '../index.js';
import { isObject, type State } from './state.js';

/** Segments kept (without values) for the timeline across pages. */
export const MAX_TIMELINE_SEGMENTS = 100_000;
const CHECKER_PROBLEMS_PER_PAGE = 20;

/** The model the checker applies: forced by `--model`, else the one the first page with a segment showed (until then the checker's own detection). */
export function checkerModel(state: State): '2024' | '2026' | 'auto' {
  return state.model === 'unknown' ? 'auto' : state.model;
}

export function detectModel(page: Record<string, unknown>): '2024' | '2026' | 'unknown' {
  const list = Array.isArray(page.usage_segments) ? page.usage_segments : [];
  for (const s of list) {
    if (!isObject(s)) continue;
    if (Object.prototype.hasOwnProperty.call(s, 'formats')) return '2026';
    if (Object.prototype.hasOwnProperty.call(s, 'format')) return '2024';
  }
  return 'unknown';
}

/** The checker's problems on one page, with its own codes. */
export function checkDocument(state: State, url: string, page: Record<string, unknown>, pageNo: number): void {
  const result = validate(page, { kind: 'list', model: checkerModel(state) });
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

/** One shared, never-mutated value set per width: a skeleton keeps a segment's shape without its values. */
const NULL_SETS = new Map<number, readonly null[]>();
export function keepSkeleton(state: State, seg: Record<string, unknown>, page: number): void {
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
export function crossPageTimeline(state: State, url: string): void {
  if (state.timelineOverflow) {
    state.skipped.set('timeline', `more than ${MAX_TIMELINE_SEGMENTS} segments`);
    return;
  }
  const result = validate({ usage_segments: state.skeletons, next: null, previous: null }, { kind: 'list', model: checkerModel(state) });
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
