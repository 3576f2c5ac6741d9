/**
 * The rules on a 2026 segment's Value Format objects (`formats`), which have
 * no 2024 counterpart: ids unique within the segment, `indexes` naming other
 * columns, enumerated field values from the draft's lists, and (with the
 * Server Metadata) types the draft defines or the Server declares.
 */
import { plural } from '../words.js';
import { KNOWN_FIELD_VALUES, KNOWN_VALUE_TYPES, OBJECT_PROPERTIES, VALUE_FORMAT_BY_TYPE, validateServerMetadata } from '../models/generated-2026.js';
import type { Collector } from '../problems.js';
import { pruneErrors, schemaMessage, type AjvError } from '../schema-errors.js';
import type { CheckContext } from '../context.js';
import { isObject, ownEntry, show } from '../json.js';
import { nearestKnown } from '../near-miss.js';
import { ptr } from '../pointer.js';

const KNOWN_TYPES: ReadonlySet<string> = new Set(KNOWN_VALUE_TYPES);

/** Value types whose Value Format has `indexes` naming the columns it describes (§10.8.5.3.1, §10.8.5.7.1). */
const INDEXED_TYPES: ReadonlySet<string> = new Set(['electric_supply_mix', 'cost']);

/** Members of each defined type's Value Format, from the spec. */
const FORMAT_MEMBERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  KNOWN_VALUE_TYPES.map((t) => [t, new Set<string>(OBJECT_PROPERTIES[VALUE_FORMAT_BY_TYPE[t]])]),
);

const FIELD_LISTS = KNOWN_FIELD_VALUES as Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** `duplicate-format-id`: each later Value Format whose `id` an earlier one of the segment already has. */
function checkIds(formats: readonly unknown[], base: string, ctx: CheckContext, id: string | undefined): void {
  const first = new Map<string, number>();
  for (let i = 0; i < formats.length; i++) {
    const f = formats[i];
    if (!isObject(f) || typeof f.id !== 'string') continue;
    const fid = f.id;
    const j = first.get(fid);
    if (j === undefined) first.set(fid, i);
    else ctx.collector.add('duplicate-format-id', ptr(base, 'formats', i, 'id'), `Value Format id ${show(fid)} is already the id of formats/${j}; ids must be unique within a segment`, id);
  }
}

/** `format-index`: an `indexes` entry that is a valid index (else a schema error) but names no other column. */
function checkIndexes(f: Record<string, unknown>, i: number, n: number, base: string, ctx: CheckContext, id: string | undefined): void {
  const indexes = f.indexes;
  if (!Array.isArray(indexes)) return;
  for (let j = 0; j < indexes.length; j++) {
    const x: unknown = indexes[j];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) continue; // schema error
    if (x === i) ctx.collector.add('format-index', ptr(base, 'formats', i, 'indexes', j), `index ${x} is this column itself; indexes name the other columns this ${show(f.type)} column describes`, id);
    else if (x >= n) ctx.collector.add('format-index', ptr(base, 'formats', i, 'indexes', j), `index ${x} names no column: the segment has ${plural(n, 'format')} (0 to ${n - 1})`, id);
  }
}

/** `unknown-enum`: a listed field's value outside the draft's list; unless the rule is widened (strict mode, see the registry), only when it looks like a slip. */
function checkEnums(f: Record<string, unknown>, type: string, i: number, base: string, ctx: CheckContext, id: string | undefined): void {
  const lists = ownEntry(FIELD_LISTS, type); // `type` is data: "constructor" must not find Object's
  if (lists === undefined) return;
  const every = ctx.collector.widened('unknown-enum');
  for (const field in lists) {
    const v = f[field];
    if (typeof v !== 'string') continue; // absent, null, or a schema error
    const list = lists[field]!;
    if (list.includes(v)) continue;
    const near = nearestKnown(v, list);
    if (near === undefined && !every) continue;
    const hint = near !== undefined ? `; did you mean ${show(near)}?` : '; Clients ignore it';
    ctx.collector.add('unknown-enum', ptr(base, 'formats', i, field), `${field} ${show(v)} is not one of the draft's values for ${type} (${list.join(', ')})${hint}`, id);
  }
}

/** The types a Server Metadata object declares: the keys of its `cds_usagesegments_additional_value_types` and the descriptions' `type`s. */
/**
 * `metadata-schema`: the Server Metadata the caller passed, against the
 * text's ServerMetadata schema (§5: the REQUIRED version, the URL, the value
 * types map REQUIRED beside `cds_usagesegments_api`, L852). Reported at the
 * document's root, since the metadata is not part of the document.
 */
export function checkServerMetadata(metadata: Record<string, unknown>, collector: Collector): void {
  if (!collector.enabled('metadata-schema') || validateServerMetadata(metadata)) return;
  for (const e of pruneErrors((validateServerMetadata.errors ?? []) as AjvError[])) {
    collector.add('metadata-schema', '', `Server Metadata: ${schemaMessage(e).replace(/^document /, '(the object) ')}`);
  }
}

export function declaredTypesOf(metadata: Record<string, unknown>): ReadonlySet<string> {
  const types = new Set<string>();
  const map = metadata.cds_usagesegments_additional_value_types;
  if (!isObject(map)) return types;
  for (const key of Object.keys(map)) {
    types.add(key);
    const d = map[key];
    if (isObject(d) && typeof d.type === 'string') types.add(d.type);
  }
  return types;
}

/** A type the draft does not define: a near miss of a defined type, and (with metadata) whether it is declared. */
function checkOtherType(type: string, i: number, base: string, ctx: CheckContext, id: string | undefined): void {
  const declared = ctx.declaredTypes;
  if (declared !== null && declared.has(type)) return;
  const near = nearestKnown(type, KNOWN_VALUE_TYPES);
  if (near !== undefined) {
    ctx.collector.add('unknown-enum', ptr(base, 'formats', i, 'type'), `type ${show(type)} is not a value type of the draft; did you mean ${show(near)}?`, id);
  }
  if (declared !== null) {
    ctx.collector.add(
      'undeclared-type',
      ptr(base, 'formats', i, 'type'),
      `type ${show(type)} is neither defined by the draft nor described in the Server Metadata's cds_usagesegments_additional_value_types`,
      id,
    );
  }
}

/** The rules on a 2026 segment's `formats` (the schema has run; malformed entries are skipped). */
export function checkValueFormats(seg: Record<string, unknown>, base: string, ctx: CheckContext, id: string | undefined): void {
  const formats = seg.formats;
  // Its codes are 2026-only in the registry: nothing to do for a 2024 document.
  if (!Array.isArray(formats) || !ctx.collector.enabled('duplicate-format-id')) return;
  const n = formats.length;
  const values = seg.values;
  // §7.2.8.1 L2727: no columns only when every value type is withheld, and then no value sets either.
  if (n === 0 && Array.isArray(values) && values.length > 0) {
    ctx.collector.add('withheld-values', ptr(base, 'values'), `formats is [] but values has ${values.length} value set${values.length === 1 ? '' : 's'}: a segment whose value types are all withheld has values [] too (§7.2.8.1)`, id);
  }
  checkIds(formats, base, ctx, id);
  const membersChecked = ctx.collector.enabled('unknown-field');
  for (let i = 0; i < n; i++) {
    const f: unknown = formats[i];
    if (!isObject(f) || typeof f.type !== 'string') continue;
    const type = f.type;
    if (!KNOWN_TYPES.has(type)) {
      checkOtherType(type, i, base, ctx, id);
      continue;
    }
    if (INDEXED_TYPES.has(type)) checkIndexes(f, i, n, base, ctx, id);
    checkEnums(f, type, i, base, ctx, id);
    if (membersChecked) {
      const known = FORMAT_MEMBERS.get(type)!;
      for (const k of Object.keys(f)) {
        if (!known.has(k)) ctx.collector.add('unknown-field', ptr(base, 'formats', i, k), `property ${show(k)} is not defined for a ${type} Value Format`, id);
      }
    }
  }
}
