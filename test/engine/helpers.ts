import { expect } from 'vitest';
import { resolvePointer, type ValidationResult } from '../../src/index.js';
import { example } from '../helpers/examples.js';

export { ROOT } from '../helpers/paths.js';
export { example } from '../helpers/examples.js';

export type PatchOp =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'copy'; from: string; path: string }
  | { op: 'move'; from: string; path: string };

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: any, pointer: string): { parent: any; key: string } {
  const toks = tokens(pointer);
  const key = toks.pop();
  if (key === undefined) throw new Error('cannot patch the root');
  let cur = doc;
  for (const t of toks) {
    if (cur === null || typeof cur !== 'object' || !(t in cur)) throw new Error(`patch path ${pointer} does not exist`);
    cur = cur[t];
  }
  if (cur === null || typeof cur !== 'object') throw new Error(`patch path ${pointer} does not exist`);
  return { parent: cur, key };
}

function get(doc: any, pointer: string): unknown {
  const r = resolvePointer(doc, pointer);
  if (!r.found) throw new Error(`patch path ${pointer} does not exist`);
  return structuredClone(r.value);
}

function put(doc: any, pointer: string, value: unknown, insert: boolean): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new Error(`bad array index in ${pointer}`);
    if (insert) parent.splice(i, 0, value);
    else {
      if (i >= parent.length) throw new Error(`patch path ${pointer} does not exist`);
      parent[i] = value;
    }
  } else {
    if (!insert && !(key in parent)) throw new Error(`patch path ${pointer} does not exist`);
    parent[key] = value;
  }
}

function del(doc: any, pointer: string): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!(i >= 0 && i < parent.length)) throw new Error(`patch path ${pointer} does not exist`);
    parent.splice(i, 1);
  } else {
    if (!(key in parent)) throw new Error(`patch path ${pointer} does not exist`);
    delete parent[key];
  }
}

/** Apply RFC 6902-style operations (add, remove, replace, copy, move) in place; returns the document. */
export function applyPatch(doc: any, ops: readonly PatchOp[]): any {
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        put(doc, op.path, structuredClone(op.value), true);
        break;
      case 'replace':
        put(doc, op.path, structuredClone(op.value), false);
        break;
      case 'remove':
        del(doc, op.path);
        break;
      case 'copy':
        put(doc, op.path, get(doc, op.from), true);
        break;
      case 'move': {
        const v = get(doc, op.from);
        del(doc, op.from);
        put(doc, op.path, v, true);
        break;
      }
    }
  }
  return doc;
}

/** Where a fixture document comes from: the document itself, or a patch of an example. */
export interface DocumentSource {
  base?: string;
  data?: unknown;
  patch?: PatchOp[];
}

/**
 * Build a fixture document: a copy of `data`, or `patch` applied to a fresh
 * copy of the example `base` (the source's own, else `defaultBase`).
 */
export function documentOf(source: DocumentSource, defaultBase?: string, what = 'case'): unknown {
  if (source.data !== undefined) return structuredClone(source.data);
  const base = source.base ?? defaultBase;
  if (!base) throw new Error(`${what} has a patch but no base`);
  return applyPatch(example(base), source.patch ?? []);
}

export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** Every problem's path points at an existing location of `doc`. */
export function expectPathsResolve(doc: unknown, r: ValidationResult, docs?: readonly unknown[]): void {
  for (const p of [...r.errors, ...r.warnings]) {
    const target = docs ? docs[p.doc ?? -1] : doc;
    expect(resolvePointer(target, p.path).found, `${p.code} at ${JSON.stringify(p.path)} must resolve`).toBe(true);
  }
}

export function codesOf(r: ValidationResult): string[] {
  return [...new Set([...r.errors, ...r.warnings].map((p) => p.code))].sort();
}
