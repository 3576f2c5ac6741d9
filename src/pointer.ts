/** RFC 6901 JSON Pointer helpers. */

/** Escape one reference token (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string | number): string {
  const s = String(token);
  if (s.indexOf('~') === -1 && s.indexOf('/') === -1) return s;
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Append tokens to a pointer. */
export function ptr(base: string, ...tokens: (string | number)[]): string {
  let out = base;
  for (const t of tokens) out += '/' + escapeToken(t);
  return out;
}

/** Split a pointer into unescaped tokens ("" → []). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (pointer[0] !== '/') throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Resolve a pointer in a JSON value; `found` is false if it points nowhere. */
export function resolvePointer(doc: unknown, pointer: string): { found: boolean; value: unknown } {
  let cur: unknown = doc;
  for (const tok of parsePointer(pointer)) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(tok)) return { found: false, value: undefined };
      const i = Number(tok);
      if (i >= cur.length) return { found: false, value: undefined };
      cur = cur[i];
    } else if (cur !== null && typeof cur === 'object') {
      if (!Object.prototype.hasOwnProperty.call(cur, tok)) return { found: false, value: undefined };
      cur = (cur as Record<string, unknown>)[tok];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: cur };
}
