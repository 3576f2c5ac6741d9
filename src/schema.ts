/**
 * The JSON Schema pass: the compiled validators (generated at build time) on
 * a view of the document, with `values` checked by the value rules' fast
 * path first; Ajv's errors become `schema` problems (see schema-errors.ts).
 */
import { LINK_MAX_LENGTH } from './models/generated-2024.js';
import type { SchemaOutcome } from './context.js';
import { KIND_INVALID, type Columns } from './columns/column.js';
import { valuesClean } from './columns/values.js';
import { isObject } from './json.js';
import type { ModelAdapter } from './models/adapter.js';
import type { Collector } from './problems.js';
import { parsePointer, ptr, resolvePointer } from './pointer.js';
import { pruneErrors, schemaMessage, type AjvError } from './schema-errors.js';

/**
 * Longest `next`/`previous` link (the spec's `maxLength`). Longer links are
 * reported here and kept away from the `uri` format's regular expression,
 * which overflows its backtracking stack on links of a few million characters.
 */
export const MAX_LINK_LENGTH = LINK_MAX_LENGTH;

const NO_VALUES: readonly unknown[] = Object.freeze([]);
const LINKS = ['next', 'previous'] as const;

/** The segment as the validator sees it: `values` emptied (they are checked apart). */
function withoutValues(seg: unknown): unknown {
  if (!isObject(seg) || !Array.isArray(seg.values)) return seg;
  return { ...seg, values: NO_VALUES };
}

/** The page as the validator sees it: segments without values, over-long links replaced (and reported in `errors`). */
function pageView(doc: unknown, errors: AjvError[]): unknown {
  if (!isObject(doc)) return doc;
  let view: Record<string, unknown> = doc;
  const list = doc.usage_segments;
  if (Array.isArray(list)) view = { ...view, usage_segments: list.map(withoutValues) };
  for (const f of LINKS) {
    const link = view[f];
    if (typeof link !== 'string' || link.length <= MAX_LINK_LENGTH) continue;
    view = { ...view, [f]: null };
    errors.push({
      instancePath: `/${f}`,
      schemaPath: `#/properties/${f}/maxLength`,
      keyword: 'maxLength',
      // `actual` is ours (Ajv's maxLength error has only `limit`): schemaMessage quotes it.
      params: { limit: MAX_LINK_LENGTH, actual: link.length },
      message: `must have at most ${MAX_LINK_LENGTH} characters`,
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
function checkValues(seg: unknown, base: string, fastPath: boolean, model: ModelAdapter, clean: Set<unknown>, errors: AjvError[]): void {
  if (!isObject(seg) || !Array.isArray(seg.values)) return;
  const values: unknown[] = seg.values;
  const cols = model.columnsOf(seg);
  if (fastPath && valuesClean(values, cols)) {
    clean.add(seg);
    return;
  }
  if (model.valuesShapeOk(values) || model.validateSegment(seg)) return;
  for (const e of (model.validateSegment.errors ?? []) as AjvError[]) {
    if (e.instancePath !== '/values' && !e.instancePath.startsWith('/values/')) continue;
    if (valueRulesCover(e.instancePath, values, cols)) continue;
    errors.push({ ...e, instancePath: base + e.instancePath });
  }
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
function checkUniqueLists(seg: unknown, base: string, model: ModelAdapter, errors: AjvError[], fromAjv: number): void {
  const fields = model.uniqueLists;
  if (fields === undefined || !isObject(seg)) return;
  for (const f of fields) {
    const list = seg[f];
    if (!Array.isArray(list) || list.length < 2) continue;
    const repeat = lastRepeat(list);
    if (repeat === null) continue;
    const path = `${base}/${f}`;
    if (errors.some((e, n) => n < fromAjv && e.keyword === 'uniqueItems' && e.instancePath === path)) continue;
    errors.push({
      instancePath: path,
      schemaPath: '#/$defs/RelatedIds/uniqueItems',
      keyword: 'uniqueItems',
      params: { i: repeat.i, j: repeat.j },
      message: `must NOT have duplicate items (items ## ${repeat.j} and ${repeat.i} are identical)`,
    });
  }
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

/**
 * Run the compiled JSON Schema validators and report their errors as
 * `schema` problems. Returns what the rules need to avoid reporting the
 * same problem twice.
 */
export function runSchema(doc: unknown, kind: 'segment' | 'list', collector: Collector, model: ModelAdapter): SchemaOutcome {
  const errors: AjvError[] = [];
  const clean = new Set<unknown>();
  // The fast path decides every value rule at once but `unknown-field` (the
  // members of value objects, which only the rules' value loop reads): when
  // that code is reported, every segment takes the full loop.
  const fastPath = !collector.enabled('unknown-field');
  if (kind === 'list') {
    if (!model.validatePage(pageView(doc, errors))) errors.push(...((model.validatePage.errors ?? []) as AjvError[]));
    const fromAjv = errors.length;
    const list = isObject(doc) ? doc.usage_segments : undefined;
    if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) {
        checkUniqueLists(list[i], `/usage_segments/${i}`, model, errors, fromAjv);
        checkValues(list[i], `/usage_segments/${i}`, fastPath, model, clean, errors);
      }
    }
  } else {
    if (!model.validateSegment(withoutValues(doc))) errors.push(...((model.validateSegment.errors ?? []) as AjvError[]));
    checkUniqueLists(doc, '', model, errors, errors.length);
    checkValues(doc, '', fastPath, model, clean, errors);
  }
  const cleanValues = clean.size > 0 ? clean : null;
  if (errors.length === 0) return { exact: null, ancestors: null, cleanValues };
  const kept = pruneErrors(errors);
  for (const e of kept) collector.add('schema', e.instancePath, schemaMessage(e), segmentIdAt(doc, e.instancePath));
  return { ...pathIndex(kept), cleanValues };
}
