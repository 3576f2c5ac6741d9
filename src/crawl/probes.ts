/**
 * The probes run once the unfiltered listing is known: the filters against
 * it, a malformed filter, and authorization without a valid token.
 */
import { plural } from '../words.js';
import { compareInstants, type Instant } from '../time.js';
import { isObject } from '../json.js';
import { type RefField, type State, type Summary, preview } from './state.js';
import { walk } from './walk.js';

/** The draft's id filters and the segment field each matches. */
const ID_FILTERS: readonly (readonly [string, RefField])[] = [
  ['cds_account_ids', 'related_accounts'],
  ['cds_servicecontract_ids', 'related_servicecontracts'],
  ['cds_servicepoint_ids', 'related_servicepoints'],
  ['cds_meterdevice_ids', 'related_meterdevices'],
  ['cds_billsection_ids', 'related_billsections'],
];
/** Number filters: the numbers are not in segments, so only a number nobody has is probed (the listing must be empty). */
const NUMBER_FILTERS = ['account_numbers', 'contract_numbers', 'servicepoint_numbers', 'meter_numbers'] as const;

/** The listing URL with these query parameters added (spaces as %20, which every decoder reads as a space). */
function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  const extra = Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  u.search = u.search === '' ? `?${extra}` : `${u.search}&${extra}`;
  return u.toString();
}

interface Probe {
  readonly name: string;
  readonly params: Record<string, string>;
  readonly want: (s: Summary) => boolean;
}

/** Filter probes: each filtered listing against the unfiltered one. */
export async function filterProbes(state: State, url: string, all: readonly Summary[]): Promise<void> {
  const probes = buildProbes(all);
  const known = new Set(all.map((s) => s.id));
  for (const probe of probes) {
    if (state.fetcher.count >= state.requestBudget || Date.now() > state.deadline) {
      state.findings.add('page-limit', url, `the request budget ran out before the filter probe ${probe.name}; remaining probes skipped`);
      return;
    }
    const probeUrl = withQuery(url, probe.params);
    state.progress(`probe ${probe.name}`);
    const got = await walk(state, probeUrl, { main: false });
    if (!got.complete) continue; // the walk reported why
    const wanted = all.filter(probe.want).map((s) => s.id);
    const gotIds = new Set(got.segments.map((s) => s.id));
    const wantedSet = new Set(wanted);
    const missing = wanted.filter((id) => !gotIds.has(id));
    const unknown = got.segments.filter((s) => !known.has(s.id)).map((s) => s.id);
    const extra = got.segments.filter((s) => known.has(s.id) && !wantedSet.has(s.id)).map((s) => s.id);
    if (missing.length > 0) state.findings.add('filter', probeUrl, `${probe.name}: ${plural(missing.length, 'segment')} missing that the filter must keep [${preview(missing)}]`);
    if (extra.length > 0) state.findings.add('filter', probeUrl, `${probe.name}: ${plural(extra.length, 'segment')} listed that the filter must remove [${preview(extra)}]`);
    if (unknown.length > 0) {
      state.findings.add('incomplete-listing', probeUrl, `${probe.name}: ${plural(unknown.length, 'segment')} [${preview(unknown)}] listed here but absent from the unfiltered listing`);
    }
  }
}

const SECOND = 1000;
/** The instant `seconds` whole seconds later (earlier when negative): exact, the fraction's digits kept. */
function shifted(t: Instant, seconds: number): Instant {
  return { ms: t.ms + seconds * SECOND, sub: t.sub };
}
/** An instant as an RFC 3339 UTC date-time with every digit of its fraction (a probe must not round the boundary it tests). */
function iso(t: Instant): string {
  return `${new Date(t.ms).toISOString().slice(0, -1)}${t.sub}Z`;
}
/** Is `a` at or before `b`? (null, a time that is not RFC 3339, is neither) */
function atOrBefore(a: Instant | null, b: Instant): boolean {
  return a !== null && compareInstants(a, b) <= 0;
}
/** Is `a` at or after `b`? */
function atOrAfter(a: Instant | null, b: Instant): boolean {
  return a !== null && compareInstants(a, b) >= 0;
}

/** The probes for a listing: every id filter, before/after at a boundary and one second either side, a combination, unknown numbers. */
function buildProbes(all: readonly Summary[]): Probe[] {
  const probes: Probe[] = [];
  const timed = all.filter((s): s is Summary & { start: Instant; end: Instant } => s.start !== null && s.end !== null);
  const mid = all[Math.floor(all.length / 2)]!;
  const picks = [...new Set([all[0]!.id, mid.id, all[all.length - 1]!.id])];
  probes.push({ name: `cds_usagesegment_ids (${picks.length} ids)`, params: { cds_usagesegment_ids: picks.join(' ') }, want: (s) => picks.includes(s.id) });
  for (const [param, field] of ID_FILTERS) {
    const holder = [mid, ...all].find((s) => s.refs[field].length > 0);
    const value = holder?.refs[field][0];
    if (value === undefined) continue;
    probes.push({ name: `${param}=${value}`, params: { [param]: value }, want: (s) => s.refs[field].includes(value) });
  }
  const m = timed[Math.floor(timed.length / 2)];
  if (m !== undefined) {
    probes.push({ name: `before at a segment_start (${m.startRaw})`, params: { before: m.startRaw }, want: (s) => atOrBefore(s.start, m.start) });
    for (const [name, by] of [['before one second before a segment_start', -1], ['before one second after a segment_start', 1]] as const) {
      const at = shifted(m.start, by);
      probes.push({ name, params: { before: iso(at) }, want: (s) => atOrBefore(s.start, at) });
    }
    probes.push({ name: `after at a segment_end (${m.endRaw})`, params: { after: m.endRaw }, want: (s) => atOrAfter(s.end, m.end) });
    for (const [name, by] of [['after one second after a segment_end', 1], ['after one second before a segment_end', -1]] as const) {
      const at = shifted(m.end, by);
      probes.push({ name, params: { after: iso(at) }, want: (s) => atOrAfter(s.end, at) });
    }
    const account = m.refs.related_accounts[0];
    const q1 = timed[Math.floor(timed.length / 4)]!;
    const q3 = timed[Math.floor((timed.length * 3) / 4)]!;
    const [lo, hi] = compareInstants(q1.end, q3.start) <= 0 ? [q1, q3] : [q3, q1];
    probes.push({
      name: 'a combination of an account, after and before',
      params: { ...(account === undefined ? {} : { cds_account_ids: account }), after: lo.endRaw, before: hi.startRaw },
      want: (s) => (account === undefined || s.refs.related_accounts.includes(account)) && atOrAfter(s.end, lo.end) && atOrBefore(s.start, hi.start),
    });
  }
  for (const param of NUMBER_FILTERS) {
    probes.push({ name: `${param} with a number no one has`, params: { [param]: 'cds-crawler-probe-0000' }, want: () => false });
  }
  return probes;
}

/** Authorization probes: no token, and an invalid token, must get 401 with a Bearer challenge (and, by our decision, an OAuth body). */
export async function authProbes(state: State, url: string, haveToken: boolean): Promise<void> {
  const cases: [string, 'none' | { authorization: string }][] = [
    ['without a token', 'none'],
    ['with an invalid token', { authorization: 'Bearer cds-crawler-invalid-token-0000' }],
  ];
  for (const [label, auth] of cases) {
    if (auth === 'none' && !haveToken) {
      // The main crawl already ran without a token: a 200 there is open access.
      state.findings.add('auth', url, 'the listing was served without a token; the draft requires a Bearer access token');
      continue;
    }
    const r = await state.fetcher.get(url, auth);
    if (r.kind !== 'response') {
      state.findings.add('auth', url, `a request ${label} got no answer (${r.kind === 'transport' ? r.message : 'body too large'})`);
      continue;
    }
    if (r.status !== 401) {
      state.findings.add('auth', url, `a request ${label} got HTTP ${r.status}, expected 401${r.status === 200 ? ' (the listing is open to anyone)' : ''}`);
      continue;
    }
    const challenge = r.headers.get('www-authenticate') ?? '';
    if (!/^\s*bearer\b/i.test(challenge)) {
      state.findings.add('auth', url, `the 401 ${label} has ${challenge === '' ? 'no WWW-Authenticate header' : `WWW-Authenticate ${JSON.stringify(challenge)}`}, expected a Bearer challenge (RFC 6750 §3)`);
    }
    const text = r.body.toString('utf8');
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // reported below
    }
    if (!isObject(body) || typeof body.error !== 'string') {
      state.findings.add('auth-body', url, `the 401 ${label} has no OAuth error body {"error": …} (got ${JSON.stringify(text.slice(0, 80))})`);
    }
  }
}

/** A malformed `before` must get 400 invalid_request (Decision; never a 5xx, never silently ignored). */
export async function malformedFilterProbe(state: State, url: string): Promise<void> {
  const probeUrl = withQuery(url, { before: 'not-a-date' });
  const r = await state.fetcher.get(probeUrl, 'token');
  if (r.kind !== 'response') {
    state.findings.add('malformed-filter', probeUrl, `before=not-a-date got no answer (${r.kind === 'transport' ? r.message : 'body too large'})`);
    return;
  }
  let body: unknown = null;
  try {
    body = JSON.parse(r.body.toString('utf8'));
  } catch {
    // reported below
  }
  if (r.status !== 400) state.findings.add('malformed-filter', probeUrl, `before=not-a-date got HTTP ${r.status}, expected 400 invalid_request`);
  else if (!isObject(body) || body.error !== 'invalid_request') state.findings.add('malformed-filter', probeUrl, `before=not-a-date got 400 without the OAuth body {"error": "invalid_request"}`);
}
