/**
 * The model registry: every document model is one entry here, and the rest
 * of the checker asks the registry (which models exist, which one a document
 * is written in, which adapter reads it) instead of naming models itself.
 * Adding a model is one entry (docs/adding-a-model.md).
 */
import { isObject } from '../json.js';
import type { Model } from '../registry.js';
import type { ModelAdapter } from './adapter.js';
import { validateServerMetadata as serverMetadata2026 } from './generated-2026.js';
import { MODEL_2024 } from './model-2024.js';
import { MODEL_2026 } from './model-2026.js';

/**
 * What a Server of the model publishes and accepts besides the documents of
 * its listing, as far as the crawler (src/crawl/) and the reference Server
 * (server/, through `serverShape`) read it.
 */
export interface ServerShape {
  /**
   * The Server Metadata the model's Server publishes (2026 §5 L834–862: a
   * Client reads it from its Client object's `cds_server_metadata` URL), or
   * null when the model has none (2024: a Client finds the listing in its
   * Client Registration Response, §3.3). The crawler reads and checks it
   * (its crawl codes with `needs: 'server-metadata'`) and hands it to the
   * checker; a crawl of a model without one skips those codes.
   */
  readonly metadata: ServerMetadataShape | null;
  /**
   * The scopes that open the listing (2024: the draft's usage scopes and
   * aggregated data, §3.1 L104–111, which of them grants this API a decision
   * stated in the spec's `security`; 2026: the scope types of §6.1.9 and
   * §6.2.8, the reference Server naming its scopes by their type). The first
   * is the one the reference Server's tokens get when none is asked for.
   */
  readonly listingScopes: readonly string[];
  /**
   * How the listing's `before` and `after` filters write a date-time: 2024
   * says "an ISO8601 datetime" (2024-09 §11.5 L508–509), so the reference
   * Server also takes the basic format and reduced precision; 2026 an RFC
   * 3339 date-time (§10.8.8 L5959–5960).
   */
  readonly filterDateTime: 'iso8601' | 'rfc3339';
}

/** A model's Server Metadata: how to check it and where it is looked for. */
export interface ServerMetadataShape {
  /** The model's compiled `ServerMetadata` schema (loaded on first use). */
  readonly validate: MetadataValidator;
  /**
   * Where it is looked for on the listing's origin when no URL is given (a
   * decision): RFC 8414's well-known path of the Authorization Server
   * Metadata that the draft's Server Metadata extends (2026 §5 L834).
   */
  readonly wellKnownPath: string;
  /** Where the draft defines it, cited in the crawler's messages. */
  readonly section: string;
}

/** A compiled validator with Ajv's errors (as generated/<model>/validators.ts exports it). */
export interface MetadataValidator {
  (data: unknown): boolean;
  readonly errors?: readonly { readonly instancePath: string; readonly message?: string }[] | null;
}

/** One document model. */
export interface ModelEntry {
  /** What the `model` option and `--model` take (`2024`, `2026`). */
  readonly id: string;
  /**
   * The model the rule registry (src/registry.ts, each rule's `models`) lists
   * for this model's documents: its own id, or that of the model whose rules
   * it shares.
   */
  readonly rules: Model;
  /**
   * How the rules read its documents: columns, measurements, members,
   * compiled validators (loaded on first use), words of advice. Its
   * `columnsField` also recognises a document: a segment that has that member
   * is written in this model (see `detectModel`).
   */
  readonly adapter: ModelAdapter;
  /**
   * The converter's edges: the document shape (src/convert/ has one module
   * per shape it writes, `to-2024.ts` and `to-2026.ts`) in which this model's
   * documents are converted, its own id or that of the model it converts as.
   * Every model that has one converts into every other that has one (two of
   * the same shape convert by copying); absent when the converter does not
   * handle the model. `convertTargets()` lists them.
   */
  readonly converter?: string;
  /** What its Server publishes besides the listing (see `ServerShape`). */
  readonly server: ServerShape;
}

/**
 * The registered models, newest first (a segment that has the columns members
 * of several models is decided by `segmentModel`). The last is the default
 * of a document that names no columns (it reports them missing).
 */
const ENTRIES: ModelEntry[] = [
  {
    id: '2026',
    rules: '2026',
    adapter: MODEL_2026,
    converter: '2026',
    server: {
      metadata: { validate: serverMetadata2026, wellKnownPath: '/.well-known/oauth-authorization-server', section: '§5 L834–862' },
      listingScopes: ['cds_usage', 'cds_query_usage'],
      filterDateTime: 'rfc3339',
    },
  },
  {
    id: '2024',
    rules: '2024',
    adapter: MODEL_2024,
    converter: '2024',
    server: { metadata: null, listingScopes: ['cds_usage_detailed', 'cds_usage_basic', 'cds_aggregation_data'], filterDateTime: 'iso8601' },
  },
];

/** The ids of the registered models, oldest first (for option lists and messages). */
export function modelIds(): readonly string[] {
  return ENTRIES.map((e) => e.id).reverse();
}

/** The ids of the models the converter reads and writes (`convert --to`, `import-espi --to`), oldest first. */
export function convertTargets(): readonly string[] {
  return modelIds().filter((id) => findModel(id)?.converter !== undefined);
}

/** The ids of the models whose Server publishes Server Metadata, oldest first (for messages). */
export function modelsWithServerMetadata(): readonly string[] {
  return modelIds().filter((id) => findModel(id)?.server.metadata !== null);
}

/**
 * The Server shape of a registered model (the reference Server reads it
 * through the package's exports); undefined when no model has that id.
 */
export function serverShape(id: string): ServerShape | undefined {
  return findModel(id)?.server;
}

/**
 * The document shape a model's documents are written in, as the converter's
 * edge names it (`2024`, `2026`: a writer of documents, such as the
 * reference Server's demo data, writes that shape); undefined when the
 * converter does not handle the model or no model has that id.
 */
export function documentShape(id: string): string | undefined {
  return findModel(id)?.converter;
}

/** The entry of a model id, or undefined when no model has that id. */
export function findModel(id: string): ModelEntry | undefined {
  return ENTRIES.find((e) => e.id === id);
}

/** The entry of a registered model id (a programming error throws). */
export function modelEntry(id: string): ModelEntry {
  const entry = findModel(id);
  if (entry === undefined) throw new TypeError(`unknown model ${String(id)}; known: ${modelIds().join(', ')}`);
  return entry;
}

/**
 * Register a model (newest first: it is asked first when detecting). Returns
 * the function that removes it again; tests register throwaway models.
 */
export function registerModel(entry: ModelEntry): () => void {
  if (findModel(entry.id) !== undefined) throw new TypeError(`model ${entry.id} is already registered`);
  ENTRIES.unshift(entry);
  return () => {
    const i = ENTRIES.indexOf(entry);
    if (i >= 0) ENTRIES.splice(i, 1);
  };
}

const has = (o: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * The model a segment is written in: the newest registered model whose
 * columns member it has, else null. Every draft allows members it does not
 * define, so a segment may have the columns member of several models (a 2024
 * segment with an extra `formats`); a candidate that lacks a member it
 * requires and the other candidates do not define (2026: `cds_synced`) is
 * then passed over.
 */
function segmentModel(segment: Record<string, unknown>): string | null {
  const candidates = ENTRIES.filter((e) => has(segment, e.adapter.columnsField));
  if (candidates.length <= 1) return candidates[0]?.id ?? null;
  const complete = candidates.find((e) =>
    [...e.adapter.segmentRequired].every((m) => has(segment, m) || candidates.some((o) => o !== e && o.adapter.segmentMembers.has(m))),
  );
  return (complete ?? candidates[0]!).id;
}

/** The model of one segment (not a page) by its columns member, or null when it has no model's columns member (the checker says what is missing). */
export function segmentModelOf(segment: unknown): Model | null {
  return isObject(segment) ? (segmentModel(segment) as Model | null) : null;
}

/** The model of one segment (not a page): by its columns member, else the default model. */
export function detectSegmentModel(segment: Record<string, unknown>): string {
  return segmentModel(segment) ?? defaultModel();
}

/** The default model: the oldest (a document that names no columns is checked against it and told what is missing). */
function defaultModel(): string {
  return ENTRIES[ENTRIES.length - 1]!.id;
}

/**
 * The model of a document: a segment's, by its columns member; a page takes
 * that of its first segment that has one. Anything else reads as the default
 * model, which reports what is missing. Never throws (a hostile object that
 * throws when read also gets the default: validation reports it).
 */
export function detectModel(doc: unknown): string {
  try {
    if (!isObject(doc)) return defaultModel();
    const list = doc.usage_segments;
    const segments: unknown[] = Array.isArray(list) ? list : [doc];
    for (const seg of segments) {
      if (!isObject(seg)) continue;
      const model = segmentModel(seg);
      if (model !== null) return model;
    }
  } catch {
    // Reading the input threw: validation will report it as internal-error.
  }
  return defaultModel();
}
