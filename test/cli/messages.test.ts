// Messages that say how to fix (issue 13): invalid JSON names the line and
// column, standard input is named <stdin>, text output is grouped per file,
// --json names the tool, its version and the model, and a page whose list is
// misspelled gets a hint instead of only "missing required property" lines.
// Also the type guards and kindHint at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUsageSegment, isUsageSegmentList, kindHint } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { scratchFiles } from '../helpers/files.js';
import { ROOT } from '../helpers/paths.js';

const example = (f: string) => JSON.parse(readFileSync(join(ROOT, 'spec/2024/examples', f), 'utf8'));
const segment = () => example('option2-both-columns.json');
const page = () => example('gap-disclosure-page.json');

const file = scratchFiles('cds-messages-');

describe('invalid JSON', () => {
  it('names the line and column of the first syntax error and what is wrong there', async () => {
    const text = JSON.stringify(segment(), null, 2).replace(/("interval": \d+),/, '$1');
    expect(text).not.toMatch(/"interval": \d+,/);
    const line = text.split('\n').findIndex((l) => l.includes('"interval"')) + 2;
    const f = file('syntax.json', text);
    const r = await runCli(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cds-usage-segments: ${f}: invalid JSON at line ${line}, column 3: expected ',' or '}', found '"'\n`);
  });

  it('names standard input <stdin> in messages', async () => {
    const r = await runCli(['validate', '-'], '{"a": [1,]}');
    expect(r.stderr).toBe(`cds-usage-segments: <stdin>: invalid JSON at line 1, column 10: a trailing comma before ']' is not allowed\n`);
  });
});

describe('reports', () => {
  it('name standard input <stdin> in text and JSON', async () => {
    const broken = JSON.stringify({ ...segment(), interval: 600 });
    expect((await runCli(['validate', '-'], broken)).stdout).toMatch(/^<stdin> \/values interval-arithmetic /);
    const out = JSON.parse((await runCli(['validate', '--json', '-'], broken)).stdout);
    expect(out.files[0].file).toBe('<stdin>');
    expect(out.errors[0].file).toBe('<stdin>');
  });

  it('group text output per file: each file its errors, then its warnings', async () => {
    const holes = page();
    holes.usage_segments.splice(1, 1); // a timeline-hole warning
    const withHole = JSON.stringify(holes);
    const bad = JSON.stringify({ ...holes, usage_segments: [{ ...holes.usage_segments[0], interval: 600 }, holes.usage_segments[1]] });
    const a = file('a.json', bad);
    const b = file('b.json', withHole);
    const r = await runCli(['validate', a, b]);
    const files = r.stdout.trim().split('\n').slice(0, -1).map((l) => l.split(' ')[0]);
    expect(files).toEqual([...files].sort((x, y) => [a, b].indexOf(x!) - [a, b].indexOf(y!)));
    expect(files).toContain(a);
    expect(files).toContain(b);
    const ofA = r.stdout.split('\n').filter((l) => l.startsWith(`${a} `));
    const firstWarning = ofA.findIndex((l) => l.includes('timeline-hole'));
    const lastError = ofA.map((l) => l.includes('interval-arithmetic')).lastIndexOf(true);
    expect(lastError).toBeGreaterThanOrEqual(0);
    if (firstWarning >= 0) expect(firstWarning).toBeGreaterThan(lastError);
  });

  it('--json names the tool, its version and the model', async () => {
    const out = JSON.parse((await runCli(['validate', '--json', join(ROOT, 'spec/2024/examples/option2-both-columns.json')])).stdout);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(out).toMatchObject({ tool: 'cds-usage-segments', version: pkg.version, model: '2024', valid: true });
  });
});

describe('a page taken for a segment', () => {
  const misspelled = ['usageSegments', 'UsageSegments', 'usage-segments', 'usage_segment', 'segments'];

  for (const key of misspelled) {
    it(`hints at "usage_segments" when the list is under ${JSON.stringify(key)}`, async () => {
      const { usage_segments, ...rest } = page();
      const f = file(`${key}.json`, JSON.stringify({ [key]: usage_segments, ...rest }));
      const r = await runCli(['validate', f]);
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe(`${f} hint: this looks like a listing page with its segments under ${JSON.stringify(key)}; a page holds them under "usage_segments" (rename the property), so it was checked as a single usage segment`);
      const out = JSON.parse((await runCli(['validate', '--json', f])).stdout);
      expect(out.files[0].hint).toMatch(/usage_segments/);
    });
  }

  it('hints when a document has next/previous but no segment field', () => {
    expect(kindHint({ next: null, previous: null })).toMatch(/has "next" and "previous"\) but has no "usage_segments"/);
  });

  it('gives no hint for a segment, a page, a valid document or --kind segment', async () => {
    expect(kindHint(segment())).toBeNull();
    expect(kindHint(page())).toBeNull();
    expect(kindHint([])).toBeNull();
    expect(kindHint({ ...segment(), segments: 1 })).not.toBeNull(); // the function alone; the CLI asks only when invalid
    const ok = file('ok-with-extra.json', JSON.stringify({ ...segment(), segments: 'x' }));
    expect(JSON.parse((await runCli(['validate', '--json', ok])).stdout).files[0].hint).toBeUndefined();
    const { usage_segments, ...rest } = page();
    const forced = file('forced.json', JSON.stringify({ usageSegments: usage_segments, ...rest }));
    expect((await runCli(['validate', '--kind', 'segment', forced])).stdout).not.toMatch(/hint:/);
  });
});

describe('type guards at run time', () => {
  it('agree with validate', () => {
    expect(isUsageSegment(segment())).toBe(true);
    expect(isUsageSegment({ ...segment(), interval: 600 })).toBe(false);
    expect(isUsageSegment(page())).toBe(false);
    expect(isUsageSegmentList(page())).toBe(true);
    expect(isUsageSegmentList(segment())).toBe(false);
    expect(isUsageSegment(null)).toBe(false);
  });
});
