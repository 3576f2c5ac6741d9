import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

export interface TokenGrant {
  /** The `cds_account_id`s whose segments the token sees. */
  readonly accounts: readonly string[];
  readonly scopes: readonly string[];
}

/** Tokens are stored only as SHA-256 hashes: a copied database gives no usable token. */
function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Create a sandbox bearer token for these accounts and scopes; returns the token (shown once). */
export function createToken(db: Db, grant: TokenGrant): string {
  const token = `cds_sandbox_${randomBytes(24).toString('base64url')}`;
  db.prepare('INSERT INTO tokens (hash, accounts_json, scopes_json, created) VALUES (?, ?, ?, ?)').run(
    hashToken(token),
    JSON.stringify([...grant.accounts]),
    JSON.stringify([...grant.scopes]),
    new Date().toISOString(),
  );
  return token;
}

const lookups = new WeakMap<Db, ReturnType<Db['prepare']>>();

/** The grant of a token, or null when it is unknown. */
export function lookupToken(db: Db, token: string): TokenGrant | null {
  let st = lookups.get(db);
  if (st === undefined) lookups.set(db, (st = db.prepare('SELECT accounts_json, scopes_json FROM tokens WHERE hash = ?')));
  const row = st.get(hashToken(token)) as { accounts_json: string; scopes_json: string } | undefined;
  if (row === undefined) return null;
  return { accounts: JSON.parse(row.accounts_json) as string[], scopes: JSON.parse(row.scopes_json) as string[] };
}
