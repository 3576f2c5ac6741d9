/**
 * `readRows` for 2026 segments: each cell narrowed by its column's Value
 * Format (see reader.ts for the rows and the 2024 cells). Values are read
 * with the same predicates the checker's `value-type` rule uses
 * (columns/values.ts), so a cell is `null` exactly where the value is `null`
 * or would be reported.
 */
import type {
  CostValueFormat,
  ElectricSupplyMixValueFormat,
  MeterReadingsValueFormat,
  ValueFormat,
} from './models/generated-2026.js';
import type { ValueTypes } from './models/generated-2026.js';
import { energyNumber, readingText, shareOf } from './columns/values.js';
import { isObject } from './json.js';
import { isKnownValueType } from './models/model-2026.js';
import { VALUE_KEY_BY_TYPE } from './models/generated-2026.js';

/** The value types whose value is an amount in the format's `units`. */
export type AmountType = 'electric_usage' | 'electric_demand' | 'water_usage' | 'natural_gas_usage' | 'fuel_oil_usage';

/** An amount (usage or demand) in the Value Format's `units`. */
export interface AmountCell<T extends AmountType = AmountType> {
  known: true;
  type: T;
  /** Position in `formats` / the value set. */
  column: number;
  /** The column's Value Format (the segment's own object, not a copy). */
  format: ValueTypes[T]['format'];
  /** The format's `units`, `null` if it has none. */
  units: string | null;
  /** The format's `direction` (electric usage and demand), `null` when left out (unknown). */
  direction: string | null;
  /** The format's `quality`, `null` when left out (unknown). */
  quality: string | null;
  /** The amount; `null` when the value is `null` or not a finite number under the type's key (`eu`, `ed`, `wu`, `gu`, `fu`). */
  value: number | null;
}

/** Money for the interval, in the format's `currency`. */
export interface CostCell {
  known: true;
  type: 'cost';
  column: number;
  format: CostValueFormat;
  currency: string | null;
  /** `c`; `null` when missing or not a finite number. */
  value: number | null;
}

/** One component of the supply mix of the columns named by the format's `indexes`. */
export interface SupplyShareCell {
  known: true;
  type: 'electric_supply_mix';
  column: number;
  format: ElectricSupplyMixValueFormat;
  attribution: string | null;
  supply_type: string | null;
  /** `sm`, a ratio from 0 to 1; `null` when the value is `null` or malformed (then `ci` and `eacs` are `null` too). */
  share: number | null;
  /** `ci` (gCO2e/kWh), `null` when absent. */
  ci: number | null;
  /** `eacs` (the value's own array), `null` when absent. */
  eacs: string[] | null;
}

/** A register reading, as the string the meter showed at the start of the interval. */
export interface ReadingCell {
  known: true;
  type: 'meter_readings';
  column: number;
  format: MeterReadingsValueFormat;
  units: string | null;
  register: string | null;
  /** `r`; `null` when missing or not a string. */
  reading: string | null;
}

/** A column of a type the draft does not define (declared by the Server or an extension), or a malformed Value Format: the raw value. */
export interface OtherCell {
  known: false;
  /** The format's `type` (`''` when it has none). */
  type: string;
  column: number;
  format: ValueFormat | null;
  value: unknown;
}

/** A cell of a 2026 row: narrow with `known`, then `type`. */
export type Cell2026 = { [T in AmountType]: AmountCell<T> }[AmountType] | CostCell | SupplyShareCell | ReadingCell | OtherCell;

const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

/** A column's reader: turns the entry of a value set into its cell. */
export type CellReader2026 = (v: unknown) => Cell2026;

/** The reader of one column, from its Value Format (decided once per column, not per value). */
export function cellReader2026(f: unknown, column: number): CellReader2026 {
  if (!isObject(f) || !isKnownValueType(f.type)) {
    const type = isObject(f) && typeof f.type === 'string' ? f.type : '';
    const format = isObject(f) ? (f as unknown as ValueFormat) : null;
    return (v) => ({ known: false, type, column, format, value: v ?? null });
  }
  const type = f.type;
  const key = VALUE_KEY_BY_TYPE[type];
  switch (type) {
    case 'cost': {
      const format = f as unknown as CostValueFormat;
      const currency = str(f.currency);
      return (v) => ({ known: true, type, column, format, currency, value: energyNumber(v, key) ?? null });
    }
    case 'electric_supply_mix': {
      const format = f as unknown as ElectricSupplyMixValueFormat;
      const attribution = str(f.attribution);
      const supply_type = str(f.supply_type);
      return (v) => {
        const s = shareOf(v);
        return { known: true, type, column, format, attribution, supply_type, share: s?.sm ?? null, ci: s?.ci ?? null, eacs: s?.eacs ?? null };
      };
    }
    case 'meter_readings': {
      const format = f as unknown as MeterReadingsValueFormat;
      const units = str(f.units);
      const register = str(f.register);
      return (v) => ({ known: true, type, column, format, units, register, reading: readingText(v, key) ?? null });
    }
    default: {
      const format = f as unknown as ValueTypes[AmountType]['format'];
      const units = str(f.units);
      const direction = str(f.direction);
      const quality = str(f.quality);
      return (v) => ({ known: true, type, column, format, units, direction, quality, value: energyNumber(v, key) ?? null }) as Cell2026;
    }
  }
}
