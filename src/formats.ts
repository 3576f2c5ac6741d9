/** Classification of `format` strings into column kinds. */

export type Quantity = 'kwh_fwd' | 'kwh_rev' | 'kwh_net';
export type Quality = 'validated' | 'estimate' | 'raw';

/** Numeric column kinds used by the hot loop (no string compares per value). */
export const KIND_ENERGY = 0;
export const KIND_GAP = 1;
export const KIND_SUPPLY_MIX = 2;
export const KIND_EXTENSION = 3;
/** Not a valid format string (already a schema error). */
export const KIND_INVALID = 4;

export type ColumnSpec =
  | { kind: 'energy'; format: string; quantity: Quantity; quality: Quality }
  | { kind: 'gap'; format: 'gap' }
  | { kind: 'supply_mix'; format: 'supply_mix' }
  | { kind: 'extension'; format: string }
  | { kind: 'invalid'; format: unknown };

const QUANTITIES: readonly Quantity[] = ['kwh_fwd', 'kwh_rev', 'kwh_net'];

/** Bit of a measurement in timeline checks. */
export const MEASUREMENT_BIT: Readonly<Record<Quantity, number>> = { kwh_fwd: 1, kwh_rev: 2, kwh_net: 4 };

function isFormatString(s: string): boolean {
  if (s.length === 0) return false;
  const c0 = s.charCodeAt(0);
  if (c0 < 97 || c0 > 122) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95)) return false;
  }
  return true;
}

/** Classify one entry of `format`. */
export function parseFormat(f: unknown): ColumnSpec {
  if (typeof f !== 'string' || !isFormatString(f)) return { kind: 'invalid', format: f };
  if (f === 'gap') return { kind: 'gap', format: 'gap' };
  if (f === 'supply_mix') return { kind: 'supply_mix', format: 'supply_mix' };
  for (const q of QUANTITIES) {
    if (f === q) return { kind: 'energy', format: f, quantity: q, quality: 'validated' };
    if (f === q + '_estimate') return { kind: 'energy', format: f, quantity: q, quality: 'estimate' };
    if (f === q + '_raw') return { kind: 'energy', format: f, quantity: q, quality: 'raw' };
  }
  return { kind: 'extension', format: f };
}

export function columnKind(spec: ColumnSpec): number {
  switch (spec.kind) {
    case 'energy':
      return KIND_ENERGY;
    case 'gap':
      return KIND_GAP;
    case 'supply_mix':
      return KIND_SUPPLY_MIX;
    case 'extension':
      return KIND_EXTENSION;
    default:
      return KIND_INVALID;
  }
}
