// FirstSeen (src/first-seen.ts) is sized once from the capacity its
// constructor is given: at most half its slots are filled, and a Map takes
// over after a long probe or past that. Here, against a plain Map: more
// strings than the capacity (down to 0), strings that all land in one or two
// slots (a probe wrapping round the table's end, then the hand-over), and the
// answers after the hand-over for strings recorded before it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstSeen, hashOf } from '../src/first-seen.js';

/** What a Map says for each (key, index) in turn: the first index of the key, or -1 when new. */
function byMap(calls: readonly [string, number][]): number[] {
  const m = new Map<string, number>();
  return calls.map(([k, i]) => {
    const first = m.get(k);
    if (first !== undefined) return first;
    m.set(k, i);
    return -1;
  });
}

function byTable(calls: readonly [string, number][], capacity: number): { answers: number[]; table: FirstSeen } {
  const table = new FirstSeen(capacity);
  return { answers: calls.map(([k, i]) => table.firstOrAdd(k, i)), table };
}

/** Strings whose hash lands in the last slot of the smallest table (16 slots): a probe from there wraps to slot 0. */
const LAST_SLOT: string[] = [];
/** Strings of slot 0: they meet the wrapped probes. */
const FIRST_SLOT: string[] = [];
for (let i = 0; LAST_SLOT.length < 40 || FIRST_SLOT.length < 40; i++) {
  const s = `id-${i}`;
  const slot = hashOf(s) & 15;
  if (slot === 15 && LAST_SLOT.length < 40) LAST_SLOT.push(s);
  if (slot === 0 && FIRST_SLOT.length < 40) FIRST_SLOT.push(s);
}

/** Indices as pages give them (segment positions), not only the call's position. */
const call = (keys: fc.Arbitrary<string>) => fc.tuple(keys, fc.nat(1_000_000));

describe('FirstSeen sized once', () => {
  it('agrees with a Map on many more strings than its capacity (property)', () => {
    fc.assert(
      fc.property(fc.array(call(fc.string({ maxLength: 3 })), { maxLength: 400 }), fc.nat(8), (calls, capacity) => {
        expect(byTable(calls, capacity).answers).toEqual(byMap(calls));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a Map on strings of one or two slots of a small table, wrapping round its end (property)', () => {
    fc.assert(
      fc.property(fc.array(call(fc.constantFrom(...LAST_SLOT.slice(0, 12), ...FIRST_SLOT.slice(0, 6))), { maxLength: 60 }), fc.nat(8), (calls, capacity) => {
        expect(byTable(calls, capacity).answers).toEqual(byMap(calls));
      }),
      { numRuns: 500 },
    );
  });

  it('fills a table of capacity 8 (16 slots) to 8 strings, then hands over and still knows the first 8', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    const calls: [string, number][] = [...keys, ...keys].map((k, i) => [k, i]);
    const first8 = byTable(calls.slice(0, 8), 8);
    expect(first8.table.handedOver).toBe(false);
    expect(byTable(calls.slice(0, 9), 8).table.handedOver).toBe(true);
    const all = byTable(calls, 8);
    expect(all.table.handedOver).toBe(true);
    expect(all.answers).toEqual(byMap(calls));
  });

  it('hands over after a probe longer than 32 on strings of one slot, however large the table, and keeps every answer', () => {
    // FNV-1a's low 16 bits depend only on the low 16 bits before each step: a second code unit chosen from the first fixes them.
    const keys = Array.from({ length: 40 }, (_, a) => String.fromCharCode(a + 1, (hashOf(String.fromCharCode(a + 1)) & 0xffff) ^ 0x4321));
    expect(new Set(keys.map((k) => hashOf(k) & 0xffff)).size).toBe(1);
    const calls: [string, number][] = [...keys, ...keys].map((k, i) => [k, 3 * i]);
    // Room for 1,000 strings (2,048 slots): 32 strings of one slot fit (probes of 0 to 31); the 33rd hands over.
    expect(byTable(calls.slice(0, 32), 1000).table.handedOver).toBe(false);
    expect(byTable(calls.slice(0, 33), 1000).table.handedOver).toBe(true);
    const { answers, table } = byTable(calls, 1000);
    expect(table.handedOver).toBe(true);
    expect(answers).toEqual(byMap(calls));
  });

  it('does not hand over on distinct slots up to its capacity', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `seg-${i}`);
    const { answers, table } = byTable([...keys, ...keys].map((k, i) => [k, i]), 500);
    expect(answers).toEqual(byMap([...keys, ...keys].map((k, i) => [k, i])));
    expect(table.handedOver).toBe(false);
  });
});
