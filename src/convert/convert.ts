/**
 * Converting usage segments and listing pages between the 2024 model and the
 * 2026 development draft, by the mapping table (`mapping.ts`). Nothing the
 * target cannot say is dropped silently: every loss is named with a JSON
 * Pointer into the input, and every value the target requires but the source
 * lacks is named as an assumption with its pointer into the output.
 */
import { escapeToken } from '../pointer.js';
import type { Model } from '../registry.js';
import { detectModel } from '../validate.js';
import { shiftDecimal } from './decimal.js';
import { CARRIED_PREFIX, CARRIED_PREFIX_2026, COLUMN_ROWS, COPIED_FIELDS, KWH_SCALE, QUALITY_FALLBACK, SUPPLY_MIX_ROWS, type ColumnRow, type SupplyMixRow } from './mapping.js';

export type { Model };
export const MODELS: readonly Model[] = ['2024', '2026'];

/** Why something did not cross whole. */
export type LossKind = 'no-counterpart' | 'approximate' | 'dropped';

export interface Loss {
  /** JSON Pointer into the input document. */
  readonly pointer: string;
  readonly kind: LossKind;
  readonly message: string;
}

export interface Assumption {
  /** JSON Pointer into the output document. */
  readonly pointer: string;
  readonly message: string;
}

export interface ConvertResult {
  readonly from: Model;
  readonly to: Model;
  readonly document: unknown;
  readonly losses: readonly Loss[];
  readonly assumptions: readonly Assumption[];
}

/** The input is not a usage segment or listing page of a known model. */
export class ConvertInputError extends Error {}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const at = (base: string, ...tokens: (string | number)[]) => base + tokens.map((t) => '/' + escapeToken(t)).join('');

class Notes {
  readonly losses: Loss[] = [];
  readonly assumptions: Assumption[] = [];
  loss(pointer: string, kind: LossKind, message: string): void {
    this.losses.push({ pointer, kind, message });
  }
  assume(pointer: string, message: string): void {
    this.assumptions.push({ pointer, message });
  }
}

/**
 * The model of a segment or listing page, by the checker's own detection
 * (`detectModel` of validate.ts: `formats` is 2026, `format` 2024), once the
 * input is one the converter can read: a segment with its model's column
 * list, or a page whose segments all have the page's model. A page with no
 * segment is the same in both models (`either`); anything else is undefined.
 */
function modelOf(doc: unknown): Model | 'either' | undefined {
  if (!isObject(doc)) return undefined;
  const model = detectModel(doc);
  const columns = model === '2026' ? 'formats' : 'format';
  const readable = (seg: unknown) => isObject(seg) && Array.isArray(seg[columns]);
  if (!Array.isArray(doc.usage_segments)) return readable(doc) ? model : undefined;
  if (doc.usage_segments.length === 0) return 'either';
  return doc.usage_segments.every(readable) ? model : undefined;
}

/** Convert a segment or a listing page to `to`. Never changes its input. Throws `ConvertInputError` on input that is neither. */
export function convert(doc: unknown, to: Model): ConvertResult {
  const model = modelOf(doc);
  if (model === undefined) {
    throw new ConvertInputError(
      'not a usage segment or listing page of either model: a 2024 segment has `format` (strings), a 2026 segment `formats` (objects); a page has `usage_segments` with segments of one model',
    );
  }
  const from: Model = model === 'either' ? (to === '2024' ? '2026' : '2024') : model;
  const notes = new Notes();
  if (from === to) return { from, to, document: structuredClone(doc), losses: [], assumptions: [] };
  const one = (seg: Obj, base: string) => (to === '2026' ? segmentTo2026(seg, base, notes) : segmentTo2024(seg, base, notes));
  const d = doc as Obj;
  if (Array.isArray(d.usage_segments)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(d)) {
      if (k !== 'usage_segments') out[k] = structuredClone(v);
    }
    const segments: unknown[] = [];
    d.usage_segments.forEach((seg, i) => {
      const converted = one(seg as Obj, at('', 'usage_segments', i));
      if (converted !== undefined) segments.push(converted);
    });
    return { from, to, document: { usage_segments: segments, ...out }, losses: notes.losses, assumptions: notes.assumptions };
  }
  const converted = one(d, '');
  if (converted === undefined) throw new ConvertInputError(notes.losses.at(-1)?.message ?? 'the segment cannot be converted');
  return { from, to, document: converted, losses: notes.losses, assumptions: notes.assumptions };
}

// ————— 2024 → 2026 —————

const ROW_BY_FORMAT = new Map(COLUMN_ROWS.map((r) => [r.format, r]));
const MIX_BY_COMPONENT = new Map(SUPPLY_MIX_ROWS.map((r) => [r.component, r]));
const KNOWN_2024 = new Set<string>([...COPIED_FIELDS, 'format', 'values', 'related_eacs']);
const KNOWN_2026 = new Set<string>([...COPIED_FIELDS, 'formats', 'values', 'cds_synced']);

/** Ids for the output columns: the 2024 string, with `_2`, `_3`, … when it repeats. */
function idsFor(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}_${k}`;
  });
}

/** One output column of a 2024 → 2026 conversion: its value format and how to read its value from a 2024 value set. */
interface Column2026 {
  format: Obj;
  value: (set: unknown[], k: number) => unknown;
}

function copyExtras(seg: Obj, known: Set<string>, out: Obj): void {
  // Both models let Servers add fields that Clients ignore; they cross as they are.
  for (const [k, v] of Object.entries(seg)) if (!known.has(k)) out[k] = structuredClone(v);
}

function segmentTo2026(seg: Obj, base: string, notes: Notes): Obj {
  const out: Obj = {};
  for (const f of COPIED_FIELDS) if (f in seg) out[f] = structuredClone(seg[f]);
  out.cds_synced = seg.cds_modified;
  notes.assume(at(base, 'cds_synced'), '2024 has no sync time; `cds_synced` is set to `cds_modified`');
  if ('related_eacs' in seg) {
    notes.loss(at(base, 'related_eacs'), 'no-counterpart', 'the 2026 draft has no segment-level certificate list (it names certificates per supply-mix value, `eacs`); `related_eacs` is dropped');
  }
  copyExtras(seg, KNOWN_2024, out);
  const format = (seg.format as unknown[]).map(String);
  const values = Array.isArray(seg.values) ? (seg.values as unknown[]) : [];
  const ids = idsFor(format);
  const columns: Column2026[] = [];
  const mixColumns: { column: Column2026 }[] = [];
  format.forEach((f, i) => {
    const row = ROW_BY_FORMAT.get(f);
    const fp = at(base, 'format', i);
    if (row) {
      columns.push({ format: formatObject(ids[i]!, row), value: (set) => energyValue(set[i], row.valueKey) });
    } else if (f === 'supply_mix') {
      for (const c of supplyMixColumns(values, i, base, notes)) {
        const column: Column2026 = { format: c.format, value: c.value };
        columns.push(column);
        mixColumns.push({ column });
      }
    } else {
      const why =
        f === 'gap'
          ? "the 2026 draft cannot disclose why data is missing (a gap's reason, the meeting's proposal)"
          : `format "${f}" has no 2026 counterpart`;
      notes.loss(fp, 'no-counterpart', `${why}; the column is carried under the undeclared Server type "${CARRIED_PREFIX}${f}", which Clients ignore unless the Server declares it in cds_usagesegments_additional_value_types`);
      columns.push({ format: { id: ids[i]!, type: CARRIED_PREFIX + f }, value: (set) => structuredClone(set[i] ?? null) });
    }
  });
  // A supply mix describes the energy columns of its value set.
  const usage = columns.flatMap((c, j) => (c.format.type === 'electric_usage' ? [j] : []));
  for (const m of mixColumns) m.column.format.indexes = usage;
  out.formats = columns.map((c) => c.format);
  out.values = values.map((set, k) => (Array.isArray(set) ? columns.map((c) => c.value(set, k)) : structuredClone(set)));
  return out;
}

function formatObject(id: string, row: ColumnRow): Obj {
  const f: Obj = { id, type: row.type };
  if (row.units !== undefined) f.units = row.units;
  if (row.direction !== undefined) f.direction = row.direction;
  if (row.quality !== undefined) f.quality = row.quality;
  return f;
}

function energyValue(v: unknown, key: string): unknown {
  if (!isObject(v)) return v ?? null;
  const { v: n, ...rest } = v;
  return { [key]: n, ...structuredClone(rest) };
}

/** The 2026 supply-mix columns of one 2024 `supply_mix` column: one per component type, in order of first appearance. */
function supplyMixColumns(values: unknown[], i: number, base: string, notes: Notes): Column2026[] {
  const order: string[] = [];
  const firstSeen = new Map<string, string>();
  values.forEach((set, k) => {
    const mix = Array.isArray(set) ? set[i] : undefined;
    if (!Array.isArray(mix)) return;
    const inSet = new Set<string>();
    mix.forEach((c, j) => {
      if (!isObject(c) || typeof c.type !== 'string') return;
      const p = at(base, 'values', k, i, j);
      if (inSet.has(c.type)) notes.loss(at(p, 'type'), 'dropped', `supply-mix component "${c.type}" repeats in this value set; the 2026 draft has one column per class, so only the first is kept`);
      inSet.add(c.type);
      if (!firstSeen.has(c.type)) {
        firstSeen.set(c.type, p);
        order.push(c.type);
      }
      for (const extra of Object.keys(c)) {
        if (!['type', 'mix', 'gco2_per_kwh'].includes(extra)) notes.loss(at(p, extra), 'no-counterpart', `supply-mix field "${extra}" has no 2026 counterpart`);
      }
    });
    // The 2026 columns come in order of first appearance; a value set that lists them otherwise loses its order.
    const listed = mix.filter(isObject).map((c) => c.type).filter((t, idx, all) => all.indexOf(t) === idx);
    const expected = order.filter((t) => listed.includes(t));
    if (listed.join('\u0000') !== expected.join('\u0000')) notes.loss(at(base, 'values', k, i), 'dropped', 'the order of supply-mix components in this value set is not kept (2026 columns have one order for the whole segment)');
  });
  const out: Column2026[] = [];
  if (order.length === 0) {
    notes.loss(at(base, 'format', i), 'dropped', 'this supply-mix column has no component in any value set (all null), so no 2026 supply-mix column (one per class) can carry it; it is dropped');
  }
  for (const t of order) {
    const row: SupplyMixRow | undefined = MIX_BY_COMPONENT.get(t);
    const p = firstSeen.get(t)!;
    if (!row) {
      notes.loss(at(p, 'type'), 'no-counterpart', `supply-mix class "${t}" has no 2026 attribution or supply type; its shares are dropped`);
      continue;
    }
    if (!row.exact) notes.loss(at(p, 'type'), 'approximate', `supply-mix class "${t}" becomes attribution "${row.attribution}", supply type "${row.supplyType}" (${row.note ?? 'approximate'})`);
    out.push({
      format: { id: `supply_mix.${t}`, type: 'electric_supply_mix', indexes: [], attribution: row.attribution, supply_type: row.supplyType },
      value: (set) => {
        const mix = set[i];
        if (!Array.isArray(mix)) return null;
        const c = mix.find((x) => isObject(x) && x.type === t) as Obj | undefined;
        if (!c) return null;
        const v: Obj = { sm: c.mix };
        if (c.gco2_per_kwh !== undefined) v.ci = c.gco2_per_kwh;
        return v;
      },
    });
  }
  return out;
}

// ————— 2026 → 2024 —————

const FORMAT_FIELDS_2024 = new Set(['id', 'type', 'units', 'direction', 'quality']);
const DIRECTION_SHORT: Readonly<Record<string, string>> = { forward: 'fwd', reverse: 'rev', net: 'net' };
const SUFFIX: Readonly<Record<string, string>> = { valid: '', estimated: '_estimate', raw: '_raw' };
const MIX_BY_CLASS = new Map(SUPPLY_MIX_ROWS.map((r) => [`${r.attribution}/${r.supplyType}`, r]));

/** One output column of a 2026 → 2024 conversion. */
interface Column2024 {
  format: string;
  /** The 2026 column(s) it came from. */
  sources: number[];
  value: (set: unknown[], k: number) => unknown;
  /** What told the source column apart, for the repeated-column check. */
  signature: string;
}

function segmentTo2024(seg: Obj, base: string, notes: Notes): Obj | undefined {
  const formats = seg.formats as unknown[];
  const values = Array.isArray(seg.values) ? (seg.values as unknown[]) : [];
  const columns: Column2024[] = [];
  let mix: Column2024 | undefined;
  const mixParts: { j: number; component: string }[] = [];
  formats.forEach((raw, j) => {
    const fp = at(base, 'formats', j);
    const f = isObject(raw) ? raw : {};
    const type = typeof f.type === 'string' ? f.type : '';
    if (type === 'electric_usage' || type === 'water_usage' || type === 'natural_gas_usage') {
      const col = usageColumn(f, j, fp, base, notes);
      columns.push(typeof col === 'string' ? carriedColumn(f, j, fp, col, notes) : col);
      return;
    }
    if (type === 'electric_supply_mix') {
      const row = MIX_BY_CLASS.get(`${String(f.attribution)}/${String(f.supply_type)}`);
      if (!row) {
        columns.push(carriedColumn(f, j, fp, `supply-mix class attribution "${String(f.attribution)}", supply type "${String(f.supply_type)}" has no 2024 component type`, notes));
        return;
      }
      for (const k of Object.keys(f)) if (!['id', 'type', 'indexes', 'attribution', 'supply_type'].includes(k)) notes.loss(at(fp, k), 'no-counterpart', `value format field "${k}" has no 2024 counterpart`);
      if (f.id !== `supply_mix.${row.component}`) notes.loss(at(fp, 'id'), 'dropped', `value format id "${String(f.id)}" has no 2024 counterpart`);
      mixParts.push({ j, component: row.component });
      if (!mix) {
        mix = { format: 'supply_mix', sources: [], signature: 'supply_mix', value: (set, k) => supplyMixValue(set, mixParts, { base, k, column: columns.indexOf(mix!), notes }) };
        columns.push(mix);
      }
      mix.sources.push(j);
      return;
    }
    if (type.startsWith(CARRIED_PREFIX)) {
      const format = type.slice(CARRIED_PREFIX.length);
      columns.push({ format, sources: [j], signature: `carried ${format} ${JSON.stringify(f)}`, value: (set) => structuredClone(set[j] ?? null) });
      return;
    }
    columns.push(carriedColumn(f, j, fp, `value type "${type}" has no 2024 counterpart`, notes));
  });
  // Supply-mix indexes: 2024 relates a supply mix to the energy columns of its value set implicitly.
  const usageSources = columns.filter((c) => c.format.includes('kwh')).flatMap((c) => c.sources);
  for (const { j } of mixParts) {
    const f = formats[j] as Obj;
    const idx = Array.isArray(f.indexes) ? f.indexes : [];
    if (JSON.stringify(idx) !== JSON.stringify(usageSources)) notes.loss(at(base, 'formats', j, 'indexes'), 'dropped', 'which columns the supply mix describes (`indexes`) has no 2024 counterpart; a 2024 supply mix describes the energy columns of its value set');
  }
  values.forEach((set, k) => {
    if (!Array.isArray(set)) return;
    for (const { j } of mixParts) {
      const v = set[j];
      if (isObject(v)) for (const key of Object.keys(v)) if (key !== 'sm' && key !== 'ci') notes.loss(at(base, 'values', k, j, key), 'no-counterpart', `supply-mix value field "${key}" has no 2024 counterpart${key === 'eacs' ? ' (2024 lists certificates per segment, `related_eacs`, not per value)' : ''}`);
    }
  });
  repeatedColumns(columns, base, notes);
  if (columns.length === 0) {
    notes.loss(base === '' ? '' : base, 'dropped', 'a 2024 segment needs at least one column, and none of this segment\'s value formats has a 2024 counterpart; the segment is dropped');
    return undefined;
  }
  const out: Obj = {};
  for (const f of COPIED_FIELDS) if (f in seg) out[f] = structuredClone(seg[f]);
  if ('cds_synced' in seg && seg.cds_synced !== seg.cds_modified) {
    notes.loss(at(base, 'cds_synced'), 'no-counterpart', '2024 has no sync time; `cds_synced` (different from `cds_modified`) is dropped');
  }
  copyExtras(seg, KNOWN_2026, out);
  out.format = columns.map((c) => c.format);
  out.values = values.map((set, k) => (Array.isArray(set) ? columns.map((c) => c.value(set, k)) : structuredClone(set)));
  const expectedIds = idsFor(columns.map((c) => c.format));
  columns.forEach((c, n) => {
    // A supply mix has no id to keep, and a carried column's loss already names its whole value format.
    if (c.format === 'supply_mix' || c.format.startsWith(CARRIED_PREFIX_2026)) return;
    const f = formats[c.sources[0]!] as Obj;
    if (f.id !== expectedIds[n]) notes.loss(at(base, 'formats', c.sources[0]!, 'id'), 'dropped', `value format id "${String(f.id)}" has no 2024 counterpart`);
  });
  return out;
}

/** Why a 2026 usage column has no 2024 string (units or direction with no counterpart), or undefined when it has one. */
function noUsageString(type: string, units: string, direction: string | undefined): string | undefined {
  if (type === 'electric_usage') {
    if (!(units in KWH_SCALE)) return `electric usage in "${units}" has no 2024 counterpart`;
    if (direction !== undefined && !(direction in DIRECTION_SHORT)) return `direction "${direction}" has no 2024 counterpart`;
    return undefined;
  }
  return COLUMN_ROWS.some((r) => r.type === type && r.units === units) ? undefined : `${type} in "${units}" has no 2024 counterpart`;
}

/** A 2024 column for a 2026 usage column, or why there is none (the caller carries the column). */
function usageColumn(f: Obj, j: number, fp: string, base: string, notes: Notes): Column2024 | string {
  const type = String(f.type);
  const units = typeof f.units === 'string' ? f.units : '';
  const direction = typeof f.direction === 'string' ? f.direction : undefined;
  const quality = typeof f.quality === 'string' ? f.quality : undefined;
  const why = noUsageString(type, units, direction);
  if (why !== undefined) return why;
  for (const k of Object.keys(f)) if (!FORMAT_FIELDS_2024.has(k)) notes.loss(at(fp, k), 'no-counterpart', `value format field "${k}" has no 2024 counterpart`);
  let format: string | undefined;
  let scale = 0;
  let key = 'eu';
  if (type === 'electric_usage') {
    scale = KWH_SCALE[units]!;
    if (direction === undefined) {
      format = 'usage_kwh';
      notes.loss(fp, 'no-counterpart', 'unknown direction: the 2024 energy strings of the meeting all name a direction; written as the 2024 draft\'s `usage_kwh`, which the 2024 spec treats as an extension format');
      if (quality !== undefined) notes.loss(at(fp, 'quality'), 'no-counterpart', `quality "${quality}" cannot be said with \`usage_kwh\`; dropped`);
    } else {
      let suffix = quality === undefined ? '' : SUFFIX[quality];
      if (quality === undefined) {
        notes.loss(fp, 'approximate', 'unknown quality: a plain 2024 energy string means validated data; written as the validated column');
      } else if (suffix === undefined) {
        const fb = QUALITY_FALLBACK[quality];
        suffix = fb?.suffix ?? '';
        notes.loss(at(fp, 'quality'), fb ? 'approximate' : 'no-counterpart', fb?.why ?? `quality "${quality}" has no 2024 counterpart; written as the validated column`);
      }
      format = `kwh_${DIRECTION_SHORT[direction]}${suffix}`;
    }
  } else {
    const row = COLUMN_ROWS.find((r) => r.type === type && r.units === units)!;
    format = row.format;
    key = row.valueKey;
    if (quality !== undefined) notes.loss(at(fp, 'quality'), 'no-counterpart', `quality "${quality}" cannot be said with \`${row.format}\`; dropped`);
  }
  const signature = JSON.stringify(Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'id').sort()));
  const valueKey = key;
  return {
    format,
    sources: [j],
    signature,
    value: (set, k) => {
      const v = set[j];
      if (!isObject(v)) return v ?? null;
      const out: Obj = {};
      for (const [name, x] of Object.entries(v)) {
        if (name === valueKey) out.v = typeof x === 'number' ? shiftDecimal(x, scale) : x;
        else notes.loss(at(base, 'values', k, j, name), 'no-counterpart', `value field "${name}" has no 2024 counterpart`);
      }
      return out;
    },
  };
}

/**
 * A 2026 column with no 2024 string, carried as a 2024 extension column
 * (`cds2026_<type>`, which 2024 Clients ignore) with its values as they are,
 * so that no number is dropped; its value format (units, direction, …) has
 * no place in a 2024 format string and is the loss reported.
 */
function carriedColumn(f: Obj, j: number, fp: string, why: string, notes: Notes): Column2024 {
  const format = CARRIED_PREFIX_2026 + (typeof f.type === 'string' ? f.type : 'unknown');
  notes.loss(fp, 'no-counterpart', `${why}; the column is carried as the 2024 extension format "${format}" with its values unchanged, and its value format (all but \`type\`) is lost`);
  return { format, sources: [j], signature: format, value: (set) => structuredClone(set[j] ?? null) };
}

/**
 * A 2024 supply-mix value from the 2026 supply-mix columns of one value set.
 * The 2024 model needs the shares of a value to add up to 1 (±0.01); the 2026
 * columns need not cover the whole supply, so a shortfall is written as an
 * `other` component (an assumption), and an excess cannot be written at all.
 */
function supplyMixValue(set: unknown[], parts: { j: number; component: string }[], where: { base: string; k: number; column: number; notes: Notes }): unknown {
  const out: Obj[] = [];
  let sum = 0;
  for (const { j, component } of parts) {
    const v = set[j];
    if (!isObject(v)) continue;
    const c: Obj = { type: component, mix: v.sm };
    if (v.ci !== undefined) c.gco2_per_kwh = v.ci;
    if (typeof v.sm === 'number') sum += v.sm;
    out.push(c);
  }
  if (out.length === 0) return null;
  const rest = Math.round((1 - sum) * 1e9) / 1e9;
  if (rest > 0.01 && !out.some((c) => c.type === 'other')) {
    out.push({ type: 'other', mix: rest });
    where.notes.assume(at(where.base, 'values', where.k, where.column, out.length - 1), `the 2026 supply-mix columns cover ${Math.round(sum * 1e6) / 1e6} of the supply; 2024 shares add up to 1, so the rest (${rest}) is written as component "other"`);
  } else if (rest < -0.01 || rest > 0.01) {
    where.notes.loss(at(where.base, 'values', where.k), 'dropped', `the supply-mix shares of this value set add up to ${Math.round(sum * 1e6) / 1e6}, which a 2024 supply mix (shares adding up to 1) cannot say; the 2024 value is null`);
    return null;
  }
  return out;
}

/** Two 2026 columns that become the same 2024 string lose what told them apart (a repeated quality, a billing tier, …). */
function repeatedColumns(columns: Column2024[], base: string, notes: Notes): void {
  const byFormat = new Map<string, Column2024[]>();
  for (const c of columns) byFormat.set(c.format, [...(byFormat.get(c.format) ?? []), c]);
  for (const [format, same] of byFormat) {
    if (same.length < 2 || new Set(same.map((c) => c.signature)).size === 1) continue;
    for (const c of same.slice(1)) {
      notes.loss(at(base, 'formats', c.sources[0]!), 'dropped', `repeated column: formats ${same.map((x) => x.sources[0]).join(' and ')} ${same.length === 2 ? 'both' : 'all'} become "${format}", and what told them apart (quality, units or billing fields) is lost`);
    }
  }
}
