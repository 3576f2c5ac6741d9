// The test helpers build every corpus document; their error branches must
// work, or a broken fixture would pass silently.
import { describe, expect, it } from 'vitest';
import { applyPatch, documentOf, example, type PatchOp } from './helpers.js';

// option1-estimated.json: `values` is [[{"v": 500}]], `format` is ["kwh_fwd_estimate"].
const doc = () => example('option1-estimated.json');

describe('applyPatch: malformed patches throw', () => {
  const malformed: [string, PatchOp, RegExp][] = [
    ['add at the root', { op: 'add', path: '', value: 1 }, /cannot patch the root/],
    ['replace below a missing property', { op: 'replace', path: '/nope/x', value: 1 }, /\/nope\/x does not exist/],
    ['add below a string', { op: 'add', path: '/cds_usagesegment_id/x', value: 1 }, /does not exist/],
    ['copy from a missing path', { op: 'copy', from: '/nope', path: '/x' }, /\/nope does not exist/],
    ['move from a missing path', { op: 'move', from: '/values/3', path: '/values/0' }, /\/values\/3 does not exist/],
    ['add at a non-numeric array index', { op: 'add', path: '/values/x', value: [] }, /bad array index in \/values\/x/],
    ['add at a negative array index', { op: 'add', path: '/values/-1', value: [] }, /bad array index/],
    ['add past the end of an array', { op: 'add', path: '/values/2', value: [] }, /bad array index/],
    ['replace at the end of an array', { op: 'replace', path: '/values/1', value: [] }, /\/values\/1 does not exist/],
    ['replace a missing property', { op: 'replace', path: '/nope', value: 1 }, /\/nope does not exist/],
    ['remove past the end of an array', { op: 'remove', path: '/values/1' }, /\/values\/1 does not exist/],
    ['remove "-" of an array', { op: 'remove', path: '/values/-' }, /\/values\/- does not exist/],
    ['remove a missing property', { op: 'remove', path: '/nope' }, /\/nope does not exist/],
  ];
  for (const [name, op, message] of malformed) {
    it(name, () => {
      expect(() => applyPatch(doc(), [op])).toThrow(message);
    });
  }
});

describe('applyPatch: well-formed patches', () => {
  it('move takes the value away from its old place and inserts it at the new one', () => {
    const d = applyPatch(doc(), [
      { op: 'add', path: '/values/-', value: [{ v: 1 }] },
      { op: 'move', from: '/values/0', path: '/values/-' },
    ]);
    expect(d.values).toEqual([[{ v: 1 }], [{ v: 500 }]]);
  });

  it('move between objects, with ~0 and ~1 escapes', () => {
    const d = applyPatch(doc(), [
      { op: 'add', path: '/a~1b', value: { 'c~d': 1 } },
      { op: 'move', from: '/a~1b/c~0d', path: '/e' },
    ]);
    expect(d['a/b']).toEqual({});
    expect(d.e).toBe(1);
  });

  it('copy is deep: changing the copy leaves the original', () => {
    const d = applyPatch(doc(), [
      { op: 'copy', from: '/values/0', path: '/values/-' },
      { op: 'replace', path: '/values/1/0/v', value: 7 },
    ]);
    expect(d.values).toEqual([[{ v: 500 }], [{ v: 7 }]]);
  });
});

describe('documentOf', () => {
  it('throws for a patch without a base', () => {
    expect(() => documentOf({ patch: [{ op: 'remove', path: '/values' }] }, undefined, 'case "x"')).toThrow('case "x" has a patch but no base');
  });

  it('uses the default base, the own base first, and copies data', () => {
    expect((documentOf({ patch: [{ op: 'remove', path: '/values' }] }, 'option1-estimated.json') as any).values).toBeUndefined();
    expect((documentOf({ base: 'option1-validated.json' }, 'option1-estimated.json') as any).format).toEqual(['kwh_fwd']);
    const data = { a: [1] };
    const copy = documentOf({ data }) as typeof data;
    expect(copy).toEqual(data);
    expect(copy).not.toBe(data);
  });
});
