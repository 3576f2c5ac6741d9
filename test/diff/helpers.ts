import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { parsePointer } from '../../src/pointer.js';

export const FIXTURES = new URL('./fixtures/', import.meta.url);

type Op = { set: string; value: unknown } | { delete: string } | { move: string; to: string };

export interface DiffCase {
  description: string;
  /** Also compared with `redocly diff` (test/diff/redocly-crosscheck.test.ts). */
  crosscheck?: boolean;
  old?: Op[];
  new: Op[];
  want: { rule: string; location: string }[];
}

export const BASE: unknown = YAML.parse(readFileSync(new URL('base.yaml', FIXTURES), 'utf8'));
export const CASES: DiffCase[] = YAML.parse(readFileSync(new URL('cases.yaml', FIXTURES), 'utf8')) as DiffCase[];

const OP = '#/paths/~1usagesegments/get';
const BODY = `${OP}/responses/200/content/application~1json/schema`;
const SEG = `${BODY}/properties/usage_segments/items`;

/** A case's wanted location with its placeholders expanded. */
export function expand(location: string): string {
  return location.replace('{SEG}', SEG).replace('{BODY}', BODY).replace('{OP}', OP);
}

function parentOf(doc: unknown, pointer: string): { parent: Record<string, unknown> | unknown[]; key: string } {
  const tokens = parsePointer(pointer);
  const key = tokens.pop()!;
  let cur = doc as Record<string, unknown>;
  for (const t of tokens) {
    if (cur[t] === undefined) throw new Error(`fixture patch: ${pointer} has no parent`);
    cur = cur[t] as Record<string, unknown>;
  }
  return { parent: cur, key };
}

function setAt(doc: unknown, pointer: string, value: unknown): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else parent[key] = value;
}

function takeAt(doc: unknown, pointer: string): unknown {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) return parent.splice(Number(key), 1)[0];
  if (!(key in parent)) throw new Error(`fixture patch: nothing at ${pointer}`);
  const v = parent[key];
  delete parent[key];
  return v;
}

/** The base description with a case's operations applied (the base is not changed). */
export function patched(ops: Op[] = []): unknown {
  const doc = structuredClone(BASE);
  for (const op of ops) {
    if ('set' in op) setAt(doc, op.set, op.value);
    else if ('delete' in op) takeAt(doc, op.delete);
    else setAt(doc, op.to, takeAt(doc, op.move));
  }
  return doc;
}

/** Write a case's OLD and NEW descriptions as YAML files under `dir`. */
export function writePair(c: DiffCase, dir: string): { oldPath: string; newPath: string } {
  mkdirSync(dir, { recursive: true });
  const oldPath = join(dir, 'old.yaml');
  const newPath = join(dir, 'new.yaml');
  writeFileSync(oldPath, YAML.stringify(patched(c.old)));
  writeFileSync(newPath, YAML.stringify(patched(c.new)));
  return { oldPath, newPath };
}
