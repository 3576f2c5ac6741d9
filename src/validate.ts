import { isObject } from './context.js';
import { Collector, type ValidationResult } from './problems.js';
import { contextFrom, runSchema } from './schema.js';
import { checkPage } from './semantic/page.js';
import { checkSegment, type SegmentSummary } from './semantic/segment.js';

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

/** Internal: validate into an existing collector. Returns the segment summary for single segments. */
export function validateInto(doc: unknown, opts: ValidateOptions, c: Collector): SegmentSummary | null {
  const kindOpt = opts.kind ?? 'auto';
  const strict = opts.strict === true;
  let kind: 'segment' | 'list';
  if (kindOpt === 'auto') {
    const k = detectKind(doc);
    if (k === null) {
      c.add('schema', '', `document must be a JSON object (a usage segment or a listing page), got ${doc === null ? 'null' : Array.isArray(doc) ? 'an array' : typeof doc}`);
      return null;
    }
    kind = k;
  } else if (kindOpt === 'segment' || kindOpt === 'list') {
    kind = kindOpt;
  } else {
    throw new TypeError(`unknown kind ${String(kindOpt)}`);
  }
  const outcome = runSchema(doc, kind, c, strict);
  if (!isObject(doc)) return null;
  const ctx = contextFrom(c, strict, outcome);
  if (kind === 'list') {
    checkPage(doc, ctx);
    return null;
  }
  return checkSegment(doc, '', 0, ctx);
}

/**
 * Check one document (a usage segment or a listing page) against the JSON
 * Schema and the semantic rules. Never throws for any JSON value and never
 * modifies `doc`.
 */
export function validate(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const c = new Collector();
  const kind = options?.kind;
  if (kind !== undefined && kind !== 'auto' && kind !== 'segment' && kind !== 'list') {
    throw new TypeError(`validate: option kind must be 'auto', 'segment' or 'list', got ${String(kind)}`);
  }
  try {
    validateInto(doc, options ?? {}, c);
  } catch (e) {
    c.add('internal-error', '', `checker failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return c.result();
}
