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
 * What a Server of the model publishes besides its listing, as far as the
 * crawler (src/crawl/) and the reference Server (server/) read it.
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
    server: { metadata: { validate: serverMetadata2026, wellKnownPath: '/.well-known/oauth-authorization-server', section: '§5 L834–862' } },
  },
  { id: '2024', rules: '2024', adapter: MODEL_2024, converter: '2024', server: { metadata: null } },
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
