import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

/** What a token's grant selects (see access.ts) and its scopes. */
export interface TokenGrant {
  /** Selected accounts (`cds_account_id`s). */
  readonly accounts: readonly string[];
  /** Selected service contracts, service points, meter devices, aggregations (2026 §6.1.9 L726–735); absent: none. */
  readonly servicecontracts?: readonly string[];
  readonly servicepoints?: readonly string[];
  readonly meterdevices?: readonly string[];
  readonly aggregations?: readonly string[];
  readonly scopes: readonly string[];
}

/** The selections besides accounts, as stored in `selection_json`. */
const OTHER_SELECTIONS = ['servicecontracts', 'servicepoints', 'meterdevices', 'aggregations'] as const;

/** Tokens are stored only as SHA-256 hashes: a copied database gives no usable token. */
function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Create a sandbox bearer token for these accounts and scopes; returns the token (shown once). */
export function createToken(db: Db, grant: TokenGrant): string {
  // A short prefix: the crawler never prints any six characters of a token (src/crawl/redact.ts), so a
  // longer fixed prefix (once `cds_sandbox_`) would hide those words wherever else they occur in a report.
  const token = `sbx.${randomBytes(24).toString('base64url')}`;
  const others: Record<string, string[]> = {};
  for (const f of OTHER_SELECTIONS) if ((grant[f]?.length ?? 0) > 0) others[f] = [...grant[f]!];
  db.prepare('INSERT INTO tokens (hash, accounts_json, scopes_json, created, selection_json) VALUES (?, ?, ?, ?, ?)').run(
    hashToken(token),
    JSON.stringify([...grant.accounts]),
    JSON.stringify([...grant.scopes]),
    new Date().toISOString(),
    JSON.stringify(others),
  );
  return token;
}

const lookups = new WeakMap<Db, ReturnType<Db['prepare']>>();

/** The grant of a token, or null when it is unknown. */
export function lookupToken(db: Db, token: string): TokenGrant | null {
  let st = lookups.get(db);
  if (st === undefined) lookups.set(db, (st = db.prepare('SELECT accounts_json, scopes_json, selection_json FROM tokens WHERE hash = ?')));
  const row = st.get(hashToken(token)) as { accounts_json: string; scopes_json: string; selection_json: string | null } | undefined;
  if (row === undefined) return null;
  const others = JSON.parse(row.selection_json ?? '{}') as Partial<Record<(typeof OTHER_SELECTIONS)[number], string[]>>;
  return { accounts: JSON.parse(row.accounts_json) as string[], ...others, scopes: JSON.parse(row.scopes_json) as string[] };
}
