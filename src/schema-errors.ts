/**
 * From Ajv's errors to `schema` problems: which errors to keep (`pruneErrors`,
 * a pure function) and what each says (`schemaMessage`, keyed on the error's
 * `schemaPath`, i.e. on the rule of the schema that failed, not on field names).
 */
import { plural } from './words.js';
import { show } from './json.js';

/** The members of an Ajv error this module reads. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
  /** The schema object the keyword sits in (the validators are compiled `verbose`). */
  parentSchema?: unknown;
}

/** A kept error; an `anyOf` error carries the schema paths of its failed branches (they say what the alternatives were). */
export interface KeptError extends AjvError {
  branches?: readonly string[];
}

function isUnder(path: string, base: string): boolean {
  return path.length > base.length && path.startsWith(base) && path.charCodeAt(base.length) === 47;
}

/** Combinators whose own error only says "a branch failed": reported through their branches. */
const COMBINATORS: ReadonlySet<string> = new Set(['anyOf', 'if', 'oneOf']);

/**
 * Keep the errors worth reporting, in order, each once:
 * - an `anyOf` whose branches failed deeper than the value itself (a
 *   malformed supply-mix component) is reported by those deeper errors;
 *   otherwise by itself, once, and its branches' errors at the value are
 *   dropped (they contradict each other: "must be object", "must be array");
 * - errors at one path that say the same thing are reported once.
 */
export function pruneErrors(errors: readonly AjvError[]): KeptError[] {
  const anyOfPaths = new Set<string>();
  for (const e of errors) if (e.keyword === 'anyOf') anyOfPaths.add(e.instancePath);
  const branches = new Map<string, string[]>();
  const hasDeeper = new Set<string>();
  const kept: KeptError[] = [];
  const seen = new Set<string>();
  const keep = (e: KeptError): void => {
    const key = `${e.instancePath}\u0000${schemaMessage(e)}`;
    if (seen.has(key)) return;
    seen.add(key);
    kept.push(e);
  };
  for (const e of errors) {
    if (COMBINATORS.has(e.keyword)) continue;
    if (anyOfPaths.has(e.instancePath)) {
      let list = branches.get(e.instancePath);
      if (list === undefined) branches.set(e.instancePath, (list = []));
      list.push(e.schemaPath);
      continue;
    }
    for (const p of anyOfPaths) if (isUnder(e.instancePath, p)) hasDeeper.add(p);
    keep(e);
  }
  for (const e of errors) {
    if (e.keyword !== 'anyOf' || hasDeeper.has(e.instancePath)) continue;
    keep({ ...e, branches: branches.get(e.instancePath) ?? [] });
  }
  return kept;
}

function where(e: AjvError): string {
  return e.instancePath === '' ? 'document' : e.instancePath;
}

/** The 2024 text's date-time (its DateTime pattern begins with the ISO 8601 date forms) or the 2026 text's (RFC 3339). */
const dateTime = (e: AjvError) =>
  typeof e.params.pattern === 'string' && e.params.pattern.startsWith('^(')
    ? `${where(e)} must be an ISO 8601 date and time, such as 2024-01-15T00:00:00Z (the 2024 draft's type)`
    : `${where(e)} must be an RFC 3339 date-time with an offset (Z or ±hh:mm), such as 2024-01-15T00:00:00Z (the 2026 draft's type)`;

/** Messages by the failed rule's `schemaPath` (the generated validators' paths into the spec's schemas). */
const BY_SCHEMA_PATH: Readonly<Record<string, (e: AjvError) => string>> = {
  '#/$defs/DateTime/pattern': dateTime,
  '#/$defs/DateTime/format': dateTime,
  '#/$defs/RelatedIds/uniqueItems': (e) => `${where(e)} must not repeat an id (items ${String(e.params.j)} and ${String(e.params.i)} are identical)`,
};

/** Messages of an `anyOf` by the schema path of one of its branches: the alternatives it offered. */
const formatString = (e: AjvError) => `${where(e)} must be a format string (a known format or an extension's)`;
const ANY_OF_BY_BRANCH: Readonly<Record<string, (e: AjvError) => string>> = {
  '#/$defs/KnownFormat/enum': formatString,
  // The Format anyOf: a known format (itself the anyOf of the three vocabularies) or an extension (any string).
  '#/$defs/KnownFormat/anyOf': formatString,
  '#/$defs/DraftFormat/enum': formatString,
  '#/$defs/EnergyValue/type': (e) => `${where(e)}: value must be null, {"v": number}, {"reason_type": string}, a non-empty supply-mix array or an object`,
};

/** Size keywords in our own words, so that counts read right ("at least 1 item", not Ajv's "fewer than 1 items"). */
const BOUNDS: Readonly<Record<string, readonly [string, string, string?]>> = {
  minItems: ['at least', 'item'],
  maxItems: ['at most', 'item'],
  minLength: ['at least', 'character'],
  maxLength: ['at most', 'character'],
  minProperties: ['at least', 'property', 'properties'],
  maxProperties: ['at most', 'property', 'properties'],
};

/** The message of one kept error. */
export function schemaMessage(e: KeptError): string {
  const bySchemaPath = BY_SCHEMA_PATH[e.schemaPath];
  if (bySchemaPath !== undefined) return bySchemaPath(e);
  if (e.keyword === 'anyOf') {
    for (const b of e.branches ?? []) {
      const byBranch = ANY_OF_BY_BRANCH[b];
      if (byBranch !== undefined) return byBranch(e);
    }
  }
  if (e.keyword === 'required') return `missing required property ${show(e.params.missingProperty)}`;
  const bound = BOUNDS[e.keyword];
  if (bound !== undefined && typeof e.params.limit === 'number') {
    const got = typeof e.params.actual === 'number' ? ` (got ${e.params.actual})` : '';
    return `${where(e)} must have ${bound[0]} ${plural(e.params.limit, bound[1], bound[2])}${got}`;
  }
  return `${where(e)} ${e.message ?? 'is invalid'}`;
}
