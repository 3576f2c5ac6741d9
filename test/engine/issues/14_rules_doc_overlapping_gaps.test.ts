// Issue 14.8: docs/rules.md said two overlapping gap segments conflict; the code deliberately does not. The registry (and so docs/rules.md) now says what the code does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getRule, validate } from '../../../src/index.js';
import { ROOT } from '../../helpers/paths.js';
import { codes, page, segment } from '../../helpers/documents.js';

describe('overlapping gap segments: docs and code agree', () => {
  it('two gap segments that overlap each other draw no timeline-overlap', () => {
    const gap = (id: string, start: string, end: string) => segment({ cds_usagesegment_id: id, segment_start: start, segment_end: end, interval: 3600, format: ['gap'], values: [[{ reason_type: 'outage' }]] });
    const r = validate(page(segment({ segment_start: '2023-12-31T23:45:00Z', segment_end: '2024-01-01T00:00:00Z' }), gap('g1', '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z'), gap('g2', '2024-01-01T00:30:00Z', '2024-01-01T01:30:00Z'), segment({ cds_usagesegment_id: 's2', segment_start: '2024-01-01T01:30:00Z', segment_end: '2024-01-01T01:45:00Z' })));
    expect(codes(r)).toEqual([]);
  });

  it('the rule says so, and docs/rules.md is rendered from the rule', () => {
    const summary = getRule('timeline-overlap')!.summary;
    expect(summary).toContain('two `gap` segments never conflict with each other');
    expect(readFileSync(`${ROOT}docs/rules.md`, 'utf8')).toContain(summary.replace(/\|/g, '\\|'));
  });
});
