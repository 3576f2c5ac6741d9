import { segmentModelOf, validate } from 'cds-usage-segments';
import { type Db, type Model, REFERENCE_KINDS, storedModel, setModel } from './db.js';
import { descendingKey, instantKey } from './instant.js';
import { isObject, segmentsOf } from './model.js';

/** Numbers as printed on bills, per reference kind and id (`{"account": {"acc-1": "4400-1"}}`). */
export type Directory = Partial<Record<'aggregation' | 'account' | 'servicecontract' | 'servicepoint' | 'meterdevice', Record<string, string>>>;

export interface ImportInput {
  /** Where the document came from, for messages. */
  readonly file: string;
  readonly doc: unknown;
}

export interface ImportProblem {
  readonly file: string;
  /** JSON Pointer into the document. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface ImportResult {
  readonly ok: boolean;
  readonly problems: ImportProblem[];
  /** Segments inserted, and stored segments replaced by a later revision. */
  readonly inserted: number;
  readonly replaced: number;
  readonly model: Model | null;
}

interface Prepared {
  file: string;
  path: string;
  segment: Record<string, unknown>;
}

/**
 * Validate every document with the package's checker, then write them all in
 * one transaction. Nothing is written when any document has an error (each
 * problem names its file and JSON path) or when a segment's id is already
 * stored with the same or a later `cds_modified` (Option 1: a revision keeps
 * the id and moves `cds_modified` forward, and replaces the stored copy).
 */
export function importDocuments(db: Db, inputs: readonly ImportInput[], directory: Directory = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const prepared: Prepared[] = [];
  let model: Model | null = storedModel(db);
  for (const { file, doc } of inputs) {
    const result = validate(doc);
    for (const p of result.errors) problems.push({ file, path: p.path, code: p.code, message: p.message });
    if (result.omittedErrors > 0) problems.push({ file, path: '', code: 'schema', message: `${result.omittedErrors} more errors not shown` });
    if (!result.valid) continue;
    const list = segmentsOf(doc);
    const base = isObject(doc) && Array.isArray(doc.usage_segments) ? '/usage_segments/' : null;
    list.forEach((segment, i) => {
      const path = base === null ? '' : `${base}${i}`;
      // The checker's own detection (its model registry); null: no model's columns member, the checker says what is missing.
      const m = segmentModelOf(segment);
      if (!isObject(segment) || m === null) return; // the checker reported it
      if (model === null) model = m;
      else if (m !== model) {
        problems.push({ file, path, code: 'model', message: `segment is in the ${m} model but the database holds ${model} segments; use one database per model` });
        return;
      }
      prepared.push({ file, path, segment });
    });
  }
  if (problems.length > 0) return { ok: false, problems, inserted: 0, replaced: 0, model: storedModel(db) };
  try {
    const counts = db.transaction(() => write(db, prepared, directory, model, problems))();
    return { ok: true, problems, ...counts, model };
  } catch (e) {
    if (e instanceof ImportRejected) return { ok: false, problems, inserted: 0, replaced: 0, model: storedModel(db) };
    throw e;
  }
}

/** Thrown inside the transaction to roll it back after problems were recorded. */
class ImportRejected extends Error {}

function write(db: Db, prepared: readonly Prepared[], directory: Directory, model: Model | null, problems: ImportProblem[]): { inserted: number; replaced: number } {
  if (model !== null) setModel(db, model);
  const putNumber = db.prepare('INSERT INTO directory (kind, id, number) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET number = excluded.number');
  for (const [kind, entries] of Object.entries(directory)) {
    for (const [id, number] of Object.entries(entries ?? {})) putNumber.run(kind, id, String(number));
  }
  const getNumber = db.prepare('SELECT number FROM directory WHERE kind = ? AND id = ?').pluck();
  const existing = db.prepare('SELECT seq, modified_desc FROM segments WHERE id = ?');
  const remove = db.prepare('DELETE FROM segments WHERE seq = ?');
  const insert = db.prepare(
    'INSERT INTO segments (id, agg_num, acct_num, contract_num, start_key, end_key, modified_desc, accounts_json, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRef = db.prepare('INSERT OR IGNORE INTO refs (kind, ref, seq) VALUES (?, ?, ?)');
  const sortNumber = (kind: string, ids: readonly string[]): string => {
    let best: string | null = null;
    for (const id of ids) {
      const n = getNumber.get(kind, id) as string | undefined;
      if (n !== undefined && (best === null || n < best)) best = n;
    }
    return best ?? '';
  };
  let inserted = 0;
  let replaced = 0;
  // Test hook: the crash-safety test kills the process while the transaction
  // is open; this makes "midway" certain instead of a matter of timing.
  const stallAfter = Number(process.env.CDS_SERVER_TEST_STALL_AFTER ?? NaN);
  for (const { file, path, segment } of prepared) {
    if (inserted + replaced === stallAfter) stall();
    const id = segment.cds_usagesegment_id as string;
    const start = instantKey(segment.segment_start as string);
    const end = instantKey(segment.segment_end as string);
    const modified = instantKey(segment.cds_modified as string);
    if (start === null || end === null || modified === null) {
      // The checker accepted it, so this is a year outside 0000–9999.
      problems.push({ file, path, code: 'timestamps', message: 'a date-time is outside the years this server stores (0000–9999)' });
      continue;
    }
    const modifiedDesc = descendingKey(modified);
    const old = existing.get(id) as { seq: number; modified_desc: string } | undefined;
    if (old !== undefined) {
      // modified_desc sorts newest first: a later revision has a smaller key.
      if (!(modifiedDesc < old.modified_desc)) {
        problems.push({
          file,
          path: `${path}/cds_modified`,
          code: 'revision-modified',
          message: `segment ${JSON.stringify(id)} is already stored with the same or a later cds_modified; a revision must move cds_modified forward`,
        });
        continue;
      }
      remove.run(old.seq);
      replaced++;
    } else {
      inserted++;
    }
    const ids = (field: string): string[] => (Array.isArray(segment[field]) ? (segment[field] as string[]) : []);
    const accounts = ids('related_accounts');
    const { lastInsertRowid } = insert.run(
      id,
      sortNumber('aggregation', ids('related_aggregations')),
      sortNumber('account', accounts),
      sortNumber('servicecontract', ids('related_servicecontracts')),
      start,
      end,
      modifiedDesc,
      JSON.stringify(accounts),
      Buffer.from(JSON.stringify(segment), 'utf8'),
    );
    for (const { kind, field } of REFERENCE_KINDS) {
      for (const ref of ids(field)) insertRef.run(kind, ref, lastInsertRowid);
    }
  }
  if (problems.length > 0) throw new ImportRejected();
  return { inserted, replaced };
}

function stall(): never {
  process.stderr.write('stalled inside the import transaction\n');
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
