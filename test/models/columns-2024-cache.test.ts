// columns2024 keeps the last format list it read (issue 24.7: the segments of
// a page mostly share one): a list changed in place between checks, or one
// that differs in a single string, must read afresh.
import { describe, expect, it } from 'vitest';
import { columns2024 } from '../../src/models/model-2024.js';

const labels = (format: unknown) => columns2024(format).list.map((c) => c.label);

describe('columns2024 with its last-list cache', () => {
  it.each([
    { given: [['kwh_fwd'], ['kwh_fwd']], want: [['kwh_fwd'], ['kwh_fwd']] },
    { given: [['kwh_fwd'], ['kwh_rev']], want: [['kwh_fwd'], ['kwh_rev']] },
    { given: [['kwh_fwd', 'gap'], ['kwh_fwd']], want: [['kwh_fwd', 'gap'], ['kwh_fwd']] },
    { given: [['kwh_fwd'], 'kwh_fwd', ['kwh_fwd']], want: [['kwh_fwd'], [], ['kwh_fwd']] },
  ])('$given', ({ given, want }) => {
    expect(given.map(labels)).toEqual(want);
  });

  it('a list changed in place after it was read reads afresh', () => {
    const format = ['kwh_fwd', 'kwh_rev'];
    expect(labels(format)).toEqual(['kwh_fwd', 'kwh_rev']);
    format[1] = 'kwh_net';
    expect(labels(format)).toEqual(['kwh_fwd', 'kwh_net']);
    format.push('gap');
    expect(columns2024(format).gap).toBe(true);
  });
});
