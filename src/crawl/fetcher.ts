/**
 * One bounded HTTP GET: a deadline for the whole exchange, a cap on the body
 * read, no redirects followed, and the bearer token attached only when the
 * URL has the listing's origin. Never throws: every failure is a value.
 */
import { lenientDecode } from './redact.js';

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
}

export type Fetched =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: Headers;
      /** The body's bytes: decoded only when read (a `previous` page that equals the page before never is). */
      readonly body: Buffer;
    }
  | { readonly kind: 'transport'; readonly message: string }
  | { readonly kind: 'too-large'; readonly status: number; readonly bytes: number };

export interface Fetcher {
  /** Origin of the listing URL: the only origin that ever receives the token. */
  readonly origin: string;
  /** Requests made so far. */
  readonly count: number;
  /** GET `url`; `auth` = 'token' (when same-origin), 'none', or an explicit header value (auth probes). */
  get(url: string, auth: 'token' | 'none' | { readonly authorization: string }): Promise<Fetched>;
}

export function createFetcher(listingUrl: string, token: string | undefined, limits: FetchLimits, fetchImpl: typeof fetch = fetch): Fetcher {
  const origin = new URL(listingUrl).origin;
  // A token given in the listing URL's query (RFC 6750 §2.3) goes with every request that carries the token.
  const queryToken = accessTokenPairs(listingUrl);
  let count = 0;
  return {
    origin,
    get count() {
      return count;
    },
    async get(given, auth) {
      const headers: Record<string, string> = { accept: 'application/json' };
      // A request that must go without the token (an auth probe, public metadata) goes without the URL's token too.
      let url = auth === 'token' ? given : withoutAccessToken(given);
      const sameOrigin = new URL(url).origin === origin;
      if (auth === 'token' && sameOrigin && queryToken.length > 0 && accessTokenPairs(url).length === 0) url = withPairs(url, queryToken);
      if (auth === 'token' && token !== undefined && sameOrigin) headers.authorization = `Bearer ${token}`;
      else if (typeof auth === 'object' && sameOrigin) headers.authorization = auth.authorization;
      count++;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
      try {
        const res = await fetchImpl(url, { headers, redirect: 'manual', signal: controller.signal });
        const declared = Number(res.headers.get('content-length') ?? NaN);
        if (declared > limits.maxBodyBytes) {
          await res.body?.cancel().catch(() => {});
          return { kind: 'too-large', status: res.status, bytes: declared };
        }
        const read = await readCapped(res, limits.maxBodyBytes);
        if (read.tooLarge) {
          controller.abort();
          return { kind: 'too-large', status: res.status, bytes: read.bytes };
        }
        return { kind: 'response', status: res.status, headers: res.headers, body: read.body };
      } catch (e) {
        return { kind: 'transport', message: controller.signal.aborted ? `no complete response within ${limits.timeoutMs} ms` : describe(e) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The raw `access_token=…` pairs of a URL's query, as written. */
function accessTokenPairs(url: string): string[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  return url
    .slice(q + 1, hash < 0 ? undefined : hash)
    .split('&')
    .filter((pair) => lenientDecode(pair.split('=')[0]!).toLowerCase() === 'access_token');
}

/** The URL with these query pairs added before its fragment. */
function withPairs(url: string, pairs: readonly string[]): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  return `${base}${base.includes('?') ? '&' : '?'}${pairs.join('&')}${hash < 0 ? '' : url.slice(hash)}`;
}

/** The URL without its `access_token` query parameters (RFC 6750 §2.3), whatever the spelling of their name. */
export function withoutAccessToken(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const kept = query.split('&').filter((pair) => lenientDecode(pair.split('=')[0]!).toLowerCase() !== 'access_token');
  return `${url.slice(0, q)}${kept.length === 0 ? '' : `?${kept.join('&')}`}${hash < 0 ? '' : url.slice(hash)}`;
}

async function readCapped(res: Response, max: number): Promise<{ body: Buffer; bytes: number; tooLarge: boolean }> {
  if (res.body === null) return { body: Buffer.alloc(0), bytes: 0, tooLarge: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel().catch(() => {});
      return { body: Buffer.alloc(0), bytes, tooLarge: true };
    }
    chunks.push(value);
  }
  return { body: Buffer.concat(chunks, bytes), bytes, tooLarge: false };
}

/** The cause of a fetch failure in one line (undici wraps the socket error in `cause`). */
function describe(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err.cause;
  if (cause?.code !== undefined) return `${cause.code}${cause.message !== undefined ? `: ${cause.message}` : ''}`;
  if (cause?.message !== undefined) return `${err.message ?? 'fetch failed'}: ${cause.message}`;
  return err.message ?? String(e);
}
