// Fidelity of the reference Server to each draft's own terms: 2024 filter
// values as ISO 8601 (2024-09 §11.5 L508–509), 2026 ones as RFC 3339; the
// 2026 Client object's cds_server_metadata (2026 §5 L862).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iso8601Key } from '../src/instant.js';
import { get, listAll, type Sandbox, sandbox, withQuery } from './helpers.js';

describe('iso8601Key: the ISO 8601 date-times with offset that a 2024 filter may carry', () => {
  it.each([
    { given: '2024-03-01T05:00:00Z', want: '2024-03-01T05:00:00.000000000Z' },
    { given: '20240301T050000Z', want: '2024-03-01T05:00:00.000000000Z' },
    { given: '20240301T000000-0500', want: '2024-03-01T05:00:00.000000000Z' },
    { given: '2024-03-01T00:00-05', want: '2024-03-01T05:00:00.000000000Z' },
    { given: '2024-03-01T05Z', want: '2024-03-01T05:00:00.000000000Z' },
    { given: '20240301T050000,25Z', want: '2024-03-01T05:00:00.250000000Z' },
    { given: '2024-03-01T05:00:00.1234567891234Z', want: '2024-03-01T05:00:00.123456789Z' },
    { given: '2024-03-01T05:00:00', want: null },
    { given: '2024-0301T050000Z', want: null },
    { given: 'not-a-date', want: null },
  ])('$given', ({ given, want }) => expect(iso8601Key(given)).toBe(want));
});

let box: Sandbox;
let box2026: Sandbox;
beforeAll(() => {
  box = sandbox({ meters: 2, days: 4 });
  box2026 = sandbox({ meters: 2, days: 4, model: '2026' });
});
afterAll(async () => {
  await box.close();
  await box2026.close();
});

describe('filters in each model’s terms', () => {
  it('2024: before in the basic format lists what the extended format lists', async () => {
    const server = await box.start();
    const extended = await listAll(withQuery(server.url, { before: '2024-02-22T00:00:00-05:00' }), box.token);
    const basic = await listAll(withQuery(server.url, { before: '20240222T000000-0500' }), box.token);
    expect(extended.status).toBe(200);
    expect(extended.ids.length).toBeGreaterThan(0);
    expect(basic).toEqual(extended);
  });

  it('2026: the basic format is not RFC 3339: 400 invalid_request', async () => {
    const server = await box2026.start();
    const r = await get(withQuery(server.url, { before: '20240222T000000-0500' }), box2026.token);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_request' });
    const ok = await get(withQuery(server.url, { before: '2024-02-22T00:00:00.123456789123-05:00' }), box2026.token);
    expect(ok.status).toBe(200);
  });
});

describe('2026: the Client object', () => {
  it('names the Server Metadata URL (cds_server_metadata), which serves the metadata', async () => {
    const server = await box2026.start();
    const client = await get(`${server.origin}/client`);
    expect(client.status).toBe(200);
    const url = (client.body as { cds_server_metadata: string }).cds_server_metadata;
    expect(url).toBe(`${server.origin}/.well-known/oauth-authorization-server`);
    const meta = await get(url);
    expect(meta.body).toMatchObject({ cds_customerdata_version: 'v1', cds_usagesegments_api: server.url });
  });
});

describe('2024 demo data: both vocabularies of format strings', () => {
  it('the draft’s §11.2 names on odd meters’ valid readings, the meeting’s elsewhere', async () => {
    const names = new Set(box.segments.flatMap((s) => (Array.isArray(s.format) ? (s.format as string[]) : [])));
    expect([...names].filter((n) => n.startsWith('usage_')).sort()).toEqual(['usage_fwd_kwh']);
    expect(names.has('kwh_fwd')).toBe(true);
    expect(names.has('kwh_fwd_estimate')).toBe(true);
    // Net metering is on meters 2, 5, 8…: meter 5 is odd, so six meters show the draft's three net names.
    const six = sandbox({ meters: 6, days: 2 });
    try {
      const all = new Set(six.segments.flatMap((s) => (Array.isArray(s.format) ? (s.format as string[]) : [])));
      expect([...all].filter((n) => n.startsWith('usage_')).sort()).toEqual(['usage_fwd_kwh', 'usage_net_kwh', 'usage_rev_kwh']);
    } finally {
      await six.close();
    }
  });
});
