import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateUsageSegment, validateUsageSegmentList, validateUsageSegmentListRecommended, validateUsageSegmentRecommended } from '../../generated/2024/validators.js';
import { EXAMPLE_SCHEMAS, examplesDir, generatedDir, listFiles, readJson, runtimeValidators, type Validate } from './helpers.js';

const runtime = runtimeValidators(generatedDir);
const recommended = runtimeValidators(generatedDir, 'recommended');
const compiled: Record<string, Validate> = {
  UsageSegment: validateUsageSegment,
  UsageSegmentList: validateUsageSegmentList,
};

describe('the meeting examples', () => {
  it('maps every file in spec/2024/examples to a schema', () => {
    expect(listFiles(examplesDir, '.json')).toEqual(Object.keys(EXAMPLE_SCHEMAS).sort());
  });

  for (const [file, schema] of Object.entries(EXAMPLE_SCHEMAS)) {
    const example = readJson(join(examplesDir, file));

    it(`${file} is a valid ${schema} for Ajv compiled at run time (strict mode)`, () => {
      const validate = runtime(schema);
      expect(validate, `schema ${schema} is loaded`).toBeTypeOf('function');
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    });

    it(`${file} is a valid ${schema} for the validator compiled at build time`, () => {
      const validate = compiled[schema]!;
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    });

    it(`${file} without segment_start fails both validators`, () => {
      const broken = structuredClone(example) as Record<string, unknown>;
      const segment = (schema === 'UsageSegmentList'
        ? (broken.usage_segments as Record<string, unknown>[])[0]
        : broken) as Record<string, unknown>;
      delete segment.segment_start;
      expect(runtime(schema)(broken)).toBe(false);
      expect(compiled[schema]!(broken)).toBe(false);
    });
  }
});

describe('the gap disclosure page', () => {
  const page = readJson(join(examplesDir, 'gap-disclosure-page.json')) as {
    usage_segments: { segment_start: string; segment_end: string; values: unknown[]; format: string[] }[];
  };

  it('holds the minutes’ three segments with 356, 1 and 2616 value sets', () => {
    expect(page.usage_segments.map((s) => s.values.length)).toEqual([356, 1, 2616]);
    expect(page.usage_segments.map((s) => s.format)).toEqual([['kwh_fwd'], ['gap'], ['kwh_fwd']]);
  });

  it('uses the exact timestamps of the minutes', () => {
    expect(page.usage_segments.map((s) => [s.segment_start, s.segment_end])).toEqual([
      ['2024-01-15T00:00:00Z', '2024-01-18T17:00:00Z'],
      ['2024-01-18T17:00:00Z', '2024-01-18T18:00:00Z'],
      ['2024-01-18T18:00:00Z', '2024-02-15T00:00:00Z'],
    ]);
  });
});

describe('schema rules the examples rely on', () => {
  const segment = readJson(join(examplesDir, 'option2-both-columns.json')) as Record<string, unknown>;
  // What the 2024 draft requires: the text's schemas and the recommended profile both reject it.
  const cases: { given: string; change: (s: Record<string, unknown>) => void }[] = [
    { given: 'a date-time that is no ISO 8601 date and time', change: (s) => (s.segment_end = '15 Feb 2024') },
    { given: 'interval as a string', change: (s) => (s.interval = '900') },
    { given: 'a repeated related id', change: (s) => (s.related_accounts = ['a', 'a']) },
    { given: 'a format that is not a string', change: (s) => (s.format = [1, 'kwh_fwd']) },
    { given: 'a value set that is null', change: (s) => (s.values = [null]) },
    { given: 'a value set that is a number', change: (s) => (s.values = [3]) },
  ];
  // What only this package decided: the text's schemas accept it, the recommended profile does not.
  const decisions: { given: string; change: (s: Record<string, unknown>) => void }[] = [
    { given: 'a date-time without offset (ISO 8601, not RFC 3339)', change: (s) => (s.segment_end = '2024-02-15T00:00:00') },
    { given: 'a date-time in ISO 8601 basic form', change: (s) => (s.segment_end = '20240215T000000Z') },
    { given: 'interval 0', change: (s) => (s.interval = 0) },
    { given: 'an empty format', change: (s) => (s.format = []) },
    { given: 'a format with capitals', change: (s) => (s.format = ['KWH_FWD', 'kwh_fwd']) },
    { given: 'an empty id', change: (s) => (s.cds_usagesegment_id = '') },
    { given: 'related_eacs null', change: (s) => (s.related_eacs = null) },
  ];
  // A value's shape depends on its column (checked by the rules, not the schema),
  // so any JSON value is schema-valid in a value set: a supply mix share above 1
  // is a `value-shape` warning, an array in an `eacs` column is fine.
  it('accepts any JSON value inside a value set', () => {
    for (const v of [[{ type: 'solar', mix: 1.5 }], 3, 'x', [1, 2], { any: 'thing' }, true]) {
      const s = structuredClone(segment);
      s.values = [[v, null]];
      expect(runtime('UsageSegment')(s)).toBe(true);
      expect(validateUsageSegment(s)).toBe(true);
    }
  });

  for (const { given, change } of cases) {
    it(`rejects ${given}`, () => {
      const broken = structuredClone(segment);
      change(broken);
      expect(runtime('UsageSegment')(broken)).toBe(false);
      expect(validateUsageSegment(broken)).toBe(false);
      expect(recommended('UsageSegment')(broken)).toBe(false);
      expect(validateUsageSegmentRecommended(broken)).toBe(false);
    });
  }
  for (const { given, change } of decisions) {
    it(`accepts ${given}, which only the recommended profile rejects`, () => {
      const changed = structuredClone(segment);
      change(changed);
      expect(runtime('UsageSegment')(changed)).toBe(true);
      expect(validateUsageSegment(changed)).toBe(true);
      expect(recommended('UsageSegment')(changed)).toBe(false);
      expect(validateUsageSegmentRecommended(changed)).toBe(false);
    });
  }
});

describe('page links', () => {
  const page = readJson(join(examplesDir, 'gap-disclosure-page.json')) as Record<string, unknown>;
  const { maxLength } = (readJson(join(generatedDir, 'schemas/recommended/UsageSegmentList.json')) as {
    properties: { next: { maxLength: number } };
  }).properties.next;
  const base = 'https://cds.utility.test/api/usagesegments?page=';
  const link = (length: number) => base + 'x'.repeat(length - base.length);

  it('accepts a next link of exactly the recommended maxLength characters', () => {
    const doc = { ...page, next: link(maxLength) };
    expect((doc.next as string).length).toBe(maxLength);
    expect(validateUsageSegmentListRecommended(doc)).toBe(true);
  });

  it('the recommended profile rejects a link one character longer; the text sets no length', () => {
    expect(validateUsageSegmentListRecommended({ ...page, next: link(maxLength + 1) })).toBe(false);
    expect(recommended('UsageSegmentList')({ ...page, previous: link(maxLength + 1) })).toBe(false);
    expect(validateUsageSegmentList({ ...page, next: link(maxLength + 1) })).toBe(true);
    expect(runtime('UsageSegmentList')({ ...page, previous: link(maxLength + 1) })).toBe(true);
  });

  it('the text lets a page leave out next and previous (the recommended profile does not)', () => {
    const { next: _n, previous: _p, ...bare } = page;
    expect(validateUsageSegmentList(bare)).toBe(true);
    expect(validateUsageSegmentListRecommended(bare)).toBe(false);
  });
});
