// Issue 25.1: 2026 `formats: []` with a non-empty value set was valid: the value loop ran only when there were columns.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { codes, segment, segment2026 } from '../../helpers/documents.js';

describe('value sets against an empty column list', () => {
  const cases: { name: string; given: Record<string, unknown>; want: [string, string][] }[] = [
    { name: '2026 formats [] and one value in a value set: value-set-length', given: segment2026({ formats: [], values: [[{ eu: 1.2 }]] }), want: [['withheld-values', '/values'], ['value-set-length', '/values/0']] },
    { name: '2026 formats [] and a null: value-set-length (a null is a value too)', given: segment2026({ formats: [], values: [[null]] }), want: [['withheld-values', '/values'], ['value-set-length', '/values/0']] },
    // Issue 20: §7.2.8.1 L2727, no columns only when every type is withheld, and then values is [] too.
    { name: '2026 formats [] and an empty value set: withheld-values only', given: segment2026({ formats: [], values: [[]] }), want: [['withheld-values', '/values']] },
    { name: '2026 formats [] and no value sets: nothing', given: segment2026({ formats: [], values: [] }), want: [] },
    {
      name: '2026 formats [] and two value sets, the second empty: only the first',
      given: segment2026({ formats: [], segment_end: '2024-01-03T00:00:00Z', values: [[{ wu: 1 }, { wu: 2 }], []] }),
      want: [['withheld-values', '/values'], ['value-set-length', '/values/0']],
    },
    { name: '2026 formats missing: the schema error only (the field takes no part in the rules)', given: segment2026({ formats: undefined, values: [[{ wu: 1 }]] }), want: [['schema', '']] },
    { name: '2026 formats not an array: the schema error only', given: segment2026({ formats: {}, values: [[{ wu: 1 }]] }), want: [['schema', '/formats']] },
    // Issue 20: `format: []` is legal (the draft requires the field, not an entry), so its value set is measured against 0 columns like 2026's.
    { name: '2024 format [] with a value: value-set-length, beside the empty-format warning', given: segment({ format: [], values: [[{ v: 1 }]] }), want: [['value-set-length', '/values/0'], ['empty-format', '/format']] },
  ];
  for (const c of cases) it(c.name, () => expect(codes(validate(JSON.parse(JSON.stringify(c.given))))).toEqual(c.want));

  it('the message says how many entries formats has', () => {
    expect(validate(segment2026({ formats: [], values: [[{ eu: 1.2 }]] })).errors.find((e) => e.code === 'value-set-length')!.message).toBe('value set has 1 value, but formats has 0 entries: give one value (or null) per formats entry');
  });
});
