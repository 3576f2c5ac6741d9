import jsonpatch, { type AddOperation, type CopyOperation, type MoveOperation, type RemoveOperation, type ReplaceOperation } from 'fast-json-patch';
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { resolvePointer, type DocumentKind, type Model, type ValidateOptions, type ValidationResult } from '../../src/index.js';
import { example } from '../helpers/examples.js';
import { ROOT } from '../helpers/paths.js';

export { ROOT } from '../helpers/paths.js';
export { example } from '../helpers/examples.js';

/** The RFC 6902 operations the fixtures use (fast-json-patch applies them). */
export type PatchOp = AddOperation<unknown> | ReplaceOperation<unknown> | RemoveOperation | CopyOperation | MoveOperation;

/**
 * Apply RFC 6902 operations to `doc` in place and return it. fast-json-patch
 * validates each operation (a path that does not exist throws); values are
 * copied first, so a fixture's patch never shares objects with a document.
 */
export function applyPatch(doc: any, ops: readonly PatchOp[]): any {
  return jsonpatch.applyPatch(doc, structuredClone([...ops]), true, true).newDocument;
}

/** Where a fixture document comes from: the document itself, or a patch of an example. */
export interface DocumentSource {
  base?: string;
  data?: unknown;
  patch?: PatchOp[];
}

/**
 * Build a fixture document: a copy of `data`, or `patch` applied to a fresh
 * copy of the example `base` (the source's own, else `defaultBase`), or,
 * without a base, to a fresh copy of `baseDocument` (a group's inline base).
 */
export function documentOf(source: DocumentSource, defaultBase?: string, what = 'case', baseDocument?: unknown): unknown {
  if (source.data !== undefined) return structuredClone(source.data);
  const base = source.base ?? defaultBase;
  if (base) return applyPatch(example(base), source.patch ?? []);
  if (baseDocument !== undefined) return applyPatch(structuredClone(baseDocument), source.patch ?? []);
  throw new Error(`${what} has a patch but no base`);
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

/** One problem a corpus case expects (test/fixture-schema.json). */
export interface ExpectedProblem {
  code: string;
  path: string;
  /** Revision cases: 0 = the previous document, 1 = the document. */
  doc?: number;
}
/** One case of a corpus file. */
export interface CorpusCase extends DocumentSource {
  description: string;
  /** The document as JSON text (checked with validateText). */
  text?: string;
  /** A repository file whose text is the document (checked like `text`). */
  file?: string;
  /** The previous version: a revision case (checkRevision(previous, document)). */
  previous?: DocumentSource;
  valid: boolean;
  problems: ExpectedProblem[];
  /** Overrides the group's Server Metadata. */
  serverMetadata?: Record<string, unknown>;
}
/** One corpus file: a group of cases sharing a base and options. */
export interface CorpusGroup {
  description: string;
  base?: string;
  /** Inline base document (when there is no `base`). */
  baseDocument?: unknown;
  previous?: DocumentSource;
  kind?: DocumentKind;
  /** Forces the model (else detected). */
  model?: Model;
  /** The `serverMetadata` option. */
  serverMetadata?: Record<string, unknown>;
  strict?: boolean;
  tests: CorpusCase[];
}

/** The corpus files of the named test/fixtures folders, as [path below test/fixtures/, group], sorted per folder. */
export function corpusGroups(...folders: string[]): [string, CorpusGroup][] {
  return folders.flatMap((folder) => {
    const dir = `${ROOT}test/fixtures/${folder}/`;
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f): [string, CorpusGroup] => [`${folder}/${f}`, JSON.parse(readFileSync(dir + f, 'utf8')) as CorpusGroup]);
  });
}

/** The checker options a case runs with: the group's kind, model and strictness, the case's or group's Server Metadata (frozen). */
export function corpusOptions(c: CorpusCase, group: CorpusGroup, strict = group.strict ?? false): ValidateOptions {
  const serverMetadata = c.serverMetadata ?? group.serverMetadata;
  return { kind: group.kind ?? 'auto', strict, ...(group.model ? { model: group.model } : {}), ...(serverMetadata ? { serverMetadata: deepFreeze(serverMetadata) } : {}) };
}
