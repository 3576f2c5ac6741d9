// The crawl's model comes from the checker's own detection (`detectModel`):
// a page without segments leaves it open, the first page with a segment
// fixes it. A 2026 crawl then reads the Server Metadata once, before that
// page is checked. A stand-in fetch serves the pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crawl } from '../../src/index.js';
import { detectModel } from '../../src/validate.js';
import { ROOT } from '../helpers/paths.js';

const seg2026 = JSON.parse(readFileSync(join(ROOT, 'spec/2026/examples/option1-estimated.json'), 'utf8')) as Record<string, unknown>;
const BASE = 'http://listing.test/api/usagesegments';
const METADATA = 'http://listing.test/.well-known/oauth-authorization-server';

function serve(pages: Record<string, unknown>[][], metadata: unknown) {
  const asked: { url: string; authorization: string | null }[] = [];
  const fake = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    asked.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    const json = { 'content-type': 'application/json' };
    if (url === METADATA) return metadata === undefined ? new Response('{}', { status: 404, headers: json }) : new Response(JSON.stringify(metadata), { headers: json });
    const n = url === BASE ? 1 : Number(new URL(url).searchParams.get('page'));
    const body = { usage_segments: pages[n - 1], next: n < pages.length ? `${BASE}?page=${n + 1}` : null, previous: n > 1 ? (n === 2 ? BASE : `${BASE}?page=${n - 1}`) : null };
    return new Response(JSON.stringify(body), { headers: json });
  }) as typeof fetch;
  return { fake, asked };
}

describe('the crawl model', () => {
  it('is the checker\'s detectModel of the first page with a segment; an empty page before it leaves the model open', async () => {
    expect(detectModel({ usage_segments: [seg2026] })).toBe('2026');
    const { fake, asked } = serve([[], [seg2026]], { cds_customerdata_version: 'v1', cds_usagesegments_additional_value_types: {} });
    const r = await crawl({ url: BASE, token: 'tok', probes: false, fetch: fake });
    expect(r.model).toBe('2026');
    // The empty first page is the page-size warning's, nothing else.
    expect(r.findings.map((f) => f.code)).toEqual(['page-size']);
    const meta = asked.filter((q) => q.url === METADATA);
    expect(meta).toEqual([{ url: METADATA, authorization: null }]);
  });

  it('stays unknown for a listing without segments, and then no metadata is read', async () => {
    const { fake, asked } = serve([[]], undefined);
    const r = await crawl({ url: BASE, probes: false, fetch: fake });
    expect(r.model).toBe('unknown');
    expect(asked.some((q) => q.url === METADATA)).toBe(false);
    expect(r.checks.find((c) => c.name === 'server-metadata')).toEqual({ name: 'server-metadata', status: 'skipped', reason: 'the model is unknown (no segment was read)' });
  });
});
