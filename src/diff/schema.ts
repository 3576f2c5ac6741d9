/**
 * Comparing two JSON Schemas (OpenAPI 3.1 dialect) node by node, with the
 * usage-segment domain in mind: where a schema sits (a response body, a
 * filter, a segment's column formats, its value objects, a listing) decides
 * which catalogue rule a change is.
 */
import type { DiffRuleId } from './catalogue.js';
import { isObject } from '../json.js';
import { child, DiffInputError, type SpecNode } from './load.js';
import { compareAlternatives, conditionals } from './schema-alternatives.js';
import { at, bound, schemaName, type Obj, type Role, type SchemaContext, type Walk } from './schema-common.js';
import { compareBounds, compareClosed, compareTypes, compareUnits } from './schema-keywords.js';
import { compareAdditional, compareObjects } from './schema-objects.js';

export type { DiffHints, Role, SchemaContext } from './schema-common.js';
export { schemaName } from './schema-common.js';

const MAX_VISITS = 200_000;

/** Compare two schemas at `loc`; records every change in `ctx.log`. */
export function compareSchemas(ctx: SchemaContext, oldNode: SpecNode, newNode: SpecNode, walk: Walk): void {
  if (++ctx.visits > MAX_VISITS) throw new DiffInputError(`the descriptions are too large or too recursive to compare (more than ${MAX_VISITS} schema pairs)`);
  const o = ctx.old.follow(oldNode);
  const n = ctx.new.follow(newNode);
  const key = `${o.uri}#${o.pointer}|${n.uri}#${n.pointer}`;
  if (ctx.stack.has(key)) return;
  ctx.stack.add(key);
  try {
    compareResolved(ctx, o, n, walk);
  } finally {
    ctx.stack.delete(key);
  }
}

function compareResolved(ctx: SchemaContext, o: SpecNode, n: SpecNode, walk: Walk): void {
  const component = schemaName(n) ?? schemaName(o) ?? walk.owner;
  walk = { ...walk, owner: component };
  const { loc, role } = walk;
  const log = (rule: DiffRuleId, message: string, before?: unknown, after?: unknown) => ctx.log.add(rule, loc, message, { component, before, after });
  // Boolean schemas: `true` allows anything, `false` nothing.
  if (typeof o.value === 'boolean' || typeof n.value === 'boolean') {
    if (o.value !== n.value) log(bound(role, n.value === false || o.value === true), `schema changed from ${JSON.stringify(o.value)} to ${JSON.stringify(n.value)}`, o.value, n.value);
    return;
  }
  if (!isObject(o.value) || !isObject(n.value)) return;
  const os = o.value;
  const ns = n.value;

  if (role === 'body' && (isListing(os) || isListing(ns))) compareListing(ctx, os, ns, loc, component);
  compareUnits(os, ns, log);
  compareTypes(os, ns, role, log);
  compareClosed(os, ns, walk, log);
  compareBounds(os, ns, role, log);
  compareObjects(ctx, o, n, walk);
  compareAdditional(ctx, o, n, walk);
  if ('items' in os || 'items' in ns) {
    if (isSchema(os.items) && isSchema(ns.items)) {
      compareSchemas(ctx, child(o, 'items'), child(n, 'items'), { loc: at(loc, 'items'), role: itemRole(walk), owner: walk.owner });
    }
  }
  compareAlternatives(ctx, o, n, walk);
  if (Array.isArray(os.allOf) && Array.isArray(ns.allOf)) {
    // Conditionals keyed by `type` are alternatives (compareAlternatives); the other entries pair by position.
    const skip = new Set([...conditionals(os), ...conditionals(ns)].map((c) => c.index));
    const count = Math.min(os.allOf.length, ns.allOf.length);
    for (let i = 0; i < count; i++) if (!skip.has(i)) compareSchemas(ctx, child(child(o, 'allOf'), i), child(child(n, 'allOf'), i), { loc: at(loc, 'allOf', i), role, owner: walk.owner });
  }
}

function isSchema(v: unknown): boolean {
  return isObject(v) || typeof v === 'boolean';
}

/** Items of a segment's `values` are value sets, whose items are value objects. */
function itemRole(walk: Walk): Role {
  if (walk.role === 'value' && walk.prop === 'values') return 'value';
  return walk.role === 'column' ? 'column' : walk.role === 'value' ? 'value' : walk.role === 'filter' ? 'filter' : 'body';
}

function compareListing(ctx: SchemaContext, os: Obj, ns: Obj, loc: string, component: string | undefined): void {
  for (const [key, rule] of [
    ['x-cds-ordering', 'ordering-changed'],
    ['x-cds-paging', 'paging-changed'],
  ] as const) {
    if (JSON.stringify(os[key]) !== JSON.stringify(ns[key])) {
      ctx.log.add(rule, loc, `${key} changed from ${JSON.stringify(os[key]) ?? 'absent'} to ${JSON.stringify(ns[key]) ?? 'absent'}`, { component, before: os[key], after: ns[key] });
    }
  }
  if (os.description !== ns.description) {
    ctx.log.add('prose-changed', loc, 'the description of the listing changed (it states the ordering and paging); review it', { component });
  }
}

/** A listing page: the object that carries `usage_segments`. */
function isListing(s: Obj): boolean {
  return isObject(s.properties) && 'usage_segments' in s.properties;
}
