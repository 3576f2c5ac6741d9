// The guards per model: each checks the document against its own model; the
// guard over every model detects it (or takes the `model` given).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUsageSegment, isUsageSegment2024, isUsageSegment2026, isUsageSegmentList, isUsageSegmentList2024, isUsageSegmentList2026 } from '../src/index.js';
import { ROOT } from './helpers/paths.js';

const read = (model: string, file: string): unknown => JSON.parse(readFileSync(`${ROOT}spec/${model}/examples/${file}`, 'utf8'));
const seg2024 = read('2024', 'option1-estimated.json');
const seg2026 = read('2026', 'option1-estimated.json');
const page2024 = read('2024', 'gap-disclosure-page.json');
const page2026 = read('2026', 'gap-disclosure-page.json');

describe('type guards per model', () => {
  it.each([
    { given: 'a 2024 segment', doc: seg2024, want: { s2024: true, s2026: false, any: true, as2024: true, as2026: false, l2024: false, l2026: false, list: false } },
    { given: 'a 2026 segment', doc: seg2026, want: { s2024: false, s2026: true, any: true, as2024: false, as2026: true, l2024: false, l2026: false, list: false } },
    { given: 'a 2024 page', doc: page2024, want: { s2024: false, s2026: false, any: false, as2024: false, as2026: false, l2024: true, l2026: false, list: true } },
    { given: 'a 2026 page', doc: page2026, want: { s2024: false, s2026: false, any: false, as2024: false, as2026: false, l2024: false, l2026: true, list: true } },
    { given: 'null', doc: null, want: { s2024: false, s2026: false, any: false, as2024: false, as2026: false, l2024: false, l2026: false, list: false } },
  ])('$given', ({ doc, want }) => {
    expect({
      s2024: isUsageSegment2024(doc),
      s2026: isUsageSegment2026(doc),
      any: isUsageSegment(doc),
      as2024: isUsageSegment(doc, { model: '2024' }),
      as2026: isUsageSegment(doc, { model: '2026' }),
      l2024: isUsageSegmentList2024(doc),
      l2026: isUsageSegmentList2026(doc),
      list: isUsageSegmentList(doc),
    }).toEqual(want);
  });
});
