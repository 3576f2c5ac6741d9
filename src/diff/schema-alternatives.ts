/** Alternatives: `oneOf`/`anyOf` branches, and a choice written as `allOf` conditionals on `type`, matched by name or discriminator. */
import { isObject } from '../json.js';
import { child, type SpecNode, type SpecSet } from './load.js';
import { at, closedValues, list, schemaName, types, type Obj, type Role, type SchemaContext, type Walk } from './schema-common.js';

/** A key that identifies one alternative of a `oneOf`/`anyOf` across versions. */
function branchKey(ctx: SchemaContext, set: SpecSet, node: SpecNode, side: 'old' | 'new'): string {
  const resolved = set.follow(node);
  const name = schemaName(resolved);
  if (name !== undefined) return side === 'old' ? ((ctx.hints.components !== undefined && Object.hasOwn(ctx.hints.components, name) ? ctx.hints.components[name] : undefined) ?? name) : name;
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
export function conditionals(s: Obj): { index: number; constant: unknown }[] {
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

export function compareAlternatives(ctx: SchemaContext, o: SpecNode, n: SpecNode, walk: Walk): void {
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
    ctx.compare(ctx, b.node, nb[j]!.node, { loc: nb[j]!.loc, role: walk.role, prop: walk.prop, owner: walk.owner });
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
