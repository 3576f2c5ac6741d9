// Issue 14.3: a non-object value in a known column was a `schema` problem ("must be object", "missing required property"); it is `value-type`, naming the column's format and expected shape.
// Issue 9: in a column of the draft's own list (`supply_mix`) the shape is this package's reading, so it is `value-shape`, a warning; extension columns take any value.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { segment } from '../../helpers/documents.js';

const cases: { format: string; value: unknown; shape: string }[] = [
  { format: 'kwh_fwd', value: [1], shape: 'null or {"v": <finite number>}' },
  { format: 'kwh_fwd', value: 5, shape: 'null or {"v": <finite number>}' },
  { format: 'kwh_rev_estimate', value: 'x', shape: 'null or {"v": <finite number>}' },
  { format: 'gap', value: [{ type: 'solar', mix: 1 }], shape: 'null or {"reason_type": <non-empty string>}' },
  { format: 'gap', value: true, shape: 'null or {"reason_type": <non-empty string>}' },
];
const draftCases: { format: string; value: unknown; shape: string }[] = [
  { format: 'supply_mix', value: 7, shape: 'null or a non-empty array of {"type", "mix"} components' },
  { format: 'supply_mix', value: [{ type: 'solar', mix: 1.5 }], shape: 'null or a non-empty array of {"type", "mix"} components' },
  { format: 'supply_mix', value: [[1]], shape: 'null or a non-empty array of {"type", "mix"} components' },
  { format: 'usage_net_kwh', value: '12.5', shape: 'null or {"v": <finite number>}' },
];

describe('value-type for every mis-shaped value in a column with a valid format', () => {
  for (const { format, value, shape } of cases) {
    it(`${JSON.stringify(value)} in a ${format} column`, () => {
      const r = validate(segment({ format: [format], values: [[value]] }));
      expect(r.errors.map((p) => [p.code, p.path])).toEqual([['value-type', '/values/0/0']]);
      expect(r.errors[0]!.message).toContain(format);
      expect(r.errors[0]!.message).toContain(`must be ${shape}`);
    });
  }

  for (const { format, value, shape } of draftCases) {
    it(`${JSON.stringify(value)} in a ${format} column is value-shape, a warning`, () => {
      const r = validate(segment({ format: [format], values: [[value]] }));
      expect(r.errors).toEqual([]);
      expect(r.warnings.map((p) => [p.code, p.path])).toEqual([['value-shape', '/values/0/0']]);
      expect(r.warnings[0]!.message).toContain(`must be ${shape}`);
    });
  }

  it('an extension column takes any value', () => {
    for (const value of [3, 'x', [1], { a: 1 }, true]) {
      const r = validate(segment({ format: ['x_ext'], values: [[value]] }));
      expect([...r.errors, ...r.warnings]).toEqual([]);
    }
  });

  it('a value under a malformed format (not a string) is no problem of its own: the format is', () => {
    const r = validate(segment({ format: [5], values: [[5]] }));
    expect(r.errors.map((p) => [p.code, p.path])).toEqual([['schema', '/format/0']]);
  });

  it('any string is a format (the draft sets no spelling): its values are an extension\'s', () => {
    const r = validate(segment({ format: ['Bad!'], values: [[5]] }));
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((p) => [p.code, p.path])).toEqual([['format-spelling', '/format/0']]);
  });
});
