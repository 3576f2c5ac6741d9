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

/**
 * Set an own, enumerable member whatever its name: `o["__proto__"] = v`
 * would set the prototype instead, and the member would be lost (objects
 * keyed by data, issue 25.2).
 */
export function setMember(o: Record<string, unknown>, name: string, v: unknown): void {
  if (name === '__proto__') Object.defineProperty(o, name, { value: v, enumerable: true, writable: true, configurable: true });
  else o[name] = v;
}

/** A constant table's entry for a name from data, only if the table has it as its own (`"constructor"` and `"__proto__"` find Object.prototype's otherwise). */
export function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}
