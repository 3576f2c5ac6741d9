// The reference Server shows only what a token may see (src/access.ts): over
// random segments sharing random objects and random grants, checked against
// an oracle written here from the access model's two sentences —
// included: a segment listing a selected object; visible: a selected id, or
// one whose every segment is included. Run bounded by test/access.test.ts,
// at length by the root's test/stress/server-access.stress.ts.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { openDb } from '../src/db.js';
import type { FaultName } from '../src/faults.js';
import { startServer } from '../src/http.js';
import { importDocuments } from '../src/import.js';
import { createToken, type TokenGrant } from '../src/tokens.js';

const TEMPLATE = (JSON.parse(readFileSync(new URL('../../spec/2024/examples/gap-disclosure-page.json', import.meta.url), 'utf8')) as { usage_segments: Record<string, unknown>[] }).usage_segments[0]!;

/** Each kind: its related_* field, its grant field (selectable kinds), its id and number filters. */
export const KINDS = [
  { kind: 'account', field: 'related_accounts', grant: 'accounts', idFilter: 'cds_account_ids', numberFilter: 'account_numbers', pool: ['A1', 'A2', 'A3'] },
  { kind: 'servicecontract', field: 'related_servicecontracts', grant: 'servicecontracts', idFilter: 'cds_servicecontract_ids', numberFilter: 'contract_numbers', pool: ['C1', 'C2', 'C3'] },
  { kind: 'servicepoint', field: 'related_servicepoints', grant: 'servicepoints', idFilter: 'cds_servicepoint_ids', numberFilter: 'servicepoint_numbers', pool: ['P1', 'P2'] },
  { kind: 'meterdevice', field: 'related_meterdevices', grant: 'meterdevices', idFilter: 'cds_meterdevice_ids', numberFilter: 'meter_numbers', pool: ['M1', 'M2', 'M3'] },
  { kind: 'aggregation', field: 'related_aggregations', grant: 'aggregations', idFilter: null, numberFilter: null, pool: ['G1', 'G2'] },
  { kind: 'billsection', field: 'related_billsections', grant: null, idFilter: 'cds_billsection_ids', numberFilter: null, pool: ['B1', 'B2'] },
] as const;

type Refs = Record<string, string[]>;

const subset = (pool: readonly string[]) => fc.subarray([...pool]);
const refsArb: fc.Arbitrary<Refs> = fc.record(Object.fromEntries(KINDS.map((k) => [k.field, subset(k.pool)])) as Record<string, fc.Arbitrary<string[]>>);
const grantArb: fc.Arbitrary<Record<string, string[]>> = fc
  .record(Object.fromEntries(KINDS.filter((k) => k.grant !== null).map((k) => [k.grant!, subset(k.pool)])) as Record<string, fc.Arbitrary<string[]>>)
  .filter((g) => Object.values(g).some((ids) => ids.length > 0));

/** Segment i of a case: the template with its own id, its own day, and these references. */
function segment(i: number, refs: Refs): Record<string, unknown> {
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().replace('.000', '');
  const seg: Record<string, unknown> = { ...TEMPLATE, cds_usagesegment_id: `seg-${i}`, segment_start: day(i), segment_end: day(i + 1) };
  // One value set per day at the template's interval would change the values' length; keep the template's values and interval by stretching nothing: a one-day segment with one daily value set.
  seg.interval = 86400;
  seg.values = [(TEMPLATE.values as unknown[])[0]];
  for (const k of KINDS) seg[k.field] = refs[k.field];
  return seg;
}

/** The oracle: included segments and visible ids, straight from the model's definition. */
export function oracle(segments: readonly Refs[], grant: Record<string, string[]>): { included: boolean[]; visible: (field: string, id: string) => boolean } {
  const included = segments.map((refs) => KINDS.some((k) => k.grant !== null && refs[k.field]!.some((id) => (grant[k.grant!] ?? []).includes(id))));
  const visible = (field: string, id: string): boolean => {
    const k = KINDS.find((x) => x.field === field)!;
    if (k.grant !== null && (grant[k.grant] ?? []).includes(id)) return true;
    const listing = segments.map((refs, i) => [refs, i] as const).filter(([refs]) => refs[field]!.includes(id));
    return listing.length > 0 && listing.every(([, i]) => included[i]);
  };
  return { included, visible };
}

async function listAll(url: string, token: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let next: string | null = url;
  while (next !== null) {
    const res = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${next}: HTTP ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { usage_segments: Record<string, unknown>[]; next: string | null };
    out.push(...page.usage_segments);
    next = page.next;
  }
  return out;
}

/** Serve `segments` (references only vary) with `faults`; run `check` with the listing URL and a token of `grant`. */
async function withServer<T>(segments: readonly Refs[], grant: Record<string, string[]>, faults: FaultName[], check: (url: string, token: string) => Promise<T>): Promise<T> {
  const db = openDb(':memory:');
  const directory = Object.fromEntries(KINDS.filter((k) => k.numberFilter !== null).map((k) => [k.kind, Object.fromEntries(k.pool.map((id) => [id, `N-${id}`]))]));
  const imported = importDocuments(db, [{ file: 'case', doc: { usage_segments: segments.map((r, i) => segment(i, r)), next: null, previous: null } }], directory);
  if (!imported.ok) throw new Error(`import: ${JSON.stringify(imported.problems.slice(0, 3))}`);
  const token = createToken(db, { ...(grant as unknown as Omit<TokenGrant, 'scopes'>), accounts: grant.accounts ?? [], scopes: ['cds_usage_detailed'] });
  const server = await startServer({ db, model: '2024', faults });
  try {
    return await check(server.url, token);
  } finally {
    await server.close();
    db.close();
  }
}

/** The property: served segments are the included ones, their lists hold exactly the visible ids, and filters by hidden ids or numbers match nothing. */
export async function accessProperty(numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(refsArb, { minLength: 1, maxLength: 8 }), grantArb, async (segments, grant) => {
      const { included, visible } = oracle(segments, grant);
      await withServer(segments, grant, [], async (url, token) => {
        const served = await listAll(url, token);
        const want = segments.flatMap((_, i) => (included[i] ? [`seg-${i}`] : []));
        if (JSON.stringify(served.map((s) => s.cds_usagesegment_id).sort()) !== JSON.stringify([...want].sort())) throw new Error(`served ${JSON.stringify(served.map((s) => s.cds_usagesegment_id))}, want ${JSON.stringify(want)}`);
        for (const s of served) {
          const i = Number(String(s.cds_usagesegment_id).slice(4));
          for (const k of KINDS) {
            const expected = segments[i]![k.field]!.filter((id) => visible(k.field, id));
            if (JSON.stringify(s[k.field]) !== JSON.stringify(expected)) throw new Error(`seg-${i} ${k.field}: ${JSON.stringify(s[k.field])}, want ${JSON.stringify(expected)}`);
          }
        }
        // Filters by an id or a number the token may not see match nothing.
        for (const k of KINDS) {
          for (const id of k.pool) {
            if (visible(k.field, id)) continue;
            for (const [param, value] of [[k.idFilter, id], [k.numberFilter, `N-${id}`]] as const) {
              if (param === null) continue;
              const u = new URL(url);
              u.searchParams.set(param, value);
              const got = await listAll(u.toString(), token);
              if (got.length > 0) throw new Error(`${param}=${value} (hidden) matched ${JSON.stringify(got.map((s) => s.cds_usagesegment_id))}`);
            }
          }
        }
      });
    }),
    { numRuns },
  );
}

/** The leak fault does leak: a segment shared by two accounts, a token of one of them, the other's ids served and matched. */
export async function leakShows(): Promise<{ served: Record<string, unknown>[]; byHiddenAccount: number; byHiddenContract: number }> {
  const shared: Refs = { related_accounts: ['A1', 'A2'], related_servicecontracts: ['C1', 'C2'], related_servicepoints: ['P1', 'P2'], related_meterdevices: ['M1', 'M2'], related_aggregations: ['G1'], related_billsections: [] };
  const own2: Refs = { related_accounts: ['A2'], related_servicecontracts: ['C2'], related_servicepoints: ['P2'], related_meterdevices: ['M2'], related_aggregations: ['G1'], related_billsections: [] };
  return withServer([shared, own2], { accounts: ['A1'] }, ['leak-hidden-ids'], async (url, token) => {
    const served = await listAll(url, token);
    const by = async (param: string, value: string) => (await listAll(`${url}?${param}=${value}`, token)).length;
    return { served, byHiddenAccount: await by('account_numbers', 'N-A2'), byHiddenContract: await by('cds_servicecontract_ids', 'C2') };
  });
}
