// src/rules/segment.ts: messages that say how to fix (issue 13). A wrong
// interval arithmetic names the field to change and the value that would be
// right; counts read as English ("1 value set"); advice in the model's terms.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate, type Problem } from '../../src/index.js';
import { ROOT, deepFreeze, example } from '../engine/helpers.js';

/** Option 1's segment re-timed: `n` value sets of `interval` s from 2024-01-01T00:00:00Z to `end`. */
function segment(end: string, n: number, interval = 900) {
  const s = example('option1-estimated.json');
  return { ...s, segment_start: '2024-01-01T00:00:00Z', segment_end: end, interval, values: Array.from({ length: n }, () => [{ v: 1.5 }]) };
}

function onlyError(doc: unknown): Problem {
  const r = validate(deepFreeze(doc));
  expect(r.warnings).toEqual([]);
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
}

describe('interval-arithmetic', () => {
  it('points at /segment_end with the expected instant when segment_end is off the interval grid', () => {
    const p = onlyError(segment('2024-01-01T01:10:00Z', 4));
    expect(p).toMatchObject({ code: 'interval-arithmetic', path: '/segment_end' });
    expect(p.message).toBe('segment_end must be 2024-01-01T01:00:00Z for 4 value sets of 900 s (segment_start + 4 × 900 s); it is 4200 s after segment_start');
  });

  it('points at /values with the expected count when segment_end is on the grid but the count differs', () => {
    const p = onlyError(segment('2024-01-01T01:00:00Z', 3));
    expect(p).toMatchObject({ code: 'interval-arithmetic', path: '/values' });
    expect(p.message).toBe(
      'values has 3 value sets, but segment_start to segment_end (3600 s) at an interval of 900 s needs 4 value sets; or, if the values are right, segment_end must be 2024-01-01T00:45:00Z',
    );
    // One too many is the same field (an off-by-one segment_end reads the same way).
    expect(onlyError(segment('2024-01-01T00:45:00Z', 4))).toMatchObject({ path: '/values', message: expect.stringMatching(/^values has 4 value sets, .* needs 3 value sets; .* segment_end must be 2024-01-01T01:00:00Z$/) });
  });

  it('says "1 value set" and offers the interval that fits a single value set', () => {
    const p = onlyError(segment('2024-01-01T00:20:00Z', 1));
    expect(p).toMatchObject({ code: 'interval-arithmetic', path: '/segment_end' });
    expect(p.message).toBe('segment_end must be 2024-01-01T00:15:00Z for 1 value set of 900 s (segment_start + 1 × 900 s); it is 1200 s after segment_start; or, if segment_end is right, interval must be 1200 s');
    expect(onlyError(segment('2024-01-01T00:30:00Z', 1)).message).toMatch(/^values has 1 value set, .* needs 2 value sets;/);
  });

  it('keeps sub-millisecond digits of segment_start in the expected instant', () => {
    const s = { ...segment('2024-01-01T01:10:00Z', 4), segment_start: '2024-01-01T00:00:00.0000001Z' };
    expect(onlyError(s).message).toMatch(/^segment_end must be 2024-01-01T01:00:00\.0000001Z for 4 value sets/);
  });
});

describe('value-set-length', () => {
  it('counts in English and says what to give', () => {
    const s = { ...segment('2024-01-01T00:15:00Z', 1), values: [[{ v: 1 }, { v: 2 }]] };
    expect(onlyError(s)).toMatchObject({
      code: 'value-set-length',
      path: '/values/0',
      message: 'value set has 2 values, but format has 1 entry: give one value (or null) per format entry',
    });
  });
});

describe('unknown-format (strict) says what the model offers for a column it does not define', () => {
  const meta = {
    cds_customerdata_version: 'v1',
    cds_usagesegments_api: 'https://utility.example/cds/usage-segments',
    cds_usagesegments_additional_value_types: { exampleutility_gap: { type: 'exampleutility_gap', name: 'Gap reason', description: 'Why usage is missing.', documentation: 'https://utility.example/gap' } },
  };
  const page2026 = () => JSON.parse(readFileSync(`${ROOT}spec/2026/examples/gap-disclosure-page.json`, 'utf8'));
  const unknownFormat = (r: { warnings: Problem[] }) => r.warnings.filter((w) => w.code === 'unknown-format');

  it('2024: an extension format, whose values clients ignore', () => {
    const s = { ...example('option1-estimated.json'), format: ['kwh_fwd', 'exampleutility_note'] };
    s.values = s.values.map((vs: unknown[]) => [...vs, null]);
    const found = unknownFormat(validate(deepFreeze(s), { strict: true }));
    expect(found.map((w) => [w.path, w.message])).toEqual([['/format/1', 'format "exampleutility_note" is an extension format; clients ignore its values']]);
  });

  it('2026: a type the draft does not define, named with its Value Format, and how a Server declares it; declared, no finding', () => {
    const found = unknownFormat(validate(deepFreeze(page2026()), { strict: true }));
    expect(found.map((w) => w.path)).toEqual(['/usage_segments/1/formats/0']);
    expect(found[0]!.message).toBe(
      'Value Format exampleutility_gap "outage": type "exampleutility_gap" is not defined by the draft, and no Server Metadata given to the checker declares it; clients ignore its values unless the Server describes the type in cds_usagesegments_additional_value_types',
    );
    expect(unknownFormat(validate(deepFreeze(page2026()), { strict: true, serverMetadata: meta }))).toEqual([]);
  });
});

describe('date-time findings in the fields’ order', () => {
  // checkSegment reads segment_start and segment_end before cds_created and cds_modified (the date-time memo, src/time.ts), yet reports in the fields' order.
  it('a segment whose four date-times name no real instant draws four findings: created, modified, start, end', () => {
    const unreal = '2024-02-30T00:00:00Z';
    const doc = { ...example('option1-estimated.json'), cds_created: unreal, cds_modified: unreal, segment_start: unreal, segment_end: unreal };
    const r = validate(deepFreeze(doc));
    const dates = r.errors.filter((p) => p.message.includes('is not a real date and time')).map((p) => p.path);
    expect(dates).toEqual(['/cds_created', '/cds_modified', '/segment_start', '/segment_end']);
  });

  it('on a page too: a segment with an unreal created and an unreal end lists created first', () => {
    const seg = { ...example('option1-estimated.json'), cds_created: '2024-13-01T00:00:00Z', segment_end: '2024-02-30T00:00:00Z' };
    const r = validate(deepFreeze({ usage_segments: [seg], next: null, previous: null }));
    const dates = r.errors.filter((p) => p.message.includes('is not a real date and time')).map((p) => p.path);
    expect(dates).toEqual(['/usage_segments/0/cds_created', '/usage_segments/0/segment_end']);
  });
});
