/** Classification of `format` strings into column kinds. */

import { KNOWN_FORMATS } from '../generated/2024/spec-facts.js';

/** A format string this version of the spec defines (from `KnownFormat`, see generated/2024/spec-facts.ts). */
export type KnownFormat = (typeof KNOWN_FORMATS)[number];

/** Suffix of each quality other than `validated`. */
const QUALITY_SUFFIX = { estimate: '_estimate', raw: '_raw' } as const;
type QualitySuffix = (typeof QUALITY_SUFFIX)[keyof typeof QUALITY_SUFFIX];

export type Quality = 'validated' | keyof typeof QUALITY_SUFFIX;
/** An energy quantity: a known `kwh_*` format without a quality suffix. */
export type Quantity = Exclude<Extract<KnownFormat, `kwh_${string}`>, `${string}${QualitySuffix}`>;

/** The known formats with their own value shapes (a compile error if the spec drops one). */
const GAP = 'gap' satisfies KnownFormat;
const SUPPLY_MIX = 'supply_mix' satisfies KnownFormat;

export type ColumnSpec =
  | { kind: 'energy'; format: string; quantity: Quantity; quality: Quality }
  | { kind: 'gap'; format: typeof GAP }
  | { kind: 'supply_mix'; format: typeof SUPPLY_MIX }
  | { kind: 'extension'; format: string }
  | { kind: 'invalid'; format: unknown };

const KNOWN: ReadonlySet<string> = new Set(KNOWN_FORMATS);

/** The energy quantities, in spec order: the known `kwh_*` formats without a quality suffix. */
const QUANTITIES: readonly Quantity[] = KNOWN_FORMATS.filter(
  (f): f is Quantity => f.startsWith('kwh_') && !Object.values(QUALITY_SUFFIX).some((suffix) => f.endsWith(suffix)),
);

/** Bit of a measurement in timeline checks (kwh_fwd=1, kwh_rev=2, kwh_net=4: spec order). */
export const MEASUREMENT_BIT: Readonly<Record<Quantity, number>> = Object.freeze(
  Object.fromEntries(QUANTITIES.map((q, i) => [q, 1 << i])) as Record<Quantity, number>,
);

/** The known kind of one known format, or null if it fits no rule (then it is not classified as known; a test fails). */
function knownSpec(f: KnownFormat): ColumnSpec | null {
  if (f === GAP) return { kind: 'gap', format: GAP };
  if (f === SUPPLY_MIX) return { kind: 'supply_mix', format: SUPPLY_MIX };
  if ((QUANTITIES as readonly string[]).includes(f)) return { kind: 'energy', format: f, quantity: f as Quantity, quality: 'validated' };
  for (const [quality, suffix] of Object.entries(QUALITY_SUFFIX) as [Quality, QualitySuffix][]) {
    if (!f.endsWith(suffix)) continue;
    const base = f.slice(0, -suffix.length);
    if ((QUANTITIES as readonly string[]).includes(base)) return { kind: 'energy', format: f, quantity: base as Quantity, quality };
  }
  return null;
}

/** Every known format with its classification, built once from `KNOWN_FORMATS`; lookups are the hot path. */
const KNOWN_SPECS: ReadonlyMap<string, ColumnSpec> = new Map(
  KNOWN_FORMATS.flatMap((f) => {
    const spec = knownSpec(f);
    return spec === null ? [] : [[f, Object.freeze(spec)] as const];
  }),
);

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

/**
 * Classify one entry of `format`: a known format (only those in the spec's
 * `KnownFormat`) by a map lookup, any other lowercase identifier as an
 * extension, anything else as invalid. Known specs are shared frozen objects.
 */
export function parseFormat(f: unknown): ColumnSpec {
  if (typeof f !== 'string') return { kind: 'invalid', format: f };
  const known = KNOWN_SPECS.get(f);
  if (known !== undefined) return known;
  if (!isFormatString(f)) return { kind: 'invalid', format: f };
  return { kind: 'extension', format: f };
}

/** Is `f` one of the spec's known format strings? */
export function isKnownFormat(f: unknown): f is KnownFormat {
  return typeof f === 'string' && KNOWN.has(f);
}
