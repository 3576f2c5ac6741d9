// src/pointer.ts: the one RFC 6901 implementation (problem paths, the
// traceability check, the spec diff's schema names).
import { describe, expect, it } from 'vitest';
import { escapeToken, parsePointer, ptr, resolvePointer } from '../src/pointer.js';

describe('JSON Pointer', () => {
  it('escapes `~` before `/`, and unescapes `~1` before `~0` (so "~01" is "~1", not "/")', () => {
    expect(escapeToken('a/b~c')).toBe('a~1b~0c');
    expect(escapeToken(7)).toBe('7');
    expect(ptr('/x', 'a/b', 'c~d', 0)).toBe('/x/a~1b/c~0d/0');
    expect(parsePointer('/x/a~1b/c~0d/0')).toEqual(['x', 'a/b', 'c~d', '0']);
    expect(parsePointer('/~01')).toEqual(['~1']);
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
  });

  it('round-trips any tokens', () => {
    const tokens = ['', '~', '/', '~1', '~0/', 'a b', '0'];
    expect(parsePointer(ptr('', ...tokens))).toEqual(tokens);
  });

  it('rejects a pointer that does not start with "/"', () => {
    expect(() => parsePointer('a/b')).toThrow(/not a JSON pointer/);
  });

  it('resolves own members and array indexes only', () => {
    const doc = { a: [10, { 'b/c': null }], '': 1 };
    expect(resolvePointer(doc, '')).toEqual({ found: true, value: doc });
    expect(resolvePointer(doc, '/a/1/b~1c')).toEqual({ found: true, value: null });
    expect(resolvePointer(doc, '/')).toEqual({ found: true, value: 1 });
    for (const missing of ['/a/2', '/a/01', '/a/-', '/a/0/x', '/toString', '/__proto__', '/b']) {
      expect(resolvePointer(doc, missing).found, missing).toBe(false);
    }
  });
});
