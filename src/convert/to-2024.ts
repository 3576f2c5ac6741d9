/** 2026 → 2024: value formats become the 2024 format strings, value objects `{v}` (the mapping table, `mapping.ts`). */
import { isObject, ownEntry, setMember } from '../json.js';
import { shiftDecimal } from './decimal.js';
import { CARRIED_FORMATS, CARRIED_PREFIX, CARRIED_PREFIX_2026, COLUMN_ROWS, COPIED_FIELDS, QUALITY_FALLBACK, SUPPLY_MIX_ROWS, UNIT_SCALES, WRAPPED_VALUE, type ColumnRow } from './mapping.js';
import { at, copyExtras, idsFor, type Notes, type Obj } from './notes.js';

const KNOWN_2026 = new Set<string>([...COPIED_FIELDS, 'formats', 'values', 'cds_synced']);
/** 2024 segment fields a 2026 segment does not have (and the member this converter writes), so a 2026 Server's own member of that name cannot cross. */
const RESERVED_2024 = new Set(['format', CARRIED_FORMATS]);
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
  /** A carried column's 2026 value format, kept in `cds2026_formats`. */
  recorded?: Obj;
}

/** One 2026 segment in the 2024 model. Every column has a 2024 form (a string of the table, or a carried extension format), so none is refused. */
export function segmentTo2024(seg: Obj, base: string, notes: Notes): Obj {
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
      const col = usageColumn(f, j, { fp, base, notes, out: at(base, 'format', columns.length) });
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
      // A 2024 column carried through 2026 goes back to its string, its wrapped values unwrapped.
      const format = type.slice(CARRIED_PREFIX.length);
      columns.push({ format, sources: [j], signature: `carried ${format} ${JSON.stringify(f)}`, value: (set) => unwrap(set[j]) });
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
  const out: Obj = {};
  for (const f of COPIED_FIELDS) if (f in seg) out[f] = structuredClone(seg[f]);
  if ('cds_synced' in seg && seg.cds_synced !== seg.cds_modified) {
    notes.loss(at(base, 'cds_synced'), 'no-counterpart', '2024 has no sync time; `cds_synced` (different from `cds_modified`) is dropped');
  }
  copyExtras(seg, KNOWN_2026, out, RESERVED_2024, { base, notes, to: '2024' });
  out.format = columns.map((c) => c.format);
  out.values = values.map((set, k) => (Array.isArray(set) ? columns.map((c) => c.value(set, k)) : structuredClone(set)));
  if (columns.some((c) => c.recorded)) out[CARRIED_FORMATS] = recordedFormats(columns);
  const expectedIds = idsFor(columns.map((c) => c.format));
  columns.forEach((c, n) => {
    // A supply mix has no id to keep, and a carried column keeps its whole value format.
    if (c.format === 'supply_mix' || c.recorded) return;
    const f = formats[c.sources[0]!] as Obj;
    if (f.id !== expectedIds[n]) notes.loss(at(base, 'formats', c.sources[0]!, 'id'), 'dropped', `value format id "${String(f.id)}" has no 2024 counterpart`);
  });
  return out;
}

/** A carried 2024 column's value as it was before it crossed to 2026 (`to-2026.ts` wraps what is not an object). */
function unwrap(v: unknown): unknown {
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === WRAPPED_VALUE) return structuredClone(v[WRAPPED_VALUE]);
  }
  return structuredClone(v ?? null);
}

/**
 * The `cds2026_formats` list: each carried column's 2026 value format (null
 * for the others), its `indexes` (2026 columns) rewritten as 2024 columns so
 * that they still point at the same data when they come back.
 */
function recordedFormats(columns: Column2024[]): unknown[] {
  const columnOf = new Map<number, number>();
  columns.forEach((c, n) => c.sources.forEach((j) => columnOf.set(j, n)));
  return columns.map((c) => {
    if (!c.recorded) return null;
    const f = structuredClone(c.recorded);
    if (Array.isArray(f.indexes) && f.indexes.every((j) => columnOf.has(j as number))) {
      f.indexes = f.indexes.map((j) => columnOf.get(j as number)!).filter((n, i, all) => all.indexOf(n) === i);
    }
    return f;
  });
}

/** The 2024 row and the decimal places for a 2026 usage column (units and direction), or why there is none. */
function usageRow(type: string, units: string, direction: string | undefined, quality: string | undefined): { format: string; row?: ColumnRow; places: number; scaled?: string } | string {
  // `type`, `units`, `direction` and `quality` are data: a name such as "constructor" must not find Object's members.
  const scaled = ownEntry(UNIT_SCALES, type) === undefined ? undefined : ownEntry(UNIT_SCALES[type]!, units);
  const unitsOfRow = scaled?.to ?? units;
  if (type === 'electric_usage') {
    if (unitsOfRow !== 'kWh') return `electric usage in "${units}" has no 2024 counterpart`;
    if (direction !== undefined && ownEntry(DIRECTION_SHORT, direction) === undefined) return `direction "${direction}" has no 2024 counterpart`;
    // Without a quality, the 2024 draft's own strings say exactly as much: `usage_kwh`, `usage_<direction>_kwh`.
    const format =
      direction === undefined ? 'usage_kwh' : quality === undefined ? `usage_${DIRECTION_SHORT[direction]}_kwh` : `kwh_${DIRECTION_SHORT[direction]}${ownEntry(SUFFIX, quality) ?? ownEntry(QUALITY_FALLBACK, quality)?.suffix ?? ''}`;
    return { format, places: scaled?.places ?? 0, ...(scaled ? { scaled: unitsOfRow } : {}) };
  }
  const row = COLUMN_ROWS.find((r) => r.type === type && r.units === unitsOfRow);
  if (!row) return `${type} in "${units}" has no 2024 counterpart`;
  return { format: row.format, row, places: (scaled?.places ?? 0) - (row.scale ?? 0), ...(scaled ? { scaled: unitsOfRow } : {}) };
}

/** A 2024 column for a 2026 usage column, or why there is none (the caller carries the column). `out` is the column's pointer in the output. */
function usageColumn(f: Obj, j: number, where: { fp: string; base: string; notes: Notes; out: string }): Column2024 | string {
  const { fp, base, notes } = where;
  const type = String(f.type);
  const units = typeof f.units === 'string' ? f.units : '';
  const direction = typeof f.direction === 'string' ? f.direction : undefined;
  const quality = typeof f.quality === 'string' ? f.quality : undefined;
  const found = usageRow(type, units, direction, quality);
  if (typeof found === 'string') return found;
  for (const k of Object.keys(f)) if (!FORMAT_FIELDS_2024.has(k)) notes.loss(at(fp, k), 'no-counterpart', `value format field "${k}" has no 2024 counterpart`);
  const { format, places } = found;
  if (quality !== undefined) {
    if (type !== 'electric_usage' || direction === undefined) {
      notes.loss(at(fp, 'quality'), 'no-counterpart', `quality "${quality}" cannot be said with \`${format}\`; dropped`);
    } else if (ownEntry(SUFFIX, quality) === undefined) {
      const fb = ownEntry(QUALITY_FALLBACK, quality);
      notes.loss(at(fp, 'quality'), fb ? 'approximate' : 'no-counterpart', fb?.why ?? `quality "${quality}" has no 2024 counterpart; written as the validated column`);
    } else if (quality === 'valid') {
      notes.assume(where.out, `quality "valid" is written as the plain string "${format}", which the minutes of 2024-08-08 propose for validated data`);
    }
  }
  if (found.scaled !== undefined || found.row?.scale) {
    notes.assume(where.out, `"${units}" is written as "${format}" (numbers times 10^${places}, exactly, on their decimal digits; the unit definitions of the 2026 draft, §10.8.7.1)`);
  }
  if (direction === 'reverse') {
    notes.assume(where.out, `numbers cross unchanged: energy sent to the grid stays negative (2026 §10.8.5.1.2 L5567); the 2024 draft gives "${format}" no sign, and the overview's kwh_rev writes it negative too`);
  }
  const valueKey = found.row?.valueKey ?? 'eu';
  const signature = JSON.stringify(Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'id').sort()));
  return {
    format,
    sources: [j],
    signature,
    value: (set, k) => {
      const v = set[j];
      if (!isObject(v)) return v ?? null;
      const out: Obj = {};
      for (const [name, x] of Object.entries(v)) {
        if (name === valueKey) out.v = typeof x === 'number' ? shiftDecimal(x, places) : x;
        // Other fields cross as they are (Clients of both models ignore unknown fields), except one that would take the number's key.
        else if (name === 'v') notes.loss(at(base, 'values', k, j, name), 'dropped', 'value field "v" has the name of the 2024 number\'s key; dropped');
        else setMember(out, name, structuredClone(x));
      }
      return out;
    },
  };
}

/**
 * A 2026 column with no 2024 string, carried as a 2024 extension column
 * (`cds2026_<type>`, which 2024 Clients ignore) with its values as they are,
 * so that no number is dropped; its value format (units, direction, …) has
 * no place in a 2024 format string: it is kept in `cds2026_formats`, which
 * only this converter reads, and reported as the loss.
 */
function carriedColumn(f: Obj, j: number, fp: string, why: string, notes: Notes): Column2024 {
  const format = CARRIED_PREFIX_2026 + (typeof f.type === 'string' ? f.type : 'unknown');
  notes.loss(fp, 'no-counterpart', `${why}; the column is carried as the 2024 extension format "${format}" with its values unchanged, and its value format is kept only in \`${CARRIED_FORMATS}\` (a Server addition 2024 Clients ignore)`);
  return { format, sources: [j], signature: format, value: (set) => structuredClone(set[j] ?? null), recorded: f };
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
