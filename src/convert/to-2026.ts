/** 2024 → 2026: a segment's format strings become value formats, its values value objects (the mapping table, `mapping.ts`). */
import { isObject } from '../json.js';
import { CARRIED_PREFIX, COLUMN_ROWS, COPIED_FIELDS, SUPPLY_MIX_ROWS, type ColumnRow, type SupplyMixRow } from './mapping.js';
import { at, copyExtras, idsFor, type Notes, type Obj } from './notes.js';

const ROW_BY_FORMAT = new Map(COLUMN_ROWS.map((r) => [r.format, r]));
const MIX_BY_COMPONENT = new Map(SUPPLY_MIX_ROWS.map((r) => [r.component, r]));
const KNOWN_2024 = new Set<string>([...COPIED_FIELDS, 'format', 'values', 'related_eacs']);

/** One output column of a 2024 → 2026 conversion: its value format and how to read its value from a 2024 value set. */
interface Column2026 {
  format: Obj;
  value: (set: unknown[], k: number) => unknown;
}

/** One 2024 segment in the 2026 model; `base` is its pointer in the input. */
export function segmentTo2026(seg: Obj, base: string, notes: Notes): Obj {
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
