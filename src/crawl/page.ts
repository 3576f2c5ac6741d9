/**
 * One request of the crawl and what it checks of the exchange itself
 * (transport, status, content type, size, JSON), and the links of a page
 * (absolute, http(s), on the listing's origin).
 */
import { isObject } from '../json.js';
import { decodeJsonText, parseJson } from '../json-text.js';
import { lenientDecode } from './redact.js';
import type { State } from './state.js';

/** What one request needs of the crawl: the fetcher, the deadline, and where its findings go. */
export type Exchange = Pick<State, 'fetcher' | 'deadline' | 'findings'>;

/** A page read: its JSON object, and its bytes (to compare with what its `previous`-of-next link gives). */
export type PageResult = { ok: true; page: Record<string, unknown>; url: string; bytes: Buffer } | { ok: false };

/** GET one page and check the exchange: transport, status, content type, size, JSON. */
export async function fetchPage(state: Exchange, url: string, what: string): Promise<PageResult> {
  const got = await fetchBody(state, url, what);
  return got === null ? { ok: false } : parsePage(state, url, what, got);
}

/** GET one page and check the exchange up to the body: transport, status, content type, size. Null after a finding. `auth`: 'none' for a public document (the Server Metadata). */
export async function fetchBody(state: Exchange, url: string, what: string, auth: 'token' | 'none' = 'token'): Promise<Buffer | null> {
  const { findings } = state;
  if (Date.now() > state.deadline) {
    findings.add('page-limit', url, `the crawl's time limit was reached before ${what}`);
    return null;
  }
  const r = await state.fetcher.get(url, auth);
  if (r.kind === 'transport') {
    findings.add('transport', url, `${what}: ${r.message}`);
    return null;
  }
  if (r.kind === 'too-large') {
    findings.add('body-too-large', url, `${what}: the body exceeds the limit (at least ${r.bytes} bytes); raise --max-body-bytes if the page is legitimate`);
    return null;
  }
  if (r.status !== 200) {
    const hint = r.status === 401 || r.status === 403 ? ' (check the token: --token, --token-file or CDS_TOKEN)' : r.status >= 300 && r.status < 400 ? ' (redirects are not followed)' : '';
    findings.add('http-status', url, `${what}: HTTP ${r.status}, expected 200${hint}`);
    return null;
  }
  const type = r.headers.get('content-type');
  if (type === null) {
    findings.add('content-type-missing', url, `${what}: no Content-Type header; send Content-Type: application/json`);
  } else if (!/^\s*application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type)) {
    findings.add('content-type', url, `${what}: Content-Type is ${JSON.stringify(type.slice(0, 100))}; serve pages as application/json`);
  }
  return r.body;
}

/** The page a body holds: a JSON object, or a finding. */
export function parsePage(state: Exchange, url: string, what: string, bytes: Buffer): PageResult {
  const { findings } = state;
  let page: unknown;
  try {
    // As `validate` reads a file: UTF-8 without a byte order mark (RFC 8259 §8.1), then JSON, with its words.
    page = parseJson(decodeJsonText(bytes));
  } catch (e) {
    findings.add('not-json', url, `${what}: ${e instanceof Error ? e.message : String(e)} (${bytes.length} bytes)`);
    return { ok: false };
  }
  if (!isObject(page)) {
    findings.add('schema', url, `${what}: the body is JSON but not an object with usage_segments`, 'error', '');
    return { ok: false };
  }
  return { ok: true, page, url, bytes };
}

export type Link = { kind: 'null' } | { kind: 'url'; url: string } | { kind: 'stop' };

/** Read `next`/`previous`: null, a same-origin absolute URL, or a finding and stop. */
export function linkOf(state: State, pageUrl: string, page: Record<string, unknown>, field: 'next' | 'previous'): Link {
  const v = page[field];
  if (v === null || v === undefined) return { kind: 'null' }; // a missing link is the checker's schema problem
  if (typeof v !== 'string') return { kind: 'stop' }; // the checker reports the type
  const problem = urlProblem(v);
  if (problem !== null) {
    state.findings.add('link-format', pageUrl, `${field} ${problem}: ${JSON.stringify(v.slice(0, 200))}`);
    return { kind: 'stop' };
  }
  const u = new URL(v);
  if (u.origin !== state.fetcher.origin) {
    state.findings.add('link-origin', pageUrl, `${field} points at ${u.origin}, not the listing's origin ${state.fetcher.origin}; not followed, and the token is not sent there`);
    return { kind: 'stop' };
  }
  return { kind: 'url', url: u.toString() };
}

/**
 * Why `s` is not an absolute http(s) URL a Client can request, or null.
 * Besides what the WHATWG parser refuses: a `%` that starts no `%XX`
 * escape, and whitespace or control characters, none of which RFC 3986
 * lets a URI hold (the parser would repair them silently).
 */
export function urlProblem(s: string): string | null {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return 'is not an absolute URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'is not an http(s) URL';
  if (/%(?![0-9a-fA-F]{2})/.test(s)) return 'has a malformed percent escape (a % not followed by two hex digits)';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(s)) return 'holds a space or a control character';
  return null;
}

/** An absolute http: or https: URL that a Client can request as it is (see `urlProblem`). */
export function isHttpUrl(s: string): boolean {
  return urlProblem(s) === null;
}

export function normalize(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.toString();
}

export function describeProbe(url: string): string {
  const q = new URL(url).search;
  return q === '' ? 'the listing' : `the listing filtered by ${lenientDecode(q.slice(1)).slice(0, 200)}`;
}
