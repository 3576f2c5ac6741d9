import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../src/diff/diff.js';
import { renderReport, type DiffFormat } from '../../src/diff/render.js';
import { FIXTURES, patched } from './helpers.js';

/** One pair with a change of each impact: breaks Clients only, Servers only, both, neither. */
export const REPORT_PAIR = {
  old: patched([]),
  new: patched([
    { delete: '/components/schemas/UsageSegment/properties/cds_created' },
    { set: '/components/schemas/UsageSegment/properties/cds_usagesegment_id/maxLength', value: 64 },
    { set: '/components/schemas/UsageSegment/properties/interval/type', value: 'string' },
    { set: '/components/schemas/KnownFormat/enum', value: ['kwh_fwd', 'kwh_rev', 'gap', 'kwh_net'] },
    { set: '/components/schemas/GapValue/properties/reason_type/description', value: 'Why <no> data & "where".' },
  ]),
};

const report = () => diffSpecs(REPORT_PAIR.old, REPORT_PAIR.new, { oldLabel: 'old.yaml', newLabel: 'new.yaml' });

describe('report formats (goldens in test/diff/fixtures/golden/)', () => {
  it.each([
    ['text', 'report.txt'],
    ['markdown', 'report.md'],
    ['junit', 'report.xml'],
    ['json', 'report.json'],
  ] as const)('%s output equals %s', (format, golden) => {
    expect(renderReport(report(), format as DiffFormat, 'any')).toBe(readFileSync(new URL(`golden/${golden}`, FIXTURES), 'utf8'));
  });

  it('JUnit counts as failures only the changes --fail-on names', () => {
    const failures = (failOn: 'none' | 'client' | 'server' | 'any') => (renderReport(report(), 'junit', failOn).match(/<failure /g) ?? []).length;
    expect([failures('none'), failures('client'), failures('server'), failures('any')]).toEqual([0, 2, 2, 3]);
  });

  it('says "no changes" for identical descriptions', () => {
    const same = diffSpecs(REPORT_PAIR.old, REPORT_PAIR.old, { oldLabel: 'a', newLabel: 'b' });
    expect(renderReport(same, 'text')).toBe('a → b\nno changes\n');
    expect(renderReport(same, 'markdown')).toContain('no changes');
  });
});
