// isEnergyValue (src/columns/values.ts) is the boolean form of energyNumber
// that the value rules' fast path asks of every value: the fast path and the
// full value loop (which reads energyNumber) agree only while the two agree
// on every value, also the odd ones (non-finite numbers, -0, numeric
// strings, boxed numbers, arrays, inherited members, getters).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { energyNumber, isEnergyValue } from '../src/columns/values.js';

const KEYS = ['v', 'eu', 'wu', '__proto__', 'constructor', 'length', '0', ''];

/** The value for a failure message (some built here cannot even be printed). */
function shown(v: unknown): string {
  try {
    return fc.stringify(v);
  } catch {
    return '(unprintable value)';
  }
}

function agrees(v: unknown, key: string): void {
  expect(isEnergyValue(v, key), `${key} of ${shown(v)}`).toBe(energyNumber(v, key) !== undefined);
}

/** Amounts that are and are not finite numbers. */
const amount = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1, -1.5, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, '1', '', '0x1', null, undefined, true, [], [1], {}, 1n),
);

describe('isEnergyValue', () => {
  it('is energyNumber(v, key) !== undefined on any value (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, withMap: true, withSet: true, withBigInt: true, withDate: true }), fc.constantFrom(...KEYS), (v, key) => agrees(v, key)),
      { numRuns: 1000 },
    );
  });

  it('agrees on objects whose key holds any amount, own, inherited or behind a getter (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), amount, fc.constantFrom('own', 'inherited', 'getter', 'null-prototype', 'array'), (key, x, how) => {
        let v: unknown;
        if (how === 'own') v = Object.defineProperty({}, key, { value: x, enumerable: true });
        else if (how === 'inherited') v = Object.create({ [key]: x });
        else if (how === 'getter') v = Object.defineProperty({}, key, { get: () => x, enumerable: true });
        else if (how === 'null-prototype') v = Object.assign(Object.create(null), { [key]: x });
        else v = key === 'length' ? [x] : Object.assign([x], { [key]: x }); // an array is never a value object
        agrees(v, key);
      }),
      { numRuns: 1000 },
    );
  });

  it('says yes exactly to finite numbers under the key of a plain object', () => {
    for (const x of [0, -0, 2.5, -3, Number.MAX_VALUE]) expect(isEnergyValue({ v: x }, 'v'), String(x)).toBe(true);
    for (const x of [NaN, Infinity, -Infinity, '1', null, undefined, new Number(1), 1n]) expect(isEnergyValue({ v: x }, 'v'), String(x)).toBe(false);
    expect(isEnergyValue({ v: 1 }, 'eu')).toBe(false);
    expect(isEnergyValue([1], '0')).toBe(false);
    expect(isEnergyValue(null, 'v')).toBe(false);
  });
});
