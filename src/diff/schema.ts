/**
 * Comparing two JSON Schemas (OpenAPI 3.1 dialect) node by node, with the
 * usage-segment domain in mind: where a schema sits (a response body, a
 * filter, a segment's column formats, its value objects, a listing) decides
 * which catalogue rule a change is.
 */
import type { DiffRuleId } from './catalogue.js';
import type { ChangeLog } from './change.js';
import { escapeToken } from '../pointer.js';
import { child, DiffInputError, type SpecNode, type SpecSet } from './load.js';

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
}

const MAX_VISITS = 200_000;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function at(loc: string, ...tokens: (string | number)[]): string {
  return loc + tokens.map((t) => '/' + escapeToken(t)).join('');
}

/** The name of a schema: its `title`, else the component or file it is defined as. */
export function schemaName(node: SpecNode): string | undefined {
  if (isObject(node.value) && typeof node.value.title === 'string') return node.value.title;
  const m = /^\/components\/schemas\/([^/]+)$/.exec(node.pointer);
  if (m) return m[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
  if (node.pointer === '') {
    // A file that is one schema is named after the file (no regular expression: file names are input).
    const base = node.uri.slice(Math.max(node.uri.lastIndexOf('/'), node.uri.lastIndexOf('\\')) + 1);
    for (const ext of ['.yaml', '.yml', '.json']) if (base.toLowerCase().endsWith(ext)) return base.slice(0, -ext.length);
  }
  return undefined;
}

/** Keywords that document rather than constrain; ignored when deciding whether two schemas are the same. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'summary', 'x-enumDescriptions', 'x-enum-descriptions', '$comment', 'deprecated']);

/** A comparable fingerprint of a schema with its `$ref`s inlined (bounded depth). */
function shape(set: SpecSet, node: SpecNode, depth = 0): unknown {
  if (depth > 32) return '…';
  const n = set.follow(node);
  const v = n.value;
  if (Array.isArray(v)) return v.map((_, i) => shape(set, child(n, i), depth + 1));
  if (!isObject(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort()) {
    if (ANNOTATIONS.has(k)) continue;
    out[k] = shape(set, child(n, k), depth + 1);
  }
  return out;
}

function sameShape(ctx: SchemaContext, o: SpecNode, n: SpecNode): boolean {
  return JSON.stringify(shape(ctx.old, o)) === JSON.stringify(shape(ctx.new, n));
}

/** The JSON types a schema's `type` keyword allows (undefined: no `type`, any). */
function types(s: Obj): Set<string> | undefined {
  const t = s.type;
  if (typeof t === 'string') return new Set([t]);
  if (Array.isArray(t)) return new Set(t.filter((x): x is string => typeof x === 'string'));
  return undefined;
}

function allows(set: Set<string>, t: string): boolean {
  return set.has(t) || (t === 'integer' && set.has('number'));
}

function subset(a: Set<string>, b: Set<string>): boolean {
  for (const t of a) if (!allows(b, t)) return false;
  return true;
}

function list(s: Set<string> | undefined): string {
  return s ? [...s].join('|') : 'any';
}

/** The values a schema's `enum` or `const` allows, as JSON texts (undefined: not a closed list). */
function closedValues(s: Obj): string[] | undefined {
  if (Array.isArray(s.enum)) return s.enum.map((x) => JSON.stringify(x));
  if ('const' in s) return [JSON.stringify(s.const)];
  return undefined;
}

/** The rule for a tighter or looser schema, by role. */
function bound(role: Role, tighter: boolean): DiffRuleId {
  if (role === 'filter') return tighter ? 'filter-value-narrowed' : 'filter-value-widened';
  return tighter ? 'constraint-narrowed' : 'constraint-widened';
}

const UPPER = ['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'maxProperties', 'maxContains'] as const;
const LOWER = ['minLength', 'minItems', 'minimum', 'exclusiveMinimum', 'minProperties', 'minContains'] as const;

interface Walk {
  loc: string;
  role: Role;
  /** The property name this schema is the value of (for `units`). */
  prop?: string | undefined;
  /** The nearest enclosing named schema, reported as a change's `component`. */
  owner?: string | undefined;
}

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

type Log = (rule: DiffRuleId, message: string, before?: unknown, after?: unknown) => void;

/** A listing page: the object that carries `usage_segments`. */
function isListing(s: Obj): boolean {
  return isObject(s.properties) && 'usage_segments' in s.properties;
}

function compareUnits(os: Obj, ns: Obj, log: Log): void {
  if (JSON.stringify(os['x-units']) !== JSON.stringify(ns['x-units'])) {
    log('units-changed', `x-units changed from ${JSON.stringify(os['x-units']) ?? 'absent'} to ${JSON.stringify(ns['x-units']) ?? 'absent'}`, os['x-units'], ns['x-units']);
  }
}

function compareTypes(os: Obj, ns: Obj, role: Role, log: Log): void {
  const ot = types(os);
  const nt = types(ns);
  if (ot === undefined && nt === undefined) return;
  if (ot && nt && subset(ot, nt) && subset(nt, ot)) return;
  const message = `type changed from ${list(ot)} to ${list(nt)}`;
  const widened = ot !== undefined && (nt === undefined || subset(ot, nt));
  const narrowed = nt !== undefined && (ot === undefined || subset(nt, ot));
  if (role === 'filter') {
    log(widened ? 'filter-value-widened' : narrowed ? 'filter-value-narrowed' : 'filter-type-changed', message, os.type, ns.type);
  } else {
    log(widened ? 'type-widened' : narrowed ? 'type-narrowed' : 'type-changed', message, os.type, ns.type);
  }
}

function compareClosed(os: Obj, ns: Obj, walk: Walk, log: Log): void {
  const ov = closedValues(os);
  const nv = closedValues(ns);
  if (ov === undefined && nv === undefined) return;
  const units = walk.prop === 'units';
  if (ov === undefined || nv === undefined) {
    const tighter = ov === undefined;
    const what = tighter ? `now limited to ${nv!.join(', ')}` : `no longer limited to ${ov!.join(', ')}`;
    log(units ? 'units-changed' : bound(walk.role, tighter), `values ${what}`, ov && JSON.parse(`[${ov.join(',')}]`), nv && JSON.parse(`[${nv.join(',')}]`));
    return;
  }
  const oldSet = new Set(ov);
  const newSet = new Set(nv);
  for (const v of ov) {
    if (newSet.has(v)) continue;
    const rule: DiffRuleId = units ? 'units-changed' : walk.role === 'column' ? 'column-format-removed' : walk.role === 'filter' ? 'filter-value-narrowed' : 'enum-value-removed';
    log(rule, `value ${v} removed`, JSON.parse(v), undefined);
  }
  for (const v of nv) {
    if (oldSet.has(v)) continue;
    const rule: DiffRuleId = units ? 'units-changed' : walk.role === 'column' ? 'column-format-added' : walk.role === 'filter' ? 'filter-value-widened' : 'enum-value-added';
    log(rule, `value ${v} added`, undefined, JSON.parse(v));
  }
}

function compareBounds(os: Obj, ns: Obj, role: Role, log: Log): void {
  for (const k of UPPER) {
    const a = typeof os[k] === 'number' ? (os[k] as number) : undefined;
    const b = typeof ns[k] === 'number' ? (ns[k] as number) : undefined;
    if (a === b) continue;
    const tighter = a === undefined || (b !== undefined && b < a);
    log(bound(role, tighter), `${k} changed from ${a ?? 'none'} to ${b ?? 'none'}`, a, b);
  }
  for (const k of LOWER) {
    const a = typeof os[k] === 'number' ? (os[k] as number) : undefined;
    const b = typeof ns[k] === 'number' ? (ns[k] as number) : undefined;
    if (a === b) continue;
    const tighter = a === undefined || (b !== undefined && b > a);
    log(bound(role, tighter), `${k} changed from ${a ?? 'none'} to ${b ?? 'none'}`, a, b);
  }
  for (const k of ['pattern', 'format', 'multipleOf'] as const) {
    const a = os[k];
    const b = ns[k];
    if (a === b) continue;
    const message = `${k} changed from ${JSON.stringify(a) ?? 'none'} to ${JSON.stringify(b) ?? 'none'}`;
    if (a === undefined) log(bound(role, true), message, a, b);
    else if (b === undefined) log(bound(role, false), message, a, b);
    else {
      // Two different patterns or formats: neither contains the other in general.
      log(bound(role, true), message, a, b);
      log(bound(role, false), message, a, b);
    }
  }
  if (Boolean(os.uniqueItems) !== Boolean(ns.uniqueItems)) {
    log(bound(role, Boolean(ns.uniqueItems)), `uniqueItems changed from ${Boolean(os.uniqueItems)} to ${Boolean(ns.uniqueItems)}`, os.uniqueItems, ns.uniqueItems);
  }
}

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

function compareObjects(ctx: SchemaContext, o: SpecNode, n: SpecNode, walk: Walk): void {
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
    if (from in op && to in np) {
      compareSchemas(ctx, child(child(o, 'properties'), from), child(child(n, 'properties'), to), { loc, role: propertyRole(walk.role, np, to), prop: to, owner: walk.owner });
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
    if (k in op && k in np) {
      compareSchemas(ctx, child(child(o, 'properties'), k), child(child(n, 'properties'), k), { loc, role: propertyRole(walk.role, np, k), prop: k, owner: walk.owner });
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
    const hinted = ctx.hints.properties?.[from];
    if (hinted !== undefined && added.includes(hinted) && !taken.has(hinted)) {
      out.set(from, hinted);
      taken.add(hinted);
    }
  }
  // Structural: a removed property whose schema equals exactly one added property's.
  const op = props(o.value as Obj);
  for (const from of removed) {
    if (out.has(from) || !(from in op)) continue;
    const same = added.filter((to) => !taken.has(to) && to in np && sameShape(ctx, child(child(o, 'properties'), from), child(child(n, 'properties'), to)));
    if (same.length === 1) {
      out.set(from, same[0]!);
      taken.add(same[0]!);
    }
  }
  return out;
}

function compareAdditional(ctx: SchemaContext, o: SpecNode, n: SpecNode, walk: Walk): void {
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
    compareSchemas(ctx, child(o, 'additionalProperties'), child(n, 'additionalProperties'), { loc, role: walk.role === 'filter' ? 'filter' : 'body', owner: walk.owner });
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

/** A key that identifies one alternative of a `oneOf`/`anyOf` across versions. */
function branchKey(ctx: SchemaContext, set: SpecSet, node: SpecNode, side: 'old' | 'new'): string {
  const resolved = set.follow(node);
  const name = schemaName(resolved);
  if (name !== undefined) return side === 'old' ? (ctx.hints.components?.[name] ?? name) : name;
  const v = resolved.value;
  if (isObject(v)) {
    const discr = isObject(v.properties) ? (v.properties as Obj).type : undefined;
    if (isObject(discr) && 'const' in discr) return `type=${JSON.stringify(discr.const)}`;
    return `json:${list(types(v))}${isObject(v) && typeof v.pattern === 'string' ? ' pattern' : ''}`;
  }
  return `literal:${JSON.stringify(v)}`;
}

/** What a column-format alternative names: its closed values, or its `type` discriminator, or its key. */
function columnValues(set: SpecSet, node: SpecNode, key: string): string[] {
  const v = set.follow(node).value;
  if (isObject(v)) {
    const closed = closedValues(v);
    if (closed) return closed;
    const discr = isObject(v.properties) ? (v.properties as Obj).type : undefined;
    if (isObject(discr)) {
      const d = closedValues(discr);
      if (d) return d;
    }
  }
  return [key];
}

/** One alternative of a `oneOf`/`anyOf`, or of a choice written as `allOf` conditionals. */
interface Branch {
  node: SpecNode;
  loc: string;
  /** Set for a conditional: the `type` constant its `if` tests. */
  key?: string;
  values?: string[];
}

/**
 * `allOf` entries `{if: {properties: {type: {const: X}}}, then: S}`: a choice
 * keyed by `type`, written with conditionals (the 2026 model's Value Format).
 */
function conditionals(s: Obj): { index: number; constant: unknown }[] {
  if (!Array.isArray(s.allOf)) return [];
  const out: { index: number; constant: unknown }[] = [];
  s.allOf.forEach((e, index) => {
    if (!isObject(e) || !isObject(e.if) || !('then' in e)) return;
    const t = isObject(e.if.properties) ? (e.if.properties as Obj).type : undefined;
    if (isObject(t) && 'const' in t) out.push({ index, constant: t.const });
  });
  return out;
}

function branchesOf(n: SpecNode, loc: string): Branch[] | undefined {
  const s = n.value as Obj;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = s[keyword];
    if (Array.isArray(list)) return list.map((_, i) => ({ node: child(child(n, keyword), i), loc: at(loc, keyword, i) }));
  }
  const cond = conditionals(s);
  if (cond.length === 0) return undefined;
  return cond.map(({ index, constant }) => ({
    node: child(child(child(n, 'allOf'), index), 'then'),
    loc: at(loc, 'allOf', index, 'then'),
    key: `type=${JSON.stringify(constant)}`,
    values: [JSON.stringify(constant)],
  }));
}

function compareAlternatives(ctx: SchemaContext, o: SpecNode, n: SpecNode, walk: Walk): void {
  const ob = branchesOf(o, walk.loc);
  const nb = branchesOf(n, walk.loc);
  if (!ob && !nb) return;
  // One side without alternatives counts as a single alternative: itself.
  if (!ob || !nb) return compareOneSided(ctx, o, n, (ob ?? nb)!, ob ? 'old' : 'new', walk);
  const oldKeys = ob.map((b) => b.key ?? branchKey(ctx, ctx.old, b.node, 'old'));
  const newKeys = nb.map((b) => b.key ?? branchKey(ctx, ctx.new, b.node, 'new'));
  const usedNew = new Set<number>();
  ob.forEach((b, i) => {
    const j = newKeys.findIndex((k, idx) => k === oldKeys[i] && !usedNew.has(idx));
    if (j === -1) {
      branchGone(ctx, b, oldKeys[i]!, walk.role, walk.owner);
      return;
    }
    usedNew.add(j);
    compareSchemas(ctx, b.node, nb[j]!.node, { loc: nb[j]!.loc, role: walk.role, prop: walk.prop, owner: walk.owner });
  });
  nb.forEach((b, j) => {
    if (!usedNew.has(j)) branchNew(ctx, b, newKeys[j]!, walk.role, walk.owner);
  });
}

function branchGone(ctx: SchemaContext, b: Branch, key: string, role: Role, component: string | undefined): void {
  if (role === 'column') {
    for (const v of b.values ?? columnValues(ctx.old, b.node, key)) ctx.log.add('column-format-removed', b.loc, `column format ${v} no longer defined`, { component, before: v });
  } else {
    ctx.log.add(role === 'filter' ? 'filter-value-narrowed' : 'one-of-branch-removed', b.loc, `alternative ${key} removed`, { component });
  }
}

function branchNew(ctx: SchemaContext, b: Branch, key: string, role: Role, component: string | undefined): void {
  if (role === 'column') {
    for (const v of b.values ?? columnValues(ctx.new, b.node, key)) ctx.log.add('column-format-added', b.loc, `column format ${v} defined`, { component, after: v });
  } else {
    ctx.log.add(role === 'filter' ? 'filter-value-widened' : 'one-of-branch-added', b.loc, `alternative ${key} added`, { component });
  }
}

/** Alternatives on one side only: the plain schema stands for the alternative of the same key, if any. */
function compareOneSided(ctx: SchemaContext, o: SpecNode, n: SpecNode, branches: Branch[], side: 'old' | 'new', walk: Walk): void {
  const plain = side === 'old' ? n : o;
  const plainKey = branchKey(ctx, side === 'old' ? ctx.new : ctx.old, plain, side === 'old' ? 'new' : 'old');
  for (const b of branches) {
    const key = b.key ?? branchKey(ctx, side === 'old' ? ctx.old : ctx.new, b.node, side);
    if (key === plainKey) continue; // the plain schema itself, compared by the caller's other keywords
    if (side === 'old') branchGone(ctx, b, key, walk.role, walk.owner);
    else branchNew(ctx, b, key, walk.role, walk.owner);
  }
}
