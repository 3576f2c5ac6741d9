/** 2026 → 2024: value formats become the 2024 format strings, value objects `{v}` (the mapping table, `mapping.ts`). */
import { isObject } from '../json.js';
import { shiftDecimal } from './decimal.js';
import { CARRIED_PREFIX, CARRIED_PREFIX_2026, COLUMN_ROWS, COPIED_FIELDS, KWH_SCALE, QUALITY_FALLBACK, SUPPLY_MIX_ROWS } from './mapping.js';
import { at, copyExtras, idsFor, type Notes, type Obj } from './notes.js';

const KNOWN_2026 = new Set<string>([...COPIED_FIELDS, 'formats', 'values', 'cds_synced']);
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

/** One 2026 segment in the 2024 model, or undefined (a loss) when none of its columns can be written. */
export function segmentTo2024(seg: Obj, base: string, notes: Notes): Obj | undefined {
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
