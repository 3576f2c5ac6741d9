/**
 * The JSON Schema pass: the compiled validators (generated at build time) on
 * a view of the document, with `values` checked by the value rules' fast
 * path first. Two profiles: the recommended validator runs first (the text's
 * keywords and our decisions); only when it fails does the text's validator
 * run, whose errors become `schema` problems (see schema-errors.ts), while a
 * failing decided keyword becomes the warning its `x-cds-recommended` entry
 * names (spec-facts RECOMMENDED_KEYWORDS).
 */
import { LINK_MAX_LENGTH } from './models/generated-2024.js';
import { schemaOutcome, type SchemaOutcome } from './context.js';
import { getRule, type Code } from './registry.js';
import { KIND_INVALID, type Columns } from './columns/column.js';
import { valuesClean } from './rules/values/fast-path.js';
import { isObject, show } from './json.js';
import type { CompiledValidator, ModelAdapter } from './models/adapter.js';
import type { Collector } from './problems.js';
import { parsePointer, ptr, resolvePointer } from './pointer.js';
import { pruneErrors, schemaMessage, type AjvError } from './schema-errors.js';

/**
 * Longest `next`/`previous` link we recommend (the recommended profile's
 * `maxLength`). A longer link is legal: it is reported here as `link-length`
 * and kept away from the `uri` format's regular expression, which overflows
 * its backtracking stack on links of a few million characters (a guard
 * against hostile input that never makes a legal link an error).
 */
export const MAX_LINK_LENGTH = LINK_MAX_LENGTH;

/** A failed keyword of the recommended profile, with the warning code it is reported under. */
interface Recommendation {
  readonly code: Code;
  readonly error: AjvError;
}

const NO_VALUES: readonly unknown[] = Object.freeze([]);
/** An absolute URI's characters (RFC 3986 §2, §3.1), checked in one linear pass: one character class, no backtracking. */
const LONG_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
/** Fails the `uri` format as the long link did. */
const NOT_A_URI = 'not a URI';
const LINKS = ['next', 'previous'] as const;

/** The segment as the validator sees it: `values` emptied (they are checked apart). */
function withoutValues(seg: unknown): unknown {
  if (!isObject(seg) || !Array.isArray(seg.values)) return seg;
  return { ...seg, values: NO_VALUES };
}

/** No `next`/`previous` link longer than the recommended maximum (those the full pass reports itself, see `pageView`). */
export function linksShort(doc: unknown): boolean {
  if (!isObject(doc)) return true;
  for (const f of LINKS) {
    const link = doc[f];
    if (typeof link === 'string' && link.length > MAX_LINK_LENGTH) return false;
  }
  return true;
}

/** The page as the validator sees it: segments without values, over-long links replaced (and reported in `recommendations`). */
function pageView(doc: unknown, recommendations: Recommendation[]): unknown {
  if (!isObject(doc)) return doc;
  let view: Record<string, unknown> = doc;
  const list = doc.usage_segments;
  if (Array.isArray(list)) view = { ...view, usage_segments: list.map(withoutValues) };
  for (const f of LINKS) {
    const link = view[f];
    if (typeof link !== 'string' || link.length <= MAX_LINK_LENGTH) continue;
    // The `uri` regular expression is not run on it; a linear check of the
    // URI's characters stands in (a scheme, then only characters RFC 3986
    // allows): a link that fails it gets the `uri` error through a short
    // stand-in that fails the same keyword, one that passes is not checked further.
    view = { ...view, [f]: LONG_URI.test(link) ? null : NOT_A_URI };
    recommendations.push({
      code: 'link-length',
      error: { instancePath: `/${f}`, schemaPath: `#/properties/${f}/maxLength`, keyword: 'maxLength', params: { limit: MAX_LINK_LENGTH, actual: link.length } },
    });
  }
  return view;
}

/**
 * Check one segment's `values`: first in one pass by `valuesClean` (schema
 * shape and every value rule at once; not when `unknown-field` is reported), and a
 * clean segment is added to `clean`; else by `valuesShapeOk`, and only a
 * segment whose values fail it runs through the validator in full (its
 * `/values` errors kept, under `base`).
 */
function checkValues(seg: unknown, index: number, inPage: boolean, fastPath: boolean, model: ModelAdapter, clean: unknown[], errors: AjvError[]): void {
  if (!isObject(seg) || !Array.isArray(seg.values)) return;
  const values: unknown[] = seg.values;
  const cols = model.columnsOf(seg);
  if (fastPath && valuesClean(values, cols)) {
    clean[index] = seg;
    return;
  }
  if (model.valuesShapeOk(values) || model.validateSegment(seg)) return;
  const base = segmentBase(inPage, index);
  for (const e of (model.validateSegment.errors ?? []) as AjvError[]) {
    if (e.instancePath !== '/values' && !e.instancePath.startsWith('/values/')) continue;
    if (valueRulesCover(e.instancePath, values, cols)) continue;
    errors.push({ ...e, instancePath: base + e.instancePath });
  }
}

/** The pointer of a page's segment `index` (or '' for a lone segment), built only where a problem needs it. */
function segmentBase(inPage: boolean, index: number): string {
  return inPage ? `/usage_segments/${index}` : '';
}

/**
 * Is an Ajv error at `/values/k/i…` about a value the value rules check
 * themselves (`value-type`, naming the column's format and shape)? Yes when
 * the value set has one entry per column and column i has a valid format.
 */
function valueRulesCover(path: string, values: readonly unknown[], cols: Columns): boolean {
  const toks = parsePointer(path); // ['values', k, i, …]
  if (toks.length < 3) return false;
  const vs = values[Number(toks[1])];
  const col = cols.list[Number(toks[2])];
  return Array.isArray(vs) && vs.length === cols.list.length && col !== undefined && col.kind !== KIND_INVALID;
}

/**
 * `uniqueItems` of the model's unique lists, checked again with a Set. Ajv's
 * compiled check keys a plain object by the item, so `["__proto__",
 * "__proto__"]` finds Object.prototype instead of a number and passes (issue
 * 25.2). Adds the error Ajv gives (the last repeat and its first occurrence
 * before it, as `j` and `i`) where Ajv gave none at that list.
 */
function checkUniqueLists(seg: unknown, index: number, inPage: boolean, model: ModelAdapter, errors: AjvError[], fromAjv: number): void {
  const fields = model.uniqueLists;
  if (fields === undefined || !isObject(seg)) return;
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k]!;
    const list = seg[f];
    if (!Array.isArray(list) || list.length < 2) continue;
    const repeat = lastRepeat(list);
    if (repeat === null) continue;
    addRepeat(`${segmentBase(inPage, index)}/${f}`, repeat, errors, fromAjv);
  }
}

/** The `uniqueItems` error of a repeat at `path`, unless Ajv gave one there (apart from the loop above, which would otherwise allocate the closure's variables for every field of every segment). */
function addRepeat(path: string, repeat: { i: number; j: number }, errors: AjvError[], fromAjv: number): void {
  if (errors.some((e, n) => n < fromAjv && e.keyword === 'uniqueItems' && e.instancePath === path)) return;
  errors.push({
    instancePath: path,
    schemaPath: '#/$defs/RelatedIds/uniqueItems',
    keyword: 'uniqueItems',
    params: { i: repeat.i, j: repeat.j },
    message: `must NOT have duplicate items (items ## ${repeat.j} and ${repeat.i} are identical)`,
  });
}

/** Ajv's pair for a repeated string, scanning from the end: the later index `j` and the earlier `i`; null when every string is unique. */
function lastRepeat(list: readonly unknown[]): { i: number; j: number } | null {
  const seen = new Map<string, number>();
  for (let i = list.length - 1; i >= 0; i--) {
    const x = list[i];
    if (typeof x !== 'string') continue;
    const j = seen.get(x);
    if (j !== undefined) return { i, j };
    seen.set(x, i);
  }
  return null;
}

/** Does one of the model's unique lists of `seg` repeat a string? (`checkUniqueLists` without the error.) */
function uniqueListsRepeat(seg: Record<string, unknown>, model: ModelAdapter): boolean {
  const fields = model.uniqueLists;
  if (fields === undefined) return false;
  for (let k = 0; k < fields.length; k++) {
    const list = seg[fields[k]!];
    if (Array.isArray(list) && list.length >= 2 && lastRepeat(list) !== null) return true;
  }
  return false;
}

/**
 * The rest of the schema pass on one segment of a page, in the one-pass
 * check (rules/one-pass.ts), once the quick check has passed it: its unique
 * lists (not read again when the quick check found them all equal to those
 * of the segment before, which passed this) and its `values`, as
 * `runSchema` reads them. True when the full pass would report nothing
 * here; false when it might (the one-pass check then gives way to it).
 * A segment whose values are clean goes into `clean` (the rules' value loop
 * skips it).
 */
export function segmentSchemaHolds(seg: Record<string, unknown>, index: number, sameBits: number, model: ModelAdapter, clean: unknown[]): boolean {
  const unique = model.uniqueSameMask;
  if (!(unique !== 0 && (sameBits & unique) >>> 0 === unique) && uniqueListsRepeat(seg, model)) return false;
  const values = seg.values;
  if (!Array.isArray(values)) return true;
  if (valuesClean(values, model.columnsOf(seg))) {
    clean[index] = seg;
    return true;
  }
  return model.valuesShapeOk(values) || model.validateSegment(seg);
}

/** The exact paths of the kept errors and all their proper ancestors. */
function pathIndex(kept: readonly AjvError[]): { exact: Set<string>; ancestors: Set<string> } {
  const exact = new Set<string>();
  const ancestors = new Set<string>();
  for (const e of kept) {
    const path = e.instancePath;
    exact.add(path);
    let i = path.lastIndexOf('/');
    while (i >= 0) {
      const a = path.slice(0, i);
      if (ancestors.has(a)) break;
      ancestors.add(a);
      i = a.lastIndexOf('/');
    }
  }
  return { exact, ancestors };
}

/** The id of the segment a path points into, for `segmentId`. */
function segmentIdAt(doc: unknown, path: string): string | undefined {
  const toks = parsePointer(path);
  let segPath: string;
  if (toks[0] === 'usage_segments' && toks.length >= 2) segPath = ptr('', 'usage_segments', toks[1]!);
  else if (toks[0] === 'usage_segments') return undefined;
  else segPath = '';
  const r = resolvePointer(doc, segPath);
  if (!r.found || !isObject(r.value)) return undefined;
  const id = r.value.cds_usagesegment_id;
  return typeof id === 'string' ? id : undefined;
}

/** The annotation the recommended validators carry on a decided keyword's schema (scripts/lib/recommended.mjs `DECIDED_KEY`). */
interface Decided {
  readonly code: string;
  readonly missing?: readonly string[];
}

/**
 * The warning code of a failed keyword of a recommended validator, or
 * undefined for a keyword of the text (the text's validator reports those).
 * The validators are compiled verbose: an error carries the schema object
 * its keyword sits in, annotated (`cdsDecided`) with the code of each
 * decided keyword, or with `*` in a subschema only a decision brought.
 */
export function recommendedCode(e: AjvError): Code | undefined {
  const parent = e.parentSchema;
  if (!isObject(parent) || !isObject(parent.cdsDecided)) return undefined;
  const decided = (parent.cdsDecided[e.keyword] ?? parent.cdsDecided['*']) as Decided | undefined;
  if (decided === undefined) return undefined;
  if (decided.missing !== undefined && !decided.missing.includes(String(e.params.missingProperty))) return undefined;
  return getRule(decided.code)?.code as Code | undefined;
}

/**
 * Validate `view` with the recommended validator, and only when it fails
 * with the text's: the text's errors go to `errors`, the decided keywords
 * that failed to `recommendations`.
 */
function checkProfiles(view: unknown, text: CompiledValidator, recommended: CompiledValidator, errors: AjvError[], recommendations: Recommendation[]): void {
  if (recommended(view)) return;
  const failed = [...((recommended.errors ?? []) as AjvError[])];
  if (!text(view)) errors.push(...((text.errors ?? []) as AjvError[]));
  for (const e of failed) {
    const code = recommendedCode(e);
    if (code !== undefined) recommendations.push({ code, error: e });
  }
}

/** Where a recommendation points: the failing value (for a decided `required`, the object that misses the member, as for `schema`). */
function recommendationPath(e: AjvError): string {
  return e.instancePath;
}

/** What a recommendation says: the value concerned, then the rule's advice. */
function recommendationMessage(code: Code, e: AjvError, doc: unknown): string {
  const advice = getRule(code)?.advice ?? '';
  if (e.keyword === 'required') return `${show(e.params.missingProperty)} is absent: ${advice}`;
  const at = e.instancePath === '' ? 'document' : e.instancePath;
  if (typeof e.params.actual === 'number') return `${at} has ${e.params.actual} characters: ${advice}`;
  const r = resolvePointer(doc, e.instancePath);
  return `${at} is ${r.found ? show(r.value) : 'invalid'}: ${advice}`;
}

/**
 * Report the recommendations, once per code and path, except where the
 * text's schema already reported a problem at or above the same value.
 */
function reportRecommendations(doc: unknown, recommendations: readonly Recommendation[], exact: ReadonlySet<string> | null, collector: Collector): Set<string> {
  const seen = new Set<string>();
  const paths = new Set<string>();
  for (const { code, error } of recommendations) {
    const path = recommendationPath(error);
    if (exact !== null && coveredBy(error.instancePath, exact)) continue;
    const key = `${code}\u0000${path}\u0000${String(error.params.missingProperty ?? '')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    paths.add(path);
    collector.add(code, path, () => recommendationMessage(code, error, doc), segmentIdAt(doc, path));
  }
  return paths;
}

/** Is `path` or one of its ancestors among `exact`? */
function coveredBy(path: string, exact: ReadonlySet<string>): boolean {
  for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
    if (exact.has(p)) return true;
    if (p === '') return false;
  }
}

/**
 * Run the compiled JSON Schema validators: the text's errors become
 * `schema` problems, our decisions their own warnings. Returns what the
 * rules need to avoid reporting the same problem twice.
 */
export function runSchema(doc: unknown, kind: 'segment' | 'list', collector: Collector, model: ModelAdapter): SchemaOutcome {
  const errors: AjvError[] = [];
  const recommendations: Recommendation[] = [];
  const clean: unknown[] = [];
  // The fast path decides every value rule at once but `unknown-field` (the
  // members of value objects, which only the rules' value loop reads): when
  // that code is reported, every segment takes the full loop.
  const fastPath = !collector.enabled('unknown-field');
  let sameMembers: Uint32Array | null = null;
  if (kind === 'list') {
    // A page that passes the quick check (the recommended profile, value sets
    // aside, on the page itself) needs no view and no error bookkeeping: the
    // full pass would find nothing (issue 24.7).
    const list = isObject(doc) ? doc.usage_segments : undefined;
    const same = Array.isArray(list) ? new Uint32Array(list.length) : undefined;
    if (linksShort(doc) && model.quickPage(doc, same)) sameMembers = same ?? null;
    else checkProfiles(pageView(doc, recommendations), model.validatePage, model.recommendPage, errors, recommendations);
    const fromAjv = errors.length;
    if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) {
        checkUniqueLists(list[i], i, true, model, errors, fromAjv);
        checkValues(list[i], i, true, fastPath, model, clean, errors);
      }
    }
  } else {
    if (!model.quickSegment(doc)) checkProfiles(withoutValues(doc), model.validateSegment, model.recommendSegment, errors, recommendations);
    checkUniqueLists(doc, 0, false, model, errors, errors.length);
    checkValues(doc, 0, false, fastPath, model, clean, errors);
  }
  const cleanValues = clean.length > 0 ? clean : null;
  const kept = errors.length === 0 ? [] : pruneErrors(errors);
  for (const e of kept) collector.add('schema', e.instancePath, schemaMessage(e), segmentIdAt(doc, e.instancePath));
  const index = kept.length === 0 ? { exact: null, ancestors: null } : pathIndex(kept);
  const recommended = recommendations.length === 0 ? null : reportRecommendations(doc, recommendations, index.exact, collector);
  return schemaOutcome(index.exact, index.ancestors, recommended, cleanValues, sameMembers);
}
