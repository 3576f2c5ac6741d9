// The crawler reads a segment's times as the checker does, at every digit of
// the fraction (issue 25's audit): an order or filter error below one
// millisecond is seen. Before, the crawler cut times to whole milliseconds,
// so two segments listed 0.5 ms out of order passed as equal starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../../src/index.js';
import { examplePage, honestAnswer, listen, pageAnswer, send, type Page, type StandIn, TOKEN } from './stand-in.js';

const first = examplePage('2024').usage_segments[0]!;
// The same account and contract (one order group), a start half a millisecond
// later: within the 1 ms tolerance of the interval arithmetic, so only the
// order can make a difference here.
const later = { ...first, cds_usagesegment_id: `${String(first.cds_usagesegment_id)}-later`, segment_start: '2024-01-15T00:00:00.0005Z' };

const cases: { given: string; listed: Record<string, unknown>[]; want: string[] }[] = [
  { given: 'a segment starting 0.5 ms later listed first', listed: [later, first], want: ['order'] },
  { given: 'the same two segments in ascending order', listed: [first, later], want: [] },
];

let server: StandIn;
let listing: Record<string, unknown>[] = [];
beforeAll(async () => {
  server = await listen((req, res) => {
    const page: Page = { usage_segments: listing, next: null, previous: null };
    const honest = honestAnswer(page, req.url ?? '/', req.headers.authorization);
    send(res, honest.status === 200 ? pageAnswer(listing) : honest);
  });
});
afterAll(() => server.close());

describe('crawl: segment order below a millisecond', () => {
  for (const { given, listed, want } of cases) {
    it(`${given}: ${want.length === 0 ? 'no order finding' : want.join(', ')}`, async () => {
      listing = listed;
      const r = await crawl({ url: `${server.origin}/api/usagesegments`, token: TOKEN, probes: false, timeoutMs: 5000 });
      expect(r.findings.filter((f) => f.code === 'order').map((f) => f.code)).toEqual(want);
    });
  }
});
