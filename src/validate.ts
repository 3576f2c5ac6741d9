import { checkContext, schemaOutcome, type SchemaOutcome } from './context.js';
import { scanDuplicateKeys } from './duplicate-keys.js';
import { isObject, show } from './json.js';
import type { ModelAdapter } from './models/adapter.js';
import { detectModel as detectRegistered, findModel, modelEntry, modelIds } from './models/registry.js';
import type { Model } from './registry.js';
import { checkServerMetadata, declaredTypesOf } from './rules/formats.js';
import { Collector, type ValidationResult } from './problems.js';
import { checkPageInOnePass } from './rules/one-pass.js';
import { checkPage } from './rules/page.js';
import { checkSegment, type SegmentSummary } from './rules/segment.js';
import { checkTimeline } from './rules/timeline.js';
import { runSchema } from './schema.js';
import { orList } from './words.js';

export type DocumentKind = 'auto' | 'segment' | 'list';

export interface ValidateOptions {
  /** What the document is: `auto` (default) treats an object with `usage_segments` as a listing page, any other object as a segment. */
  kind?: DocumentKind;
  /** Also report `unknown-field` and `unknown-format` warnings, and every `unknown-enum`. Default false. */
  strict?: boolean;
  /** The JSON text `doc` was parsed from: its repeated member names are reported (`duplicate-key`), which the parsed value cannot show. */
  text?: string;
  /** The document model: `auto` (default) detects it (see `detectModel`); `2024` or `2026` forces it. */
  model?: Model | 'auto';
  /**
   * The Server Metadata of the Server the document comes from (2026). With
   * it, a Value Format `type` that the draft does not define and that
   * `cds_usagesegments_additional_value_types` does not describe is an
   * `undeclared-type` error.
   */
  serverMetadata?: Record<string, unknown>;
}

/**
 * The model of a document for `model: 'auto'`: a segment with `formats` is
 * 2026, any other 2024 (a segment with `format`, and what has neither:
 * 2024 reports the missing member). A page takes the model of its first
 * segment that has `formats` or `format`. The registry decides
 * (src/models/registry.ts): each model's columns member recognises it.
 */
export function detectModel(doc: unknown): Model {
  return detectRegistered(doc) as Model;
}

/** The model a document is checked against: `model` when forced, else the detected one (`detectModel`). */
export function resolveModel(doc: unknown, model: Model | 'auto'): Model {
  return model === 'auto' ? detectModel(doc) : model;
}

/** Check the model and Server Metadata options (programming errors throw, as for `kind`). */
export function modelOptions(fn: string, options: Pick<ValidateOptions, 'model' | 'serverMetadata'> | undefined): { model: Model | 'auto'; declaredTypes: ReadonlySet<string> | null } {
  const model = options?.model ?? 'auto';
  if (model !== 'auto' && (typeof model !== 'string' || findModel(model) === undefined)) {
    throw new TypeError(`${fn}: option model must be ${orList(['auto', ...modelIds()].map((m) => `'${m}'`))}, got ${String(model)}`);
  }
  const meta = options?.serverMetadata;
  if (meta === undefined) return { model, declaredTypes: null };
  if (!isObject(meta)) throw new TypeError(`${fn}: option serverMetadata must be the Server Metadata object, got ${meta === null ? 'null' : Array.isArray(meta) ? 'an array' : typeof meta}`);
  const map = meta.cds_usagesegments_additional_value_types;
  if (map !== undefined && !isObject(map)) throw new TypeError(`${fn}: serverMetadata.cds_usagesegments_additional_value_types must be an object (a map of Value Type Descriptions)`);
  return { model, declaredTypes: declaredTypesOf(meta) };
}

/** Decide the kind of a document for `kind: 'auto'`; null if it is not an object. */
export function detectKind(doc: unknown): 'segment' | 'list' | null {
  if (!isObject(doc)) return null;
  return Object.prototype.hasOwnProperty.call(doc, 'usage_segments') ? 'list' : 'segment';
}

/** `duplicate-key` for every repeated member name of `text` (pointers built only for the problems listed). */
export function reportDuplicateKeys(text: string, collector: Collector): void {
  if (!collector.enabled('duplicate-key')) return;
  scanDuplicateKeys(text, (name, pointer) =>
    collector.add('duplicate-key', pointer, () => `member ${show(name)} appears more than once in this object; JSON.parse keeps only the last value: remove or rename the other`),
  );
}

/**
 * Internal: validate one document into an existing collector (its gate says
 * strict or not). Returns what the schema pass found (null when the document
 * could not be read as the kind asked for), for rules between documents.
 */
export function validateInto(
  doc: unknown,
  kindOpt: DocumentKind,
  collector: Collector,
  model: ModelAdapter = modelEntry('2024').adapter,
  declaredTypes: ReadonlySet<string> | null = null,
  timeline: SegmentSummary[] | null = null,
): SchemaOutcome | null {
  let kind: 'segment' | 'list';
  if (kindOpt === 'auto') {
    const k = detectKind(doc);
    if (k === null) {
      collector.add('schema', '', `document must be a JSON object (a usage segment or a listing page), got ${doc === null ? 'null' : Array.isArray(doc) ? 'an array' : typeof doc}`);
      return null;
    }
    kind = k;
  } else if (kindOpt === 'segment' || kindOpt === 'list') {
    kind = kindOpt;
  } else {
    throw new TypeError(`unknown kind ${String(kindOpt)}`);
  }
  if (kind === 'list' && isObject(doc)) {
    // A page the schema finds nothing in is checked in one pass; any other takes the full pass below.
    const onePass = checkPageInOnePass(doc, collector, model, declaredTypes);
    if (onePass !== null) {
      if (timeline !== null) for (const s of onePass.summaries) timeline.push(s);
      return onePass.schema;
    }
  }
  const schema = runSchema(doc, kind, collector, model);
  if (!isObject(doc)) return schema;
  const ctx = checkContext(collector, model, schema, declaredTypes);
  if (kind === 'list') {
    const summaries = checkPage(doc, ctx) ?? [];
    if (timeline !== null) for (const s of summaries) timeline.push(s);
  } else checkSegment(doc, '', 0, ctx);
  return schema;
}

/**
 * Check one document (a usage segment or a listing page) against the JSON
 * Schema and the rules. Never throws for any JSON value and never modifies
 * `doc`.
 */
export function validate(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  return validateCollecting(doc, options, 'validate', null);
}

/** `validate` that also hands back, for a listing page, what the timeline rules read of each segment (`timeline`). */
function validateCollecting(doc: unknown, options: ValidateOptions, fn: string, timeline: SegmentSummary[] | null): ValidationResult {
  const kind = options?.kind ?? 'auto';
  if (kind !== 'auto' && kind !== 'segment' && kind !== 'list') {
    throw new TypeError(`${fn}: option kind must be 'auto', 'segment' or 'list', got ${String(kind)}`);
  }
  const { model: modelOpt, declaredTypes } = modelOptions(fn, options);
  const model = modelEntry(resolveModel(doc, modelOpt));
  const collector = new Collector({ strict: options?.strict === true, model: model.rules, metadata: declaredTypes !== null });
  try {
    if (typeof options?.text === 'string') reportDuplicateKeys(options.text, collector);
    // The crawler (validatePage, which passes `timeline`) checks the metadata once itself (src/crawl/metadata.ts), not on every page.
    if (timeline === null && isObject(options?.serverMetadata)) checkServerMetadata(options.serverMetadata, collector);
    validateInto(doc, kind, collector, model.adapter, declaredTypes, timeline);
  } catch (e) {
    collector.add('internal-error', '', `checker failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return collector.result();
}

/** What the timeline rules read of one segment: its times, interval, measurements and series (no values). */
export type TimelineEntry = SegmentSummary;

/**
 * Internal (the crawler): validate one listing page, and keep what the
 * timeline rules read of its segments, so that the timeline across pages
 * runs on those entries (`checkTimelineOf`) without checking any segment twice.
 */
export function validatePage(doc: unknown, options: Omit<ValidateOptions, 'kind'>): { result: ValidationResult; timeline: TimelineEntry[] } {
  const timeline: TimelineEntry[] = [];
  const result = validateCollecting(doc, { ...options, kind: 'list' }, 'validatePage', timeline);
  return { result, timeline };
}

/**
 * Internal (the crawler): the timeline rules alone over entries kept by
 * `validatePage` from several pages. Each entry's `index` orders the
 * listing (a problem is reported on the segment listed later) and its
 * `path` is where the problem points.
 */
export function checkTimelineOf(entries: readonly TimelineEntry[], modelId: Model): ValidationResult {
  const model = modelEntry(modelId);
  const collector = new Collector({ model: model.rules });
  try {
    checkTimeline(entries, checkContext(collector, model.adapter, schemaOutcome(null, null, null, null, null), null));
  } catch (e) {
    collector.add('internal-error', '', `checker failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return collector.result();
}

/**
 * `validate` for JSON text: parses it and checks the value, and also reports
 * repeated member names (`duplicate-key`), which the parsed value cannot show.
 * Text that is not JSON is a `schema` error at the root. Never throws.
 */
export function validateText(text: string, options: Omit<ValidateOptions, 'text'> = {}): ValidationResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const collector = new Collector({ strict: options?.strict === true });
    collector.add('schema', '', `document is not JSON: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    return collector.result();
  }
  return validate(doc, { ...options, text });
}
