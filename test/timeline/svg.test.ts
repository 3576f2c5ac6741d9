// The timeline picture: golden SVGs of the proposals' examples (same input,
// same bytes), its content checked against the checker's own findings, and
// the 10,000-segment case aggregated. UPDATE_GOLDEN=1 rewrites the goldens.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { checkForTimeline, timelineData, timelineDocument, type TimelineInput } from '../../src/timeline/data.js';
import { timelineSvg } from '../../src/timeline/svg.js';
import { timelineTable } from '../../src/timeline/table.js';
import { validate } from '../../src/validate.js';

const GOLDEN = join(ROOT, 'test/timeline/golden');
const read = (f: string): TimelineInput => ({ label: f.split('/').at(-1)!, doc: JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as unknown });

/** Picture name → its inputs (in revision order). */
export const PICTURES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['option1-2024', ['spec/2024/examples/option1-estimated.json', 'spec/2024/examples/option1-validated.json']],
  ['option2-2024', ['spec/2024/examples/option2-both-columns.json']],
  ['gap-disclosure-2024', ['spec/2024/examples/gap-disclosure-page.json']],
  ['gap-disclosure-2026', ['spec/2026/examples/gap-disclosure-page.json']],
  ['per-quality-2024', ['docs/examples/patterns/separate-segments-per-quality.json']],
  ['nulls-2024', ['docs/examples/nulls-missing-reading.json']],
  ['gap-not-disclosed', ['docs/examples/mistakes/gap-not-disclosed.json']],
  ['gap-overlapping', ['docs/examples/mistakes/gap-overlapping.json']],
];

describe('timeline SVG goldens (test/timeline/golden/)', () => {
  it.each(PICTURES)('%s', (name, files) => {
    const data = timelineData(files.map(read));
    const svg = timelineSvg(data, { idPrefix: name });
    const file = join(GOLDEN, `${name}.svg`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, svg);
    expect(svg).toBe(readFileSync(file, 'utf8'));
    // Same input, same bytes.
    expect(timelineSvg(timelineData(files.map(read)), { idPrefix: name })).toBe(svg);
  });
});

describe('timeline content follows the checker', () => {
  it('holes and overlaps are exactly those the checker reports (timeline-hole, timeline-overlap)', () => {
    for (const [, files] of PICTURES) {
      const inputs = files.map(read);
      const data = timelineData(inputs);
      const checker = inputs.flatMap((i) => [...validate(i.doc).errors, ...validate(i.doc).warnings]);
      const count = (code: string) => checker.filter((p) => p.code === code).length;
      // One input at a time: a revision across inputs is drawn as before/after, not checked as an overlap.
      if (files.length === 1) {
        expect({ holes: data.rows.reduce((s, r) => s + r.holes.length, 0), overlaps: data.rows.reduce((s, r) => s + r.overlaps.length, 0) }).toEqual({ holes: count('timeline-hole'), overlaps: count('timeline-overlap') });
      }
    }
  });

  it('Option 1: the estimated version is drawn as "before" under the validated one', () => {
    const data = timelineData(PICTURES[0]![1].map(read));
    expect(data.rows).toHaveLength(1);
    expect(data.rows[0]!.lanes.map((l) => [l.kind, l.label, l.bars.length])).toEqual([
      ['data', 'validated', 1],
      ['before', 'before (option1-estimated.json)', 1],
    ]);
  });

  it('Option 2: the two columns side by side, one lane each', () => {
    const data = timelineData(PICTURES[1]![1].map(read));
    expect(data.rows[0]!.lanes.map((l) => l.label)).toEqual(['estimate', 'validated']);
  });

  it('null value sets are visible: the reading missing from one column, a whole set missing from both', () => {
    const data = timelineData([read('docs/examples/nulls-missing-reading.json')]);
    const lanes = data.rows.flatMap((r) => r.lanes.map((l) => [r.measurement, l.bars[0]!.nullSets]));
    expect(lanes).toEqual([
      ['kwh_fwd', 1],
      ['kwh_rev', 2],
    ]);
    expect(timelineSvg(data)).toContain('class="null"');
  });

  it('the text table lists every segment, hole and overlap', () => {
    const data = timelineData([read('docs/examples/mistakes/gap-not-disclosed.json')]);
    const table = timelineTable(data);
    const bars = data.rows.reduce((s, r) => s + r.lanes.reduce((t, l) => t + l.bars.length, 0), 0);
    expect((table.match(/<tr id=/g) ?? []).length).toBe(bars);
    expect((table.match(/<tr class="hole">/g) ?? []).length).toBe(data.rows.reduce((s, r) => s + r.holes.length, 0));
    expect(table).toContain('<caption>');
  });
});

/** A page of `n` hourly segments of one meter, every 97th missing (a hole), deterministic. */
function bigPage(n: number): unknown {
  const base = Date.parse('2024-01-01T00:00:00Z');
  const segs = [];
  for (let i = 0; i < n; i++) {
    if (i % 97 === 50) continue;
    segs.push({
      cds_usagesegment_id: `seg-${i}`,
      cds_created: '2024-06-01T00:00:00Z',
      cds_modified: '2024-06-01T00:00:00Z',
      related_aggregations: [],
      related_accounts: ['acct'],
      related_servicecontracts: ['sc'],
      related_servicepoints: ['sp'],
      related_meterdevices: ['md'],
      related_billsections: [],
      related_eacs: [],
      segment_start: new Date(base + i * 3_600_000).toISOString().replace('.000Z', 'Z'),
      segment_end: new Date(base + (i + 1) * 3_600_000).toISOString().replace('.000Z', 'Z'),
      interval: 900,
      format: ['kwh_fwd'],
      values: [[{ v: 1 }], i % 10 === 0 ? null : [{ v: 1 }], [{ v: 1 }], [{ v: 1 }]],
    });
  }
  return { usage_segments: segs, next: null, previous: null };
}

describe('scale', () => {
  it('1 segment: drawn as a bar with its tooltip', () => {
    const data = timelineData([read('spec/2024/examples/option1-validated.json')]);
    const svg = timelineSvg(data);
    expect(svg.match(/<rect id="tl-s0-doc[^"]*" class="data"/g)).toHaveLength(1);
    expect(svg).not.toContain('aggregated');
  });

  it('10,000 segments: aggregated per pixel column, and the picture says so; stays small', () => {
    const data = timelineData([{ label: 'big.json', doc: bigPage(10_000) }]);
    expect(data.segments).toBe(10_000 - Math.ceil((10_000 - 50) / 97));
    expect(data.rows[0]!.holes.length).toBe(Math.ceil((10_000 - 50) / 97) - 0);
    const svg = timelineSvg(data);
    expect(svg).toMatch(/aggregated: [\d,]+ bars drawn as \d+ one-pixel columns/);
    expect(svg.length).toBeLessThan(600_000);
    expect(timelineSvg(timelineData([{ label: 'big.json', doc: bigPage(10_000) }]))).toBe(svg);
  });
});

describe('timelineDocument (what a crawl keeps of a page for its report)', () => {
  it('draws the same picture as the page itself', () => {
    for (const f of ['docs/examples/nulls-missing-reading.json', 'spec/2024/examples/gap-disclosure-page.json', 'docs/examples/nulls-whole-value-set.json']) {
      const input = read(f);
      const light = { label: input.label, doc: timelineDocument(input.doc as Record<string, unknown>) };
      const checked = checkForTimeline(input.doc, {}).checked;
      expect(timelineSvg(timelineData([{ ...light, checked }]))).toBe(timelineSvg(timelineData([{ ...input, checked }])));
    }
  });
});
