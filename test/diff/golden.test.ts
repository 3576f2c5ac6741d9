import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIFF_RULES } from '../../src/diff/catalogue.js';
import { diffSpecFiles } from '../../src/diff/diff.js';
import { CASES, expand, writePair } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'cds-diff-golden-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('golden diff cases (test/diff/fixtures/cases.yaml)', () => {
  it.each(CASES.map((c, i) => [c.description, c, i] as const))('%s', (_, c, i) => {
    const { oldPath, newPath } = writePair(c, join(scratch, String(i)));
    const report = diffSpecFiles(oldPath, newPath);
    expect(report.changes.map((ch) => ({ rule: ch.rule, location: ch.location }))).toEqual(c.want.map((w) => ({ rule: w.rule, location: expand(w.location) })));
  });

  it('covers every rule id of the catalogue', () => {
    const covered = new Set(CASES.flatMap((c) => c.want.map((w) => w.rule)));
    expect(DIFF_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('wants only rule ids that exist', () => {
    const known = new Set<string>(DIFF_RULES.map((r) => r.id));
    expect(CASES.flatMap((c) => c.want.map((w) => w.rule)).filter((id) => !known.has(id))).toEqual([]);
  });
});
