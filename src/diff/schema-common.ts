/** What the schema comparison shares: its context, where a node sits, and facts read off one schema. */
import type { DiffRuleId } from './catalogue.js';
import type { ChangeLog } from './change.js';
import { isObject } from '../json.js';
import { parsePointer } from '../pointer.js';
import { child, type SpecNode, type SpecSet } from './load.js';

/** A location with tokens appended (the package's JSON Pointer helper). */
export { ptr as at } from '../pointer.js';

/** Names that say two differently named things are the same thing (e.g. across the 2024 and 2026 models). */
export interface DiffHints {
  /** Old component (schema title or file name) → new component. */
  readonly components?: Readonly<Record<string, string>>;
  /** Old property name → new property name, in response bodies. */
  readonly properties?: Readonly<Record<string, string>>;
}

/** Where a schema sits, which decides the rule of a change. */
export type Role = 'body' | 'filter' | 'column' | 'value';

export interface SchemaContext {
  readonly old: SpecSet;
  readonly new: SpecSet;
  readonly log: ChangeLog;
  readonly hints: DiffHints;
  /** Pairs of schemas on the current walk, to stop at recursive schemas. */
  readonly stack: Set<string>;
  /** Schema pairs compared so far; bounded so that hostile input cannot blow up. */
  visits: number;
  /**
   * The comparison of two schemas (schema.ts `compareSchemas`), handed in so
   * that the keyword modules (objects, alternatives) recurse through it
   * without importing schema.ts back (which imports them).
   */
  readonly compare: SchemaComparer;
}

/** Compares two schemas at `walk`, recording changes in `ctx.log`. */
export type SchemaComparer = (ctx: SchemaContext, oldNode: SpecNode, newNode: SpecNode, walk: Walk) => void;

export type Obj = Record<string, unknown>;

export interface Walk {
  loc: string;
  role: Role;
  /** The property name this schema is the value of (for `units`). */
  prop?: string | undefined;
  /** The nearest enclosing named schema, reported as a change's `component`. */
  owner?: string | undefined;
}

export type Log = (rule: DiffRuleId, message: string, before?: unknown, after?: unknown) => void;

/** The name of a schema: its `title`, else the component or file it is defined as. */
export function schemaName(node: SpecNode): string | undefined {
  if (isObject(node.value) && typeof node.value.title === 'string') return node.value.title;
  const toks = node.pointer.startsWith('/') ? parsePointer(node.pointer) : [];
  if (toks.length === 3 && toks[0] === 'components' && toks[1] === 'schemas' && toks[2] !== '') return toks[2];
  if (node.pointer === '') {
    // A file that is one schema is named after the file (no regular expression: file names are input).
    const base = node.uri.slice(Math.max(node.uri.lastIndexOf('/'), node.uri.lastIndexOf('\\')) + 1);
    for (const ext of ['.yaml', '.yml', '.json']) if (base.toLowerCase().endsWith(ext)) return base.slice(0, -ext.length);
  }
  return undefined;
}

/** Keywords that document rather than constrain; ignored when deciding whether two schemas are the same. */
export const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'summary', 'x-enumDescriptions', 'x-enum-descriptions', '$comment', 'deprecated']);

/** Keywords whose array is a set (JSON Schema: the order of `required`, `enum` and `type` entries means nothing). */
const SET_KEYWORDS = new Set(['required', 'enum', 'type']);

/**
 * A comparable fingerprint of a schema with its `$ref`s inlined (bounded
 * depth). Keys are data (a property may be named "__proto__"), so the
 * fingerprint's objects have no prototype; set-valued keywords are sorted.
 */
export function shape(set: SpecSet, node: SpecNode, depth = 0): unknown {
  if (depth > 32) return '…';
  const n = set.follow(node);
  const v = n.value;
  if (Array.isArray(v)) return v.map((_, i) => shape(set, child(n, i), depth + 1));
  if (!isObject(v)) return v;
  const out: Obj = Object.create(null) as Obj;
  for (const k of Object.keys(v).sort()) {
    if (ANNOTATIONS.has(k)) continue;
    const s = shape(set, child(n, k), depth + 1);
    out[k] = SET_KEYWORDS.has(k) && Array.isArray(s) ? s.map((x) => JSON.stringify(x)).sort() : s;
  }
  return out;
}

export function sameShape(ctx: SchemaContext, o: SpecNode, n: SpecNode): boolean {
  return JSON.stringify(shape(ctx.old, o)) === JSON.stringify(shape(ctx.new, n));
}

/** The JSON types a schema's `type` keyword allows (undefined: no `type`, any). */
export function types(s: Obj): Set<string> | undefined {
  const t = s.type;
  if (typeof t === 'string') return new Set([t]);
  if (Array.isArray(t)) return new Set(t.filter((x): x is string => typeof x === 'string'));
  return undefined;
}

export function allows(set: Set<string>, t: string): boolean {
  return set.has(t) || (t === 'integer' && set.has('number'));
}

export function subset(a: Set<string>, b: Set<string>): boolean {
  for (const t of a) if (!allows(b, t)) return false;
  return true;
}

export function list(s: Set<string> | undefined): string {
  return s ? [...s].join('|') : 'any';
}

/** The values a schema's `enum` or `const` allows, as JSON texts (undefined: not a closed list). */
export function closedValues(s: Obj): string[] | undefined {
  if (Array.isArray(s.enum)) return s.enum.map((x) => JSON.stringify(x));
  if ('const' in s) return [JSON.stringify(s.const)];
  return undefined;
}

/** The rule for a tighter or looser schema, by role. */
export function bound(role: Role, tighter: boolean): DiffRuleId {
  if (role === 'filter') return tighter ? 'filter-value-narrowed' : 'filter-value-widened';
  return tighter ? 'constraint-narrowed' : 'constraint-widened';
}
