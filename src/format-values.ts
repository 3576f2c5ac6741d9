/**
 * The value object each format carries, as types: a known format's values
 * have their own type (`kwh_fwd` → `EnergyValue`, so `{ v: '1.2' }` does not
 * compile), and any other format is an extension format with `ExtensionValue`s.
 * "Extension" is this package's one word for a format it does not know.
 */
import type { EnergyValue, ExtensionValue, GapValue, KnownFormat, SupplyMix } from '../generated/2024/types.js';

/** Known format → its value object, as the spec's `KnownFormat` description states. */
export interface KnownFormatValues {
  kwh_fwd: EnergyValue;
  kwh_rev: EnergyValue;
  kwh_net: EnergyValue;
  kwh_fwd_estimate: EnergyValue;
  kwh_rev_estimate: EnergyValue;
  kwh_net_estimate: EnergyValue;
  kwh_fwd_raw: EnergyValue;
  kwh_rev_raw: EnergyValue;
  kwh_net_raw: EnergyValue;
  gap: GapValue;
  supply_mix: SupplyMix;
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
