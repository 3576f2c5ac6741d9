/**
 * What a token may see: the Server's access model.
 *
 * A grant SELECTS objects of five kinds — accounts, service contracts,
 * service points, meter devices, aggregations — as the drafts let a
 * Customer's authorization select them (2026 §6.1.9 L726–735: Account,
 * Service Contract, Service Point, Meter Device and Aggregation Selection,
 * each making the segments that list a selected object in the matching
 * `related_*` array the ones included; 2024 §3.1 L101–126: the usage scopes
 * reach a customer's accounts and service contracts, `cds_aggregation_data`
 * a set of aggregations). So no segment is out of reach by construction: a
 * segment of a meter or an aggregation with no account is included by a
 * grant that selects that meter or aggregation.
 *
 * INCLUDED segments: those that list a selected object.
 *
 * VISIBLE ids (what a `related_*` list may show, 2024-09 L37, 2026 L43:
 * only identifiers the Client is authorized to see as scoped by its token).
 * Decision, as the drafts give no object hierarchy to the listing: an id is
 * visible when it is selected, or when every segment that lists it is
 * included — all of that object's usage lies within the grant. An object
 * that also has usage outside the grant (the other account of a shared
 * segment, that account's contract, service point, meter, bill section, an
 * aggregation with other members' segments) is hidden: it is removed from
 * the lists, and a filter naming it (by id, or by a number the directory
 * gives it) matches nothing.
 */
import type { Db, ReferenceKind } from './db.js';
import type { TokenGrant } from './tokens.js';

/** The kinds a grant can select, and the grant field that lists them. */
export const SELECTABLE = [
  { kind: 'account', field: 'accounts' },
  { kind: 'servicecontract', field: 'servicecontracts' },
  { kind: 'servicepoint', field: 'servicepoints' },
  { kind: 'meterdevice', field: 'meterdevices' },
  { kind: 'aggregation', field: 'aggregations' },
] as const satisfies readonly { kind: ReferenceKind; field: keyof TokenGrant }[];

/** A grant's selection: the selected ids per kind (kinds with none left out). */
export type Selection = ReadonlyMap<string, readonly string[]>;

export function selectionOf(grant: TokenGrant): Selection {
  const out = new Map<string, readonly string[]>();
  for (const { kind, field } of SELECTABLE) {
    const ids = grant[field] ?? [];
    if (ids.length > 0) out.set(kind, [...new Set(ids)]);
  }
  return out;
}

/**
 * The SQL condition "segment `seq` is included" (one EXISTS per selected
 * kind, OR-ed; never true for an empty selection), with its parameters.
 * Ids are bound as JSON arrays, never spliced into the SQL text.
 */
export function includedSql(selection: Selection, seq: string): { sql: string; params: unknown[] } {
  if (selection.size === 0) return { sql: '0', params: [] };
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [kind, ids] of selection) {
    parts.push(`EXISTS (SELECT 1 FROM refs ia WHERE ia.seq = ${seq} AND ia.kind = ? AND ia.ref IN (SELECT value FROM json_each(?)))`);
    params.push(kind, JSON.stringify(ids));
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** The ids one grant may see, answered by the database and remembered for one request. */
export class Access {
  readonly selection: Selection;
  private readonly seen = new Map<string, boolean>();
  private readonly hidden: { get(...params: unknown[]): unknown };
  private readonly listed: { get(...params: unknown[]): unknown };
  constructor(
    private readonly db: Db,
    grant: TokenGrant,
  ) {
    this.selection = selectionOf(grant);
    const included = includedSql(this.selection, 'r.seq');
    const hidden = db.prepare(`SELECT 1 FROM refs r WHERE r.kind = ? AND r.ref = ? AND NOT ${included.sql} LIMIT 1`);
    this.hidden = { get: (...p: unknown[]) => hidden.get(...p, ...included.params) };
    const listed = db.prepare('SELECT 1 FROM refs WHERE kind = ? AND ref = ? LIMIT 1');
    this.listed = { get: (...p: unknown[]) => listed.get(...p) };
  }

  /** The token may see object `id` of `kind`: selected, or listed only by included segments. */
  sees(kind: string, id: string): boolean {
    if (this.selection.get(kind)?.includes(id) === true) return true;
    const key = `${kind} ${id}`;
    let v = this.seen.get(key);
    if (v === undefined) {
      v = this.listed.get(kind, id) !== undefined && this.hidden.get(kind, id) === undefined;
      this.seen.set(key, v);
    }
    return v;
  }

  /** The ids of objects of `kind` whose directory number is one of `numbers` and that the token may see. */
  idsOfNumbers(kind: string, numbers: readonly string[]): string[] {
    const ids = this.db.prepare('SELECT id FROM directory WHERE kind = ? AND number IN (SELECT value FROM json_each(?))').pluck().all(kind, JSON.stringify(numbers)) as string[];
    return ids.filter((id) => this.sees(kind, id));
  }
}
