/**
 * 'Where did this string first appear?' for a known number of strings: an
 * open-addressing hash table of indices in one typed array, sized once.
 *
 * Why not a Map: the duplicate-id rule asks once per segment, and on a page
 * of 20,000 small segments a Map of the ids cost about 7 ms of CPU (its
 * tables grown and copied as it fills), a third of what the whole schema
 * pass may cost there (issue 24.7); this table cost about 1 ms in the same
 * measurement. The table has at least twice as many slots as strings, so
 * probes stay short on real ids. Ids chosen to collide (the hash is not a
 * secret) cannot make it quadratic: a probe longer than `MAX_PROBE` hands
 * every string over to a Map, whose hash V8 seeds at random.
 */
import { keepShape } from './shapes.js';

const MAX_PROBE = 32;

export class FirstSeen {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Recorded strings and the index each was first seen at, in the order recorded (a slot holds a position here). The indices' array is sized once; the strings' grows (a JavaScript array of a given length costs about 1 ms to create at 32,768 elements, more than all its pushes). */
  private readonly keys: string[] = [];
  private readonly firsts: Int32Array;
  /** The Map that takes over after a long probe; null until then. */
  private map: Map<string, number> | null = null;

  /** A table for up to `capacity` strings (more still work, through the Map). */
  constructor(capacity: number) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    // At most half the slots are filled (the Map takes over after that).
    this.firsts = new Int32Array(size >> 1);
  }

  /** The index `key` was first seen at, or -1 when it is new (it is then recorded as first seen at `index`). */
  firstOrAdd(key: string, index: number): number {
    if (this.map !== null) return this.fromMap(key, index);
    let h = hashOf(key) & this.mask;
    for (let probe = 0; probe < MAX_PROBE; probe++) {
      const slot = this.slots[h]!;
      if (slot < 0) {
        const at = this.keys.length;
        if (2 * (at + 1) > this.slots.length) break; // over capacity: the Map takes over
        this.slots[h] = at;
        this.keys.push(key);
        this.firsts[at] = index;
        return -1;
      }
      if (this.keys[slot] === key) return this.firsts[slot]!;
      h = (h + 1) & this.mask;
    }
    this.map = new Map();
    for (let i = 0; i < this.keys.length; i++) this.map.set(this.keys[i]!, this.firsts[i]!);
    return this.fromMap(key, index);
  }

  /** True once a long probe handed the strings over to the Map (tests). */
  get handedOver(): boolean {
    return this.map !== null;
  }

  private fromMap(key: string, index: number): number {
    const first = this.map!.get(key);
    if (first !== undefined) return first;
    this.map!.set(key, index);
    return -1;
  }
}

// A table is made for every page: keep one, so its shape outlives a full collection (src/shapes.ts).
keepShape(new FirstSeen(1));

/** FNV-1a over the UTF-16 code units (32 bits). */
export function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
