/**
 * The ONE mapping table from Green Button (NAESB REQ.21 ESPI) to the 2026
 * usage-segment model. The importer (`build.ts`), the guide's generated
 * section (docs/guide-green-button.md, by scripts/sync-docs.mjs) and the
 * tests all read these rows.
 *
 * Every row is a **Decision** of this package: the working group has no
 * ESPI mapping yet (its planned CDS-WG3-02, "OpenESPI compatibility", does
 * not exist). The ESPI side of each row is an element name and code of the
 * public ESPI schema (espi.xsd) as public schema-derived code spells it
 * (the Green Button Alliance's OpenESPI-GreenButton-Java enumerations and
 * VerdigrisTech/green-button-data's); the NAESB text itself is not public.
 * The CDS side is the 2026 development draft's §10.8.5 value formats and
 * §10.8.7 enumerations.
 */

/** The public basis every row cites. */
export const ESPI_BASIS = 'espi.xsd element and code names, as public schema-derived code spells them (OpenESPI-GreenButton-Java, green-button-data)';

/** ESPI `ReadingType/uom` × `powerOfTenMultiplier` → a 2026 column. */
export interface UomRow {
  /** ESPI `uom` code. */
  readonly uom: number;
  /** Its schema name. */
  readonly espi: string;
  /** The 2026 value type, or null when readings of this unit are not carried (reported as a loss). */
  readonly type: string | null;
  /** The value object's key. */
  readonly valueKey?: string;
  /**
   * `units` by `powerOfTenMultiplier`: a multiplier listed here keeps the
   * number as published; any other multiplier uses `units[0]`'s unit (at
   * multiplier 0) and moves the decimal point of the number exactly.
   */
  readonly units?: readonly (readonly [multiplier: number, units: string])[];
  readonly note: string;
}

export const UOM_ROWS: readonly UomRow[] = [
  {
    uom: 72,
    espi: 'Wh (watt-hour)',
    type: 'electric_usage',
    valueKey: 'eu',
    units: [
      [0, 'Wh'],
      [3, 'kWh'],
      [6, 'MWh'],
    ],
    note: 'energy per reading: `electric_usage`',
  },
  {
    uom: 38,
    espi: 'W (watt)',
    type: 'electric_demand',
    valueKey: 'ed',
    units: [
      [0, 'W'],
      [3, 'kW'],
      [6, 'MW'],
    ],
    note: '`electric_demand`; `demand_type` from `dataQualifier` (below); readings with any other qualifier are not carried',
  },
  {
    uom: 169,
    espi: 'therm',
    type: 'natural_gas_usage',
    valueKey: 'gu',
    units: [[0, 'therm']],
    note: '`natural_gas_usage` in therm (a multiplier such as −3 moves the decimal point)',
  },
  { uom: 73, espi: 'VArh (reactive energy)', type: null, note: 'no 2026 type for reactive energy: readings reported, not carried' },
  { uom: 63, espi: 'VAr (reactive power)', type: null, note: 'no 2026 type for reactive power: readings reported, not carried' },
  { uom: 42, espi: 'm3', type: null, note: 'water or gas by volume: the commodity decides, which this importer does not read yet; reported, not carried' },
  { uom: 119, espi: 'ft3', type: null, note: 'as m3: reported, not carried' },
  { uom: 132, espi: 'Btu', type: null, note: 'fuel not named by the unit: reported, not carried' },
];

/** `dataQualifier` → `demand_type` for `electric_demand` columns. */
export const DEMAND_ROWS: readonly { readonly code: number; readonly espi: string; readonly cds: string }[] = [
  { code: 2, espi: 'average', cds: 'average' },
  { code: 8, espi: 'maximum', cds: 'peak' },
];

/** ESPI `ReadingType/flowDirection` → 2026 `direction`. */
export interface DirectionRow {
  readonly code: number;
  readonly espi: string;
  /** null: the column has no `direction` (omitted = unknown, draft §10.8.7.2). */
  readonly direction: 'forward' | 'reverse' | 'net' | null;
  /** Multiply published numbers by this (the 2026 sign: positive is grid to customer for every direction). */
  readonly sign: 1 | -1;
  /** The code says something the column cannot: reported. */
  readonly reported: boolean;
  readonly note: string;
}

export const DIRECTION_ROWS: readonly DirectionRow[] = [
  { code: 0, espi: 'none', direction: null, sign: 1, reported: false, note: 'not applicable: `direction` omitted' },
  { code: 1, espi: 'forward', direction: 'forward', sign: 1, reported: false, note: 'delivered to the customer' },
  {
    code: 19,
    espi: 'reverse',
    direction: 'reverse',
    sign: -1,
    reported: true,
    note: 'received from the customer; ESPI publishes the amount as a positive number, the 2026 draft writes it negative (§10.8.5.1, positive = grid to customer for every direction): numbers are negated, and the report says so',
  },
  { code: 4, espi: 'net', direction: 'net', sign: 1, reported: false, note: 'net of both directions, sign as published' },
  { code: 20, espi: 'total', direction: null, sign: 1, reported: true, note: 'forward plus reverse magnitudes: no 2026 direction; `direction` omitted and reported' },
];

/** ESPI `ReadingQuality/quality` (and `ReadingType/defaultQuality`) → 2026 `quality`. */
export interface QualityRow {
  readonly code: number;
  readonly espi: string;
  /** null: no 2026 counterpart; the column has no `quality` and the report says so. */
  readonly quality: string | null;
}

export const QUALITY_ROWS: readonly QualityRow[] = [
  { code: 0, espi: 'valid', quality: 'valid' },
  { code: 7, espi: 'manually edited', quality: 'manual' },
  { code: 8, espi: 'estimated using reference day', quality: 'estimated' },
  { code: 9, espi: 'estimated using linear interpolation', quality: 'estimated' },
  { code: 10, espi: 'questionable', quality: null },
  { code: 11, espi: 'derived', quality: 'calculated' },
  { code: 12, espi: 'projected (forecast)', quality: null },
  { code: 13, espi: 'mixed', quality: null },
  { code: 14, espi: 'raw', quality: 'raw' },
  { code: 15, espi: 'normalized for weather', quality: null },
  { code: 16, espi: 'other', quality: null },
  { code: 17, espi: 'validated', quality: 'valid' },
  { code: 18, espi: 'verified', quality: 'valid' },
  { code: 19, espi: 'revenue quality', quality: 'revenue' },
];

/** ISO 4217 numeric (`ReadingType/currency`) → alphabetic (`cost` column `currency`). */
export const CURRENCY_ROWS: readonly { readonly code: number; readonly currency: string }[] = [
  { code: 36, currency: 'AUD' },
  { code: 124, currency: 'CAD' },
  { code: 156, currency: 'CNY' },
  { code: 208, currency: 'DKK' },
  { code: 356, currency: 'INR' },
  { code: 392, currency: 'JPY' },
  { code: 578, currency: 'NOK' },
  { code: 752, currency: 'SEK' },
  { code: 756, currency: 'CHF' },
  { code: 826, currency: 'GBP' },
  { code: 840, currency: 'USD' },
  { code: 978, currency: 'EUR' },
];

/** ESPI `cost` is in hundred-thousandths of the currency: the decimal point moves this many places. */
export const COST_SHIFT = -5;

/**
 * Readings longer than this (25 hours, the longest clock day) are periods of
 * varying length such as billing periods: one segment each, with one value
 * set, as the 2026 draft requires for them (§10.8.1, line 41 of
 * ../shared/drafts/2026-dev-usage-segments.md), even when two neighbours
 * happen to have the same length.
 */
export const PERIOD_SECONDS = 90000;

/** `ReadingType/consumptionTier` n (1–9) → `tier_n`; 0 is "not applicable" (no `tier`). */
export const TIER_MAX = 9;

/**
 * The other rows of the table: how fields, timing and relations cross.
 * `option` names the importer option that changes the row, if any.
 */
export interface RuleRow {
  readonly espi: string;
  readonly cds: string;
  readonly option?: string;
}

export const RULE_ROWS: readonly RuleRow[] = [
  {
    espi: '`IntervalReading/timePeriod` (`start`, `duration`: integer seconds since 1970 UTC)',
    cds: 'one segment per run of readings of one MeterReading that have equal durations, follow each other without a hole or overlap, and (by default) share a quality; `interval` = the duration. A DST day (82,800 or 90,000 s) starts a new segment. A reading longer than 90,000 s (25 hours: a billing period) is a segment of its own with one value set, as the draft requires for periods of varying length (§10.8.1).',
  },
  {
    espi: 'a reading whose `timePeriod` lies outside its block\'s `interval`',
    cds: 'kept at its own time, and reported (the reading\'s time is the more specific one)',
  },
  {
    espi: 'an `IntervalBlock` whose `link rel="self"` href was already published in the feed',
    cds: 'a revision in place: the later publication replaces the earlier one\'s readings, which are reported as superseded',
  },
  {
    espi: 'quality varying within a run',
    cds: 'split into segments, one per run of equal quality (default); or one column per quality, a reading\'s value in its quality\'s column and null in the others',
    option: 'quality: "split" (default) | "columns"; CLI --quality-columns',
  },
  {
    espi: '`IntervalReading/value` × 10^`powerOfTenMultiplier`',
    cds: 'the value object\'s number in `units` (the decimal point moved exactly, never by a binary multiplication)',
  },
  {
    espi: '`IntervalReading/cost` with `ReadingType/currency`',
    cds: 'a `cost` column (`indexes`: the usage columns) in the currency\'s ISO 4217 letters, value = cost ÷ 100,000; a reading without cost has null; an unknown or absent currency drops the cost column (reported)',
  },
  {
    espi: '`ReadingType/tou` (1…)',
    cds: 'not carried: ESPI numbers its periods (A, B, …), the draft names them (peak, off_peak, …) and nothing in the feed says which is which; reported',
  },
  {
    espi: '`ReadingType/consumptionTier` n',
    cds: '`tier_n` for 1–9, omitted for 0; any other value reported',
  },
  {
    espi: 'entry `link rel="self"`/`"related"`/`"up"` hrefs',
    cds: 'relations: a MeterReading owns the IntervalBlocks its related hrefs name (the block\'s self or up href), or that name it; its ReadingType is the one its related hrefs name; its UsagePoint is the one whose related hrefs name the MeterReading (or its feed), or that it names. The UsagePoint\'s self href is the segment\'s `related_servicepoints`; the other related lists are empty',
  },
  {
    espi: '(no account in ESPI)',
    cds: '`related_accounts` is empty, or the accounts the caller names (option `accounts`; the reference Server\'s `import --account`)',
    option: 'accounts: string[]',
  },
  {
    espi: 'IntervalBlock entry `published` / `updated`; feed `updated`',
    cds: '`cds_created` (earliest `published`) / `cds_modified` (latest `updated`) of the blocks a segment draws on; `cds_synced` = the feed\'s `updated` (when the Data Custodian produced the feed); a missing or date-only time falls back (feed `updated`, then the import time), reported',
  },
  {
    espi: 'MeterReading self href + segment start',
    cds: '`cds_usagesegment_id` = `<MeterReading self href>@<start, seconds since 1970>`: stable across re-imports of the same feed',
  },
  {
    espi: 'a reading without its ReadingType (no MeterReading, or a MeterReading naming no ReadingType in the feed)',
    cds: 'not carried: one error-level loss (`no-reading-type`) naming the blocks and counting their readings',
  },
  {
    espi: 'LocalTimeParameters; UsageSummary, ElectricPowerUsageSummary, ElectricPowerQualitySummary and other resources',
    cds: 'LocalTimeParameters is read and not needed (ESPI times are already seconds since 1970 UTC, and 2026 times are instants); the summaries are not usage segments: not carried, reported once per kind',
  },
];

const byCode = <T extends { readonly code: number }>(rows: readonly T[]): ReadonlyMap<number, T> => new Map(rows.map((r) => [r.code, r]));

export const UOM_BY_CODE: ReadonlyMap<number, UomRow> = new Map(UOM_ROWS.map((r) => [r.uom, r]));
export const DIRECTION_BY_CODE = byCode(DIRECTION_ROWS);
export const QUALITY_BY_CODE = byCode(QUALITY_ROWS);
export const CURRENCY_BY_CODE = byCode(CURRENCY_ROWS);
export const DEMAND_BY_CODE = byCode(DEMAND_ROWS);
