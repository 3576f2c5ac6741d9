// src/json.ts: the object guard every rule uses, and how messages quote values.
import { describe, expect, it } from 'vitest';
import { isObject, show } from '../src/json.js';

describe('isObject', () => {
  it('is true for plain objects only', () => {
    expect([{}, { a: 1 }, Object.create(null)].map(isObject)).toEqual([true, true, true]);
    expect([null, [], 'x', 1, undefined].map(isObject)).toEqual([false, false, false, false, false]);
  });
});

describe('show', () => {
  it('quotes a value as JSON, non-finite numbers by name (JSON.stringify would print null)', () => {
    expect(show('kWh')).toBe('"kWh"');
    expect(show({ v: Infinity, w: -Infinity, x: NaN })).toBe('{"v":Infinity,"w":-Infinity,"x":NaN}');
    expect(show(undefined)).toBe('undefined');
  });

  it('cuts a long rendering to 60 characters', () => {
    const s = show('x'.repeat(100));
    expect(s).toHaveLength(60);
    expect(s.endsWith('...')).toBe(true);
  });

  it('does not throw on a value too deep to stringify or with a hostile toString', () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(show(deep)).toBe('[...]');
    expect(show({ toString: 1 })).toBe('{"toString":1}');
  });
});
