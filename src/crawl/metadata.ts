/**
 * The Server Metadata of a crawl whose model's Server publishes one (the
 * model registry's `server.metadata`; 2026, draft §5 L834–862): the checker
 * needs it for the rules that read what the Server declares
 * (`undeclared-type`: a Value Format `type` neither defined by the draft nor
 * described in `cds_usagesegments_additional_value_types`). The crawler
 * reads it once, when the crawl's model is known to be such a model and
 * before the first page is checked.
 *
 * Where it lives: the draft has a Client read it from its Client object's
 * `cds_server_metadata` URL (L862); give that URL (or a file) to the crawl.
 * Decision, without one: the listing origin's well-known path of the model
 * (2026: `/.well-known/oauth-authorization-server`, the RFC 8414 location of
 * the Authorization Server Metadata that the draft's Server Metadata extends,
 * §5 L834). Metadata is public (RFC 8414 §3): the token is not sent.
 */
import { decodeJsonText, parseJson } from '../json-text.js';
import { modelEntry, modelsWithServerMetadata, type ServerMetadataShape } from '../models/registry.js';
import type { Model } from '../registry.js';
import { fetchBody, type Exchange } from './page.js';
import { isObject } from '../json.js';
import { Findings, type State } from './state.js';

/** The Server Metadata of a model's Server, or null when it publishes none (or the model is not known yet). */
function metadataShape(model: Model | 'unknown'): ServerMetadataShape | null {
  return model === 'unknown' ? null : modelEntry(model).server.metadata;
}

/**
 * Why the Server Metadata checks (crawl codes with `needs: 'server-metadata'`)
 * did not run in a crawl of this model, or null when they did.
 */
export function metadataSkipReason(model: Model | 'unknown'): string | null {
  if (model === 'unknown') return 'the model is unknown (no segment was read)';
  if (metadataShape(model) !== null) return null;
  return `a ${model} crawl: the Server Metadata is a ${modelsWithServerMetadata().join(' or ')} document`;
}

/**
 * Once the crawl's model is known and its Server publishes Server Metadata:
 * read it once and check it against the model's `ServerMetadata` schema
 * (`server-metadata`); keep it for the checker when its declared types can
 * be read. Unreadable: `server-metadata-unread`. Other models: nothing.
 */
export async function loadServerMetadata(state: State): Promise<void> {
  const shape = metadataShape(state.model);
  if (shape === null) return;
  state.metadataRead = true;
  const source = state.metadata;
  let meta: unknown;
  let where: string;
  if (source.kind === 'given') {
    meta = source.metadata;
    where = 'the Server Metadata given';
  } else {
    where = source.kind === 'url' ? source.url : new URL(shape.wellKnownPath, source.listingUrl).toString();
    meta = await readMetadata(state, where);
    if (meta === undefined) return;
  }
  if (!isObject(meta)) {
    state.findings.add('server-metadata', where, 'the Server Metadata is not a JSON object');
    return;
  }
  if (!shape.validate(meta)) {
    for (const e of shape.validate.errors ?? []) {
      state.findings.add('server-metadata', where, `${e.instancePath === '' ? 'the Server Metadata' : e.instancePath} ${e.message ?? 'is invalid'} (draft ${shape.section})`, 'error', e.instancePath);
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
