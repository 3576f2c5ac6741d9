// A stand-in Server for the crawler's tests: node:http on 127.0.0.1, port 0,
// answering one listing page honestly (the id filters, `before`/`after` as
// the draft words them, 401 with a Bearer challenge and an OAuth body, 400
// for a malformed date). Tests bend single answers of it to make the crawler
// report one thing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';

export const TOKEN = 'secret-token-4711';

export type Page = { usage_segments: Record<string, unknown>[]; next: string | null; previous: string | null };

/** The gap-disclosure example page of a model: three segments of one account and contract. */
export function examplePage(model: '2024' | '2026'): Page {
  return JSON.parse(readFileSync(join(ROOT, `spec/${model}/examples/gap-disclosure-page.json`), 'utf8')) as Page;
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export const JSON_TYPE = { 'content-type': 'application/json' } as const;

/** A 200 JSON page. */
export function pageAnswer(segments: readonly Record<string, unknown>[], next: string | null = null, previous: string | null = null): Answer {
  return { status: 200, headers: JSON_TYPE, body: JSON.stringify({ usage_segments: segments, next, previous }) };
}

/** The answer of a conformant Server listing `page`'s segments to a request for `reqUrl` (path ignored) with `auth` as its Authorization header. */
export function honestAnswer(page: Page, reqUrl: string, auth: string | undefined, token = TOKEN): Answer {
  if (auth !== `Bearer ${token}`) {
    // RFC 6750 §3.1: no error code in the challenge of a request without credentials.
    const challenge = auth === undefined ? 'Bearer realm="t"' : 'Bearer realm="t", error="invalid_token"';
    return { status: 401, headers: { ...JSON_TYPE, 'www-authenticate': challenge }, body: '{"error":"invalid_token"}' };
  }
  const u = new URL(reqUrl, 'http://x');
  const before = u.searchParams.get('before');
  const after = u.searchParams.get('after');
  if ((before !== null && Number.isNaN(Date.parse(before))) || (after !== null && Number.isNaN(Date.parse(after)))) return { status: 400, headers: JSON_TYPE, body: '{"error":"invalid_request"}' };
  let segs = page.usage_segments;
  const keep = (p: string, f: (s: Record<string, unknown>, vs: string[]) => boolean) => {
    const v = u.searchParams.get(p);
    if (v !== null) segs = segs.filter((s) => f(s, v.split(' ')));
  };
  keep('cds_usagesegment_ids', (s, vs) => vs.includes(s.cds_usagesegment_id as string));
  for (const [p, field] of [['cds_account_ids', 'related_accounts'], ['cds_servicecontract_ids', 'related_servicecontracts'], ['cds_servicepoint_ids', 'related_servicepoints'], ['cds_meterdevice_ids', 'related_meterdevices'], ['cds_billsection_ids', 'related_billsections']] as const) {
    keep(p, (s, vs) => ((s[field] as string[] | undefined) ?? []).some((x) => vs.includes(x)));
  }
  // The numbers are not in segments; the crawler probes them only with a number no one has.
  for (const p of ['account_numbers', 'contract_numbers', 'servicepoint_numbers', 'meter_numbers']) keep(p, () => false);
  keep('before', (s, [v]) => Date.parse(s.segment_start as string) <= Date.parse(v!));
  keep('after', (s, [v]) => Date.parse(s.segment_end as string) >= Date.parse(v!));
  return pageAnswer(segs);
}

export interface StandIn {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  close(): Promise<void>;
}

/** Listen on 127.0.0.1, port 0, with `handler`; `close` ends open connections too. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<StandIn> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function send(res: ServerResponse, a: Answer): void {
  res.writeHead(a.status, a.headers).end(a.body);
}
