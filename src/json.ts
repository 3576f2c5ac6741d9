/** Small helpers for JSON values of unknown shape. */

/** Plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function nonFinite(_key: string, x: unknown): unknown {
  return typeof x === 'number' && !Number.isFinite(x) ? '\u0000\u0001' + String(x) : x;
}

/** Short JSON rendering of a value for messages. */
export function show(v: unknown): string {
  let s: string;
  try {
    // JSON.parse turns 1e309 into Infinity, which JSON.stringify would print as null.
    s = JSON.stringify(v, nonFinite) ?? String(v);
    if (s.indexOf('\\u0000\\u0001') !== -1) s = s.replace(/"\\u0000\\u0001(-?Infinity|NaN)"/g, '$1');
  } catch {
    // Too deeply nested for JSON.stringify; String(v) could throw too (`{"toString": 1}`) or recurse.
    s = Array.isArray(v) ? '[...]' : '{...}';
  }
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}
