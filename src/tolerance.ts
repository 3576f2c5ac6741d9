/** Tolerances of the numeric rules, in one place (the registry's summaries quote them). */
import type { Instant } from './time.js';

/** `net-balance`: kWh by which `net` may differ from `fwd + rev`. */
export const NET_TOLERANCE = 0.01;

/** `supply-mix-sum`: by how much the shares of one supply-mix value may differ from 1. */
export const MIX_TOLERANCE = 0.01;

/** `interval-arithmetic`: milliseconds by which `len(values) × interval` may differ from `segment_end − segment_start` (exactly: 1 ms is within, 1 ms and any fraction more is not). */
export const INTERVAL_TOLERANCE_MS = 1;

/** An exact decimal, `n × 10^−scale`. */
interface Decimal {
  readonly n: bigint;
  readonly scale: number;
}

const TEN = 10n;

/**
 * A finite number as the decimal it was written as: the shortest decimal
 * that reads back as the same double (`String(x)`), which is the JSON text's
 * own digits whenever they fit a double (a 0.1 s interval is 0.1 s, not
 * 0.1000000000000000055… s).
 */
function decimalOf(x: number): Decimal {
  const s = String(x);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const scale = (dot < 0 ? 0 : mantissa.length - dot - 1) - exponent;
  return scale >= 0 ? { n: BigInt(digits), scale } : { n: BigInt(digits) * TEN ** BigInt(-scale), scale: 0 };
}

/** An instant's epoch milliseconds as an exact decimal at `scale` (≥ its fraction's digits). */
function instantAt(t: Instant, scale: number): bigint {
  return BigInt(t.ms) * TEN ** BigInt(scale) + (t.sub === '' ? 0n : BigInt(t.sub.padEnd(scale, '0')));
}

/**
 * How `count × interval` seconds compares with the span from `start` to
 * `end`, within `INTERVAL_TOLERANCE_MS`, exactly at any precision: 0 when
 * they differ by at most the tolerance, 1 when `count × interval` is longer
 * by more, −1 when it is shorter by more. Date-times are read at every digit
 * they are written with, the interval as the decimal it was written as.
 * Whole-second intervals and whole-millisecond instants (the usual case)
 * take plain integer arithmetic; anything else exact decimals.
 */
export function intervalFit(count: number, interval: number, start: Instant, end: Instant): -1 | 0 | 1 {
  if (start.sub === '' && end.sub === '' && Number.isInteger(interval)) {
    const expected = count * interval * 1000;
    if (Number.isSafeInteger(expected)) {
      const d = expected - (end.ms - start.ms);
      return d > INTERVAL_TOLERANCE_MS ? 1 : d < -INTERVAL_TOLERANCE_MS ? -1 : 0;
    }
  }
  const step = decimalOf(interval); // seconds
  // Milliseconds at scale `scale`: count × interval × 1000 and end − start.
  const scale = Math.max(step.scale, start.sub.length, end.sub.length);
  const expected = BigInt(count) * step.n * 1000n * TEN ** BigInt(scale - step.scale);
  const d = expected - (instantAt(end, scale) - instantAt(start, scale));
  const tolerance = BigInt(INTERVAL_TOLERANCE_MS) * TEN ** BigInt(scale);
  return d > tolerance ? 1 : d < -tolerance ? -1 : 0;
}

/**
 * Slack for binary floating point, relative to the largest magnitude involved
 * (at least 1): `0.5 + 0.49` is `0.99` within this slack although
 * `Math.abs(0.5 + 0.49 - 1)` is slightly more than 0.01.
 */
const FLOAT_SLACK = 1e-9;

/**
 * True when `diff` is beyond `tolerance`, allowing for floating-point rounding
 * of numbers up to `magnitude` (NaN never exceeds).
 */
export function exceedsTolerance(diff: number, tolerance: number, magnitude: number): boolean {
  return Math.abs(diff) > tolerance + FLOAT_SLACK * (magnitude > 1 ? magnitude : 1);
}
