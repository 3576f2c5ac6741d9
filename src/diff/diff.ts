/**
 * The domain-aware diff of two OpenAPI descriptions of the Usage Segments
 * API: operations, filters, security and response bodies, each change
 * classified by a rule of the catalogue (`catalogue.ts`).
 */
import { isObject } from '../json.js';
import { DIFF_RULES, type DiffRuleId } from './catalogue.js';
import { ChangeLog, type Change } from './change.js';
import { child, SpecSet, type SpecNode } from './load.js';
import { escapeToken } from '../pointer.js';
import { compareSchemas, type DiffHints, type SchemaContext } from './schema.js';

export type { DiffHints } from './schema.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Obj = Record<string, unknown>;

export interface DiffSummary {
  readonly total: number;
  readonly breakingForClients: number;
  readonly breakingForServers: number;
  /** Count per rule id, for the rules that occurred. */
  readonly byRule: Readonly<Partial<Record<DiffRuleId, number>>>;
}

export interface DiffReport {
  /** Labels of the two descriptions (file names, or names given by the caller). */
  readonly old: string;
  readonly new: string;
  readonly changes: readonly Change[];
  readonly summary: DiffSummary;
}

export interface DiffOptions {
  readonly hints?: DiffHints;
  /** Labels shown in reports (default: the file names). */
  readonly oldLabel?: string;
  readonly newLabel?: string;
}

/** Diff two descriptions given as file paths (YAML or JSON; relative `$ref`s are followed). Throws `DiffInputError` for unreadable input. */
export function diffSpecFiles(oldPath: string, newPath: string, options: DiffOptions = {}): DiffReport {
  return diffSpecSets(SpecSet.fromFile(oldPath), SpecSet.fromFile(newPath), { oldLabel: oldPath, newLabel: newPath, ...options });
}

/** Diff two descriptions already parsed (only local `$ref`s). Never changes its input. */
export function diffSpecs(oldDoc: unknown, newDoc: unknown, options: DiffOptions = {}): DiffReport {
  return diffSpecSets(SpecSet.fromDocument(oldDoc, options.oldLabel ?? 'old'), SpecSet.fromDocument(newDoc, options.newLabel ?? 'new'), options);
}

export function diffSpecSets(oldSet: SpecSet, newSet: SpecSet, options: DiffOptions = {}): DiffReport {
  const ctx: SchemaContext = { old: oldSet, new: newSet, log: new ChangeLog(), hints: options.hints ?? {}, stack: new Set(), visits: 0, compare: compareSchemas };
  comparePaths(ctx);
  const changes = ctx.log.changes;
  return { old: options.oldLabel ?? oldSet.rootUri, new: options.newLabel ?? newSet.rootUri, changes, summary: summarize(changes) };
}

export function summarize(changes: readonly Change[]): DiffSummary {
  const byRule: Partial<Record<DiffRuleId, number>> = {};
  // Catalogue order, so that the summary reads the same every time.
  for (const r of DIFF_RULES) {
    const count = changes.filter((c) => c.rule === r.id).length;
    if (count > 0) byRule[r.id] = count;
  }
  return {
    total: changes.length,
    breakingForClients: changes.filter((c) => c.breaksClients).length,
    breakingForServers: changes.filter((c) => c.breaksServers).length,
    byRule,
  };
}

interface Operation {
  path: string;
  method: string;
  node: SpecNode;
  /** Parameters declared on the path item (apply to every operation). */
  shared: SpecNode;
}

function operations(set: SpecSet): Operation[] {
  const root = set.root;
  const paths = set.follow(child(root, 'paths'));
  if (!isObject(paths.value)) return [];
  const out: Operation[] = [];
  for (const path of Object.keys(paths.value)) {
    const item = set.follow(child(paths, path));
    if (!isObject(item.value)) continue;
    for (const method of METHODS) {
      if (isObject(item.value[method])) out.push({ path, method, node: child(item, method), shared: child(item, 'parameters') });
    }
  }
  return out;
}

function opLoc(op: Operation): string {
  return `#/paths/${escapeToken(op.path)}/${op.method}`;
}

function comparePaths(ctx: SchemaContext): void {
  const olds = operations(ctx.old);
  const news = operations(ctx.new);
  const label = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;
  const opId = (set: SpecSet, op: Operation) => {
    const v = set.follow(op.node).value;
    return isObject(v) && typeof v.operationId === 'string' ? v.operationId : undefined;
  };
  const matched = new Set<Operation>();
  for (const o of olds) {
    let n = news.find((x) => x.path === o.path && x.method === o.method);
    if (!n) {
      // The same operation under another path (both drafts discover the URL from metadata, so the path is illustrative).
      const id = opId(ctx.old, o);
      n = id === undefined ? undefined : news.find((x) => !matched.has(x) && x.method === o.method && opId(ctx.new, x) === id);
      if (n) ctx.log.add('operation-path-changed', opLoc(n), `${label(o)} is now described at ${n.path}`, { before: o.path, after: n.path, oldLocation: opLoc(o) });
    }
    if (!n) {
      ctx.log.add('operation-removed', opLoc(o), `${label(o)} removed`);
      continue;
    }
    matched.add(n);
    compareOperation(ctx, o, n);
  }
  for (const n of news) if (!matched.has(n)) ctx.log.add('operation-added', opLoc(n), `${label(n)} added`);
}

function compareOperation(ctx: SchemaContext, o: Operation, n: Operation): void {
  const loc = opLoc(n);
  const os = ctx.old.follow(o.node);
  const ns = ctx.new.follow(n.node);
  const ov = os.value as Obj;
  const nv = ns.value as Obj;
  if (ov.description !== nv.description || ov.summary !== nv.summary) {
    ctx.log.add('prose-changed', loc, 'the description of the operation changed (it may state ordering, paging or filter meaning); review it');
  }
  for (const [key, rule] of [
    ['x-cds-ordering', 'ordering-changed'],
    ['x-cds-paging', 'paging-changed'],
  ] as const) {
    if (JSON.stringify(ov[key]) !== JSON.stringify(nv[key])) {
      ctx.log.add(rule, loc, `${key} changed from ${JSON.stringify(ov[key]) ?? 'absent'} to ${JSON.stringify(nv[key]) ?? 'absent'}`, { before: ov[key], after: nv[key] });
    }
  }
  compareParameters(ctx, o, n, os, ns, loc);
  compareSecurity(ctx, os, ns, loc);
  compareResponses(ctx, os, ns, loc);
}

interface Param {
  node: SpecNode;
  value: Obj;
  /** Index in the operation's own `parameters` (or the path item's). */
  loc: string;
}

function parameters(set: SpecSet, op: Operation, resolvedOp: SpecNode, loc: string): Map<string, Param> {
  const out = new Map<string, Param>();
  const add = (listNode: SpecNode, base: string) => {
    const list = set.follow(listNode);
    if (!Array.isArray(list.value)) return;
    list.value.forEach((_, i) => {
      const p = set.follow(child(list, i));
      if (!isObject(p.value) || typeof p.value.name !== 'string') return;
      out.set(`${String(p.value.in)}:${p.value.name}`, { node: p, value: p.value, loc: `${base}/${i}` });
    });
  };
  add(op.shared, ['#/paths', escapeToken(op.path), 'parameters'].join('/'));
  // Operation-level parameters override path-level ones.
  add(child(resolvedOp, 'parameters'), [loc, 'parameters'].join('/'));
  return out;
}

function compareParameters(ctx: SchemaContext, o: Operation, n: Operation, os: SpecNode, ns: SpecNode, loc: string): void {
  const op = parameters(ctx.old, o, os, loc);
  const np = parameters(ctx.new, n, ns, loc);
  for (const [key, p] of op) {
    const q = np.get(key);
    const name = String(p.value.name);
    if (!q) {
      ctx.log.add('filter-removed', p.loc, `parameter "${name}" (${String(p.value.in)}) removed`);
      continue;
    }
    const wasRequired = p.value.required === true;
    const isRequired = q.value.required === true;
    if (!wasRequired && isRequired) ctx.log.add('filter-became-required', q.loc, `parameter "${name}" is now required`);
    if (wasRequired && !isRequired) ctx.log.add('filter-became-optional', q.loc, `parameter "${name}" is no longer required`);
    for (const k of ['style', 'explode', 'allowReserved'] as const) {
      if (JSON.stringify(p.value[k]) !== JSON.stringify(q.value[k])) {
        ctx.log.add('filter-serialization-changed', q.loc, `parameter "${name}": ${k} changed from ${JSON.stringify(p.value[k]) ?? 'default'} to ${JSON.stringify(q.value[k]) ?? 'default'}`, { before: p.value[k], after: q.value[k] });
      }
    }
    if (JSON.stringify(p.value['x-cds-filter']) !== JSON.stringify(q.value['x-cds-filter'])) {
      ctx.log.add('filter-semantics-changed', q.loc, `parameter "${name}": x-cds-filter changed from ${JSON.stringify(p.value['x-cds-filter']) ?? 'absent'} to ${JSON.stringify(q.value['x-cds-filter']) ?? 'absent'}`, { before: p.value['x-cds-filter'], after: q.value['x-cds-filter'] });
    }
    if (p.value.description !== q.value.description) {
      ctx.log.add('prose-changed', q.loc, `the description of parameter "${name}" changed (it states what the filter matches); review it`);
    }
    if ('schema' in p.value || 'schema' in q.value) {
      compareSchemas(ctx, child(p.node, 'schema'), child(q.node, 'schema'), { loc: `${q.loc}/schema`, role: 'filter' });
    }
  }
  for (const [key, q] of np) {
    if (op.has(key)) continue;
    const name = String(q.value.name);
    if (q.value.required === true) ctx.log.add('filter-became-required', q.loc, `required parameter "${name}" added`);
    else ctx.log.add('filter-added', q.loc, `parameter "${name}" (${String(q.value.in)}) added`);
  }
}

/** One alternative of a security requirement: scheme → sorted scopes. */
type Alternative = Map<string, string[]>;

function requirements(set: SpecSet, op: SpecNode): Alternative[] {
  const own = (op.value as Obj).security;
  const list = Array.isArray(own) ? own : (set.follow(child(set.root, 'security')).value as unknown);
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((req) => new Map(Object.entries(req).map(([scheme, scopes]) => [scheme, Array.isArray(scopes) ? scopes.map(String).sort() : []])));
}

function altKey(a: Alternative): string {
  return [...a.keys()].sort().map((k) => `${k}[${a.get(k)!.join(' ')}]`).join('+') || '(none)';
}

function schemesKey(a: Alternative): string {
  return [...a.keys()].sort().join('+');
}

function compareSecurity(ctx: SchemaContext, os: SpecNode, ns: SpecNode, loc: string): void {
  const olds = requirements(ctx.old, os);
  const news = requirements(ctx.new, ns);
  const secLoc = `${loc}/security`;
  const newKeys = new Set(news.map(altKey));
  const oldKeys = new Set(olds.map(altKey));
  const goneOld = olds.filter((a) => !newKeys.has(altKey(a)));
  const freshNew = news.filter((a) => !oldKeys.has(altKey(a)));
  const paired = new Set<Alternative>();
  for (const a of goneOld) {
    // Pair with an unmatched new alternative on the same schemes sharing most scopes: a scope change, not a swap.
    let best: Alternative | undefined;
    let bestShared = -1;
    for (const b of freshNew) {
      if (paired.has(b) || schemesKey(a) !== schemesKey(b)) continue;
      const shared = [...a].reduce((s, [k, scopes]) => s + scopes.filter((x) => b.get(k)!.includes(x)).length, 0);
      if (shared > bestShared) {
        best = b;
        bestShared = shared;
      }
    }
    if (!best || bestShared === 0) {
      ctx.log.add('security-alternative-removed', secLoc, `security alternative ${altKey(a)} no longer accepted`, { before: altKey(a) });
      continue;
    }
    paired.add(best);
    for (const [scheme, scopes] of a) {
      const now = best.get(scheme)!;
      for (const s of now) if (!scopes.includes(s)) ctx.log.add('scope-added', secLoc, `alternative ${altKey(a)} now also needs scope "${s}"`, { after: s });
      for (const s of scopes) if (!now.includes(s)) ctx.log.add('scope-removed', secLoc, `alternative ${altKey(a)} no longer needs scope "${s}"`, { before: s });
    }
  }
  for (const b of freshNew) if (!paired.has(b)) ctx.log.add('security-alternative-added', secLoc, `security alternative ${altKey(b)} now accepted`, { after: altKey(b) });
  // Schemes used on both sides: compare their definitions.
  const used = new Set([...olds, ...news].flatMap((a) => [...a.keys()]));
  for (const scheme of used) {
    if (!olds.some((a) => a.has(scheme)) || !news.some((a) => a.has(scheme))) continue;
    const a = ctx.old.follow(child(child(child(ctx.old.root, 'components'), 'securitySchemes'), scheme)).value;
    const b = ctx.new.follow(child(child(child(ctx.new.root, 'components'), 'securitySchemes'), scheme)).value;
    const strip = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(strip);
      if (!isObject(v)) return v;
      const out: Obj = Object.create(null) as Obj; // keys are data
      // Descriptions and extensions (x-…, such as source annotations) document a scheme; they do not change it.
      for (const k of Object.keys(v).sort()) if (k !== 'description' && !k.startsWith('x-')) out[k] = k === 'scopes' && isObject(v[k]) ? Object.keys(v[k] as Obj).sort() : strip(v[k]);
      return out;
    };
    if (JSON.stringify(strip(a)) !== JSON.stringify(strip(b))) {
      ctx.log.add('security-scheme-changed', `#/components/securitySchemes/${escapeToken(scheme)}`, `security scheme "${scheme}" changed (type, flows, URLs or defined scopes)`);
    }
  }
}

function compareResponses(ctx: SchemaContext, os: SpecNode, ns: SpecNode, loc: string): void {
  const or = ctx.old.follow(child(os, 'responses'));
  const nr = ctx.new.follow(child(ns, 'responses'));
  const ok = isObject(or.value) ? Object.keys(or.value) : [];
  const nk = isObject(nr.value) ? Object.keys(nr.value) : [];
  for (const status of ok) {
    if (!nk.includes(status)) {
      ctx.log.add('response-status-removed', `${loc}/responses/${escapeToken(status)}`, `response ${status} no longer described`);
      continue;
    }
    const a = ctx.old.follow(child(or, status));
    const b = ctx.new.follow(child(nr, status));
    const ac = ctx.old.follow(child(a, 'content'));
    const bc = ctx.new.follow(child(b, 'content'));
    if (!isObject(ac.value) || !isObject(bc.value)) continue;
    for (const media of Object.keys(ac.value)) {
      if (!Object.hasOwn(bc.value, media)) continue;
      const am = ctx.old.follow(child(ac, media));
      const bm = ctx.new.follow(child(bc, media));
      if (!isObject(am.value) || !isObject(bm.value) || !('schema' in am.value) || !('schema' in bm.value)) continue;
      compareSchemas(ctx, child(am, 'schema'), child(bm, 'schema'), { loc: `${loc}/responses/${escapeToken(status)}/content/${escapeToken(media)}/schema`, role: 'body' });
    }
  }
  for (const status of nk) if (!ok.includes(status)) ctx.log.add('response-status-added', `${loc}/responses/${escapeToken(status)}`, `response ${status} now described`);
}
