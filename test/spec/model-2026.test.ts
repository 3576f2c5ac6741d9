// The 2026 model (spec/2026): its examples are valid for the validators
// compiled at build time and for Ajv compiled at run time (strict), the
// schema accepts what the draft allows (unknown types, fields and enum values,
// empty formats) and rejects what it forbids, every schema and field names its
// source class, and the facts and typed columns follow the spec.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../generated/2026/columns.js';
import { KNOWN_FIELD_VALUES, KNOWN_VALUE_TYPES, VALUE_KEY_BY_TYPE } from '../../generated/2026/spec-facts.js';
import type { UsageSegment } from '../../generated/2026/types.js';
import {
  validateServerMetadata,
  validateUsageSegment,
  validateUsageSegmentList,
  validateValueFormat,
} from '../../generated/2026/validators.js';
import { listFiles, readJson, runtimeValidators, type Validate } from './helpers.js';
import { ROOT } from '../helpers/paths.js';

type Doc = Record<string, any>;

const specDir = join(ROOT, 'spec/2026');
const examplesDir = join(specDir, 'examples');
const generatedDir = join(ROOT, 'generated/2026');

const runtime = runtimeValidators(generatedDir);
const compiled: Record<string, Validate> = {
  UsageSegment: validateUsageSegment,
  UsageSegmentList: validateUsageSegmentList,
  ServerMetadata: validateServerMetadata,
  ValueFormat: validateValueFormat,
};

/** Each example file and the schema it is an instance of. */
const EXAMPLES: Record<string, string> = {
  'gap-disclosure-page.json': 'UsageSegmentList',
  'option1-estimated.json': 'UsageSegment',
  'option1-validated.json': 'UsageSegment',
  'option2-estimated.json': 'UsageSegment',
  'option2-both-columns.json': 'UsageSegment',
  'server-metadata.json': 'ServerMetadata',
  'supply-mix-attribution.json': 'UsageSegment',
};
const valueTypeFile = (type: string) => `value-types/${type.replaceAll('_', '-')}.json`;
const example = (file: string): Doc => readJson(join(examplesDir, file)) as Doc;

function bothAgree(schema: string, doc: unknown): boolean {
  const a = compiled[schema]!(doc);
  const b = runtime(schema)(doc);
  expect(a, `compiled and run-time ${schema} agree`).toBe(b);
  return a;
}

describe('2026 examples', () => {
  it('maps every file in spec/2026/examples to a schema, and value-types/ holds one file per defined type', () => {
    expect(listFiles(examplesDir, '.json')).toEqual(Object.keys(EXAMPLES).sort());
    expect(listFiles(join(examplesDir, 'value-types'), '.json')).toEqual(KNOWN_VALUE_TYPES.map((t) => valueTypeFile(t).slice('value-types/'.length)).sort());
  });

  const all = [...Object.entries(EXAMPLES), ...KNOWN_VALUE_TYPES.map((t) => [valueTypeFile(t), 'UsageSegment'] as const)];
  for (const [file, schema] of all) {
    it(`${file} is a valid ${schema} (compiled and run-time validators)`, () => {
      const doc = example(file);
      expect(compiled[schema]!(doc), JSON.stringify(compiled[schema]!.errors)).toBe(true);
      expect(runtime(schema)(doc), JSON.stringify(runtime(schema).errors)).toBe(true);
    });
  }

  for (const type of KNOWN_VALUE_TYPES) {
    it(`${valueTypeFile(type)} has a ${type} column, each of its entries holding the type's key, and tiles its span`, () => {
      const doc = example(valueTypeFile(type));
      const columns = columnsOf(doc as UsageSegment).filter((c) => c.type === type);
      expect(columns.length).toBeGreaterThan(0);
      for (const c of columns) for (const v of c.values) expect(v, `${c.format.id}`).toHaveProperty(VALUE_KEY_BY_TYPE[type]);
      const span = (Date.parse(doc.segment_end) - Date.parse(doc.segment_start)) / 1000;
      expect(doc.values.length * doc.interval).toBe(span);
    });
  }

  it('Option 1 is one segment revised in place: same id, created and span; later modified; quality estimated → valid', () => {
    const [before, after] = [example('option1-estimated.json'), example('option1-validated.json')];
    for (const f of ['cds_usagesegment_id', 'cds_created', 'segment_start', 'segment_end', 'interval']) expect(after[f]).toEqual(before[f]);
    expect(Date.parse(after.cds_modified)).toBeGreaterThan(Date.parse(before.cds_modified));
    expect([before.formats[0].quality, after.formats[0].quality]).toEqual(['estimated', 'valid']);
  });

  it('Option 2 has two electric_usage columns differing only in id and quality, with 499.9 and 500.0', () => {
    const doc = example('option2-both-columns.json');
    const [a, b] = doc.formats.map(({ id: _id, quality: _q, ...rest }: Doc) => rest);
    expect(a).toEqual(b);
    expect(doc.formats.map((f: Doc) => [f.type, f.quality])).toEqual([['electric_usage', 'estimated'], ['electric_usage', 'valid']]);
    expect(doc.values).toEqual([[{ eu: 499.9 }, { eu: 500.0 }]]);
  });

  it('the gap page uses a prefixed type the server metadata declares, between two runs of data', () => {
    const page = example('gap-disclosure-page.json');
    const declared = example('server-metadata.json').cds_usagesegments_additional_value_types;
    const gap = page.usage_segments[1].formats[0];
    expect(KNOWN_VALUE_TYPES).not.toContain(gap.type);
    expect(gap.type).toMatch(/^exampleutility_/);
    expect(declared[gap.type].type).toBe(gap.type);
    const [a, g, b] = page.usage_segments;
    expect([a.segment_end, g.segment_end]).toEqual([g.segment_start, b.segment_start]);
  });

  it('the supply-mix example has one column per attribution, describing column 0, shares summing to 1', () => {
    const doc = example('supply-mix-attribution.json');
    const mixes = columnsOf(doc as UsageSegment).filter((c) => c.known && c.type === 'electric_supply_mix');
    expect(mixes.map((c) => (c.format as Doc).attribution)).toEqual(['individual', 'base', 'residual']);
    for (const c of mixes) expect((c.format as Doc).indexes).toEqual([0]);
    expect(mixes.reduce((sum, c) => sum + (c.values[0] as { sm: number }).sm, 0)).toBeCloseTo(1, 9);
  });
});

/** A mutation of a valid document and what the schema must say about it. */
interface Case { given: string; base: string; schema: string; change: (d: Doc) => void; valid: boolean; at?: string }
const CASES: Case[] = [
  { given: 'no cds_synced', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => delete d.cds_synced, valid: false, at: '' },
  { given: 'empty formats and values (every value type withheld)', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.formats = []; d.values = []; }, valid: true },
  { given: 'a field the draft does not define on the segment', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.exampleutility_note = 'x'; }, valid: true },
  { given: 'an undeclared, unknown type with its own fields', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.formats[0] = { id: 'x', type: 'exampleutility_thing', colour: 'red' }; d.values = [[{ anything: 1 }]]; }, valid: true },
  { given: 'an electric_usage column without units', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => delete d.formats[0].units, valid: false, at: '/formats/0' },
  { given: 'an electric_usage column whose units the draft does not list (GWh)', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.formats[0].units = 'GWh'; }, valid: true },
  { given: 'a quality the draft does not list', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.formats[0].quality = 'validated'; }, valid: true },
  { given: 'units that are not a string', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.formats[0].units = 1000; }, valid: false, at: '/formats/0/units' },
  { given: 'tou null (a rate without time-of-use)', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.formats[0].tou = null; }, valid: true },
  { given: 'tou a number', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.formats[0].tou = 5; }, valid: false, at: '/formats/0/tou' },
  { given: 'a Value Format without id', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => delete d.formats[0].id, valid: false, at: '/formats/0' },
  { given: 'an electric_demand column without demand_type', base: valueTypeFile('electric_demand'), schema: 'UsageSegment', change: (d) => delete d.formats[0].demand_type, valid: false, at: '/formats/0' },
  { given: 'a meter_readings column without related_meterdevice (Decision: optional)', base: valueTypeFile('meter_readings'), schema: 'UsageSegment', change: (d) => delete d.formats[0].related_meterdevice, valid: true },
  { given: 'a meter_readings column without register', base: valueTypeFile('meter_readings'), schema: 'UsageSegment', change: (d) => delete d.formats[0].register, valid: false, at: '/formats/0' },
  { given: 'a cost column with a numeric ISO 4217 currency (Decision: the alphabetic code is only recommended)', base: valueTypeFile('cost'), schema: 'UsageSegment', change: (d) => { d.formats[1].currency = '840'; }, valid: true },
  { given: 'a repeated related id (L5461, as in 2024)', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.related_accounts = ['a', 'a']; }, valid: false, at: '/related_accounts' },
  { given: 'a supply-mix column with a negative index', base: 'supply-mix-attribution.json', schema: 'UsageSegment', change: (d) => { d.formats[1].indexes = [-1]; }, valid: false, at: '/formats/1/indexes/0' },
  { given: 'a supply-mix column index 0 (Decision: 0-based, not positive)', base: 'supply-mix-attribution.json', schema: 'UsageSegment', change: (d) => { d.formats[1].indexes = [0]; }, valid: true },
  { given: 'a value set entry that is a number', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.values[0][0] = 500; }, valid: false, at: '/values/0/0' },
  { given: 'a missing value as null', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.values[0][0] = null; }, valid: true },
  { given: 'interval 0 (Decision: a positive interval is only recommended)', base: 'option1-estimated.json', schema: 'UsageSegment', change: (d) => { d.interval = 0; }, valid: true },
  { given: 'a page without next (not REQUIRED, §10.8.8 L5949)', base: 'gap-disclosure-page.json', schema: 'UsageSegmentList', change: (d) => delete d.next, valid: true },
  { given: 'metadata with the listing URL but no additional value types', base: 'server-metadata.json', schema: 'ServerMetadata', change: (d) => delete d.cds_usagesegments_additional_value_types, valid: false, at: '' },
  { given: 'metadata without the version', base: 'server-metadata.json', schema: 'ServerMetadata', change: (d) => delete d.cds_customerdata_version, valid: false, at: '' },
  { given: 'a value type description without documentation', base: 'server-metadata.json', schema: 'ServerMetadata', change: (d) => delete d.cds_usagesegments_additional_value_types.exampleutility_gap.documentation, valid: false, at: '/cds_usagesegments_additional_value_types/exampleutility_gap' },
];

describe('2026 schema: what the draft allows and forbids', () => {
  for (const c of CASES) {
    it(`${c.valid ? 'accepts' : 'rejects'} ${c.given}`, () => {
      const doc = structuredClone(example(c.base));
      c.change(doc);
      expect(bothAgree(c.schema, doc), JSON.stringify(compiled[c.schema]!.errors)).toBe(c.valid);
      if (!c.valid) expect(compiled[c.schema]!.errors!.map((e) => e.instancePath)).toContain(c.at);
    });
  }

  it('does not pair a value with its column (the checker does): {"sm": 1.5} in a supply-mix column passes the schema', () => {
    const doc = structuredClone(example('supply-mix-attribution.json'));
    doc.values[0][1] = { sm: 1.5 };
    expect(bothAgree('UsageSegment', doc)).toBe(true);
  });

  it('checks a single Value Format on its own', () => {
    expect(validateValueFormat({ id: 'a', type: 'water_usage', units: 'gal' })).toBe(true);
    expect(validateValueFormat({ id: 'a', type: 'water_usage' })).toBe(false);
  });
});

const LABEL: Record<string, RegExp> = { draft: /^Draft \(/, example: /^Example \(/, proposal: /^Proposal \(/, decision: /^\*\*Decision\*\* / };

/** Every schema node of a 2026 file that must carry a source: the file's root and each property. */
function annotated(file: string): { where: string; node: Doc }[] {
  const root = YAML.parse(readFileSync(file, 'utf8')) as Doc;
  const out = [{ where: '#', node: root }];
  for (const [name, node] of Object.entries((root.properties ?? {}) as Record<string, Doc>)) out.push({ where: `#/properties/${name}`, node });
  return out;
}

describe('2026 sources', () => {
  const dir = join(specDir, 'components/schemas');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

  it('covers every component file', () => {
    expect(files.length).toBeGreaterThanOrEqual(38);
  });

  for (const file of files) {
    it(`${file}: the schema and each field name their source class, first in the description and in x-cds-source`, () => {
      for (const { where, node } of annotated(join(dir, file))) {
        const source = node['x-cds-source'] as { class: string; ref: string } | undefined;
        expect(source, `${file}${where} has x-cds-source`).toBeDefined();
        expect(Object.keys(LABEL), `${file}${where}`).toContain(source!.class);
        expect(source!.ref, `${file}${where} cites a section`).toMatch(/§\S+/);
        expect(node.description, `${file}${where} starts with its class`).toMatch(LABEL[source!.class]!);
      }
    });
  }

  it('marks each decision of model-2026.md in the descriptions', () => {
    const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    // Unknown enum values; value-format id scope; segment_end of point-in-time segments; declared types.
    for (const needle of ['`unknown-enum`', '`duplicate-format-id`', 'point-in-time', '`undeclared-type`']) {
      expect(text, needle).toContain(needle);
    }
    expect(text.match(/\*\*Decision\*\*/g)!.length).toBeGreaterThanOrEqual(10);
  });
});

describe('2026 facts and columns', () => {
  it('lists the draft\'s known values per field (spot checks against §10.8.5 and §10.8.7)', () => {
    expect(KNOWN_FIELD_VALUES.electric_usage.units).toEqual(['Wh', 'kWh', 'MWh']);
    expect(KNOWN_FIELD_VALUES.electric_demand.units).toEqual(['W', 'kW', 'MW']);
    expect(KNOWN_FIELD_VALUES.water_usage.units).toHaveLength(7);
    expect(KNOWN_FIELD_VALUES.meter_readings.units).toHaveLength(34);
    expect(KNOWN_FIELD_VALUES.electric_usage.quality).toEqual(['raw', 'manual', 'valid', 'revenue', 'estimated', 'calculated', 'corrected', 'website']);
    expect(KNOWN_FIELD_VALUES.electric_supply_mix.supply_type).toHaveLength(15);
    expect(KNOWN_FIELD_VALUES.electric_supply_mix.attribution).toEqual(['base', 'individual', 'residual']);
    expect(KNOWN_FIELD_VALUES.electric_demand.demand_type).toEqual(['peak', 'average', 'starting', 'ending']);
    expect(Object.keys(KNOWN_FIELD_VALUES.cost)).toEqual([]);
  });

  it('pairs each Value Format with its entries, known types and others apart', () => {
    const option2 = columnsOf(example('option2-both-columns.json') as UsageSegment);
    expect(option2.map((c) => [c.known, c.type, c.index, c.values])).toEqual([
      [true, 'electric_usage', 0, [{ eu: 499.9 }]],
      [true, 'electric_usage', 1, [{ eu: 500.0 }]],
    ]);
    const gap = columnsOf(example('gap-disclosure-page.json').usage_segments[1] as UsageSegment);
    expect(gap.map((c) => [c.known, c.type, c.values])).toEqual([[false, 'exampleutility_gap', [{ reason: 'outage' }]]]);
  });

  it('reads an entry missing from a short value set as null, and does not change the segment', () => {
    const doc = example('option2-both-columns.json');
    doc.values = [[{ eu: 1 }]];
    const before = JSON.stringify(doc);
    expect(columnsOf(doc as UsageSegment)[1]!.values).toEqual([null]);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
