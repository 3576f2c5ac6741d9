import { validateUsageSegment, validateUsageSegmentList } from '../generated/2024/validators.js';
import { LINK_MAX_LENGTH } from '../generated/2024/spec-facts.js';
import type { CheckContext } from './context.js';
import { show } from './context.js';
import type { Collector } from './problems.js';
import { parsePointer, ptr, resolvePointer } from './pointer.js';
import { columnsOf, valuesClean } from './semantic/columns.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Schema check result: paths with errors, for de-duplicating semantic checks. */
export interface SchemaOutcome {
  exact: Set<string> | null;
  ancestors: Set<string> | null;
  /** Segments whose values passed the single-pass check `valuesClean` (nothing to report in them). */
  cleanValues: Set<unknown> | null;
}

function isUnder(path: string, base: string): boolean {
  return path.length > base.length && path.startsWith(base) && path.charCodeAt(base.length) === 47;
}

function fieldName(path: string): string {
  return path === '' ? 'document' : path;
}

function messageFor(e: AjvError): string {
  const where = fieldName(e.instancePath);
  switch (e.keyword) {
    case 'required':
      return `missing required property ${show(e.params.missingProperty)}`;
    case 'anyOf':
      if (/\/format\/\d+$/.test(e.instancePath)) {
        return `${where} must be a known format or an extension format matching ^[a-z][a-z0-9_]*$`;
      }
      return `${where}: value must be null, {"v": number}, {"reason_type": string}, a non-empty supply-mix array or an object`;
    case 'pattern':
    case 'format':
      if (e.params.format === 'date-time' || /date|created|modified|segment_(start|end)/.test(where)) {
        return `${where} must be an RFC 3339 date-time with an offset (Z or ±hh:mm)`;
      }
      return `${where} ${e.message ?? 'is malformed'}`;
    case 'uniqueItems':
      return `${where} must not repeat an id (items ${String(e.params.j)} and ${String(e.params.i)} are identical)`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

function segmentIdAt(doc: unknown, path: string): string | undefined {
  const toks = parsePointer(path);
  let segPath: string;
  if (toks[0] === 'usage_segments' && toks.length >= 2) segPath = ptr('', 'usage_segments', toks[1]!);
  else if (toks[0] === 'usage_segments') return undefined;
  else segPath = '';
  const r = resolvePointer(doc, segPath);
  if (!r.found || r.value === null || typeof r.value !== 'object') return undefined;
  const id = (r.value as Record<string, unknown>).cds_usagesegment_id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Longest `next`/`previous` link (the spec's `maxLength`). Longer links are
 * reported here and kept away from the `uri` format's regular expression,
 * which overflows its backtracking stack on links of a few million characters.
 */
export const MAX_LINK_LENGTH = LINK_MAX_LENGTH;

const NO_VALUES: readonly unknown[] = Object.freeze([]);

/** Does a supply-mix array satisfy the SupplyMix schema? (finite numbers required: never laxer than Ajv) */
function supplyMixShapeOk(a: unknown[]): boolean {
  if (a.length === 0) return false;
  for (let j = 0; j < a.length; j++) {
    const comp = a[j];
    if (comp === null || typeof comp !== 'object' || Array.isArray(comp)) return false;
    const t = (comp as { type?: unknown }).type;
    const m = (comp as { mix?: unknown }).mix;
    if (typeof t !== 'string' || t.length === 0) return false;
    if (typeof m !== 'number' || !(m >= 0 && m <= 1)) return false;
    if (Object.prototype.hasOwnProperty.call(comp, 'gco2_per_kwh')) {
      const g = (comp as { gco2_per_kwh?: unknown }).gco2_per_kwh;
      if (typeof g !== 'number' || !(g >= 0) || g === Infinity) return false;
    }
  }
  return true;
}

/**
 * Fast structural check of `values` equivalent to (never laxer than) the
 * schema's ValueSet/Value definitions: every value set an array, every value
 * null, an object, or a well-formed supply-mix array. When it fails, the
 * compiled validator runs on the whole segment to produce the exact errors.
 */
export function valuesShapeOk(values: unknown[]): boolean {
  for (let k = 0; k < values.length; k++) {
    const vs = values[k];
    if (!Array.isArray(vs)) return false;
    for (let i = 0; i < vs.length; i++) {
      const v: unknown = vs[i];
      if (v === null) continue;
      if (typeof v !== 'object') return false;
      if (Array.isArray(v) && !supplyMixShapeOk(v)) return false;
    }
  }
  return true;
}

function withoutValues(seg: unknown): unknown {
  if (seg === null || typeof seg !== 'object' || Array.isArray(seg)) return seg;
  const values = (seg as { values?: unknown }).values;
  if (!Array.isArray(values)) return seg;
  return { ...(seg as Record<string, unknown>), values: NO_VALUES };
}

/**
 * Run the compiled JSON Schema validators and map their errors to `schema`
 * problems. For speed the validator sees each segment with `values` emptied.
 * `values` is first tried in one pass by `valuesClean` (schema shape and every
 * value-level semantic check at once; not in strict mode): a clean segment is
 * recorded in `cleanValues` and the semantic values loop skips it. Otherwise
 * `valuesShapeOk` checks the shape, and only a segment whose values fail it is
 * run through the validator in full (its `/values` errors kept).
 */
export function runSchema(doc: unknown, kind: 'segment' | 'list', c: Collector, strict = false): SchemaOutcome {
  const errors: AjvError[] = [];
  let clean: Set<unknown> | null = null;
  const fullValueErrors = (seg: unknown, base: string): void => {
    if (seg === null || typeof seg !== 'object' || Array.isArray(seg)) return;
    const values = (seg as { values?: unknown }).values;
    if (!Array.isArray(values)) return;
    // Common case in one pass: schema shape and every value-level semantic check together.
    if (!strict && valuesClean(values, columnsOf((seg as { format?: unknown }).format))) {
      (clean ??= new Set()).add(seg);
      return;
    }
    if (valuesShapeOk(values)) return;
    if (validateUsageSegment(seg)) return;
    for (const e of (validateUsageSegment.errors ?? []) as AjvError[]) {
      if (e.instancePath === '/values' || e.instancePath.startsWith('/values/')) errors.push({ ...e, instancePath: base + e.instancePath });
    }
  };
  if (kind === 'list') {
    let view = doc;
    const list = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as { usage_segments?: unknown }).usage_segments : undefined;
    if (Array.isArray(list)) view = { ...(doc as Record<string, unknown>), usage_segments: list.map(withoutValues) };
    for (const f of ['next', 'previous'] as const) {
      const link = view !== null && typeof view === 'object' && !Array.isArray(view) ? (view as Record<string, unknown>)[f] : undefined;
      if (typeof link !== 'string' || link.length <= MAX_LINK_LENGTH) continue;
      view = { ...(view as Record<string, unknown>), [f]: null };
      errors.push({ instancePath: `/${f}`, keyword: 'maxLength', params: { limit: MAX_LINK_LENGTH }, message: `must NOT have more than ${MAX_LINK_LENGTH} characters (got ${link.length})` });
    }
    if (!validateUsageSegmentList(view)) errors.push(...((validateUsageSegmentList.errors ?? []) as AjvError[]));
    if (Array.isArray(list)) for (let i = 0; i < list.length; i++) fullValueErrors(list[i], `/usage_segments/${i}`);
  } else {
    if (!validateUsageSegment(withoutValues(doc))) errors.push(...((validateUsageSegment.errors ?? []) as AjvError[]));
    fullValueErrors(doc, '');
  }
  if (errors.length === 0) return { exact: null, ancestors: null, cleanValues: clean };
  const anyOfPaths: string[] = [];
  for (const e of errors) if (e.keyword === 'anyOf') anyOfPaths.push(e.instancePath);
  const kept: AjvError[] = [];
  const seen = new Set<string>();
  const hasDeeper = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'if' || e.keyword === 'oneOf') continue;
    let drop = false;
    for (const p of anyOfPaths) {
      if (e.instancePath === p) {
        drop = true; // a branch's mismatch at the value itself
        break;
      }
      if (isUnder(e.instancePath, p)) hasDeeper.add(p);
    }
    if (drop) continue;
    const group = e.keyword === 'pattern' || e.keyword === 'format' ? 'date' : e.keyword + JSON.stringify(e.params);
    const key = `${e.instancePath}\u0000${group}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(e);
  }
  for (const e of errors) {
    if (e.keyword !== 'anyOf') continue;
    if (hasDeeper.has(e.instancePath)) continue;
    const key = `${e.instancePath}\u0000anyOf`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(e);
  }
  const exact = new Set<string>();
  const ancestors = new Set<string>();
  for (const e of kept) {
    const path = e.instancePath;
    exact.add(path);
    let i = path.lastIndexOf('/');
    while (i >= 0) {
      const a = path.slice(0, i);
      if (ancestors.has(a)) break;
      ancestors.add(a);
      i = a.lastIndexOf('/');
    }
    c.add('schema', path, messageFor(e), segmentIdAt(doc, path));
  }
  return { exact, ancestors, cleanValues: clean };
}

export function contextFrom(c: Collector, strict: boolean, s: SchemaOutcome): CheckContext {
  return { c, strict, schemaExact: s.exact, schemaAncestors: s.ancestors, cleanValues: s.cleanValues };
}
