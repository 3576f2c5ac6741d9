// The timeline across pages: the crawler joins what the checker's timeline
// rules read of each page's segments (validatePage) and runs those rules once
// over the whole listing (checkTimelineOf). A stand-in fetch serves two pages
// cut from the 2024 gap-disclosure example (data A, gap G, data C).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crawl, type CrawlReport } from '../../src/index.js';
import { checkTimelineOf, validate, validatePage } from '../../src/validate.js';
import { ROOT } from '../helpers/paths.js';

const example = JSON.parse(readFileSync(join(ROOT, 'spec/2024/examples/gap-disclosure-page.json'), 'utf8')) as { usage_segments: Record<string, unknown>[] };
const [A, G, C] = example.usage_segments as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
const BASE = 'http://listing.test/api/usagesegments';

/** Crawl a two-page listing served by a stand-in fetch (probes off). */
function crawlPages(page1: Record<string, unknown>[], page2: Record<string, unknown>[]): Promise<CrawlReport> {
  const bodies = new Map([
    [BASE, { usage_segments: page1, next: `${BASE}?page=2`, previous: null }],
    [`${BASE}?page=2`, { usage_segments: page2, next: null, previous: BASE }],
  ]);
  const fake = (async (input: string | URL | Request) => {
    const body = bodies.get(String(input));
    return body === undefined ? new Response('{}', { status: 404 }) : new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return crawl({ url: BASE, probes: false, fetch: fake });
}

const timelineFindings = (r: CrawlReport) => r.findings.filter((f) => f.code.startsWith('timeline-'));

describe('the timeline across pages', () => {
  it('a listing whose pages join without a hole gives no timeline finding', async () => {
    const r = await crawlPages([A, G], [C]);
    expect(r.pages).toBe(2);
    expect(timelineFindings(r)).toEqual([]);
  });

  it('a hole between the last segment of page 1 and the first of page 2 is reported once, across pages', async () => {
    const r = await crawlPages([A], [C]);
    const found = timelineFindings(r);
    expect(found.map((f) => f.code)).toEqual(['timeline-hole']);
    expect(found[0]!.message).toMatch(/^across pages: no segment covers 2024-01-18T17:00:00Z to 2024-01-18T18:00:00Z/);
  });

  it('a segment on page 2 that overlaps one of page 1 (another id) is a timeline-overlap across pages', async () => {
    const r = await crawlPages([A, G, C], [{ ...C, cds_usagesegment_id: 'copy-of-c' }]);
    expect(timelineFindings(r).map((f) => f.code)).toEqual(['timeline-overlap']);
    expect(timelineFindings(r)[0]!.message).toMatch(/^across pages: segment "copy-of-c" overlaps/);
  });

  it('a segment listed again on page 2 (same id) is the duplicate finding, not an overlap with itself', async () => {
    const r = await crawlPages([A, G], [G, C]);
    expect(r.findings.map((f) => f.code)).toContain('duplicate-across-pages');
    expect(timelineFindings(r)).toEqual([]);
  });

  it('an overlap inside one page is reported by that page alone, not again across pages', async () => {
    const r = await crawlPages([A, { ...A, cds_usagesegment_id: 'twin' }, G], [C]);
    const found = timelineFindings(r);
    expect(found.map((f) => f.code)).toEqual(['timeline-overlap']);
    expect(found[0]!.message).not.toMatch(/^across pages/);
  });
});

describe('validatePage and checkTimelineOf', () => {
  it('validatePage gives the result validate gives, and one timeline entry per segment', () => {
    const { result, timeline } = validatePage(example, { model: '2024' });
    expect(result).toEqual(validate(example, { kind: 'list', model: '2024' }));
    expect(timeline.map((e) => e.id)).toEqual(example.usage_segments.map((s) => s.cds_usagesegment_id));
  });

  it('checkTimelineOf over entries joined from two pages finds what validate finds on the joined page', () => {
    const joined = { usage_segments: [A, C], next: null, previous: null };
    const entries = [...validatePage({ ...joined, usage_segments: [A] }, { model: '2024' }).timeline, ...validatePage({ ...joined, usage_segments: [C] }, { model: '2024' }).timeline].map((e, index) => ({ ...e, index, path: `/usage_segments/${index}` }));
    const across = checkTimelineOf(entries, '2024');
    const whole = validate(joined, { kind: 'list', model: '2024' });
    expect(across.warnings.concat(across.errors).map((p) => p.code)).toEqual(['timeline-hole']);
    expect(across.warnings).toEqual(whole.warnings.filter((p) => p.code.startsWith('timeline-')));
    expect(across.errors).toEqual(whole.errors.filter((p) => p.code.startsWith('timeline-')));
  });
});
