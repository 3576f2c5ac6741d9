// docs/adding-a-model.md kept true for the reference Server: a throwaway
// third model (a copy of the 2026 entry under another id, with a Server shape
// of its own: another well-known path and another listing scope) registered
// in the checker's model registry at run time, and the Server's demo, import,
// tokens, discovery and listing, crawled end to end, with no file of server/
// naming it. The registry is the one the package's exports read
// (`cds-usage-segments` is this repository's dist/), so the test registers
// there.
import { crawl, type Model } from 'cds-usage-segments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelEntry, registerModel } from '../../dist/src/models/registry.js';
import { storedModel } from '../src/db.js';
import { CLIENT_PATH } from '../src/http.js';
import { createToken } from '../src/tokens.js';
import { get, type Sandbox, sandbox } from './helpers.js';

const THIRD = '2099' as Model;
const METADATA_PATH = '/.well-known/cds-2099-server-metadata';
const SCOPE = 'cds_2099_usage';

describe('a third model registered at run time, served by the reference Server', () => {
  let unregister: (() => void) | undefined;
  let box: Sandbox;
  let box2026: Sandbox;
  beforeAll(() => {
    // The same demo in 2026, made before the third model exists (once it does, a segment with formats is detected as the newest model): the third model's documents are 2026's, so the crawls must find the same.
    box2026 = sandbox({ meters: 3, days: 40, model: '2026' });
    const entry2026 = modelEntry('2026');
    unregister = registerModel({ ...entry2026, id: THIRD, server: { ...entry2026.server, metadata: { ...entry2026.server.metadata!, wellKnownPath: METADATA_PATH }, listingScopes: [SCOPE] } });
    box = sandbox({ meters: 3, days: 40, model: THIRD });
  });
  afterAll(async () => {
    await box?.close();
    await box2026?.close();
    unregister?.();
  });

  it('its demo data is written in its document shape (2026, its converter edge) and stored as its model', () => {
    expect([storedModel(box.db), storedModel(box2026.db)]).toEqual([THIRD, '2026']);
    expect(box.segments.map((s) => JSON.stringify(s)).sort()).toEqual(box2026.segments.map((s) => JSON.stringify(s)).sort());
  });

  it('it publishes its Server Metadata at its own path, and the Client object points there', async () => {
    const server = await box.start();
    const { origin } = new URL(server.url);
    const client = await get(`${origin}${CLIENT_PATH}`);
    expect(client.body).toEqual({ client_id: 'sandbox', cds_server_metadata: `${origin}${METADATA_PATH}` });
    const meta = await get(`${origin}${METADATA_PATH}`);
    expect([meta.status, (meta.body as Record<string, unknown>).scopes_supported]).toEqual([200, [SCOPE]]);
    expect((await get(`${origin}/.well-known/oauth-authorization-server`)).status).toBe(404);
  });

  it('its listing opens with its own scope, the default of its tokens; a 2026 scope is refused', async () => {
    const server = await box.start();
    expect((await get(server.url, box.token)).status).toBe(200);
    const with2026Scope = createToken(box.db, { accounts: box.demo.accounts, scopes: ['cds_usage'] });
    const refused = await get(server.url, with2026Scope);
    expect([refused.status, refused.body]).toEqual([403, { error: 'insufficient_scope', error_description: `This request needs one of the scopes ${SCOPE}.` }]);
  });

  it('a crawl detects it, reads its Server Metadata from its path, and finds what a crawl of the 2026 Server finds: nothing', async () => {
    const server = await box.start();
    const r = await crawl({ url: server.url, token: box.token, timeoutMs: 5000 });
    const server2026 = await box2026.start();
    // Forced: a crawl would now detect the 2026 Server's segments as the newest model with formats.
    const r2026 = await crawl({ url: server2026.url, token: box2026.token, timeoutMs: 5000, model: '2026' });
    expect([r.model, r2026.model]).toEqual([THIRD, '2026']);
    expect(server.requests.filter((q) => q.path.startsWith('/.well-known/'))).toEqual([{ host: expect.any(String), path: METADATA_PATH, authorized: false }]);
    expect(r.findings).toEqual([]);
    expect([r.pages, r.segments, r.checks]).toEqual([r2026.pages, r2026.segments, r2026.checks]);
  });
});
