/**
 * The Server Metadata of a 2026 crawl (draft §5 L834–862): the checker needs
 * it for the rules that read what the Server declares (`undeclared-type`:
 * a Value Format `type` neither defined by the draft nor described in
 * `cds_usagesegments_additional_value_types`). The crawler reads it once,
 * when the crawl's model becomes 2026 and before the first page is checked.
 *
 * Where it lives: the draft has a Client read it from its Client object's
 * `cds_server_metadata` URL (L862); give that URL (or a file) to the crawl.
 * Decision, without one: the listing origin's
 * `/.well-known/oauth-authorization-server`, the RFC 8414 location of the
 * Authorization Server Metadata that the draft's Server Metadata extends
 * (§5 L834). Metadata is public (RFC 8414 §3): the token is not sent.
 */
import { decodeJsonText, parseJson } from '../json-text.js';
import { validateServerMetadata } from '../models/generated-2026.js';
import { fetchBody, type Exchange } from './page.js';
import { isObject } from '../json.js';
import { Findings, type MetadataSource, type State } from './state.js';

/** Where the crawl looks for the Server Metadata when it is not told (a decision, see above). */
export const WELL_KNOWN_METADATA_PATH = '/.well-known/oauth-authorization-server';

/** The default Server Metadata URL of a listing: its origin's well-known metadata path. */
export function defaultMetadataUrl(listingUrl: string): string {
  return new URL(WELL_KNOWN_METADATA_PATH, listingUrl).toString();
}

/**
 * Read the Server Metadata once and check it against the draft's
 * `ServerMetadata` schema (`server-metadata`); keep it for the checker when
 * its declared types can be read. Unreadable: `server-metadata-unread`.
 */
export async function loadServerMetadata(state: State, source: MetadataSource): Promise<void> {
  state.metadataRead = true;
  let meta: unknown;
  let where: string;
  if (source.kind === 'given') {
    meta = source.metadata;
    where = 'the Server Metadata given';
  } else {
    where = source.url;
    meta = await readMetadata(state, source.url);
    if (meta === undefined) return;
  }
  if (!isObject(meta)) {
    state.findings.add('server-metadata', where, 'the Server Metadata is not a JSON object');
    return;
  }
  if (!validateServerMetadata(meta)) {
    for (const e of validateServerMetadata.errors ?? []) {
      state.findings.add('server-metadata', where, `${e.instancePath === '' ? 'the Server Metadata' : e.instancePath} ${e.message ?? 'is invalid'} (draft §5 L834–862)`, 'error', e.instancePath);
    }
  }
  const map = meta.cds_usagesegments_additional_value_types;
  // A map that is not an object declares nothing the checker can read (the schema finding above says so).
  if (map !== undefined && !isObject(map)) return;
  state.serverMetadata = meta;
}

/** GET the metadata (no token) and parse it; undefined after a `server-metadata-unread` finding. */
async function readMetadata(state: State, url: string): Promise<unknown> {
  // The exchange's own findings (transport, status, content type) become one metadata finding: the listing's checks are not the metadata's.
  const aside: Exchange = { fetcher: state.fetcher, deadline: state.deadline, findings: new Findings((s) => s) };
  const bytes = await fetchBody(aside, url, 'the Server Metadata', 'none');
  const why = aside.findings.list[0]?.message;
  if (bytes === null) {
    state.findings.add('server-metadata-unread', url, `${why ?? 'the Server Metadata could not be read'}; undeclared-type was not checked (give the Client object's cds_server_metadata URL or a file with --server-metadata)`);
    return undefined;
  }
  try {
    return parseJson(decodeJsonText(bytes));
  } catch (e) {
    state.findings.add('server-metadata-unread', url, `the Server Metadata is not JSON text (${e instanceof Error ? e.message : String(e)}); undeclared-type was not checked`);
    return undefined;
  }
}
