// Small document builders for tests: a one-value segment, a page of such segments, and problems as [code, path].
import type { ValidationResult } from '../../src/index.js';

/** The related ids both models' test segments carry: one account, nothing else (fresh arrays per call). */
function related(): Record<string, unknown> {
  return {
    related_aggregations: [],
    related_accounts: ['a'],
    related_servicecontracts: [],
    related_servicepoints: [],
    related_meterdevices: [],
    related_billsections: [],
  };
}

/** A valid 15-minute segment of one kwh_fwd value, with `fields` replaced. */
export function segment(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    cds_usagesegment_id: 's1',
    cds_created: '2025-01-01T00:00:00Z',
    cds_modified: '2025-01-01T00:00:00Z',
    ...related(),
    segment_start: '2024-01-01T00:00:00Z',
    segment_end: '2024-01-01T00:15:00Z',
    interval: 900,
    format: ['kwh_fwd'],
    values: [[{ v: 1 }]],
    ...fields,
  };
}

/** A listing page of these segments. */
export function page(...segments: Record<string, unknown>[]): Record<string, unknown> {
  return { usage_segments: segments, next: null, previous: null };
}

/** Every problem as `[code, path]`, errors then warnings, in order. */
export function codes(r: ValidationResult): [string, string][] {
  return [...r.errors, ...r.warnings].map((p) => [p.code, p.path]);
}

/** A valid 2026 segment: one day of one `water_usage` value (gallons), with `fields` replaced. */
export function segment2026(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    cds_usagesegment_id: 's1',
    cds_created: '2025-01-01T00:00:00Z',
    cds_modified: '2025-01-01T00:00:00Z',
    cds_synced: '2025-01-01T00:00:00Z',
    ...related(),
    segment_start: '2024-01-01T00:00:00Z',
    segment_end: '2024-01-02T00:00:00Z',
    interval: 86400,
    formats: [{ id: 'w', type: 'water_usage', units: 'gal' }],
    values: [[{ wu: 1 }]],
    ...fields,
  };
}
