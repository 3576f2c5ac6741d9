/** 2024 → 2026: a segment's format strings become value formats, its values value objects (the mapping table, `mapping.ts`). */
import { isObject, setMember } from '../json.js';
import { toRfc3339 } from './datetime.js';
import { shiftDecimal } from './decimal.js';
import { CARRIED_FORMATS, CARRIED_PREFIX, CARRIED_PREFIX_2026, COLUMN_ROWS, COPIED_FIELDS, DATE_TIME_FIELDS, SUPPLY_MIX_ROWS, WRAPPED_VALUE, type ColumnRow, type SupplyMixRow } from './mapping.js';
import { at, copyExtras, idsFor, type Notes, type Obj } from './notes.js';

const ROW_BY_FORMAT = new Map(COLUMN_ROWS.map((r) => [r.format, r]));
const MIX_BY_COMPONENT = new Map(SUPPLY_MIX_ROWS.map((r) => [r.component, r]));
const KNOWN_2024 = new Set<string>([...COPIED_FIELDS, 'format', 'values', 'related_eacs', CARRIED_FORMATS]);
/** 2026 segment fields a 2024 segment does not have, so a 2024 Server's own member of that name cannot cross. */
const RESERVED_2026 = new Set(['formats', 'cds_synced']);
const MIX_FIELDS = new Set(['type', 'mix', 'gco2_per_kwh']);

/** A 2024 date-time in another ISO 8601 spelling, written as RFC 3339 (the 2026 draft's §2), the same instant: an assumption, reported. */
function rewriteDateTime(out: Obj, field: string, base: string, notes: Notes): void {
  const r = toRfc3339(out[field]);
  if (r === undefined) return;
  const was = String(out[field]);
  out[field] = r.text;
  notes.assume(
    at(base, field),
    r.utcAssumed
      ? `"${was}" has no UTC offset, which an RFC 3339 date-time (2026 §2) needs; read as UTC and written as "${r.text}"`
      : `"${was}" is an ISO 8601 date-time (2024-09 §11.1 L447) but not RFC 3339 (2026 §2); written as "${r.text}", the same instant`,
  );
}

/** One output column of a 2024 → 2026 conversion: its value format and how to read its value from a 2024 value set. */
interface Column2026 {
  format: Obj;
  value: (set: unknown[], k: number) => unknown;
}

/** What a conversion of one segment needs everywhere: where it is and where its notes go. */
interface Ctx {
  base: string;
  notes: Notes;
  values: unknown[];
}

/** One 2024 segment in the 2026 model; `base` is its pointer in the input (and in the output: segments keep their places). */
export function segmentTo2026(seg: Obj, base: string, notes: Notes): Obj {
  const out: Obj = {};
  for (const f of COPIED_FIELDS) if (f in seg) out[f] = structuredClone(seg[f]);
  for (const f of DATE_TIME_FIELDS) rewriteDateTime(out, f, base, notes);
  out.cds_synced = out.cds_modified;
  notes.assume(at(base, 'cds_synced'), '2024 has no sync time; `cds_synced` is set to `cds_modified`');
  if ('related_eacs' in seg) {
    notes.loss(at(base, 'related_eacs'), 'no-counterpart', 'the 2026 draft has no segment-level certificate list (it names certificates per supply-mix value, `eacs`); `related_eacs` is dropped');
  }
  copyExtras(seg, KNOWN_2024, out, RESERVED_2026, { base, notes, to: '2026' });
  const format = (seg.format as unknown[]).map(String);
  const ctx: Ctx = { base, notes, values: Array.isArray(seg.values) ? (seg.values as unknown[]) : [] };
  const recorded = Array.isArray(seg[CARRIED_FORMATS]) ? (seg[CARRIED_FORMATS] as unknown[]) : [];
  const ids = idsFor(format);
  const columns: Column2026[] = [];
  /** The output columns of each 2024 column (a supply mix becomes several, an empty one none). */
  const outputsOf: number[][] = [];
  const mixFormats: Obj[] = [];
  const restored: Obj[] = [];
  let recordedUsed = 0;
  format.forEach((f, i) => {
    const first = columns.length;
    const row = ROW_BY_FORMAT.get(f);
    const rec = recorded[i];
    if (row && everyValue(ctx.values, i, isNumberValue)) {
      columns.push(rowColumn(ids[i]!, row, i, at(base, 'formats', first), ctx));
    } else if (f === 'supply_mix' && everyValue(ctx.values, i, isSupplyMix)) {
      for (const c of supplyMixColumns(i, ctx)) {
        columns.push(c);
        mixFormats.push(c.format);
      }
    } else if (f.startsWith(CARRIED_PREFIX_2026) && isObject(rec) && rec.type === f.slice(CARRIED_PREFIX_2026.length) && everyValue(ctx.values, i, isObject)) {
      // A 2026 column carried through 2024 comes back with its recorded value format.
      recordedUsed++;
      const back = structuredClone(rec);
      restored.push(back);
      columns.push({ format: back, value: (set) => structuredClone(set[i] ?? null) });
    } else {
      columns.push(carriedColumn(f, ids[i]!, i, first, whyCarried(f, row), ctx));
    }
    outputsOf.push(Array.from({ length: columns.length - first }, (_, n) => first + n));
  });
  if (CARRIED_FORMATS in seg && recordedUsed !== recorded.filter((r) => r !== null).length) {
    // Not every entry found its column (the list was edited, or a Server's own member of that name): it crosses as it is.
    out[CARRIED_FORMATS] = structuredClone(seg[CARRIED_FORMATS]);
  }
  for (const f of restored) if (Array.isArray(f.indexes)) f.indexes = remapIndexes(f.indexes, outputsOf);
  // A 2024 supply mix names no columns: it describes the energy of its value set, read as every electric-usage column.
  const usage = columns.flatMap((c, j) => (c.format.type === 'electric_usage' ? [j] : []));
  for (const f of mixFormats) {
    f.indexes = usage;
    notes.assume(at(base, 'formats', columns.findIndex((c) => c.format === f), 'indexes'), `a 2024 supply mix does not say which columns it describes; \`indexes\` lists every electric-usage column of the segment (${usage.length === 0 ? 'none' : usage.join(', ')})`);
  }
  out.formats = columns.map((c) => c.format);
  out.values = ctx.values.map((set, k) => (Array.isArray(set) ? columns.map((c) => c.value(set, k)) : structuredClone(set)));
  if (columns.length === 0) dropColumnlessValueSets(out, ctx);
  return out;
}

/** Every value set's entry at column `i` is null (or missing) or passes `ok`. */
function everyValue(values: unknown[], i: number, ok: (v: unknown) => boolean): boolean {
  return values.every((set) => !Array.isArray(set) || set[i] === undefined || set[i] === null || ok(set[i]));
}

const isNumberValue = (v: unknown) => isObject(v) && typeof v.v === 'number';
const isSupplyMix = (v: unknown) =>
  Array.isArray(v) && v.every((c) => isObject(c) && typeof c.type === 'string' && typeof c.mix === 'number' && (c.gco2_per_kwh === undefined || typeof c.gco2_per_kwh === 'number'));

/** Why a 2024 column is carried under the undeclared Server type. */
function whyCarried(f: string, row: ColumnRow | undefined): string {
  if (f === 'gap') return "the 2026 draft cannot disclose why data is missing (a gap's reason, the meeting's proposal)";
  if (row) return `the values of "${f}" are not all {"v": number} objects, which a 2026 ${row.type} value needs (the 2024 draft defines no value object, ER-2)`;
  if (f === 'supply_mix') return 'the values of "supply_mix" are not all lists of {type, mix: number, gco2_per_kwh?: number}, which the 2026 supply-mix columns need';
  if (f.startsWith(CARRIED_PREFIX_2026)) return `format "${f}" names a 2026 type, but its value format is not recorded in \`${CARRIED_FORMATS}\` (or its values are not objects)`;
  return `format "${f}" has no 2026 counterpart`;
}

/** A 2024 column with a row in the mapping table; the assumptions its row makes are reported at its output value format `fp`. */
function rowColumn(id: string, row: ColumnRow, i: number, fp: string, ctx: Ctx): Column2026 {
  const f: Obj = { id, type: row.type };
  if (row.units !== undefined) f.units = row.units;
  if (row.direction !== undefined) f.direction = row.direction;
  if (row.quality !== undefined) f.quality = row.quality;
  if (row.quality === 'valid') ctx.notes.assume(at(fp, 'quality'), `"${row.format}" does not say its quality; read as validated, as the minutes of 2024-08-08 propose for the plain string`);
  if (row.direction === 'reverse') {
    ctx.notes.assume(at(fp, 'direction'), `numbers cross unchanged: the 2026 draft writes energy sent to the grid as negative (§10.8.5.1.2 L5567); the 2024 draft gives "${row.format}" no sign, and the one 2024 text that shows one (the overview's kwh_rev) writes it negative too`);
  }
  if (row.scale) ctx.notes.assume(at(fp, 'units'), `"${row.format}" has no 2026 unit; written in ${row.units} (numbers times 10^${row.scale}, exactly, on their decimal digits)`);
  const scale = row.scale ?? 0;
  return {
    format: f,
    value: (set, k) => {
      const v = set[i];
      if (!isObject(v)) return null;
      const o: Obj = { [row.valueKey]: shiftDecimal(v.v as number, scale) };
      for (const [name, x] of Object.entries(v)) {
        if (name === 'v') continue;
        // Other fields cross as they are (Clients of both models ignore unknown fields), except one that would take the number's key.
        if (name === row.valueKey) ctx.notes.loss(at(ctx.base, 'values', k, i, name), 'dropped', `value field "${name}" has the name of the 2026 number's key; dropped`);
        else setMember(o, name, structuredClone(x));
      }
      return o;
    },
  };
}

/**
 * A 2024 column with no 2026 counterpart, carried under the undeclared Server
 * type `cds2024_<format>` (Clients ignore it). A value that is not an object
 * is wrapped as `{"cds2024_value": …}` (a 2026 value set holds objects).
 */
function carriedColumn(f: string, id: string, i: number, j: number, why: string, ctx: Ctx): Column2026 {
  ctx.notes.loss(at(ctx.base, 'format', i), 'no-counterpart', `${why}; the column is carried under the undeclared Server type "${CARRIED_PREFIX}${f}", which Clients ignore unless the Server declares it in cds_usagesegments_additional_value_types`);
  const wrapped = ctx.values.filter((set) => Array.isArray(set) && needsWrap(set[i])).length;
  if (wrapped > 0) {
    ctx.notes.assume(at(ctx.base, 'formats', j), `${wrapped === 1 ? '1 value' : `${wrapped} values`} of this column ${wrapped === 1 ? 'is' : 'are'} not a JSON object, which a 2026 value set needs; each is wrapped as {"${WRAPPED_VALUE}": …}`);
  }
  return {
    format: { id, type: CARRIED_PREFIX + f },
    value: (set) => {
      const v = set[i] ?? null;
      return needsWrap(v) ? { [WRAPPED_VALUE]: structuredClone(v) } : structuredClone(v);
    },
  };
}

/** Not null and not an object, or an object that would read as a wrapped value. */
export function needsWrap(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (!isObject(v)) return true;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === WRAPPED_VALUE;
}

/** A recorded value format's `indexes` (2024 columns) as 2026 columns; left as they are when one is not a column. */
function remapIndexes(indexes: unknown[], outputsOf: number[][]): unknown[] {
  if (!indexes.every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < outputsOf.length)) return indexes;
  return indexes.flatMap((n) => outputsOf[n as number]!);
}

/** The 2026 supply-mix columns of one 2024 `supply_mix` column: one per component type, in order of first appearance. */
function supplyMixColumns(i: number, ctx: Ctx): Column2026[] {
  const { base, notes, values } = ctx;
  const order: string[] = [];
  const firstSeen = new Map<string, string>();
  values.forEach((set, k) => {
    const mix = Array.isArray(set) ? set[i] : undefined;
    if (!Array.isArray(mix)) return;
    const inSet = new Set<string>();
    (mix as Obj[]).forEach((c, j) => {
      const type = c.type as string;
      const p = at(base, 'values', k, i, j);
      if (inSet.has(type)) notes.loss(at(p, 'type'), 'dropped', `supply-mix component "${type}" repeats in this value set; the 2026 draft has one column per class, so only the first is kept`);
      inSet.add(type);
      if (!firstSeen.has(type)) {
        firstSeen.set(type, p);
        order.push(type);
      }
      for (const extra of Object.keys(c)) {
        if (!MIX_FIELDS.has(extra)) notes.loss(at(p, extra), 'no-counterpart', `supply-mix field "${extra}" has no 2026 counterpart`);
      }
    });
    // The 2026 columns come in order of first appearance; a value set that lists them otherwise loses its order.
    const listed = (mix as Obj[]).map((c) => c.type as string).filter((t, idx, all) => all.indexOf(t) === idx);
    const expected = order.filter((t) => listed.includes(t));
    if (listed.join('\u0000') !== expected.join('\u0000')) notes.loss(at(base, 'values', k, i), 'dropped', 'the order of supply-mix components in this value set is not kept (2026 columns have one order for the whole segment)');
  });
  const out: Column2026[] = [];
  if (order.length === 0) {
    notes.loss(at(base, 'format', i), 'dropped', 'this supply-mix column has no component in any value set (all null or empty), so no 2026 supply-mix column (one per class) can carry it; it is dropped');
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

/**
 * A segment with no 2026 column (2024 `format: []`, or only columns that
 * cross as none) has `values: []` in 2026: `formats` is empty exactly when
 * `values` is (2026 §7.2.8.1 L2727, the check `withheld-values`). Its value
 * sets carry no value, only their count, which is the loss reported.
 */
function dropColumnlessValueSets(out: Obj, { base, notes, values }: Ctx): void {
  if (values.length === 0) return;
  out.values = [];
  notes.loss(
    at(base, 'values'),
    'dropped',
    `${values.length === 1 ? 'the 1 value set' : `the ${values.length} value sets`} of a segment with no 2026 column carry no value; a 2026 segment without columns has values [] (2026 §7.2.8.1), so they are dropped`,
  );
}
