// `convert` both ways on every example: outputs valid, every loss named.
// The expected losses are listed here by pointer and kind, so a change in
// what the converter reports is a reviewed change.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert/convert.js';
import { validate } from '../../src/validate.js';
import { EXAMPLES, example } from '../helpers/examples.js';
import { ROOT } from '../helpers/paths.js';

const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as unknown;
const FIX = new URL('./fixtures/', import.meta.url).pathname;
const losses = (r: { losses: readonly { pointer: string; kind: string }[] }) => r.losses.map((l) => `${l.kind} ${l.pointer}`);

/** The 2026 schema validators, once the 2026 model is generated (spec's work); until then the 2026 side is checked by shape only. */
const GENERATED_2026 = join(ROOT, 'generated/2026/validators.ts');

describe('convert on the 2024 examples', () => {
  it.each([
    ['gap-disclosure-page.json', ['no-counterpart /usage_segments/0/related_eacs', 'no-counterpart /usage_segments/1/related_eacs', 'no-counterpart /usage_segments/1/format/0', 'no-counterpart /usage_segments/2/related_eacs']],
    ['option1-estimated.json', ['no-counterpart /related_eacs']],
    ['option1-validated.json', ['no-counterpart /related_eacs']],
    ['option2-both-columns.json', ['no-counterpart /related_eacs']],
    ['supply-mix-attribution.json', ['no-counterpart /related_eacs', 'approximate /values/0/0/1/type']],
  ])('%s: to 2026 and back, valid 2024 again, losses named', (file, want) => {
    const doc = example(file);
    const there = convert(doc, '2026');
    expect(there.from).toBe('2024');
    expect(losses(there)).toEqual(want);
    const back = convert(there.document, '2024');
    expect(back.losses).toEqual([]);
    expect(validate(back.document).errors).toEqual([]);
    // Wherever nothing was reported lost, the round trip gives back the original: here everything but related_eacs.
    const strip = (d: unknown) => JSON.parse(JSON.stringify(d, (k, v) => (k === 'related_eacs' ? undefined : v)));
    if (!file.startsWith('supply-mix')) expect(back.document).toEqual(strip(doc));
  });

  it("Option 2 in 2026: two electric_usage columns that differ only in quality, values under `eu`", () => {
    const r = convert(example('option2-both-columns.json'), '2026');
    const d = r.document as { formats: unknown[]; values: unknown[] };
    expect(d.formats).toEqual([
      { id: 'kwh_fwd_estimate', type: 'electric_usage', units: 'kWh', direction: 'forward', quality: 'estimated' },
      { id: 'kwh_fwd', type: 'electric_usage', units: 'kWh', direction: 'forward', quality: 'valid' },
    ]);
    expect(d.values).toEqual([[{ eu: 499.9 }, { eu: 500 }]]);
  });

  it('the gap segment crosses under an undeclared, prefixed Server type and comes back as `gap`', () => {
    const r = convert(example('gap-disclosure-page.json'), '2026');
    const seg = (r.document as { usage_segments: { formats: unknown[]; values: unknown[] }[] }).usage_segments[1]!;
    expect(seg.formats).toEqual([{ id: 'gap', type: 'cds2024_gap' }]);
    expect(seg.values).toEqual([[{ reason_type: 'outage' }]]);
  });

  it.skipIf(!existsSync(GENERATED_2026))('every 2026 output passes the generated 2026 schema validators (skipped while generated/2026/validators.ts does not exist: the 2026 model is not generated yet)', async () => {
    const v = (await import(GENERATED_2026)) as Record<string, (d: unknown) => boolean>;
    const validateSegment = v.validateUsageSegment!;
    const validateList = v.validateUsageSegmentList!;
    for (const file of EXAMPLES) {
      const out = convert(example(file), '2026').document as Record<string, unknown>;
      expect('usage_segments' in out ? validateList(out) : validateSegment(out), file).toBe(true);
    }
  });
});

describe('convert on 2026 documents', () => {
  it('a net interval segment in Wh: numbers move to kWh exactly; the sync time and the format id are named losses', () => {
    const r = convert(read(join(FIX, '2026-net-interval.json')), '2024');
    expect(losses(r)).toEqual(['no-counterpart /cds_synced', 'dropped /formats/0/id']);
    const d = r.document as { format: string[]; values: unknown[] };
    expect(d.format).toEqual(['kwh_net_raw']);
    expect(d.values).toEqual([[{ v: 1.234 }], [{ v: 0.94 }], [{ v: -0.1105 }], [null]]);
    expect(validate(d).errors).toEqual([]);
  });

  it('settlement runs, demand, billing fields and per-value certificates: each a named loss', () => {
    const r = convert(read(join(FIX, '2026-option2-settlement.json')), '2024');
    expect(losses(r)).toEqual([
      'no-counterpart /formats/1/tou',
      'approximate /formats/1/quality',
      'approximate /formats/2/quality',
      'no-counterpart /formats/3',
      'dropped /formats/4/id',
      'dropped /formats/5/id',
      'no-counterpart /values/0/4/eacs',
      'dropped /formats/2',
      'dropped /formats/0/id',
      'dropped /formats/1/id',
      'dropped /formats/2/id',
    ]);
    expect(r.assumptions.map((a) => a.pointer)).toEqual(['/values/0/3/2']);
    const d = r.document as { format: string[] };
    expect(d.format).toEqual(['kwh_fwd_estimate', 'kwh_fwd', 'kwh_fwd', 'supply_mix']);
    expect(validate(d).errors).toEqual([]);
  });

  it('a document already in the target model crosses unchanged, with no loss', () => {
    const doc = read(join(FIX, '2026-net-interval.json'));
    const r = convert(doc, '2026');
    expect(r).toMatchObject({ from: '2026', to: '2026', losses: [], assumptions: [] });
    expect(r.document).toEqual(doc);
  });
});
