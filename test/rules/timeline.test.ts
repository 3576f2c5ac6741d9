import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { ROOT, applyPatch, codesOf, deepFreeze, example } from '../engine/helpers.js';

const page = () => example('gap-disclosure-page.json');

/** The gap page plus a copy of its first segment under another id and format. */
function withFirstSegmentAgain(id: string, format: string[]) {
  return applyPatch(page(), [
    { op: 'copy', from: '/usage_segments/0', path: '/usage_segments/-' },
    { op: 'replace', path: '/usage_segments/3/cds_usagesegment_id', value: id },
    { op: 'replace', path: '/usage_segments/3/format', value: format },
  ]);
}

describe('gap disclosure page', () => {
  it('is valid with no timeline findings', () => {
    const r = validate(deepFreeze(page()));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('without the gap segment reports exactly one timeline-hole for the missing hour', () => {
    const r = validate(applyPatch(page(), [{ op: 'remove', path: '/usage_segments/1' }]));
    expect(r.valid).toBe(true);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'timeline-hole', path: '/usage_segments/1', segmentId: '99999999-3cb' });
    expect(r.warnings[0]!.message).toContain('2024-01-18T17:00:00Z to 2024-01-18T18:00:00Z');
  });

  it('segments in a different order give the same findings (the check sorts by start)', () => {
    const p = page();
    p.usage_segments.reverse();
    expect(codesOf(validate(p))).toEqual([]);
    p.usage_segments.splice(1, 1);
    expect(codesOf(validate(p))).toEqual(['timeline-hole']);
  });

  it('different measurements do not overlap: a kwh_rev series over the same span is fine', () => {
    const p = withFirstSegmentAgain('rev-1', ['kwh_rev']);
    expect(codesOf(validate(p))).toEqual([]);
  });

  it('estimate and validated of one measurement do overlap', () => {
    const p = withFirstSegmentAgain('est-1', ['kwh_fwd_estimate']);
    const r = validate(p);
    expect(codesOf(r)).toEqual(['timeline-overlap']);
    expect(r.valid).toBe(true); // a warning: separate segments per quality is a pattern no text forbids
    expect(r.warnings[0]).toMatchObject({ path: '/usage_segments/3', segmentId: 'est-1' });
  });

  it('a supply_mix segment over the same span shares no measurement', () => {
    const p = applyPatch(page(), [
      { op: 'add', path: '/usage_segments/-', value: { ...example('supply-mix-attribution.json'), related_billsections: [], segment_start: '2024-01-15T00:00:00Z' } },
    ]);
    expect(codesOf(validate(p))).toEqual([]);
  });

  it('hourly data beside 15-minute data that covers the same time: an overlap whatever the interval (issue 21.5), no hole', () => {
    const p = applyPatch(page(), [
      { op: 'copy', from: '/usage_segments/1', path: '/usage_segments/-' },
      { op: 'replace', path: '/usage_segments/3/cds_usagesegment_id', value: 'hourly' },
      { op: 'replace', path: '/usage_segments/3/format', value: ['kwh_fwd'] },
      { op: 'replace', path: '/usage_segments/3/segment_start', value: '2024-01-15T00:00:00Z' },
      { op: 'replace', path: '/usage_segments/3/segment_end', value: '2024-01-15T01:00:00Z' },
      { op: 'replace', path: '/usage_segments/3/values', value: [[{ v: 4.4 }]] },
    ]);
    const r = validate(p);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.path, w.segmentId])).toEqual([['timeline-overlap', '/usage_segments/3', 'hourly']]);
  });

  it('15-minute data to 17:00, then hourly data from 18:00 and no gap segment: the hour is a hole', () => {
    const p = applyPatch(page(), [
      { op: 'remove', path: '/usage_segments/1' },
      { op: 'replace', path: '/usage_segments/1/interval', value: 3600 },
      { op: 'replace', path: '/usage_segments/1/segment_end', value: '2024-01-18T20:00:00Z' },
      { op: 'replace', path: '/usage_segments/1/values', value: [[{ v: 4.4 }], [{ v: 4.1 }]] },
    ]);
    const r = validate(p);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'timeline-hole', path: '/usage_segments/1', segmentId: '99999999-3cb' });
    expect(r.warnings[0]!.message).toContain('2024-01-18T17:00:00Z to 2024-01-18T18:00:00Z');
  });

  it('an hourly data segment can fill the hour between 15-minute segments instead of a gap segment', () => {
    const p = applyPatch(page(), [
      { op: 'replace', path: '/usage_segments/1/format', value: ['kwh_fwd'] },
      { op: 'replace', path: '/usage_segments/1/values', value: [[{ v: 3.9 }]] },
    ]);
    expect(codesOf(validate(p))).toEqual([]);
  });

  it('two hourly segments over 15-minute data: each is reported once, with the first segment it overlaps', () => {
    const hourly = (id: string) => ({ ...page().usage_segments[0], cds_usagesegment_id: id, interval: 3600, segment_start: '2024-01-15T00:00:00Z', segment_end: '2024-01-15T01:00:00Z', values: [[{ v: 4.4 }]] });
    const p = applyPatch(page(), [
      { op: 'add', path: '/usage_segments/-', value: hourly('h1') },
      { op: 'add', path: '/usage_segments/-', value: hourly('h2') },
    ]);
    const r = validate(p);
    expect(r.warnings.map((e) => [e.code, e.segmentId]).sort()).toEqual([
      ['timeline-overlap', 'h1'],
      ['timeline-overlap', 'h2'],
    ]);
    expect(r.errors).toEqual([]);
  });

  it('a hole in one measurement is a hole although another measurement covers the time', () => {
    const p = applyPatch(page(), [
      { op: 'remove', path: '/usage_segments/1' },
      { op: 'add', path: '/usage_segments/-', value: { ...page().usage_segments[1], cds_usagesegment_id: 'rev-hour', format: ['kwh_rev'], values: [[{ v: -0.2 }]] } },
    ]);
    const r = validate(p);
    expect(r.warnings.map((w) => [w.code, w.segmentId])).toEqual([['timeline-hole', '99999999-3cb']]);
  });

  it('two gap segments may overlap each other', () => {
    const p = applyPatch(page(), [
      { op: 'copy', from: '/usage_segments/1', path: '/usage_segments/-' },
      { op: 'replace', path: '/usage_segments/3/cds_usagesegment_id', value: 'gap-2' },
    ]);
    expect(codesOf(validate(p))).toEqual([]);
  });
});

describe('timeline-hole says how to cover the hole with what the model offers', () => {
  const page2026 = () => JSON.parse(readFileSync(`${ROOT}spec/2026/examples/gap-disclosure-page.json`, 'utf8'));

  it('2024: disclose it with a gap segment, and the gap segment removes the finding', () => {
    const r = validate(applyPatch(page(), [{ op: 'remove', path: '/usage_segments/1' }]));
    expect(r.warnings.map((w) => w.code)).toEqual(['timeline-hole']);
    expect(r.warnings[0]!.message).toMatch(/disclose it with a gap segment$/);
    expect(codesOf(validate(page()))).toEqual([]);
  });

  it('2026 (no gap segment): a segment whose value sets hold null, which removes the finding', () => {
    const p = page2026();
    const r = validate(p);
    const holes = r.warnings.filter((w) => w.code === 'timeline-hole');
    expect(holes.map((w) => w.path)).toEqual(['/usage_segments/2']);
    expect(holes[0]!.message).not.toMatch(/disclose it with a gap segment/);
    expect(holes[0]!.message).toMatch(/cover it with a segment whose value sets hold null for the missing data \(2026 has no gap segment\)$/);
    // Following the advice: the server's gap type replaced by the usage column with null values for the hour.
    const covered = applyPatch(p, [
      { op: 'replace', path: '/usage_segments/1/formats', value: p.usage_segments[0].formats },
      { op: 'replace', path: '/usage_segments/1/values', value: [[null]] },
    ]);
    expect(codesOf(validate(covered))).toEqual([]);
  });
});
