// Issue 25.2: 2024 `["__proto__", "__proto__"]` in a related_* list passed while `["a", "a"]` did not. Ajv's compiled
// uniqueItems keys a plain object by the item, and "__proto__" finds Object.prototype (not a number), so the repeat
// went unseen. The schema pass now checks the model's unique lists again with a Set and reports what Ajv would.
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/index.js';
import { codes, page, segment, segment2026 } from '../../helpers/documents.js';

/** A segment parsed from JSON text, so that "__proto__" is an own member as JSON.parse makes it. */
const parsed = (doc: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(doc));

describe('a repeated id in a 2024 related_* list, whatever the id', () => {
  const cases: { name: string; given: Record<string, unknown>; want: [string, string][] }[] = [
    { name: '["a", "a"]: schema (Ajv finds it)', given: segment({ related_accounts: ['a', 'a'] }), want: [['schema', '/related_accounts']] },
    { name: '["__proto__", "__proto__"]: schema (Ajv misses it; our check finds it)', given: segment({ related_accounts: ['__proto__', '__proto__'] }), want: [['schema', '/related_accounts']] },
    // related_eacs is not a field of the draft (issue 20): its shape, uniqueness included, is only recommended.
    { name: '["x", "y", "x"] in related_eacs: a related-eacs-shape warning, no error', given: segment({ related_eacs: ['x', 'y', 'x'] }), want: [['related-eacs-shape', '/related_eacs']] },
    { name: '["constructor", "constructor"]: schema', given: segment({ related_meterdevices: ['constructor', 'constructor'] }), want: [['schema', '/related_meterdevices']] },
    { name: '["toString", "hasOwnProperty", "valueOf"]: nothing (unique)', given: segment({ related_meterdevices: ['toString', 'hasOwnProperty', 'valueOf'] }), want: [] },
    { name: '["__proto__"] once: nothing', given: segment({ related_accounts: ['__proto__'] }), want: [] },
    {
      name: 'in a page: the segment with the repeat, once',
      given: page(segment({}), segment({ cds_usagesegment_id: 's2', related_accounts: ['__proto__', '__proto__'], segment_start: '2024-01-01T00:15:00Z', segment_end: '2024-01-01T00:30:00Z' })),
      want: [['schema', '/usage_segments/1/related_accounts']],
    },
    { name: 'both a repeated "a" and a repeated "__proto__": one schema error for the list', given: segment({ related_accounts: ['__proto__', 'a', '__proto__', 'a'] }), want: [['schema', '/related_accounts']] },
  ];
  for (const c of cases) it(c.name, () => expect(codes(validate(parsed(c.given)))).toEqual(c.want));

  it('the message is the one Ajv gives for any other repeat', () => {
    const mine = validate(parsed(segment({ related_accounts: ['__proto__', 'b', '__proto__'] }))).errors[0]!.message;
    const ajv = validate(parsed(segment({ related_accounts: ['a', 'b', 'a'] }))).errors[0]!.message;
    expect(mine).toBe(ajv);
    expect(mine).toBe('/related_accounts must not repeat an id (items 2 and 0 are identical)');
  });

  it('a list with a repeat takes no part in the timeline (like any schema error there)', () => {
    const r = validate(parsed(page(segment({ related_accounts: ['__proto__', '__proto__'] }), segment({ cds_usagesegment_id: 's2', related_accounts: ['__proto__', '__proto__'] }))));
    expect(codes(r)).toEqual([
      ['schema', '/usage_segments/0/related_accounts'],
      ['schema', '/usage_segments/1/related_accounts'],
    ]);
  });

  it('2026 lists have uniqueItems too (issue 20: §10.8.1 L5461 is the sentence of 2024-09 L461): a repeated "__proto__" is a schema error', () => {
    const r = validate(parsed(page(segment2026({ related_accounts: ['__proto__', '__proto__'] }), segment2026({ cds_usagesegment_id: 's2', related_accounts: ['__proto__'] }))));
    expect(codes(r)).toEqual([['schema', '/usage_segments/0/related_accounts']]);
  });
});
