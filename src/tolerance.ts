/** Tolerances of the numeric rules, in one place (the registry's summaries quote them). */

/** `net-balance`: kWh by which `net` may differ from `fwd + rev`. */
export const NET_TOLERANCE = 0.01;

/** `supply-mix-sum`: by how much the shares of one supply-mix value may differ from 1. */
export const MIX_TOLERANCE = 0.01;

/** `interval-arithmetic`: milliseconds by which `len(values) × interval` may differ from `segment_end − segment_start`. */
export const INTERVAL_TOLERANCE_MS = 1;

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
