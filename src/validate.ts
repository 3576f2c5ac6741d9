import type { CheckContext } from './context.js';
import { isObject } from './json.js';
import type { ModelAdapter } from './models/adapter.js';
import { MODEL_2024 } from './models/model-2024.js';
import { Collector, type ValidationResult } from './problems.js';
import { checkPage } from './rules/page.js';
import { checkSegment, type SegmentSummary } from './rules/segment.js';
import { runSchema } from './schema.js';

export type DocumentKind = 'auto' | 'segment' | 'list';

export interface ValidateOptions {
  /** What the document is: `auto` (default) treats an object with `usage_segments` as a listing page, any other object as a segment. */
  kind?: DocumentKind;
  /** Also report `unknown-field` and `unknown-format` warnings. Default false. */
  strict?: boolean;
}

/** Decide the kind of a document for `kind: 'auto'`; null if it is not an object. */
export function detectKind(doc: unknown): 'segment' | 'list' | null {
  if (!isObject(doc)) return null;
  return Object.prototype.hasOwnProperty.call(doc, 'usage_segments') ? 'list' : 'segment';
}

/** Internal: validate one document into an existing collector (its gate says strict or not). Returns the segment summary for single segments. */
export function validateInto(doc: unknown, kindOpt: DocumentKind, collector: Collector, model: ModelAdapter = MODEL_2024): SegmentSummary | null {
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
  const schema = runSchema(doc, kind, collector, model);
  if (!isObject(doc)) return null;
  const ctx: CheckContext = { collector, model, schema };
  if (kind === 'list') {
    checkPage(doc, ctx);
    return null;
  }
  return checkSegment(doc, '', 0, ctx);
}

/**
 * Check one document (a usage segment or a listing page) against the JSON
 * Schema and the rules. Never throws for any JSON value and never modifies
 * `doc`.
 */
export function validate(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const kind = options?.kind ?? 'auto';
  if (kind !== 'auto' && kind !== 'segment' && kind !== 'list') {
    throw new TypeError(`validate: option kind must be 'auto', 'segment' or 'list', got ${String(kind)}`);
  }
  const collector = new Collector({ strict: options?.strict === true });
  try {
    validateInto(doc, kind, collector);
  } catch (e) {
    collector.add('internal-error', '', `checker failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return collector.result();
}
