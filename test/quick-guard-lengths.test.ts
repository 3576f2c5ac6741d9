// guardLengths (scripts/lib/quick-validators.mjs) rewrites Ajv's code-point
// count in maxLength/minLength checks so that the string's length decides
// first. It must never change a verdict: checked here by compiling schemas
// with Ajv, running the standalone code as Ajv wrote it and as guarded, on
// strings of astral characters (surrogate pairs), lone surrogates and ASCII
// around the limits, where a guard off by a factor of two would show.
import { createRequire } from 'node:module';
import standalone from 'ajv/dist/standalone/index.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../scripts/lib/ajv.mjs';

// quick-validators.mjs has no type declarations (only the build imports it): loaded by a path TypeScript does not resolve.
const QUICK_VALIDATORS = '../scripts/lib/quick-validators.mjs';
const { guardLengths } = (await import(QUICK_VALIDATORS)) as { guardLengths: (code: string) => string };

const require = createRequire(import.meta.url);
// Ajv's CommonJS module is the function itself, which also carries itself as `default` (the name its types give it).
const standaloneCode = standalone.default;
const REQUIRE_COUNT = 'const func1 = require("ajv/dist/runtime/ucs2length").default;';

/** Evaluate CommonJS standalone code; `require` may be swapped to count the calls of the code-point count. */
function load(code: string, req: (id: string) => unknown = require): Record<string, (data: unknown) => boolean> {
  const exports: Record<string, (data: unknown) => boolean> = {};
  new Function('exports', 'require', code)(exports, req);
  return exports;
}

/** Schemas whose string checks use the count: limits from 0 to 5, alone, together, nested. */
const SCHEMAS: Record<string, unknown> = {};
for (let n = 0; n <= 5; n++) {
  SCHEMAS[`max${n}`] = { type: 'string', maxLength: n };
  SCHEMAS[`min${n}`] = { type: 'string', minLength: n };
  SCHEMAS[`between${n}`] = { type: 'string', minLength: n, maxLength: n + 2 };
}
SCHEMAS.nested = { type: 'object', properties: { s: { type: 'string', minLength: 2 }, t: { type: 'array', items: { type: 'string', maxLength: 3 } } } };

function compile(): string {
  const ajv = createAjv({ allErrors: false, code: { source: true, esm: false, optimize: true } });
  ajv.addSchema({ $id: 'guard-test', $defs: SCHEMAS });
  const refs = Object.fromEntries(Object.keys(SCHEMAS).map((k) => [k, `guard-test#/$defs/${k}`]));
  return standaloneCode(ajv, refs);
}

/** Strings from units that are one code point each, two units for one (a pair), or a lone surrogate. */
const text = fc.array(fc.constantFrom('a', 'é', '😀', '𝄞', '\uD800', '\uDC00', '\uDBFF\uDFFF'), { maxLength: 12 }).map((parts) => parts.join(''));

describe('guardLengths', () => {
  const plain = compile();
  const guarded = guardLengths(plain);
  const before = load(plain);
  const after = load(guarded);

  it('guards every count of the compiled code (so the comparison below runs guarded code)', () => {
    expect(plain).toContain('ucs2length');
    expect(guarded).not.toBe(plain);
    // One guard per count: max and min (one each), between (two each), nested (two).
    expect(guarded.match(/\.length [<>] \d+ && func\d+\(/g)?.length).toBeGreaterThanOrEqual(6 + 6 + 2 * 6 + 2);
  });

  it('gives the verdicts of Ajv\'s own code on every string, near every limit (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const name of Object.keys(SCHEMAS)) {
          const data = name === 'nested' ? { s, t: [s, 'x'] } : s;
          expect(after[name]!(data), `${name} ${JSON.stringify(s)}`).toBe(before[name]!(data));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same verdicts at the edges: n pairs against maxLength n and minLength n, 2n units of them', () => {
    for (let n = 0; n <= 5; n++) {
      for (const s of ['😀'.repeat(n), '😀'.repeat(n + 1), 'a'.repeat(2 * n), '😀'.repeat(n) + 'a', '\uD800'.repeat(2 * n), 'a'.repeat(Math.max(0, n - 1))]) {
        for (const name of [`max${n}`, `min${n}`, `between${n}`]) expect(after[name]!(s), `${name} ${JSON.stringify(s)}`).toBe(before[name]!(s));
      }
    }
  });

  it('leaves the count uncalled when the length decides', () => {
    let calls = 0;
    const counting = (id: string): unknown => {
      const m = require(id) as { default?: unknown };
      if (!id.endsWith('ucs2length')) return m;
      const count = m.default as (s: string) => number;
      return { default: (s: string) => (calls++, count(s)) };
    };
    const v = load(guarded, counting);
    expect(v.max3!('abc')).toBe(true); // 3 units: at most 3 code points
    expect(v.min2!('abcd')).toBe(true); // 4 units: at least 2 code points
    expect(calls).toBe(0);
    expect(v.max3!('😀😀')).toBe(true); // 4 units, 2 code points: only the count can tell
    expect(calls).toBe(1);
  });

  it('rewrites a small Ajv-like code string and leaves code without the count alone', () => {
    const code = `${REQUIRE_COUNT}function v(data){if(func1(data) > 3){return false;}if(func1(data) < 2){return false;}return true;}exports.v = v;`;
    const v = load(guardLengths(code)).v!;
    for (const s of ['a', 'ab', '😀', '😀😀', 'abcd', '😀😀😀', '😀😀😀😀']) {
      const points = [...s].length;
      expect(v(s), JSON.stringify(s)).toBe(points >= 2 && points <= 3);
    }
    const none = 'function v(data){return data.length > 3;}';
    expect(guardLengths(none)).toBe(none);
  });

  it('throws on a call of the count in a form it does not know', () => {
    for (const form of ['func1(data) >= 3', 'func1(data) <= 3', 'func1(data.s) > 3', 'func1(data) === 3', '3 < func1(data)']) {
      expect(() => guardLengths(`${REQUIRE_COUNT}function v(data){return ${form};}`), form).toThrow(/guardLengths does not know/);
    }
  });
});
