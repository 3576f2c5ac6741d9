// Authorization (401/403 with RFC 6750 challenges and OAuth bodies), bad
// input (400 invalid_request, never 500), SQL-injection strings, discovery.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/http.js';
import { FILTER_NAMES } from '../src/query.js';
import { createToken } from '../src/tokens.js';
import { get, listAll, type Sandbox, sandbox, withQuery } from './helpers.js';

let box: Sandbox;
let server: RunningServer;

beforeAll(async () => {
  box = sandbox({ meters: 6, days: 20 });
  server = await box.start();
});
afterAll(() => box.close());

describe('authorization', () => {
  it('401 without a token: a Bearer challenge without an error code, and an OAuth body that does not claim invalid_token', async () => {
    const r = await get(server.url);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="cds"');
    expect(r.body).toMatchObject({ error: 'invalid_request' });
  });

  it.each([['an unknown token', 'cds_sandbox_nope'], ['a malformed header value', 'has spaces in it']])('401 with %s: error="invalid_token"', async (_, token) => {
    const r = await get(server.url, token);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="cds", error="invalid_token"/);
    expect(r.body).toMatchObject({ error: 'invalid_token' });
  });

  it('403 insufficient_scope for a token without a usage scope', async () => {
    const t = createToken(box.db, { accounts: ['acc-0001'], scopes: ['cds_bill_amount_due'] });
    const r = await get(server.url, t);
    expect(r.status).toBe(403);
    expect(r.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(r.body).toMatchObject({ error: 'insufficient_scope' });
  });

  it('a token sees only its accounts’ segments, whatever the filters (property, seeded)', async () => {
    const accounts = box.demo.accounts;
    const owner = new Map(box.segments.map((s) => [s.cds_usagesegment_id as string, s.related_accounts as string[]]));
    const allIds = [...owner.keys()];
    const tokens = new Map(accounts.map((a) => [a, createToken(box.db, { accounts: [a], scopes: ['cds_usage_basic'] })]));
    const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
    const filters = fc.record(
      {
        cds_usagesegment_ids: fc.array(pick(allIds), { minLength: 1, maxLength: 4 }).map((x) => x.join(' ')),
        cds_account_ids: fc.array(pick([...accounts, 'nobody']), { minLength: 1, maxLength: 3 }).map((x) => x.join(' ')),
        cds_meterdevice_ids: fc.array(pick(['md-0001', 'md-0002', 'md-0003', 'md-0006']), { minLength: 1, maxLength: 2 }).map((x) => x.join(' ')),
        before: pick(['2024-02-25T00:00:00Z', '2024-03-05T00:00:00-05:00']),
        after: pick(['2024-02-22T00:00:00Z', '2024-03-01T00:00:00+01:00']),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(pick(accounts), filters, async (account, query) => {
        const got = await listAll(withQuery(server.url, query), tokens.get(account)!);
        expect(got.status).toBe(200);
        for (const page of got.pages) {
          for (const s of page.usage_segments) {
            expect(owner.get(s.cds_usagesegment_id as string)).toContain(account);
            expect(s.related_accounts).toEqual([account]);
          }
        }
      }),
      { seed: 12, numRuns: 60 },
    );
  });

  it('a segment shared with an account the token does not cover lists only the covered account', async () => {
    const { importDocuments } = await import('../src/import.js');
    const base = box.segments[0]!;
    const shared = { ...base, cds_usagesegment_id: 'shared-1', related_accounts: ['acc-0001', 'acc-0002'] };
    expect(importDocuments(box.db, [{ file: 'shared', doc: shared }]).ok).toBe(true);
    const t = createToken(box.db, { accounts: ['acc-0002'], scopes: ['cds_usage_basic'] });
    const r = await get(withQuery(server.url, { cds_usagesegment_ids: 'shared-1' }), t);
    expect((r.body as { usage_segments: { related_accounts: string[] }[] }).usage_segments.map((s) => s.related_accounts)).toEqual([['acc-0002']]);
    box.db.prepare("DELETE FROM segments WHERE id = 'shared-1'").run();
  });
});

describe('bad input gets 400 invalid_request, never 500', () => {
  const bad: [string, string][] = [
    ['before is not a date-time', '?before=yesterday'],
    ['after has no offset', '?after=2024-01-01T00:00:00'],
    ['before is a date only', '?before=2024-01-01'],
    ['an unknown parameter', '?cds_acount_ids=acc-0001'],
    ['a repeated parameter', '?cds_account_ids=a&cds_account_ids=b'],
    ['an empty list', '?cds_account_ids='],
    ['a list of spaces only', '?cds_account_ids=%20%20'],
    ['a cursor not made by the server', '?cursor=abc'],
    ['a cursor of valid base64 but wrong content', `?cursor=${Buffer.from('["x"]').toString('base64url')}`],
    ['too many values', `?cds_usagesegment_ids=${Array.from({ length: 1001 }, (_, i) => `id${i}`).join('%20')}`],
  ];
  it.each(bad)('%s', async (_, query) => {
    const r = await get(`${server.url}${query}`, box.token);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_request' });
    expect((r.body as { error_description: string }).error_description.length).toBeGreaterThan(10);
  });

  const injections = ["' OR 1=1 --", '"; DROP TABLE segments; --', "acc-0001') OR ('1'='1", '%', '_', '\\', '*', "x' UNION SELECT body FROM segments --", '\u0000', 'acc-0001\u0000'];
  it.each(FILTER_NAMES.flatMap((f) => injections.map((v) => [f, v] as const)))('%s=%j gives 400 or an empty listing', async (filter, value) => {
    const r = await get(withQuery(server.url, { [filter]: value }), box.token);
    expect([200, 400]).toContain(r.status);
    if (r.status === 200) expect((r.body as { usage_segments: unknown[] }).usage_segments).toEqual([]);
    else expect(r.body).toMatchObject({ error: 'invalid_request' });
  });

  it('the data is intact after the injection attempts', async () => {
    const all = await listAll(server.url, box.token);
    expect(all.ids.length).toBe(box.segments.length);
  });

  it.each([['POST', 405], ['DELETE', 405]])('%s answers %i with Allow: GET', async (method, status) => {
    const r = await fetch(server.url, { method, headers: { authorization: `Bearer ${box.token}` } });
    expect(r.status).toBe(status);
    expect(r.headers.get('allow')).toBe('GET');
  });

  it('an unknown path answers 404 in JSON', async () => {
    const r = await get(`${server.origin}/api/nothing`, box.token);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: 'not_found' });
  });
});

describe('discovery', () => {
  it('2024: the client registration names the listing URL (cds_usagesegments_api)', async () => {
    const r = await get(`${server.origin}/client`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ cds_usagesegments_api: server.url });
  });
});
