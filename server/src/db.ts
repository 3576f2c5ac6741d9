import Database from 'better-sqlite3';
import { modelIds, type Model } from 'cds-usage-segments';

export type Db = Database.Database;
/** A document model: one of the checker's registered models (`modelIds()`), the source of what its Server publishes (`serverShape`). */
export type { Model };

/**
 * The kinds of `related_*` references a segment carries, with the field that
 * lists them and the query parameters that filter on them (the id filter and,
 * where the draft has one, the number filter). One table for the server's
 * import, query and demo code.
 */
export const REFERENCE_KINDS = [
  { kind: 'aggregation', field: 'related_aggregations', idFilter: null, numberFilter: null },
  { kind: 'account', field: 'related_accounts', idFilter: 'cds_account_ids', numberFilter: 'account_numbers' },
  { kind: 'servicecontract', field: 'related_servicecontracts', idFilter: 'cds_servicecontract_ids', numberFilter: 'contract_numbers' },
  { kind: 'servicepoint', field: 'related_servicepoints', idFilter: 'cds_servicepoint_ids', numberFilter: 'servicepoint_numbers' },
  { kind: 'meterdevice', field: 'related_meterdevices', idFilter: 'cds_meterdevice_ids', numberFilter: 'meter_numbers' },
  { kind: 'billsection', field: 'related_billsections', idFilter: 'cds_billsection_ids', numberFilter: null },
] as const;

export type ReferenceKind = (typeof REFERENCE_KINDS)[number]['kind'];

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per segment. agg_num, acct_num and contract_num are the draft's
-- first three ordering keys, which a segment does not carry: they are taken
-- at import from the directory (the smallest number among the segment's
-- related ids; '' when none is known). start_key/end_key are instantKey()s;
-- modified_desc is descendingKey(instantKey(cds_modified)).
CREATE TABLE IF NOT EXISTS segments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  agg_num TEXT NOT NULL,
  acct_num TEXT NOT NULL,
  contract_num TEXT NOT NULL,
  start_key TEXT NOT NULL,
  end_key TEXT NOT NULL,
  modified_desc TEXT NOT NULL,
  accounts_json TEXT NOT NULL,
  -- The segment's JSON as UTF-8 bytes: pages are assembled from these
  -- without decoding or re-encoding a string.
  body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS segments_order ON segments (agg_num, acct_num, contract_num, start_key, modified_desc, id);
CREATE TABLE IF NOT EXISTS refs (
  kind TEXT NOT NULL,
  ref TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES segments (seq) ON DELETE CASCADE,
  PRIMARY KEY (kind, ref, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS refs_by_segment ON refs (seq, kind);
-- Numbers as printed on bills (account_number, contract_number, …), which
-- the draft filters and orders by but a segment does not carry.
CREATE TABLE IF NOT EXISTS directory (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  number TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS directory_by_number ON directory (kind, number);
-- Sandbox bearer tokens, stored as SHA-256 hashes.
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  accounts_json TEXT NOT NULL,
  scopes_json TEXT NOT NULL,
  created TEXT NOT NULL,
  -- Selected service contracts, service points, meter devices, aggregations (access.ts): a JSON object.
  selection_json TEXT
);
`;

/** Open (creating if needed) a server database in WAL mode. */
export function openDb(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  if (options.readonly !== true) {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA);
    // Databases made before grants could select more than accounts: the other selections' column.
    const columns = db.prepare("SELECT name FROM pragma_table_info('tokens')").pluck().all() as string[];
    if (!columns.includes('selection_json')) db.exec('ALTER TABLE tokens ADD COLUMN selection_json TEXT');
  }
  db.pragma('busy_timeout = 5000');
  return db;
}

/** The model of the segments stored, or null for an empty database. */
export function storedModel(db: Db): Model | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('model') as { value: string } | undefined;
  return row !== undefined && modelIds().includes(row.value) ? (row.value as Model) : null;
}

export function setModel(db: Db, model: Model): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run('model', model);
}
