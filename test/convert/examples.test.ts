// `convert` both ways on every example: outputs valid, every loss named.
// The expected losses are listed here by pointer and kind, so a change in
// what the converter reports is a reviewed change.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, ConvertInputError } from '../../src/convert/convert.js';
import { detectModel, validate } from '../../src/validate.js';
import { example } from '../helpers/examples.js';
import { ROOT } from '../helpers/paths.js';

const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as unknown;
const FIX = new URL('./fixtures/', import.meta.url).pathname;
const losses = (r: { losses: readonly { pointer: string; kind: string }[] }) => r.losses.map((l) => `${l.kind} ${l.pointer}`);

/** Every example file of one model's spec (2026 includes value-types/), as paths from the repository root. */
function examplesOf(model: '2024' | '2026'): string[] {
  const dir = `spec/${model}/examples/`;
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => dir + f)
    .sort();
}

/**
 * The expected losses (kind and pointer) of `convert` on every example, both
 * directions; [] is a conversion without loss. Every example file must have
 * a row here, so a new example is a reviewed change. A document already in
 * the target model crosses unchanged (asserted below), so its other direction
 * is the row.
 */
const EXPECTED_LOSSES: Readonly<Record<string, readonly string[]>> = {
  'spec/2024/examples/gap-disclosure-page.json': ['no-counterpart /usage_segments/0/related_eacs', 'no-counterpart /usage_segments/1/related_eacs', 'no-counterpart /usage_segments/1/format/0', 'no-counterpart /usage_segments/2/related_eacs'],
  'spec/2024/examples/option1-estimated.json': ['no-counterpart /related_eacs'],
  'spec/2024/examples/option1-validated.json': ['no-counterpart /related_eacs'],
  'spec/2024/examples/option2-both-columns.json': ['no-counterpart /related_eacs'],
  'spec/2024/examples/option2-estimated.json': ['no-counterpart /related_eacs'],
  'spec/2024/examples/supply-mix-attribution.json': ['no-counterpart /related_eacs', 'approximate /values/0/0/1/type'],
  'spec/2026/examples/gap-disclosure-page.json': ['dropped /usage_segments/0/formats/0/id', 'no-counterpart /usage_segments/1/formats/0', 'dropped /usage_segments/2/formats/0/id'],
  'spec/2026/examples/option1-estimated.json': ['dropped /formats/0/id'],
  'spec/2026/examples/option1-validated.json': ['dropped /formats/0/id'],
  'spec/2026/examples/option2-both-columns.json': ['dropped /formats/0/id', 'dropped /formats/1/id'],
  'spec/2026/examples/option2-estimated.json': ['dropped /formats/0/id'],
  'spec/2026/examples/supply-mix-attribution.json': ['approximate /formats/0/quality', 'dropped /formats/1/id', 'dropped /formats/2/id', 'dropped /formats/3/id', 'dropped /formats/0/id'],
  'spec/2026/examples/value-types/cost.json': ['approximate /formats/0/quality', 'no-counterpart /formats/1', 'dropped /formats/0/id'],
  'spec/2026/examples/value-types/electric-demand.json': ['no-counterpart /formats/0'],
  'spec/2026/examples/value-types/electric-supply-mix.json': ['dropped /formats/1/id', 'no-counterpart /formats/2', 'dropped /formats/0/id'],
  'spec/2026/examples/value-types/electric-usage.json': ['approximate /formats/0/quality', 'approximate /formats/1/quality', 'approximate /formats/2/quality', 'dropped /formats/0/id', 'dropped /formats/1/id', 'dropped /formats/2/id'],
  'spec/2026/examples/value-types/fuel-oil-usage.json': ['no-counterpart /formats/0'],
  'spec/2026/examples/value-types/meter-readings.json': ['no-counterpart /formats/0'],
  'spec/2026/examples/value-types/natural-gas-usage.json': ['no-counterpart /formats/0/tier', 'no-counterpart /formats/0/season', 'no-counterpart /formats/0/quality', 'dropped /formats/0/id'],
  'spec/2026/examples/value-types/water-usage.json': ['no-counterpart /formats/0/tier', 'no-counterpart /formats/0/season', 'no-counterpart /formats/0/quality', 'dropped /formats/0/id'],
};

/** Example files that are not usage segments or listing pages, so nothing to convert (the converter refuses them by name). */
const NOT_SEGMENTS = ['spec/2026/examples/server-metadata.json'];

describe('convert on every example of both models, both directions', () => {
  const all = [...examplesOf('2024'), ...examplesOf('2026')];

  it('every example file has a row of expected losses (or is named as not a segment)', () => {
    expect(all.filter((f) => !(f in EXPECTED_LOSSES) && !NOT_SEGMENTS.includes(f))).toEqual([]);
    expect(Object.keys(EXPECTED_LOSSES).filter((f) => !all.includes(f))).toEqual([]);
  });

  it.each(all.filter((f) => !NOT_SEGMENTS.includes(f)))('%s: the output validates in its target model (0 errors) and the losses are the expected ones', (file) => {
    const doc = read(join(ROOT, file));
    const from = file.startsWith('spec/2024/') ? '2024' : '2026';
    const to = from === '2024' ? '2026' : '2024';
    expect(validate(doc).errors, 'the example itself').toEqual([]);
    const r = convert(doc, to);
    expect(r.from).toBe(from);
    expect(detectModel(r.document)).toBe(to);
    expect(validate(r.document, { model: to }).errors).toEqual([]);
    expect(losses(r)).toEqual(EXPECTED_LOSSES[file]);
    // The other direction: a document already in the target model crosses unchanged, without loss.
    const same = convert(doc, from);
    expect(same).toMatchObject({ from, to: from, losses: [], assumptions: [] });
    expect(same.document).toEqual(doc);
  });

  it.each(NOT_SEGMENTS)('%s is refused by name: it is not a usage segment or listing page', (file) => {
    expect(() => convert(read(join(ROOT, file)), '2024')).toThrow(ConvertInputError);
    expect(() => convert(read(join(ROOT, file)), '2026')).toThrow(ConvertInputError);
  });
});

describe('convert on the 2024 examples', () => {
  it.each(examplesOf('2024').map((f) => f.slice('spec/2024/examples/'.length)))('%s: to 2026 and back, no further loss, valid 2024 again', (file) => {
    const doc = example(file);
    const there = convert(doc, '2026');
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
    expect(r.assumptions.map((a) => a.pointer)).toEqual(['/values/0/4/2']);
    const d = r.document as { format: string[] };
    expect(d.format).toEqual(['kwh_fwd_estimate', 'kwh_fwd', 'kwh_fwd', 'cds2026_electric_demand', 'supply_mix']);
    expect(validate(d).errors).toEqual([]);
  });

  it('a document already in the target model crosses unchanged, with no loss', () => {
    const doc = read(join(FIX, '2026-net-interval.json'));
    const r = convert(doc, '2026');
    expect(r).toMatchObject({ from: '2026', to: '2026', losses: [], assumptions: [] });
    expect(r.document).toEqual(doc);
  });
});
