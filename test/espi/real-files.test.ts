/**
 * The eight public Green Button files (test/fixtures/espi/, see its NOTICE)
 * imported and checked: what each imports to, what the import report says,
 * and the checker's exact findings on the page, in both models.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importEspi, type EspiImportResult } from '../../src/espi/import.js';
import { validate } from '../../src/validate.js';

const DIR = new URL('../fixtures/espi/', import.meta.url);
const NOW = '2026-01-01T00:00:00Z';

function load(file: string): string {
  return readFileSync(new URL(file, DIR), 'utf8');
}

/** `level:kind` → how many notes of it. */
function kinds(r: EspiImportResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of r.notes) out[`${n.level}:${n.kind}`] = (out[`${n.level}:${n.kind}`] ?? 0) + 1;
  return out;
}

function findings(doc: unknown, model: '2024' | '2026'): { code: string; path: string }[] {
  const v = validate(doc, { model, kind: 'list' });
  return [...v.errors, ...v.warnings].map(({ code, path }) => ({ code, path }));
}

const GAS_FINDINGS = [
  // Autumn clock changes: a billing period starts an hour before the previous one ends.
  { code: 'timeline-overlap', path: '/usage_segments/6' },
  { code: 'timeline-overlap', path: '/usage_segments/18' },
  { code: 'timeline-overlap', path: '/usage_segments/30' },
  // Spring clock changes: an hour between two billing periods.
  { code: 'timeline-hole', path: '/usage_segments/10' },
  { code: 'timeline-hole', path: '/usage_segments/22' },
  { code: 'timeline-hole', path: '/usage_segments/34' },
];

interface Case {
  file: string;
  segments: number;
  readings: { in: number; out: number; accounted: number };
  notes: Record<string, number>;
  findings: { code: string; path: string }[];
}

const CASES: Case[] = [
  { file: 'openespi-test_usage_data.xml', segments: 3, readings: { in: 1340, out: 1340, accounted: 0 }, notes: { 'warning:not-carried': 2 }, findings: [] },
  {
    file: 'verdigris-ESPIIntervalBlock.xml',
    segments: 0,
    readings: { in: 444, out: 0, accounted: 444 },
    notes: { 'error:no-reading-type': 1 },
    findings: [],
  },
  {
    file: 'verdigris-PGEIntervalBlock.xml',
    segments: 0,
    // 2,280 readings in the last of 24 publications, 276 superseded by it.
    readings: { in: 2556, out: 0, accounted: 2556 },
    notes: { 'warning:revised': 1, 'error:no-reading-type': 1 },
    findings: [],
  },
  { file: 'verdigris-PGEReadingType.xml', segments: 0, readings: { in: 0, out: 0, accounted: 0 }, notes: { 'warning:no-readings': 1 }, findings: [] },
  {
    file: 'gbo-ngma-gas-billing-2021-2024.xml',
    segments: 35,
    readings: { in: 35, out: 35, accounted: 0 },
    notes: { 'warning:outside-block': 1 },
    findings: GAS_FINDINGS,
  },
  {
    file: 'eddie-utilityapi-Batch.xml',
    segments: 2,
    readings: { in: 67, out: 67, accounted: 0 },
    notes: { 'warning:direction': 1 },
    findings: [{ code: 'timeline-hole', path: '/usage_segments/1' }],
  },
  {
    file: 'eddie-BatchWithInvalidIntervalBlock.xml',
    segments: 0,
    readings: { in: 0, out: 0, accounted: 0 },
    notes: { 'error:bad-entry': 1, 'warning:no-readings': 1 },
    findings: [],
  },
  {
    file: 'gbo-Coastal_Multi_Family_12hr_2011.xml',
    segments: 1,
    readings: { in: 8760, out: 8760, accounted: 0 },
    notes: { 'warning:outside-block': 1, 'warning:not-carried': 1 },
    findings: [],
  },
];

describe('the eight public Green Button files', () => {
  for (const c of CASES) {
    describe(c.file, () => {
      const text = load(c.file);
      const r = importEspi(text, { now: NOW });

      it('imports with every reading accounted for', () => {
        expect({ segments: r.document.usage_segments.length, readings: r.readings, notes: kinds(r) }).toEqual({ segments: c.segments, readings: c.readings, notes: c.notes });
        expect(r.readings.in).toBe(r.readings.out + r.readings.accounted);
        expect(r.errors).toBe(r.notes.filter((n) => n.level === 'error').length);
      });

      it('gives a 2026 page whose checker findings are exactly the expected ones', () => {
        expect(validate(r.document, { model: '2026', kind: 'list' }).valid).toBe(true);
        expect(findings(r.document, '2026')).toEqual(c.findings);
      });

      it('gives the same findings on the 2024 page (through the converter)', () => {
        const r24 = importEspi(text, { now: NOW, to: '2024' });
        expect(validate(r24.document, { model: '2024', kind: 'list' }).valid).toBe(true);
        expect(findings(r24.document, '2024')).toEqual(c.findings);
      });
    });
  }

  it('the invalid batch gets a clear error naming the entry, and nothing else of it is lost', () => {
    const r = importEspi(load('eddie-BatchWithInvalidIntervalBlock.xml'), { now: NOW });
    expect(r.notes.filter((n) => n.level === 'error')).toEqual([
      { level: 'error', kind: 'bad-entry', path: '/feed/entry[5]/content', message: 'the content is text ("INVALID"), not an ESPI resource; the entry is not imported', readings: 0 },
    ]);
  });

  it('the gas billing file: 35 periods of therm × 10^-3 with USD cost, each period a segment of one value set (§10.8.1)', () => {
    const r = importEspi(load('gbo-ngma-gas-billing-2021-2024.xml'), { now: NOW });
    const first = r.document.usage_segments[0] as Record<string, unknown>;
    expect(first).toMatchObject({
      segment_start: '2021-05-26T00:00:00Z',
      interval: 3024000,
      formats: [
        { id: 'usage', type: 'natural_gas_usage', units: 'therm' },
        { id: 'cost', type: 'cost', currency: 'USD', indexes: [0] },
      ],
      values: [[{ gu: 37 }, { c: 51 }]],
      cds_synced: '2024-06-21T00:00:00Z',
    });
    // Periods of varying length: one value set each, even where two neighbours have the same length.
    expect((r.document.usage_segments as { values: unknown[] }[]).map((s) => s.values.length)).toEqual(Array(35).fill(1));
  });

  it('the PGE feed: one block published 24 times is one revision note that counts the superseded readings', () => {
    const r = importEspi(load('verdigris-PGEIntervalBlock.xml'), { now: NOW });
    const revised = r.notes.find((n) => n.kind === 'revised')!;
    expect(revised.readings).toBe(2556 - 2280);
    expect(revised.path).toBe('/feed/entry[24]');
    expect(revised.message).toMatch(/is published 24 times .*; 1, 2, 3, .* 2280 readings\)/);
  });

  it('the UtilityAPI batch: reverse flow in Wh × 10^-3, written negative (grid to customer is positive)', () => {
    const r = importEspi(load('eddie-utilityapi-Batch.xml'), { now: NOW });
    const [a, b] = r.document.usage_segments as Record<string, unknown>[];
    expect(a).toMatchObject({ interval: 900, formats: [{ type: 'electric_usage', units: 'Wh', direction: 'reverse' }], values: [[{ eu: -10 }], [{ eu: -10 }]] });
    expect((b!.values as unknown[]).length).toBe(65);
    expect(a!.related_servicepoints).toEqual(['https://utilityapi.com/DataCustodian/espi/1_1/resource/Subscription/467189/UsagePoint/1669851']);
  });

  it('the OpenESPI sample: the two readings with ReadingQuality 8 and 7 are segments of their own (estimated, manual)', () => {
    const r = importEspi(load('openespi-test_usage_data.xml'), { now: NOW });
    const segs = r.document.usage_segments as { formats: { quality?: string }[]; values: unknown[] }[];
    expect(segs.map((s) => [s.formats[0]!.quality, s.values.length])).toEqual([
      ['estimated', 1],
      ['manual', 1],
      [undefined, 1338],
    ]);
    const columns = importEspi(load('openespi-test_usage_data.xml'), { now: NOW, quality: 'columns' });
    const [one] = columns.document.usage_segments as { formats: { id: string; quality?: string }[]; values: unknown[][] }[];
    expect(columns.document.usage_segments).toHaveLength(1);
    expect(one!.formats.map((f) => [f.id, f.quality])).toEqual([
      ['usage_estimated', 'estimated'],
      ['usage_manual', 'manual'],
      ['usage_unknown', undefined],
      ['cost', undefined],
    ]);
    expect(one!.values[0]).toEqual([{ eu: 282 }, null, null, { c: 0.00974 }]);
    expect(findings(columns.document, '2026')).toEqual([]);
  });
});

describe('writePage', () => {
  it('writes, piece by piece, exactly the page `document` holds (every real file, both quality modes)', () => {
    for (const c of CASES) {
      for (const quality of ['split', 'columns'] as const) {
        const r = importEspi(load(c.file), { now: NOW, quality });
        let text = '';
        r.writePage((t) => void (text += t));
        expect(JSON.parse(text), `${c.file} ${quality}`).toEqual(r.document);
      }
    }
  });
});
