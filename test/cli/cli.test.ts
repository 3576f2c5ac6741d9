import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/src/cli.js');
const EX = join(ROOT, 'spec/examples');
const ex = (f: string) => join(EX, f);

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/src/cli.js missing: run `npm run compile` first');
  dir = mkdtempSync(join(tmpdir(), 'cds-cli-'));
});

function expectNoStack(s: string) {
  expect(s).not.toMatch(/\n\s+at /);
}

describe('cds-usage-segments CLI', () => {
  it('--help and --version exit 0', () => {
    const h = run(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('cds-usage-segments validate');
    const v = run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('starts with a shebang', () => {
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('validates all examples: exit 0, summary line', () => {
    const r = run(['validate', ...['option1-estimated.json', 'option1-validated.json', 'option2-both-columns.json', 'gap-disclosure-page.json', 'supply-mix-attribution.json'].map(ex)]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['5 files checked: 0 errors, 0 warnings — valid']);
    expect(r.stderr).toBe('');
  });

  it('an invalid document: exit 1, one line per problem FILE PATH CODE message', () => {
    const seg = JSON.parse(readFileSync(ex('option1-estimated.json'), 'utf8'));
    seg.values[0][0] = { v: 'x' };
    seg.interval = 86400;
    const f = file('bad.json', JSON.stringify(seg));
    const r = run(['validate', f]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} /values interval-arithmetic `));
    expect(lines[1]).toMatch(/ \/values\/0\/0 value-type /);
    expect(lines[2]).toBe('1 file checked: 2 errors, 0 warnings — invalid');
  });

  it('warnings alone exit 0; --strict adds warnings', () => {
    const seg = JSON.parse(readFileSync(ex('option1-validated.json'), 'utf8'));
    seg.note = 'x';
    const f = file('extra.json', JSON.stringify(seg));
    expect(run(['validate', f]).stdout).toContain('0 warnings');
    const r = run(['validate', '--strict', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(' /note unknown-field ');
  });

  it('--json prints exactly one object with file-tagged problems', () => {
    const page = JSON.parse(readFileSync(ex('gap-disclosure-page.json'), 'utf8'));
    page.usage_segments.splice(1, 1);
    const f = file('hole.json', JSON.stringify(page));
    const bad = file('bad2.json', JSON.stringify({ ...page, usage_segments: [{ ...page.usage_segments[0], interval: -1 }] }));
    const r = run(['validate', '--json', f, bad]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['errors', 'files', 'valid', 'warnings']);
    expect(out.valid).toBe(false);
    expect(out.warnings).toEqual([expect.objectContaining({ file: f, code: 'timeline-hole', path: '/usage_segments/1' })]);
    expect(out.errors.length).toBeGreaterThan(0);
    for (const e of out.errors) expect(e).toMatchObject({ file: bad, code: 'schema' });
    expect(out.files.map((x: { file: string; valid: boolean }) => [x.file, x.valid])).toEqual([
      [f, true],
      [bad, false],
    ]);
  });

  it('reads stdin with -', () => {
    const r = run(['validate', '--json', '-'], readFileSync(ex('option2-both-columns.json')));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, files: [{ file: '-', valid: true }] });
  });

  it('--kind list on a segment reports schema errors', () => {
    const r = run(['validate', '--kind', 'list', ex('option1-estimated.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(root) schema missing required property "usage_segments"');
  });

  it('missing file, invalid JSON, BOM and invalid UTF-8 exit 2 with a one-line reason', () => {
    const cases: [string[], RegExp][] = [
      [['validate', join(dir, 'nope.json')], /nope\.json: no such file/],
      [['validate', file('broken.json', '{"a":')], /broken\.json: invalid JSON/],
      [['validate', file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(ex('option1-estimated.json'))]))], /byte order mark not allowed/],
      [['validate', file('latin1.json', Buffer.from([0x22, 0xe9, 0x22]))], /not valid UTF-8/],
      [['validate', dir], /is a directory/],
    ];
    for (const [args, re] of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expectNoStack(r.stderr);
    }
  });

  it('an unreadable file among valid ones still exits 2 and the others are checked', () => {
    const r = run(['validate', '--json', ex('option1-estimated.json'), join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.files[0]).toMatchObject({ valid: true });
    expect(out.files[1]).toMatchObject({ valid: false, failure: 'no such file' });
  });

  it('usage errors exit 2', () => {
    for (const args of [[], ['frobnicate'], ['validate'], ['validate', '--kind', 'page', 'x.json'], ['validate', '--nope', 'x.json'], ['revision', ex('option1-estimated.json')], ['validate', '-', '-']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expectNoStack(r.stderr);
    }
  });

  it('revision: Option 1 pair exits 0; reversed exits 1 with revision-modified', () => {
    const ok = run(['revision', ex('option1-estimated.json'), ex('option1-validated.json')]);
    expect(ok.code).toBe(0);
    const bad = run(['revision', '--json', ex('option1-validated.json'), ex('option1-estimated.json')]);
    expect(bad.code).toBe(1);
    const out = JSON.parse(bad.stdout);
    expect(out.errors).toEqual([expect.objectContaining({ file: ex('option1-estimated.json'), code: 'revision-modified', path: '/cds_modified' })]);
    expect(out.errors[0]).not.toHaveProperty('doc');
  });

  it('revision also validates each document', () => {
    const seg = JSON.parse(readFileSync(ex('option1-estimated.json'), 'utf8'));
    delete seg.values;
    const f = file('novalues.json', JSON.stringify(seg));
    const r = run(['revision', f, ex('option1-validated.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${f} (root) schema missing required property "values"`);
  });

  it('revision: problems beyond the cap are counted on the file they belong to', () => {
    const seg = JSON.parse(readFileSync(ex('gap-disclosure-page.json'), 'utf8')).usage_segments[0];
    for (let k = 0; k < 150; k++) seg.values[k] = [{ v: 'x' }];
    const a = file('cap-a.json', JSON.stringify(seg));
    // The same segment again: 150 value-type errors and an unchanged cds_modified.
    const b = file('cap-b.json', JSON.stringify(seg));
    const r = run(['revision', '--json', a, b]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toHaveLength(100);
    expect(out.files).toEqual([
      { file: a, valid: false, errors: 150, warnings: 0, omittedErrors: 50, omittedWarnings: 0 },
      { file: b, valid: false, errors: 151, warnings: 0, omittedErrors: 151, omittedWarnings: 0 },
    ]);
    const human = run(['revision', a, b]);
    expect(human.stdout).toContain('2 files checked: 301 errors, 0 warnings (201 not listed) — invalid');
  });

  it('a 100,000-deep extension value is valid (extension Decision): exit 0, also with --strict', () => {
    const seg = JSON.parse(readFileSync(ex('option1-estimated.json'), 'utf8'));
    const n = 100_000;
    const f = file('deep-extension.json', JSON.stringify({ ...seg, format: ['x_ext'], values: [['@']] }).replace('"@"', '{"a":'.repeat(n) + '{}' + '}'.repeat(n)));
    const r = run(['validate', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 errors, 0 warnings — valid');
    const strict = run(['validate', '--strict', f]);
    expect(strict.code).toBe(0);
    expect(strict.stdout).toContain('unknown-format');
    expectNoStack(strict.stderr);
  });

  it('revision with an unreadable file exits 2', () => {
    const r = run(['revision', ex('option1-estimated.json'), join(dir, 'gone.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gone\.json: no such file/);
  });
});
