// Small helpers of the benchmark: medians, interleaved sampling, number formats.

/** Median of a non-empty list of numbers (mean of the two middle values for an even count). */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Interleaved sampling: repetition r takes one sample of every alternative
 * whose `reps` exceeds r, in order, so that drift in machine load hits all
 * alternatives alike. Returns one array of samples per alternative.
 */
export function roundRobin(alts, sample) {
  const out = alts.map(() => []);
  const rounds = Math.max(...alts.map((a) => a.reps));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < alts.length; i++) if (r < alts[i].reps) out[i].push(sample(alts[i]));
  }
  return out;
}

/** Milliseconds with about three significant digits. */
export function formatMs(ms) {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  if (ms >= 0.01) return ms.toFixed(3);
  return ms.toPrecision(2);
}

/** A ratio such as 0.082× or 421×. */
export function formatRatio(x) {
  if (!Number.isFinite(x)) return String(x);
  if (x >= 100) return `${x.toFixed(0)}×`;
  if (x >= 10) return `${x.toFixed(1)}×`;
  if (x >= 1) return `${x.toFixed(2)}×`;
  return `${x.toFixed(3)}×`;
}
