// The test helpers build every corpus document: a patch that does not apply
// must throw, or a broken fixture would pass silently.
import { describe, expect, it } from 'vitest';
import { applyPatch, documentOf, example, type PatchOp } from './helpers.js';

// option1-estimated.json: `values` is [[{"v": 500}]], `format` is ["kwh_fwd_estimate"].
const doc = () => example('option1-estimated.json');

describe('applyPatch (fast-json-patch, validating)', () => {
  it('throws for a path that does not exist, so a broken fixture cannot pass silently', () => {
    for (const op of [
      { op: 'replace', path: '/nope', value: 1 },
      { op: 'remove', path: '/values/1' },
      { op: 'add', path: '/nope/x', value: 1 },
    ] as PatchOp[]) {
      expect(() => applyPatch(doc(), [op]), JSON.stringify(op)).toThrow();
    }
  });

  it('copies patch values: the document shares no object with the patch', () => {
    const value = { v: 1 };
    const d = applyPatch(doc(), [{ op: 'add', path: '/values/-', value: [value] }]);
    expect(d.values[1][0]).toEqual(value);
    expect(d.values[1][0]).not.toBe(value);
  });

  it('move, with ~0 and ~1 escapes', () => {
    const d = applyPatch(doc(), [
      { op: 'add', path: '/a~1b', value: { 'c~d': 1 } },
      { op: 'move', from: '/a~1b/c~0d', path: '/e' },
    ]);
    expect(d['a/b']).toEqual({});
    expect(d.e).toBe(1);
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
