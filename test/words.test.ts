// src/words.ts: the one plural and list helper of every message.
import { describe, expect, it } from 'vitest';
import { orList, plural } from '../src/words.js';

describe('plural', () => {
  it('uses the singular for exactly 1 and the plural otherwise', () => {
    expect(plural(1, 'value set')).toBe('1 value set');
    expect(plural(2, 'value set')).toBe('2 value sets');
    expect(plural(0, 'error')).toBe('0 errors');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
  });
});

describe('orList', () => {
  it('joins with commas and a final "or"', () => {
    expect(orList([])).toBe('');
    expect(orList(['a'])).toBe('a');
    expect(orList(['a', 'b'])).toBe('a or b');
    expect(orList(['auto', 'segment', 'list'])).toBe('auto, segment or list');
  });
});
