// FirstSeen (src/first-seen.ts) against a Map, on ids as pages write them,
// on repeats, past its capacity, and on ids built to collide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstSeen, hashOf } from '../src/first-seen.js';

/** What a Map says for each key in turn: its first index, or -1 when new. */
function byMap(keys: readonly string[]): number[] {
  const m = new Map<string, number>();
  return keys.map((k, i) => {
    const first = m.get(k);
    if (first !== undefined) return first;
    m.set(k, i);
    return -1;
  });
}

function byTable(keys: readonly string[], capacity = keys.length): number[] {
  const t = new FirstSeen(capacity);
  return keys.map((k, i) => t.firstOrAdd(k, i));
}

describe('FirstSeen', () => {
  it('gives each repeat the index its string was first seen at', () => {
    expect(byTable(['a', 'b', 'a', 'c', 'b', 'a', ''])).toEqual([
      -1, -1, 0, -1, 1, 0, -1,
    ]);
  });

  it('agrees with a Map on any strings, within and past its capacity (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }),
        fc.nat(50),
        (keys, capacity) => {
          expect(byTable(keys)).toEqual(byMap(keys));
          expect(byTable(keys, capacity)).toEqual(byMap(keys));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays linear on ids built to share one slot: a long probe hands them over to a Map', () => {
    // FNV-1a's low 16 bits depend only on the low 16 bits before each step: a second code unit b chosen from the first fixes them.
    const keys: string[] = [];
    for (let a = 0; a < 3000; a++)
      keys.push(
        String.fromCharCode(
          a,
          (hashOf(String.fromCharCode(a)) & 0xffff) ^ 0x1234,
        ),
      );
    expect(new Set(keys.map((k) => hashOf(k) & 0xffff)).size).toBe(1);
    const table = new FirstSeen(keys.length * 2);
    const answers = [...keys, ...keys].map((k, i) => table.firstOrAdd(k, i));
    expect(table.handedOver).toBe(true);
    expect(answers).toEqual(byMap([...keys, ...keys]));
  });

  it('keeps to its table on ordinary ids', () => {
    const table = new FirstSeen(20_000);
    for (let i = 0; i < 20_000; i++)
      expect(table.firstOrAdd(`seg-${i}`, i)).toBe(-1);
    expect(table.handedOver).toBe(false);
  });
});
