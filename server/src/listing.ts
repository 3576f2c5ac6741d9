import type Database from 'better-sqlite3';
import { type Access, includedSql } from './access.js';
import { type Db, REFERENCE_KINDS } from './db.js';
import { type Cursor, type Filters, LIST_FILTERS, type SortKey } from './query.js';

/** The draft lets a Server cut listings of more than 100 segments; pages hold exactly this many (the last fewer). */
export const PAGE_SIZE = 100;

/** Query behaviour that the `--fault` options change (see faults.ts); all false on a correct server. */
export interface QueryFaults {
  beforeExclusive?: boolean;
  afterExclusive?: boolean;
  ignoreSegmentIds?: boolean;
  filterAfterPaging?: boolean;
  skipFirstOnLaterPages?: boolean;
  repeatLastOnNextPage?: boolean;
  /** Serve every related id and match filters by ids the token may not see (the leak of `leak-hidden-ids`). */
  leakHiddenIds?: boolean;
}

export interface Page {
  /** The segments' JSON as UTF-8 bytes, in listing order. */
  readonly bodies: Buffer[];
  /** Sort key to continue after (next link), or null at the end of the listing. */
  readonly nextKey: SortKey | null;
  /** Sort key to go back before (previous link), or null at the front. */
  readonly previousKey: SortKey | null;
}

interface Row {
  agg_num: string;
  acct_num: string;
  contract_num: string;
  start_key: string;
  modified_desc: string;
  id: string;
  accounts_json: string;
  body: Buffer;
}

const ORDER_COLUMNS = 'agg_num, acct_num, contract_num, start_key, modified_desc, id';

function keyOf(r: Row): SortKey {
  return [r.agg_num, r.acct_num, r.contract_num, r.start_key, r.modified_desc, r.id];
}

/**
 * The SQL condition and parameters for the token's included segments and the
 * filters. Values are bound as one JSON array per filter (`json_each`), never
 * spliced into the SQL text, so any string a client sends is only ever data.
 * An id filter keeps only the ids the token may see, a number filter the ids
 * of visible objects with those numbers (access.ts): a filter left with none
 * matches nothing.
 */
function whereClause(access: Access, filters: Filters, faults: QueryFaults): { sql: string; params: unknown[] } {
  const included = includedSql(access.selection, 's.seq');
  const parts = [included.sql];
  const params: unknown[] = [...included.params];
  const leak = faults.leakHiddenIds === true;
  for (const { name, values } of filters.lists) {
    const spec = LIST_FILTERS.get(name);
    if (spec === undefined) continue;
    if (spec.by === 'segment') {
      if (faults.ignoreSegmentIds === true) continue;
      parts.push('s.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(values));
    } else if (spec.by === 'number' && leak) {
      parts.push(
        'EXISTS (SELECT 1 FROM refs r JOIN directory d ON d.kind = r.kind AND d.id = r.ref WHERE r.seq = s.seq AND r.kind = ? AND d.number IN (SELECT value FROM json_each(?)))',
      );
      params.push(spec.kind, JSON.stringify(values));
    } else {
      const ids = spec.by === 'number' ? access.idsOfNumbers(spec.kind, values) : leak ? values : values.filter((v) => access.sees(spec.kind, v));
      parts.push('EXISTS (SELECT 1 FROM refs r WHERE r.seq = s.seq AND r.kind = ? AND r.ref IN (SELECT value FROM json_each(?)))');
      params.push(spec.kind, JSON.stringify(ids));
    }
  }
  // The draft (§11.5): `before` keeps segments whose segment_start is on or
  // before it, `after` those whose segment_end is on or after it.
  if (filters.before !== null) {
    parts.push(faults.beforeExclusive === true ? 's.start_key < ?' : 's.start_key <= ?');
    params.push(filters.before);
  }
  if (filters.after !== null) {
    parts.push(faults.afterExclusive === true ? 's.end_key > ?' : 's.end_key >= ?');
    params.push(filters.after);
  }
  return { sql: parts.join(' AND '), params };
}

const NO_FILTERS: Filters = { lists: [], before: null, after: null, echo: [] };

/** Prepared statements by SQL text: the shapes are few (which filters are present), so the cache stays small. */
type Statement = Database.Statement<unknown[], unknown>;
const statements = new WeakMap<Db, Map<string, Statement>>();
function prepare(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (cache === undefined) statements.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (st === undefined) cache.set(sql, (st = db.prepare<unknown[], unknown>(sql)));
  return st;
}

/**
 * One page of the listing the token may see, by keyset pagination: a cursor
 * holds the sort key of the row to continue after (or before), so a page is
 * an index range scan and stays correct when rows are added or removed
 * elsewhere in the listing (no offsets that shift).
 */
export function listPage(db: Db, access: Access, filters: Filters, cursor: Cursor | null, pageSize = PAGE_SIZE, faults: QueryFaults = {}): Page {
  const pageFilters = faults.filterAfterPaging === true ? NO_FILTERS : filters;
  const where = whereClause(access, pageFilters, faults);
  const select = `SELECT ${ORDER_COLUMNS}, accounts_json, body FROM segments s WHERE ${where.sql}`;
  let rows: Row[];
  const backward = cursor?.direction === 'previous';
  if (cursor === null) {
    rows = prepare(db, `${select} ORDER BY ${ORDER_COLUMNS} LIMIT ?`).all(...where.params, pageSize + 1) as Row[];
  } else if (!backward) {
    const skip = faults.skipFirstOnLaterPages === true ? 1 : 0;
    rows = prepare(db, `${select} AND (${ORDER_COLUMNS}) > (?, ?, ?, ?, ?, ?) ORDER BY ${ORDER_COLUMNS} LIMIT ? OFFSET ?`).all(
      ...where.params,
      ...cursor.key,
      pageSize + 1,
      skip,
    ) as Row[];
  } else {
    const desc = ORDER_COLUMNS.split(', ').map((c) => `${c} DESC`).join(', ');
    rows = (prepare(db, `${select} AND (${ORDER_COLUMNS}) < (?, ?, ?, ?, ?, ?) ORDER BY ${desc} LIMIT ?`).all(...where.params, ...cursor.key, pageSize + 1) as Row[]).reverse();
  }
  // pageSize + 1 rows were asked for: the extra one says whether more exist in that direction.
  const more = rows.length > pageSize;
  if (more) rows = backward ? rows.slice(1) : rows.slice(0, pageSize);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const exists = (op: '<' | '>', key: SortKey): boolean =>
    prepare(db, `SELECT 1 FROM segments s WHERE ${where.sql} AND (${ORDER_COLUMNS}) ${op} (?, ?, ?, ?, ?, ?) LIMIT 1`).get(...where.params, ...key) !== undefined;
  let nextKey: SortKey | null = null;
  let previousKey: SortKey | null = null;
  if (first !== undefined && last !== undefined) {
    nextKey = backward ? (exists('>', keyOf(last)) ? keyOf(last) : null) : more ? keyOf(last) : null;
    const secondLast = rows[rows.length - 2];
    if (faults.repeatLastOnNextPage === true && nextKey !== null && secondLast !== undefined) nextKey = keyOf(secondLast);
    previousKey = backward ? (more ? keyOf(first) : null) : cursor === null ? null : exists('<', keyOf(first)) ? keyOf(first) : null;
  }
  if (faults.filterAfterPaging === true && rows.length > 0) {
    // The classic bug: page the unfiltered listing, filter the page, and take a short page for the last one.
    rows = applyFiltersToPage(db, access, filters, rows);
    if (rows.length < pageSize) nextKey = null;
  }
  return { bodies: visibleBodies(db, rows, access, faults.leakHiddenIds === true), nextKey, previousKey };
}

/** The faulty order of work: page first, filter the page afterwards. */
function applyFiltersToPage(db: Db, access: Access, filters: Filters, rows: Row[]): Row[] {
  const where = whereClause(access, filters, {});
  const keep = new Set(
    (prepare(db, `SELECT id FROM segments s WHERE ${where.sql} AND s.id IN (SELECT value FROM json_each(?))`).pluck().all(...where.params, JSON.stringify(rows.map((r) => r.id))) as string[]),
  );
  return rows.filter((r) => keep.has(r.id));
}

const FIELD_OF: ReadonlyMap<string, string> = new Map(REFERENCE_KINDS.map((r) => [r.kind, r.field]));

/**
 * The drafts (2024-09 L37, 2026 L43) let a segment's related_* lists hold
 * only ids the token may see: each id the token may not see is removed. The
 * page's references are read in one query; only a segment that loses an id
 * is decoded and encoded again, the others are served as stored. The
 * `leak-hidden-ids` fault removes only accounts that are not selected (the
 * Server's behaviour before its access model).
 */
function visibleBodies(db: Db, rows: Row[], access: Access, leak: boolean): Buffer[] {
  // A database written before bodies became BLOBs holds TEXT: serve it all the same.
  for (const r of rows) if (typeof r.body === 'string') r.body = Buffer.from(r.body, 'utf8');
  const hiddenById = new Map<string, Map<string, Set<string>>>();
  if (leak) {
    const selected = new Set(access.selection.get('account') ?? []);
    for (const r of rows) {
      const gone = (JSON.parse(r.accounts_json) as string[]).filter((a) => !selected.has(a));
      if (gone.length > 0) hiddenById.set(r.id, new Map([['related_accounts', new Set(gone)]]));
    }
  } else {
    const refs = prepare(db, 'SELECT s.id AS id, r.kind AS kind, r.ref AS ref FROM refs r JOIN segments s ON s.seq = r.seq WHERE s.id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(rows.map((r) => r.id)),
    ) as { id: string; kind: string; ref: string }[];
    for (const { id, kind, ref } of refs) {
      if (access.sees(kind, ref)) continue;
      const field = FIELD_OF.get(kind);
      if (field === undefined) continue;
      let byField = hiddenById.get(id);
      if (byField === undefined) hiddenById.set(id, (byField = new Map()));
      let set = byField.get(field);
      if (set === undefined) byField.set(field, (set = new Set()));
      set.add(ref);
    }
  }
  return rows.map((r) => {
    const hidden = hiddenById.get(r.id);
    if (hidden === undefined) return r.body;
    const segment = JSON.parse(r.body.toString('utf8')) as Record<string, unknown>;
    for (const [field, ids] of hidden) {
      const list = segment[field];
      if (Array.isArray(list)) segment[field] = list.filter((x) => !ids.has(x as string));
    }
    return Buffer.from(JSON.stringify(segment), 'utf8');
  });
}
