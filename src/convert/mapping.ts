/**
 * The ONE mapping table between the 2024 model (the 2024 draft with the
 * meeting's proposals) and the 2026 development draft. The converter, the
 * converting guide (docs/converting.md) and the tests all read these tables;
 * a row says how one thing crosses, both ways, and whether it crosses whole.
 *
 * Sources: 2024 — the draft's §11.1/§11.2 and the meeting's examples and
 * proposals (../shared/design/usage-segments.md); 2026 — the development
 * draft §10.8.1 (segment fields), §10.8.5.1 (electric usage: `units`,
 * `direction`, `quality`, value key `eu`), §10.8.5.3 (supply mix: one column
 * per attribution and supply type, `indexes`, value `{sm, ci, eacs}`),
 * §10.8.5.4/5 (water, natural gas), §10.8.7 (the enumerations).
 */

/** Where a 2024 vocabulary comes from (see the package's source classes). */
export type SourceClass = 'draft' | 'example' | 'proposal' | 'decision';

/** A 2024 format string and the 2026 value format it becomes. */
export interface ColumnRow {
  /** The 2024 `format` string. */
  readonly format: string;
  readonly class: SourceClass;
  /** The 2026 value format, without `id` (the converter uses the 2024 string as `id`). */
  readonly type: string;
  readonly units?: string;
  readonly direction?: 'forward' | 'reverse' | 'net';
  readonly quality?: 'valid' | 'estimated' | 'raw';
  /** The number's key in the 2026 value object (the 2024 key is always `v`). */
  readonly valueKey: string;
  /**
   * The power of ten between the units: the 2026 number is the 2024 number
   * times 10^scale, moved on its decimal digits (0 when absent). Reported as
   * an assumption, since the 2024 draft defines no value object (ER-2).
   */
  readonly scale?: number;
  readonly note?: string;
}

const KWH_QUALITY = [
  ['', 'valid', 'validated, as the minutes of 2024-08-08 propose for the plain string (min L24); the string itself does not say so, so the conversion reports it as an assumption'],
  ['_estimate', 'estimated', 'the meeting\'s `_estimate` proposal'],
  ['_raw', 'raw', 'the meeting\'s `_raw` proposal'],
] as const;

const DIRECTIONS = [
  ['fwd', 'forward'],
  ['rev', 'reverse'],
  ['net', 'net'],
] as const;

/**
 * Energy columns. Numbers cross unchanged: the 2026 draft writes energy sent
 * back to the grid as a negative number for every direction (§10.8.5.1.2
 * L5567), and the one 2024 text that shows a sign, the overview's `kwh_rev`
 * (ov-08 L666–676), does the same; the 2024 draft says nothing (no value
 * object, ER-2). So a reverse column's sign is an assumption, reported.
 */
export const COLUMN_ROWS: readonly ColumnRow[] = [
  ...DIRECTIONS.flatMap(([short, direction]) =>
    KWH_QUALITY.map(
      ([suffix, quality, how]): ColumnRow => ({
        format: `kwh_${short}${suffix}`,
        class: suffix === '' ? 'example' : 'proposal',
        type: 'electric_usage',
        units: 'kWh',
        direction,
        quality,
        valueKey: 'eu',
        note: `quality \`${quality}\`: ${how}`,
      }),
    ),
  ),
  { format: 'usage_kwh', class: 'draft', type: 'electric_usage', units: 'kWh', valueKey: 'eu', note: 'no direction: the 2026 `direction` is omitted (unknown)' },
  { format: 'usage_fwd_kwh', class: 'draft', type: 'electric_usage', units: 'kWh', direction: 'forward', valueKey: 'eu' },
  { format: 'usage_rev_kwh', class: 'draft', type: 'electric_usage', units: 'kWh', direction: 'reverse', valueKey: 'eu' },
  { format: 'usage_net_kwh', class: 'draft', type: 'electric_usage', units: 'kWh', direction: 'net', valueKey: 'eu' },
  { format: 'water_m3', class: 'draft', type: 'water_usage', units: 'm3', valueKey: 'wu' },
  { format: 'water_gal', class: 'draft', type: 'water_usage', units: 'gal', valueKey: 'wu' },
  { format: 'water_ft3', class: 'draft', type: 'water_usage', units: 'ft3', valueKey: 'wu' },
  { format: 'gas_therm', class: 'draft', type: 'natural_gas_usage', units: 'therm', valueKey: 'gu' },
  { format: 'gas_ccf', class: 'draft', type: 'natural_gas_usage', units: 'CCF', valueKey: 'gu' },
  { format: 'gas_mcf', class: 'draft', type: 'natural_gas_usage', units: 'MCF', valueKey: 'gu' },
  {
    format: 'gas_mmbtu',
    class: 'draft',
    type: 'natural_gas_usage',
    units: 'Btu',
    valueKey: 'gu',
    scale: 6,
    note: 'the 2026 unit list has no MMBtu; 1 MMBtu = 1,000,000 Btu exactly, so the numbers move six decimal places (an assumption, reported)',
  },
];

/**
 * 2026 units with no 2024 string of their own that cross exactly to one by
 * moving the decimal point (on the number's decimal digits, never through a
 * binary multiplication): per value type, the unit, the 2024 row's unit and
 * the power of ten (the 2024 number is the 2026 number times 10^places).
 * The factors are the unit definitions of the 2026 draft (§10.8.7.1,
 * L5807–5840) and SI (1 L = 0.001 m3).
 */
export const UNIT_SCALES: Readonly<Record<string, Readonly<Record<string, { readonly to: string; readonly places: number }>>>> = {
  electric_usage: { Wh: { to: 'kWh', places: -3 }, MWh: { to: 'kWh', places: 3 } },
  water_usage: { L: { to: 'm3', places: -3 } },
  natural_gas_usage: { ft3: { to: 'CCF', places: -2 }, MMCF: { to: 'MCF', places: 3 } },
};

/** @deprecated Use UNIT_SCALES.electric_usage; kept because the package's `convert` export has it. */
export const KWH_SCALE: Readonly<Record<string, number>> = {
  kWh: 0,
  ...Object.fromEntries(Object.entries(UNIT_SCALES.electric_usage!).map(([u, s]) => [u, s.places])),
};

/**
 * 2026 qualities with no 2024 suffix, and the 2024 column they are written
 * as. Each is reported as a loss. `revenue` and `corrected` are what tell
 * settlement runs apart in 2026 (billed, then corrected after billing).
 */
export const QUALITY_FALLBACK: Readonly<Record<string, { suffix: string; why: string }>> = {
  revenue: { suffix: '', why: 'revenue quality (billed; a settlement run) has no 2024 counterpart; written as the validated column' },
  corrected: { suffix: '', why: 'corrected quality (a post-billing settlement run) has no 2024 counterpart; written as the validated column' },
  calculated: { suffix: '', why: 'calculated quality has no 2024 counterpart; written as the validated column' },
  website: { suffix: '', why: 'website quality has no 2024 counterpart; written as the validated column' },
  manual: { suffix: '_raw', why: 'manual quality (a hand-read meter) has no 2024 counterpart; written as the raw column' },
};

/** A 2024 supply-mix component `type` and the 2026 supply-mix column it becomes. */
export interface SupplyMixRow {
  readonly component: string;
  readonly class: SourceClass;
  readonly attribution: 'base' | 'individual' | 'residual';
  readonly supplyType: string;
  /** False when the correspondence is approximate; the converter reports it as a loss. */
  readonly exact: boolean;
  readonly note?: string;
}

const SOURCES = ['solar', 'wind', 'hydro', 'geothermal', 'biomass', 'nuclear', 'storage', 'natural_gas', 'coal', 'oil'] as const;

export const SUPPLY_MIX_ROWS: readonly SupplyMixRow[] = [
  { component: 'voluntary/ppa_specific', class: 'proposal', attribution: 'individual', supplyType: 'general', exact: true, note: 'supply attributed to the customer (contracts, PPAs): 2026 `individual`' },
  { component: 'grid_supply', class: 'proposal', attribution: 'base', supplyType: 'general', exact: false, note: 'approximate: the meeting\'s grid supply read as the 2026 base attribution' },
  { component: 'residual', class: 'proposal', attribution: 'residual', supplyType: 'general', exact: true },
  ...SOURCES.map(
    (s): SupplyMixRow => ({ component: s, class: 'example', attribution: 'base', supplyType: s, exact: false, note: 'approximate: a 2024 source share names no attribution; read as the base attribution' }),
  ),
];

/** What a 2024 supply-mix component's numbers become. */
export const SUPPLY_MIX_VALUE = { mix: 'sm', gco2_per_kwh: 'ci' } as const;

/** Segment fields: how each crosses. */
export interface FieldRow {
  readonly field2024?: string;
  readonly field2026?: string;
  readonly how: string;
}

export const COPIED_FIELDS = [
  'cds_usagesegment_id',
  'cds_created',
  'cds_modified',
  'related_aggregations',
  'related_accounts',
  'related_servicecontracts',
  'related_servicepoints',
  'related_meterdevices',
  'related_billsections',
  'segment_start',
  'segment_end',
  'interval',
] as const;

/** The copied fields that are date-times (RFC 3339 in 2026, §2; "ISO8601" in 2024, L447). */
export const DATE_TIME_FIELDS: readonly string[] = ['cds_created', 'cds_modified', 'segment_start', 'segment_end'];

export const FIELD_ROWS: readonly FieldRow[] = [
  ...COPIED_FIELDS.map(
    (f): FieldRow => ({
      field2024: f,
      field2026: f,
      how: DATE_TIME_FIELDS.includes(f)
        ? 'copied; 2024 → 2026: an ISO 8601 date-time that is not RFC 3339 (`20240201T000000Z`, `+0100`, no seconds, a comma) is written in RFC 3339, the same instant; one without an offset is read as UTC (an assumption, reported)'
        : 'copied',
    }),
  ),
  { field2024: 'format', field2026: 'formats', how: 'each string becomes a value format object (COLUMN_ROWS); `id` is the 2024 string (with `_2`, `_3`, … when it repeats)' },
  { field2024: 'values', field2026: 'values', how: 'value sets keep their order; each value object is rewritten for its column' },
  { field2026: 'cds_synced', how: '2024 → 2026: set to `cds_modified` (2024 has no sync time; an assumption, reported); 2026 → 2024: dropped, a loss unless it equals `cds_modified`' },
  { field2024: 'related_eacs', how: '2024 → 2026: no segment-level counterpart (2026 names certificates per supply-mix value, `eacs`): a loss' },
  {
    field2024: 'cds2026_formats',
    how: "2026 → 2024: written when a column is carried as `cds2026_<type>`: a list beside `format` holding each carried column's 2026 value format (`null` for the others), a Server addition 2024 Clients ignore; 2024 → 2026: read back, so the column gets its value format again",
  },
];

/** The `type` prefix under which a 2024 column with no 2026 counterpart is carried (an undeclared Server type; Clients ignore it). */
export const CARRIED_PREFIX = 'cds2024_';

/** The 2024 format prefix under which a 2026 column with no 2024 string is carried (a 2024 extension format; Clients ignore it). */
export const CARRIED_PREFIX_2026 = 'cds2026_';

/** The 2024 segment member that keeps the 2026 value formats of carried columns, so that they come back whole (FIELD_ROWS). */
export const CARRIED_FORMATS = 'cds2026_formats';

/**
 * The key under which a carried 2024 value that is not an object is wrapped:
 * a 2026 value set holds value objects or `null` (§10.8.4 L5498), while a
 * 2024 extension column may hold any JSON value. An object that has this key
 * alone is wrapped too, so unwrapping is exact.
 */
export const WRAPPED_VALUE = 'cds2024_value';
