/** Object schemas: properties removed, added, renamed or made (non-)required, and `additionalProperties`. */
import { isObject } from '../json.js';
import { child, type SpecNode } from './load.js';
import { at, sameShape, types, type Obj, type Role, type SchemaContext, type Walk } from './schema-common.js';

function props(s: Obj): Obj {
  return isObject(s.properties) ? s.properties : {};
}

function requiredSet(s: Obj): Set<string> {
  return new Set(Array.isArray(s.required) ? s.required.filter((x): x is string => typeof x === 'string') : []);
}

/** The role of a property's schema, from the object it belongs to. */
function propertyRole(parent: Role, ownerProps: Obj, name: string): Role {
  if (parent === 'filter') return 'filter';
  const isSegment = 'values' in ownerProps && ('format' in ownerProps || 'formats' in ownerProps);
  if (isSegment && (name === 'format' || name === 'formats')) return 'column';
  if (isSegment && name === 'values') return 'value';
  if (name === 'usage_segments') return 'body';
  // In a column format, only its `type` names the column; its other fields are ordinary fields.
  if (parent === 'column') return name === 'type' ? 'column' : 'body';
  if (parent === 'value') return 'value';
  return 'body';
}

export function compareObjects(ctx: SchemaContext, o: SpecNode, n: SpecNode, walk: Walk): void {
  const os = o.value as Obj;
  const ns = n.value as Obj;
  const op = props(os);
  const np = props(ns);
  const oreq = requiredSet(os);
  const nreq = requiredSet(ns);
  if (Object.keys(op).length === 0 && Object.keys(np).length === 0 && oreq.size === 0 && nreq.size === 0) return;
  const component = walk.owner;
  const oldNames = new Set([...Object.keys(op), ...oreq]);
  const newNames = new Set([...Object.keys(np), ...nreq]);
  const removed = [...oldNames].filter((k) => !newNames.has(k));
  const added = [...newNames].filter((k) => !oldNames.has(k));
  const renames = matchRenames(ctx, o, n, removed, added);
  const keyRole = walk.role === 'value';
  for (const [from, to] of renames) {
    const loc = at(walk.loc, 'properties', to);
    ctx.log.add(keyRole ? 'value-key-changed' : 'field-renamed', loc, `${keyRole ? 'value key' : 'property'} "${from}" renamed to "${to}"`, { component, before: from, after: to, oldLocation: at(walk.loc, 'properties', from) });
    if (Object.hasOwn(op, from) && Object.hasOwn(np, to)) {
      ctx.compare(ctx, child(child(o, 'properties'), from), child(child(n, 'properties'), to), { loc, role: propertyRole(walk.role, np, to), prop: to, owner: walk.owner });
    }
  }
  const renamedFrom = new Set(renames.keys());
  const renamedTo = new Set(renames.values());
  for (const k of removed) {
    if (renamedFrom.has(k)) continue;
    ctx.log.add('field-removed', at(walk.loc, 'properties', k), `property "${k}" removed${oreq.has(k) ? ' (it was required)' : ''}`, { component });
  }
  for (const k of added) {
    if (renamedTo.has(k)) continue;
    const required = nreq.has(k);
    ctx.log.add(required ? 'required-field-added' : 'field-added', at(walk.loc, 'properties', k), `${required ? 'required ' : ''}property "${k}" added`, { component });
  }
  for (const k of oldNames) {
    if (!newNames.has(k)) continue;
    const loc = at(walk.loc, 'properties', k);
    if (oreq.has(k) && !nreq.has(k)) ctx.log.add('field-became-optional', loc, `property "${k}" is no longer required`, { component });
    if (!oreq.has(k) && nreq.has(k)) ctx.log.add('field-became-required', loc, `property "${k}" is now required`, { component });
    if (Object.hasOwn(op, k) && Object.hasOwn(np, k)) {
      ctx.compare(ctx, child(child(o, 'properties'), k), child(child(n, 'properties'), k), { loc, role: propertyRole(walk.role, np, k), prop: k, owner: walk.owner });
    }
  }
}

/** Pairs (old name → new name) of renamed properties: declared by hint or `x-cds-renamed-from`, or the same schema under one new name. */
function matchRenames(ctx: SchemaContext, o: SpecNode, n: SpecNode, removed: string[], added: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const np = props(n.value as Obj);
  const taken = new Set<string>();
  for (const to of added) {
    const declared = isObject(np[to]) ? (np[to] as Obj)['x-cds-renamed-from'] : undefined;
    if (typeof declared === 'string' && removed.includes(declared) && !out.has(declared)) {
      out.set(declared, to);
      taken.add(to);
    }
  }
  for (const from of removed) {
    if (out.has(from)) continue;
    const hinted = ctx.hints.properties !== undefined && Object.hasOwn(ctx.hints.properties, from) ? ctx.hints.properties[from] : undefined;
    if (hinted !== undefined && added.includes(hinted) && !taken.has(hinted)) {
      out.set(from, hinted);
      taken.add(hinted);
    }
  }
  // Structural: a removed property whose schema equals exactly one added property's.
  const op = props(o.value as Obj);
  for (const from of removed) {
    if (out.has(from) || !Object.hasOwn(op, from)) continue;
    const same = added.filter((to) => !taken.has(to) && Object.hasOwn(np, to) && sameShape(ctx, child(child(o, 'properties'), from), child(child(n, 'properties'), to)));
    if (same.length === 1) {
      out.set(from, same[0]!);
      taken.add(same[0]!);
    }
  }
  return out;
}

export function compareAdditional(ctx: SchemaContext, o: SpecNode, n: SpecNode, walk: Walk): void {
  const os = o.value as Obj;
  const ns = n.value as Obj;
  const a = os.additionalProperties;
  const b = ns.additionalProperties;
  // Only objects: a schema with no object keywords says nothing about extra properties.
  const objectish = (s: Obj) => 'properties' in s || 'additionalProperties' in s || (types(s)?.has('object') ?? false);
  if (!objectish(os) && !objectish(ns)) return;
  const norm = (v: unknown) => (v === undefined ? true : v);
  const av = norm(a);
  const bv = norm(b);
  if (av === true && bv === true) return;
  if (av === false && bv === false) return;
  const message = `additionalProperties changed from ${describe(a)} to ${describe(b)}`;
  const loc = at(walk.loc, 'additionalProperties');
  if (isObject(av) && isObject(bv)) {
    ctx.compare(ctx, child(o, 'additionalProperties'), child(n, 'additionalProperties'), { loc, role: walk.role === 'filter' ? 'filter' : 'body', owner: walk.owner });
    return;
  }
  // true ⊇ schema ⊇ false
  const rank = (v: unknown) => (v === true ? 2 : v === false ? 0 : 1);
  const narrowed = rank(bv) < rank(av);
  ctx.log.add(narrowed ? 'additional-properties-narrowed' : 'additional-properties-widened', walk.loc, message, { component: walk.owner, before: a, after: b });
}

function describe(v: unknown): string {
  return v === undefined ? 'absent (any)' : typeof v === 'boolean' ? String(v) : 'a schema';
}
