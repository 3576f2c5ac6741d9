import { serverShape } from 'cds-usage-segments';
import { REFERENCE_KINDS } from './db.js';
import type { Model } from './db.js';
import { instantKey, iso8601Key } from './instant.js';

/** The draft's list filters (space-separated values): parameter → reference kind and whether it names ids or numbers. */
export interface ListFilter {
  /** The reference kind it matches (`segment`: the segment's own id). */
  readonly kind: string;
  readonly by: 'id' | 'number' | 'segment';
}

export const LIST_FILTERS: ReadonlyMap<string, ListFilter> = new Map<string, ListFilter>([
  ['cds_usagesegment_ids', { kind: 'segment', by: 'segment' }],
  ...REFERENCE_KINDS.flatMap((r): [string, ListFilter][] => [
    ...(r.idFilter === null ? [] : [[r.idFilter, { kind: r.kind, by: 'id' }] as [string, ListFilter]]),
    ...(r.numberFilter === null ? [] : [[r.numberFilter, { kind: r.kind, by: 'number' }] as [string, ListFilter]]),
  ]),
]);

/** The twelve filters of the draft (§11.5): ten lists and two instants. */
export const FILTER_NAMES: readonly string[] = [...LIST_FILTERS.keys(), 'before', 'after'];

/** Query parameters besides the filters: the page cursor. */
export const CURSOR_PARAM = 'cursor';

/** At most this many values in one list filter, so one request's work stays bounded. */
export const MAX_FILTER_VALUES = 1000;

export interface Filters {
  /** List filters present, in the order of LIST_FILTERS. */
  readonly lists: ReadonlyArray<{ readonly name: string; readonly values: readonly string[] }>;
  /** instantKey()s of `before` and `after`. */
  readonly before: string | null;
  readonly after: string | null;
  /** The filters exactly as the request gave them, to repeat in next/previous links. */
  readonly echo: ReadonlyArray<readonly [string, string]>;
}

/** The sort key of a row, which is also the content of a cursor. */
export type SortKey = readonly [agg: string, acct: string, contract: string, start: string, modifiedDesc: string, id: string];

export interface Cursor {
  readonly direction: 'next' | 'previous';
  readonly key: SortKey;
}

export type Parsed = { ok: true; filters: Filters; cursor: Cursor | null } | { ok: false; message: string };

/**
 * Parse a listing request's query string. Every problem is a message for a
 * 400 `invalid_request`: an unknown parameter (Decision: a typo in a filter
 * name must not silently return the whole listing), a repeated one, an empty
 * list, too many values, a date-time that is not RFC 3339 with an offset, or
 * a cursor this server did not make.
 */
export function parseQuery(search: URLSearchParams, model: Model): Parsed {
  const iso8601 = serverShape(model)?.filterDateTime === 'iso8601';
  const seen = new Set<string>();
  const lists: { name: string; values: string[] }[] = [];
  const echo: [string, string][] = [];
  let before: string | null = null;
  let after: string | null = null;
  let cursor: Cursor | null = null;
  for (const [name, raw] of search) {
    if (seen.has(name)) return { ok: false, message: `Query parameter '${name}' is given more than once; give it once with space-separated values.` };
    seen.add(name);
    if (name === CURSOR_PARAM) {
      cursor = decodeCursor(raw);
      if (cursor === null) return { ok: false, message: `Query parameter '${CURSOR_PARAM}' is not a cursor from this server's next or previous link.` };
      continue;
    }
    if (name === 'before' || name === 'after') {
      // As the model's draft words the filters (the model registry's filterDateTime): 2024 ISO 8601 (2024-09 §11.5 L508–509), 2026 RFC 3339 date-times.
      const key = iso8601 ? iso8601Key(raw) : instantKey(raw);
      if (key === null) {
        const what = iso8601 ? 'an ISO 8601 date-time with offset, such as 2024-01-01T00:00:00Z or 20240101T000000Z' : 'an RFC 3339 date-time with offset, such as 2024-01-01T00:00:00Z';
        return { ok: false, message: `Query parameter '${name}' must be ${what}.` };
      }
      if (name === 'before') before = key;
      else after = key;
      echo.push([name, raw]);
      continue;
    }
    if (!LIST_FILTERS.has(name)) {
      return { ok: false, message: `Unknown query parameter '${truncate(name)}'; the filters are ${FILTER_NAMES.join(', ')}.` };
    }
    const values = raw.split(' ').filter((v) => v !== '');
    if (values.length === 0) return { ok: false, message: `Query parameter '${name}' needs at least one value (space-separated).` };
    if (values.length > MAX_FILTER_VALUES) return { ok: false, message: `Query parameter '${name}' has more than ${MAX_FILTER_VALUES} values.` };
    lists.push({ name, values: [...new Set(values)] });
    echo.push([name, raw]);
  }
  lists.sort((a, b) => FILTER_NAMES.indexOf(a.name) - FILTER_NAMES.indexOf(b.name));
  return { ok: true, filters: { lists, before, after, echo }, cursor };
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** A cursor is opaque to Clients: base64url of a JSON array (direction, then the sort key of the row to start after). */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.direction === 'next' ? 'n' : 'p', ...c.key]), 'utf8').toString('base64url');
}

export function decodeCursor(s: string): Cursor | null {
  if (s.length === 0 || s.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(s)) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(v) || v.length !== 7 || !v.every((x) => typeof x === 'string')) return null;
  const [d, ...key] = v as string[];
  if (d !== 'n' && d !== 'p') return null;
  return { direction: d === 'n' ? 'next' : 'previous', key: key as unknown as SortKey };
}
