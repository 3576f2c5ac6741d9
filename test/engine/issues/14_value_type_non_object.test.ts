// Issue 14.3: a non-object value in a known column was a `schema` problem ("must be object", "missing required property"); it is `value-type`, naming the column's format and expected shape.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { segment } from '../../helpers/documents.js';

const cases: { format: string; value: unknown; shape: string }[] = [
  { format: 'kwh_fwd', value: [1], shape: 'null or {"v": <finite number>}' },
  { format: 'kwh_fwd', value: 5, shape: 'null or {"v": <finite number>}' },
  { format: 'kwh_rev_estimate', value: 'x', shape: 'null or {"v": <finite number>}' },
  { format: 'gap', value: [{ type: 'solar', mix: 1 }], shape: 'null or {"reason_type": <non-empty string>}' },
  { format: 'gap', value: true, shape: 'null or {"reason_type": <non-empty string>}' },
  { format: 'supply_mix', value: 7, shape: 'null or a non-empty array of {"type", "mix"} components' },
  { format: 'supply_mix', value: [{ type: 'solar', mix: 1.5 }], shape: 'null or a non-empty array of {"type", "mix"} components' },
  { format: 'supply_mix', value: [[1]], shape: 'null or a non-empty array of {"type", "mix"} components' },
  { format: 'x_ext', value: 3, shape: 'null or an object' },
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

  it('a value under a malformed format string stays a schema problem of the format', () => {
    const r = validate(segment({ format: ['Bad!'], values: [[5]] }));
    expect(r.errors.map((p) => [p.code, p.path])).toEqual([
      ['schema', '/format/0'],
      ['schema', '/values/0/0'],
    ]);
  });
});
