/**
 * The value object each format carries, as types: a known format's values
 * have their own type (`kwh_fwd` → `EnergyValue`, so `{ v: '1.2' }` does not
 * compile), and any other format is an extension format with `ExtensionValue`s.
 * "Extension" is this package's one word for a format it does not know.
 */
import type { EnergyValue, ExtensionValue, GapValue, KnownFormat, SupplyMix } from './models/generated-2024.js';

/**
 * Known format → its value object, as the vocabularies' descriptions state:
 * the examples' and proposals' shapes, and for the draft's own list the
 * shapes this package decides (its §11.4 is missing): `EnergyValue` for the
 * numeric formats, `SupplyMix` for `supply_mix`, any JSON for `eacs`.
 */
export interface KnownFormatValues {
  // The draft's §11.2 list.
  usage_kwh: EnergyValue;
  usage_fwd_kwh: EnergyValue;
  usage_rev_kwh: EnergyValue;
  usage_net_kwh: EnergyValue;
  aggregated_kwh: EnergyValue;
  demand_kw: EnergyValue;
  water_m3: EnergyValue;
  water_gal: EnergyValue;
  water_ft3: EnergyValue;
  gas_therm: EnergyValue;
  gas_ccf: EnergyValue;
  gas_mcf: EnergyValue;
  gas_mmbtu: EnergyValue;
  supply_mix: SupplyMix;
  eacs: ExtensionValue;
  // The examples' strings.
  kwh_fwd: EnergyValue;
  kwh_rev: EnergyValue;
  kwh_net: EnergyValue;
  // The meeting's proposals.
  kwh_fwd_estimate: EnergyValue;
  kwh_rev_estimate: EnergyValue;
  kwh_net_estimate: EnergyValue;
  kwh_fwd_raw: EnergyValue;
  kwh_rev_raw: EnergyValue;
  kwh_net_raw: EnergyValue;
  gap: GapValue;
}

// The map covers exactly the spec's known formats: a format added to or
// removed from the spec fails to compile here until the map follows.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _exact: Same<keyof KnownFormatValues, KnownFormat> = true;
void _exact;

/** The value object of format `F` (without `null`, which every position may hold). */
export type FormatValue<F extends string> = F extends KnownFormat ? KnownFormatValues[F] : ExtensionValue;

/** A value set for the formats `F` in order: each position typed by its format, or `null`. */
export type ValueSetOf<F extends readonly string[]> = { [K in keyof F]: FormatValue<F[K]> | null };
