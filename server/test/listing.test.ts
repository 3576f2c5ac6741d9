// The listing against an independent model of the draft's rules (§11.5):
// every page, the order, the twelve filters, before/after at the boundaries,
// and the links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/http.js';
import { get, listAll, type Sandbox, sandbox, withQuery } from './helpers.js';

let box: Sandbox;
let server: RunningServer;

beforeAll(async () => {
  box = sandbox({ meters: 5, days: 50 });
  server = await box.start();
});
afterAll(() => box.close());

type Seg = Record<string, unknown> & { cds_usagesegment_id: string; segment_start: string; segment_end: string; cds_modified: string };
const ids = (field: string) => (s: Record<string, unknown>) => s[field] as string[];

/** The draft's ordering, computed here independently from the directory numbers. */
function expectedOrder(): string[] {
  const dir = box.demo.directory;
  const min = (kind: 'account' | 'servicecontract', list: string[]): string =>
    list.map((id) => dir[kind]?.[id] ?? '').sort()[0] ?? '';
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return [...(box.segments as Seg[])]
    .sort(
      (a, b) =>
        cmp(min('account', ids('related_accounts')(a)), min('account', ids('related_accounts')(b))) ||
        cmp(min('servicecontract', ids('related_servicecontracts')(a)), min('servicecontract', ids('related_servicecontracts')(b))) ||
        Date.parse(a.segment_start) - Date.parse(b.segment_start) ||
        Date.parse(b.cds_modified) - Date.parse(a.cds_modified) ||
        cmp(a.cds_usagesegment_id, b.cds_usagesegment_id),
    )
    .map((s) => s.cds_usagesegment_id);
}

function where(pred: (s: Seg) => boolean): string[] {
  const keep = new Set((box.segments as Seg[]).filter(pred).map((s) => s.cds_usagesegment_id));
  return expectedOrder().filter((id) => keep.has(id));
}

describe('the unfiltered listing', () => {
  it('lists every segment once, in the draft order, 100 per page', async () => {
    const all = await listAll(server.url, box.token);
    expect(all.status).toBe(200);
    expect(all.ids).toEqual(expectedOrder());
    expect(all.pages.map((p) => p.usage_segments.length)).toEqual([
      ...Array(Math.floor(box.segments.length / 100)).fill(100),
      ...(box.segments.length % 100 === 0 ? [] : [box.segments.length % 100]),
    ]);
  });

  it('has absolute same-origin next/previous links; previous leads back to the page before', async () => {
    const all = await listAll(server.url, box.token);
    expect(all.pages[0]?.previous).toBeNull();
    expect(all.pages.at(-1)?.next).toBeNull();
    for (let k = 1; k < all.pages.length; k++) {
      const page = all.pages[k]!;
      expect(new URL(page.previous!).origin).toBe(server.origin);
      const back = await get(page.previous!, box.token);
      expect((back.body as { usage_segments: Seg[] }).usage_segments.map((s) => s.cds_usagesegment_id)).toEqual(
        all.pages[k - 1]!.usage_segments.map((s) => s.cds_usagesegment_id),
      );
    }
  });

  it('keeps cursors correct while data changes: a segment added before the cursor does not shift later pages', async () => {
    const first = await get(server.url, box.token);
    const next = (first.body as { next: string }).next;
    const before = await get(next, box.token);
    const { importDocuments } = await import('../src/import.js');
    const early = { ...(box.segments[0] as Seg) };
    const added = importDocuments(box.db, [{ file: 'added', doc: { ...early, cds_usagesegment_id: 'added-early', segment_start: '2023-01-01T00:00:00Z', segment_end: '2023-01-02T00:00:00Z', interval: 86400, format: ['kwh_fwd'], values: [[{ v: 1 }]] } }]);
    expect(added.ok).toBe(true);
    const after = await get(next, box.token);
    expect(after.body).toEqual(before.body);
    box.db.prepare("DELETE FROM segments WHERE id = 'added-early'").run();
  });
});

describe('the twelve filters (intersection, space-separated)', () => {
  const seg = () => box.segments[7] as Seg;
  const numberOf = (kind: 'account' | 'servicecontract' | 'servicepoint' | 'meterdevice', id: string) => box.demo.directory[kind]![id]!;
  const cases: { name: string; query: () => Record<string, string>; want: () => string[] }[] = [
    { name: 'cds_usagesegment_ids, two ids', query: () => ({ cds_usagesegment_ids: `${seg().cds_usagesegment_id} ${(box.segments[42] as Seg).cds_usagesegment_id}` }), want: () => where((s) => [seg().cds_usagesegment_id, (box.segments[42] as Seg).cds_usagesegment_id].includes(s.cds_usagesegment_id)) },
    { name: 'cds_account_ids', query: () => ({ cds_account_ids: 'acc-0002' }), want: () => where((s) => ids('related_accounts')(s).includes('acc-0002')) },
    { name: 'account_numbers', query: () => ({ account_numbers: numberOf('account', 'acc-0003') }), want: () => where((s) => ids('related_accounts')(s).includes('acc-0003')) },
    { name: 'cds_servicecontract_ids', query: () => ({ cds_servicecontract_ids: 'sc-0001 sc-0005' }), want: () => where((s) => ids('related_servicecontracts')(s).some((x) => x === 'sc-0001' || x === 'sc-0005')) },
    { name: 'contract_numbers', query: () => ({ contract_numbers: numberOf('servicecontract', 'sc-0004') }), want: () => where((s) => ids('related_servicecontracts')(s).includes('sc-0004')) },
    { name: 'cds_servicepoint_ids', query: () => ({ cds_servicepoint_ids: 'sp-0002' }), want: () => where((s) => ids('related_servicepoints')(s).includes('sp-0002')) },
    { name: 'servicepoint_numbers', query: () => ({ servicepoint_numbers: numberOf('servicepoint', 'sp-0003') }), want: () => where((s) => ids('related_servicepoints')(s).includes('sp-0003')) },
    { name: 'cds_meterdevice_ids', query: () => ({ cds_meterdevice_ids: 'md-0005' }), want: () => where((s) => ids('related_meterdevices')(s).includes('md-0005')) },
    { name: 'meter_numbers', query: () => ({ meter_numbers: numberOf('meterdevice', 'md-0001') }), want: () => where((s) => ids('related_meterdevices')(s).includes('md-0001')) },
    { name: 'cds_billsection_ids', query: () => ({ cds_billsection_ids: 'bs-acc-0001-2024-03' }), want: () => where((s) => ids('related_billsections')(s).includes('bs-acc-0001-2024-03')) },
    { name: 'before at a segment_start (inclusive)', query: () => ({ before: seg().segment_start }), want: () => where((s) => Date.parse(s.segment_start) <= Date.parse(seg().segment_start)) },
    { name: 'before one second earlier', query: () => ({ before: new Date(Date.parse(seg().segment_start) - 1000).toISOString() }), want: () => where((s) => Date.parse(s.segment_start) < Date.parse(seg().segment_start)) },
    { name: 'after at a segment_end (inclusive)', query: () => ({ after: seg().segment_end }), want: () => where((s) => Date.parse(s.segment_end) >= Date.parse(seg().segment_end)) },
    { name: 'after one second later', query: () => ({ after: new Date(Date.parse(seg().segment_end) + 1000).toISOString() }), want: () => where((s) => Date.parse(s.segment_end) > Date.parse(seg().segment_end)) },
    { name: 'after with another offset than the data', query: () => ({ after: '2024-03-10T12:00:00+09:00' }), want: () => where((s) => Date.parse(s.segment_end) >= Date.parse('2024-03-10T12:00:00+09:00')) },
    {
      name: 'a combination: account, meter, before and after',
      query: () => ({ cds_account_ids: 'acc-0001 acc-0003', cds_meterdevice_ids: 'md-0001 md-0005', after: '2024-03-01T00:00:00-05:00', before: '2024-03-20T00:00:00-04:00' }),
      want: () =>
        where(
          (s) =>
            ids('related_accounts')(s).some((a) => a === 'acc-0001' || a === 'acc-0003') &&
            ids('related_meterdevices')(s).some((m) => m === 'md-0001' || m === 'md-0005') &&
            Date.parse(s.segment_end) >= Date.parse('2024-03-01T00:00:00-05:00') &&
            Date.parse(s.segment_start) <= Date.parse('2024-03-20T00:00:00-04:00'),
        ),
    },
    { name: 'an id nobody has gives an empty listing', query: () => ({ cds_account_ids: 'no-such-account' }), want: () => [] },
  ];
  it.each(cases)('$name', async ({ query, want }) => {
    const expected = want();
    const got = await listAll(withQuery(server.url, query()), box.token);
    expect(got.status).toBe(200);
    expect(got.ids).toEqual(expected);
  });

  it('every filter is exercised by a case that selects a proper, non-empty subset', () => {
    const names = new Set(cases.flatMap((c) => Object.keys(c.query())));
    expect([...names].sort()).toEqual(
      ['account_numbers', 'after', 'before', 'cds_account_ids', 'cds_billsection_ids', 'cds_meterdevice_ids', 'cds_servicecontract_ids', 'cds_servicepoint_ids', 'cds_usagesegment_ids', 'contract_numbers', 'meter_numbers', 'servicepoint_numbers'],
    );
    for (const c of cases.slice(0, -1)) {
      const n = c.want().length;
      expect(n, c.name).toBeGreaterThan(0);
      expect(n, c.name).toBeLessThan(box.segments.length);
    }
  });

  it('next links keep the filters', async () => {
    const got = await listAll(withQuery(server.url, { after: '2024-02-25T00:00:00Z' }), box.token);
    expect(got.pages.length).toBeGreaterThan(1);
    for (const p of got.pages.slice(0, -1)) expect(new URL(p.next!).searchParams.get('after')).toBe('2024-02-25T00:00:00Z');
  });
});

describe('the page cache', () => {
  it('serves the same page again, and a fresh one as soon as the data changes', async () => {
    const first = await get(server.url, box.token);
    const again = await get(server.url, box.token);
    expect(again.body).toEqual(first.body);
    const { importDocuments } = await import('../src/import.js');
    const early = box.segments[0] as Seg;
    const added = importDocuments(box.db, [{ file: 'added', doc: { ...early, cds_usagesegment_id: 'cache-probe', segment_start: '2023-06-01T00:00:00Z', segment_end: '2023-06-02T00:00:00Z', interval: 86400, format: ['kwh_fwd'], values: [[{ v: 1 }]] } }]);
    expect(added.ok).toBe(true);
    const after = await get(server.url, box.token);
    expect((after.body as { usage_segments: Seg[] }).usage_segments.map((s) => s.cds_usagesegment_id)).toContain('cache-probe');
    box.db.prepare("DELETE FROM segments WHERE id = 'cache-probe'").run();
    const removed = await get(server.url, box.token);
    expect(removed.body).toEqual(first.body);
  });
  it('knows a token created, and forgets one removed, by another process while serving (grants are cached per data version)', async () => {
    const { openDb } = await import('../src/db.js');
    const { createToken } = await import('../src/tokens.js');
    const other = openDb(box.dbFile);
    try {
      const unknown = 'cds_sandbox_not-yet-created';
      expect((await get(server.url, unknown)).status).toBe(401);
      const token = createToken(other, { accounts: box.demo.accounts, scopes: ['cds_usage_detailed'] });
      expect((await get(server.url, token)).status).toBe(200);
      expect((await get(server.url, token)).status).toBe(200);
      other.prepare('DELETE FROM tokens WHERE hash NOT IN (SELECT hash FROM tokens ORDER BY created LIMIT 1)').run();
      expect((await get(server.url, token)).status).toBe(401);
      expect((await get(server.url, box.token)).status).toBe(200);
    } finally {
      other.close();
    }
  });
});
