import type { Collector } from './problems.js';

/** Options shared by the checks. */
export interface CheckContext {
  readonly c: Collector;
  readonly strict: boolean;
  /** Paths with schema errors (exact), or null when the schema passed. */
  readonly schemaExact: Set<string> | null;
  /** Proper ancestors of paths with schema errors, or null. */
  readonly schemaAncestors: Set<string> | null;
  /** Segments whose `values` the schema pass found clean in its single pass (see `valuesClean`): the semantic values loop skips them. */
  readonly cleanValues?: ReadonlySet<unknown> | null;
}

/** Did the schema report a problem exactly at `path`? */
export function schemaErrorAt(ctx: CheckContext, path: string): boolean {
  return ctx.schemaExact !== null && ctx.schemaExact.has(path);
}

/** Did the schema report a problem at `path` or anywhere below it? */
export function schemaErrorAtOrUnder(ctx: CheckContext, path: string): boolean {
  if (ctx.schemaExact === null) return false;
  return ctx.schemaExact.has(path) || (ctx.schemaAncestors !== null && ctx.schemaAncestors.has(path));
}

/** Plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Own-property read that ignores the prototype chain. */
export function own(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

function nonFinite(_key: string, x: unknown): unknown {
  return typeof x === 'number' && !Number.isFinite(x) ? '\u0000\u0001' + String(x) : x;
}

/** Short JSON rendering of a value for messages. */
export function show(v: unknown): string {
  let s: string;
  try {
    // JSON.parse turns 1e309 into Infinity, which JSON.stringify would print as null.
    s = JSON.stringify(v, nonFinite) ?? String(v);
    if (s.indexOf('\\u0000\\u0001') !== -1) s = s.replace(/"\\u0000\\u0001(-?Infinity|NaN)"/g, '$1');
  } catch {
    // Too deeply nested for JSON.stringify; String(v) could throw too (`{"toString": 1}`) or recurse.
    s = Array.isArray(v) ? '[...]' : '{...}';
  }
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}
