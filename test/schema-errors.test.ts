// Ajv errors to schema problems: pruning is a pure function of the error list; messages follow the failed rule's schemaPath.
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { pruneErrors, schemaMessage, type AjvError } from '../src/schema-errors.js';
import { applyPatch, example } from './engine/helpers.js';

const err = (instancePath: string, schemaPath: string, keyword: string, params: Record<string, unknown> = {}, message?: string): AjvError => ({
  instancePath,
  schemaPath,
  keyword,
  params,
  ...(message === undefined ? {} : { message }),
});

const valueBranches = (p: string) => [
  err(p, '#/$defs/EnergyValue/type', 'type', { type: 'object' }),
  err(p, '#/$defs/GapValue/type', 'type', { type: 'object' }),
  err(p, '#/type', 'type', { type: 'array' }),
  err(p, '#/anyOf/4/type', 'type', { type: 'null' }),
  err(p, '#/anyOf', 'anyOf'),
];

const cases: { given: AjvError[]; want: [string, string][] }[] = [
  { given: [], want: [] },
  {
    // pattern and format of one date-time say the same thing: once
    given: [err('/cds_created', '#/$defs/DateTime/pattern', 'pattern'), err('/cds_created', '#/$defs/DateTime/format', 'format')],
    want: [['/cds_created', "/cds_created must be an RFC 3339 date-time with an offset (Z or ±hh:mm), such as 2024-01-15T00:00:00Z (the 2026 draft's type)"]],
  },
  {
    // the 2024 text's pattern (ISO 8601 date forms first) says what 2024 requires
    given: [err('/cds_created', '#/$defs/DateTime/pattern', 'pattern', { pattern: '^(\\d{4}-(\\d{2}-\\d{2}))' })],
    want: [['/cds_created', "/cds_created must be an ISO 8601 date and time, such as 2024-01-15T00:00:00Z (the 2024 draft's type)"]],
  },
  {
    given: [err('', '#/required', 'required', { missingProperty: 'values' })],
    want: [['', 'missing required property "values"']],
  },
  {
    // size keywords in our words, counted right (Ajv says "must NOT have fewer than 1 items")
    given: [err('/values', '#/properties/values/minItems', 'minItems', { limit: 1 }, 'must NOT have fewer than 1 items')],
    want: [['/values', '/values must have at least 1 item']],
  },
  {
    given: [err('/next', '#/properties/next/maxLength', 'maxLength', { limit: 2048, actual: 3000 }, 'must NOT have more than 2048 characters')],
    want: [['/next', '/next must have at most 2048 characters (got 3000)']],
  },
  {
    given: [err('/related_accounts', '#/$defs/RelatedIds/uniqueItems', 'uniqueItems', { i: 0, j: 1 })],
    want: [['/related_accounts', '/related_accounts must not repeat an id (items 1 and 0 are identical)']],
  },
  {
    // an anyOf whose branches failed only at the value: the anyOf, named by its branches
    given: valueBranches('/values/0/0'),
    want: [['/values/0/0', '/values/0/0: value must be null, {"v": number}, {"reason_type": string}, a non-empty supply-mix array or an object']],
  },
  {
    // a branch failed deeper (a supply-mix component): reported there, not the anyOf
    given: [...valueBranches('/values/1/0').slice(0, 2), err('/values/1/0/0', '#/$defs/SupplyMixComponent/type', 'type', { type: 'object' }, 'must be object'), ...valueBranches('/values/1/0').slice(2)],
    want: [['/values/1/0/0', '/values/1/0/0 must be object']],
  },
  {
    given: [err('/format/0', '#/$defs/KnownFormat/enum', 'enum'), err('/format/0', '#/anyOf/1/pattern', 'pattern'), err('/format/0', '#/anyOf', 'anyOf')],
    want: [['/format/0', "/format/0 must be a format string (a known format or an extension's)"]],
  },
  {
    // unknown rules fall back to Ajv's own message; if/oneOf are reported through their branches
    given: [err('/next', '#/properties/next/format', 'format', { format: 'uri' }, 'must match format "uri"'), err('', '#/if', 'if'), err('', '#/oneOf', 'oneOf')],
    want: [['/next', '/next must match format "uri"']],
  },
];

describe('pruneErrors and schemaMessage', () => {
  for (const [i, { given, want }] of cases.entries()) {
    it(`case ${i}: ${want.map(([p]) => p || '(root)').join(', ') || 'nothing'}`, () => {
      const frozen = Object.freeze(given.map((e) => Object.freeze({ ...e })));
      expect(pruneErrors(frozen).map((e) => [e.instancePath, schemaMessage(e)])).toEqual(want);
      // Pure: the same answer twice, the input untouched.
      expect(pruneErrors(frozen).map((e) => [e.instancePath, schemaMessage(e)])).toEqual(want);
    });
  }
});

describe('schema messages', () => {
  it('say what is wrong in the spec vocabulary, one problem per fault', () => {
    const seg = applyPatch(example('option1-estimated.json'), [
      { op: 'replace', path: '/format/0', value: 7 },
      { op: 'replace', path: '/related_accounts', value: ['a', 'a'] },
      { op: 'replace', path: '/cds_created', value: '15 February 2025' },
    ]);
    const msgs = validate(seg).errors.map((p) => [p.path, p.message]);
    expect(msgs).toEqual([
      ['/cds_created', "/cds_created must be an ISO 8601 date and time, such as 2024-01-15T00:00:00Z (the 2024 draft's type)"],
      ['/related_accounts', '/related_accounts must not repeat an id (items 1 and 0 are identical)'],
      ['/format/0', "/format/0 must be a format string (a known format or an extension's)"],
    ]);
  });
});
