import { validateUsageSegment, validateUsageSegmentList } from '../generated/validators.js';
import type { CheckContext } from './context.js';
import { show } from './context.js';
import type { Collector } from './problems.js';
import { parsePointer, ptr, resolvePointer } from './pointer.js';

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
      return `${where}: value must be null, {"v": number}, {"reason_type": string}, a non-empty supply-mix array or an object`;
    case 'pattern':
    case 'format':
      if (e.params.format === 'date-time' || /date|created|modified|segment_(start|end)/.test(where)) {
        return `${where} must be an RFC 3339 date-time with an offset (Z or ±hh:mm)`;
      }
      return `${where} ${e.message ?? 'is malformed'}`;
    case 'uniqueItems':
      return `${where} must not repeat an id (${e.message ?? ''})`;
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

/** Run the compiled JSON Schema validator and map its errors to `schema` problems. */
export function runSchema(doc: unknown, kind: 'segment' | 'list', c: Collector): SchemaOutcome {
  const validator = kind === 'list' ? validateUsageSegmentList : validateUsageSegment;
  if (validator(doc)) return { exact: null, ancestors: null };
  const errors = (validator.errors ?? []) as AjvError[];
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
  return { exact, ancestors };
}

export function contextFrom(c: Collector, strict: boolean, s: SchemaOutcome): CheckContext {
  return { c, strict, schemaExact: s.exact, schemaAncestors: s.ancestors };
}
