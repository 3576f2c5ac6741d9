// Writes the meeting's examples (2024-08-08) as complete JSON under spec/2024/examples/.
// The minutes elide ids as `[...]` and long value arrays as `...`; this script
// fills them deterministically so the committed files can be regenerated and
// checked. Run: node scripts/generate-examples.mjs [outDir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const outDir = resolve(process.argv[2] ?? 'spec/2024/examples');

// One customer, one meter: the same related ids in every example so that the
// gap page forms one timeline.
const related = {
  related_aggregations: [],
  related_accounts: ['11111111-ac'],
  related_servicecontracts: ['22222222-sc'],
  related_servicepoints: ['33333333-sp'],
  related_meterdevices: ['44444444-md'],
  related_billsections: ['55555555-bs'],
  related_eacs: ['66666666-ea'],
};
const intervalRelated = { ...related, related_billsections: [] };

function segment(fields) {
  const { id, created, modified, rel = related, start, end, interval, format, values } = fields;
  return {
    cds_usagesegment_id: id,
    cds_created: created,
    cds_modified: modified,
    ...rel,
    segment_start: start,
    segment_end: end,
    interval,
    format,
    values,
  };
}

// Small linear congruential generator: the same readings on every run.
function readings(seed, count, first) {
  let state = seed >>> 0;
  const out = first.map((v) => [{ v }]);
  while (out.length < count) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const kwh = 0.25 + (state / 2 ** 32) * 1.5; // a home's 15-minute load, 0.25–1.75 kWh
    out.push([{ v: Math.round(kwh * 100) / 100 }]);
  }
  return out;
}

const monthly = {
  start: '2024-01-15T00:00:00Z',
  end: '2024-02-15T00:00:00Z',
  interval: 2678400,
};

const examples = {
  'option1-estimated.json': segment({
    id: '99999999-ab', created: '2025-02-15T04:00:00Z', modified: '2025-02-15T04:00:00Z',
    ...monthly, format: ['kwh_fwd_estimate'], values: [[{ v: 500.0 }]],
  }),
  'option1-validated.json': segment({
    id: '99999999-ab', created: '2025-02-15T04:00:00Z', modified: '2025-02-16T00:00:00Z',
    ...monthly, format: ['kwh_fwd'], values: [[{ v: 500.0 }]],
  }),
  // Option 2's first version (minutes L79–100): the estimate is 499.9, not Option 1's 500.0.
  'option2-estimated.json': segment({
    id: '99999999-ab', created: '2025-02-15T04:00:00Z', modified: '2025-02-15T04:00:00Z',
    ...monthly, format: ['kwh_fwd_estimate'], values: [[{ v: 499.9 }]],
  }),
  'option2-both-columns.json': segment({
    id: '99999999-ab', created: '2025-02-15T04:00:00Z', modified: '2025-02-16T00:00:00Z',
    ...monthly, format: ['kwh_fwd_estimate', 'kwh_fwd'], values: [[{ v: 499.9 }, { v: 500.0 }]],
  }),
  'gap-disclosure-page.json': {
    usage_segments: [
      segment({
        id: '99999999-3c', created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z',
        rel: intervalRelated, start: '2024-01-15T00:00:00Z', end: '2024-01-18T17:00:00Z',
        interval: 900, format: ['kwh_fwd'], values: readings(3, 356, [1.24, 1.01]),
      }),
      segment({
        id: '99999999-2309', created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z',
        rel: intervalRelated, start: '2024-01-18T17:00:00Z', end: '2024-01-18T18:00:00Z',
        interval: 3600, format: ['gap'], values: [[{ reason_type: 'outage' }]],
      }),
      segment({
        id: '99999999-3cb', created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z',
        rel: intervalRelated, start: '2024-01-18T18:00:00Z', end: '2024-02-15T00:00:00Z',
        interval: 900, format: ['kwh_fwd'], values: readings(4, 2616, [0.53, 1.23]),
      }),
    ],
    next: null,
    previous: null,
  },
  'supply-mix-attribution.json': segment({
    id: '99999999-5m', created: '2025-02-15T04:00:00Z', modified: '2025-02-15T04:00:00Z',
    ...monthly, format: ['supply_mix'],
    values: [[[
      { type: 'voluntary/ppa_specific', mix: 0.25, gco2_per_kwh: 0.8 },
      { type: 'grid_supply', mix: 0.1, gco2_per_kwh: 0.8 },
      { type: 'residual', mix: 0.65, gco2_per_kwh: 0.8 },
    ]]],
  }),
};

mkdirSync(outDir, { recursive: true });
for (const [name, doc] of Object.entries(examples)) {
  writeFileSync(join(outDir, name), JSON.stringify(doc, null, 2) + '\n');
}
console.log(`wrote ${Object.keys(examples).length} examples to ${outDir}`);
