/**
 * "Is this unknown word probably a misspelt known one?" — for `unknown-enum`,
 * which by default reports only values that look like a slip (a Server that
 * means an extension value is left alone; see the registry entry).
 */

/** Largest edit distance that still counts as a slip. */
export const NEAR_MISS_EDITS = 2;

/**
 * Levenshtein distance of `a` and `b` when it is at most `max`, else
 * `max + 1`. Only a band of width 2·max+1 of the table is computed, so the
 * cost is linear in the shorter string whatever its length.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const far = max + 1;
  if (Math.abs(a.length - b.length) > max) return far;
  const m = b.length;
  // Two rows reused; only the band [i - max, i + max] of each row is written,
  // with a `far` sentinel on either side of it.
  let prev = new Array<number>(m + 2);
  let cur = new Array<number>(m + 2);
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= max ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 && i <= max ? i : far;
    let best = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const d = Math.min(prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = d > far ? far : d;
      if (d < best) best = d;
    }
    cur[hi + 1] = far;
    if (best > max) return far;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m]!, far);
}

/**
 * The known value `value` is probably a slip for: one that equals it but for
 * letter case, else the first within `NEAR_MISS_EDITS` edits; undefined when
 * none is that close (or `value` is itself known).
 */
export function nearestKnown(value: string, known: readonly string[]): string | undefined {
  if (known.includes(value)) return undefined;
  const lower = value.toLowerCase();
  for (const k of known) if (k.toLowerCase() === lower) return k;
  for (const k of known) if (boundedDistance(value, k, NEAR_MISS_EDITS) <= NEAR_MISS_EDITS) return k;
  return undefined;
}
