// The crawl's pipeline: the next page and the previous link of the page
// before are requested while a page is checked, at most one of each at a
// time, and the findings come out in the same order whichever response
// arrives first. A stand-in fetch serves a six-page listing with delays.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crawl } from '../../src/index.js';
import { ROOT } from '../helpers/paths.js';

const example = JSON.parse(readFileSync(join(ROOT, 'spec/2024/examples/gap-disclosure-page.json'), 'utf8')) as { usage_segments: Record<string, unknown>[] };
const BASE = 'http://listing.test/api/usagesegments';
const PAGES = 6;
const pageUrl = (n: number) => (n === 1 ? BASE : `${BASE}?page=${n}`);

/** Page n holds one segment of its own; page 4's previous points at page 2 (wrong), page 5 comes as text/html, and the previous of page 6 answers 500. */
function body(n: number): string {
  const seg = { ...example.usage_segments[0], cds_usagesegment_id: `seg-${n}` };
  const previous = n === 1 ? null : n === 4 ? pageUrl(2) : n === 6 ? `${BASE}?page=5&broken=1` : pageUrl(n - 1);
  return JSON.stringify({ usage_segments: [seg], next: n < PAGES ? pageUrl(n + 1) : null, previous });
}

/** A fetch that answers after `delay(url)` ms and records how many requests were in flight at most. */
function stand(delay: (url: string) => number) {
  let inFlight = 0;
  const seen = { maxInFlight: 0, requests: 0 };
  const fake = (async (input: string | URL | Request) => {
    const url = String(input);
    inFlight++;
    seen.requests++;
    seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, delay(url)));
    inFlight--;
    if (url.includes('broken=1')) return new Response('{"error":"server_error"}', { status: 500, headers: { 'content-type': 'application/json' } });
    const n = url === BASE ? 1 : Number(new URL(url).searchParams.get('page'));
    return new Response(body(n), { headers: { 'content-type': n === 5 ? 'text/html' : 'application/json' } });
  }) as typeof fetch;
  return { fake, seen };
}

describe('the pipelined walk', () => {
  it('keeps at most one page ahead and one previous request in flight', async () => {
    const { fake, seen } = stand(() => 5);
    const r = await crawl({ url: BASE, probes: false, fetch: fake });
    expect(r.pages).toBe(PAGES);
    expect(seen.maxInFlight).toBe(2);
    expect(seen.requests).toBe(PAGES + PAGES - 1); // every page, and the previous link of each later page
  });

  it('gives the same findings in the same order whichever response comes first', async () => {
    // Page 5 is requested beside the previous link of page 4 (which names page 2): once one answers first, once the other.
    const pagesFirst = stand((url) => (url === pageUrl(2) ? 15 : 1));
    const previousFirst = stand((url) => (url === pageUrl(5) ? 15 : 1));
    const a = await crawl({ url: BASE, probes: false, fetch: pagesFirst.fake });
    const b = await crawl({ url: BASE, probes: false, fetch: previousFirst.fake });
    // Page 5's content type (its request ran beside the previous link of page 4), then page 4's previous link, then page 6's.
    const found = a.findings.filter((f) => ['previous-link', 'http-status', 'content-type'].includes(f.code));
    expect(found.map((f) => f.code)).toEqual(['content-type', 'previous-link', 'http-status', 'previous-link']);
    expect(b.findings).toEqual(a.findings);
  });
});
