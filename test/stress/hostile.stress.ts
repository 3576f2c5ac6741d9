/**
 * `npm run stress`: the largest hostile inputs, each through the CLI in a fresh
 * process with a time bound proportional to its size, and the peak memory of
 * the largest (reported in docs/robustness.md). Inputs are generated into
 * os.tmpdir() and removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { CLI, ROOT, bigPage, bigSegmentText, example, expectCleanFailure, runCli, scratch } from '../robustness/helpers.js';

let tmp: ReturnType<typeof scratch>;
const report: Record<string, unknown>[] = [];
beforeAll(() => {
  tmp = scratch('cds-stress-');
});
afterAll(() => {
  tmp.done();
  console.log('stress measurements:\n' + report.map((r) => JSON.stringify(r)).join('\n'));
});

/** 20 s plus 2 s per MB: a hang or a quadratic walk fails, a slow machine does not. */
const budget = (bytes: number) => 20_000 + Math.ceil(bytes / 1e6) * 2_000;

/** Run the CLI under /usr/bin/time -v (when present) and return exit code, duration and peak RSS. */
function measuredCli(file: string, nodeArgs: string[] = []) {
  const bytes = statSync(file).size;
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const t = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-v', process.execPath, ...nodeArgs, CLI, 'validate', file], { cwd: ROOT, encoding: 'utf8', timeout: budget(bytes), maxBuffer: 64 * 2 ** 20 })
    : spawnSync(process.execPath, [...nodeArgs, CLI, 'validate', file], { cwd: ROOT, encoding: 'utf8', timeout: budget(bytes), maxBuffer: 64 * 2 ** 20 });
  const ms = Math.round(performance.now() - t);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const stderr = (r.stderr ?? '').split('\n').filter((l) => !/^\t|^\s*Command being timed|^Command exited/.test(l)).join('\n');
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr, ms, bytes, peakRssMB: rss ? Math.round(Number(rss[1]) / 1024) : null };
}

function libraryRun(file: string, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, join(ROOT, 'test/stress/measure.mjs'), file], { cwd: ROOT, encoding: 'utf8', timeout: budget(statSync(file).size), maxBuffer: 2 ** 20 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('2,000,000 value sets in one segment', () => {
  const N = 2_000_000;

  it('valid: exit 0; peak memory measured, and it runs under a 1 GB heap limit', () => {
    const file = tmp.file('2m-valid.json', bigSegmentText(N));
    const cli = measuredCli(file, ['--max-old-space-size=1024']);
    expect(cli.signal).toBe(null);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toBe('1 file checked: 0 errors, 0 warnings — valid\n');
    const lib = libraryRun(file);
    expect(lib.valid).toBe(true);
    report.push({ input: '2,000,000 value sets, valid', MB: +(cli.bytes / 1e6).toFixed(1), cliMs: cli.ms, cliPeakRssMB: cli.peakRssMB, ...lib });
  });

  it('a bad value in every value set: exit 1, 100 listed, the rest counted, memory still bounded', () => {
    const file = tmp.file('2m-bad.json', bigSegmentText(N, (i) => `[{"v":"${i}"}]`));
    const cli = measuredCli(file, ['--max-old-space-size=1024']);
    expectCleanFailure({ ...cli, code: cli.code }, 1);
    expect(cli.stdout.trim().split('\n').at(-1)).toBe(`1 file checked: ${N} errors, 0 warnings (${N - 100} not listed) — invalid`);
    const lib = libraryRun(file);
    expect(lib).toMatchObject({ valid: false, errors: 100, omittedErrors: N - 100 });
    report.push({ input: '2,000,000 value sets, every value bad', MB: +(cli.bytes / 1e6).toFixed(1), cliMs: cli.ms, cliPeakRssMB: cli.peakRssMB, ...lib });
  });

  it('time grows linearly: 4× the value sets costs less than 16× (best of 3)', () => {
    const seg = (n: number) => JSON.parse(bigSegmentText(n));
    const cost = (doc: unknown) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        expect(validate(doc).valid).toBe(true);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    const a = cost(seg(N / 4));
    const b = cost(seg(N));
    report.push({ input: 'linearity', quarterMs: Math.round(a), fullMs: Math.round(b), ratio: +(b / a).toFixed(2) });
    expect(b / a).toBeLessThan(16);
  });
});

describe('50 MB strings', () => {
  const big = 'a'.repeat(50 * 2 ** 20);
  const seg = () => example('option1-estimated.json');
  const cases: [string, () => unknown, 0 | 1][] = [
    ['cds_created', () => ({ ...seg(), cds_created: big }), 1],
    ['segment_start with a 50 MB fraction', () => ({ ...seg(), segment_start: `2024-01-15T00:00:00.${'1'.repeat(big.length)}Z` }), 1],
    ['a format entry (not an identifier)', () => ({ ...seg(), format: ['X' + big] }), 1],
    ['a value', () => ({ ...seg(), values: [[{ v: big }]] }), 1],
    ['next of a page', () => ({ ...example('gap-disclosure-page.json'), next: `https://cds.utility.test/${big}` }), 1],
    ['a property name', () => ({ ...seg(), interval: 0, [big]: 1 }), 1],
    ['cds_usagesegment_id (valid)', () => ({ ...seg(), cds_usagesegment_id: big }), 0],
  ];
  for (const [name, make, code] of cases) {
    it(`in ${name}: exit ${code}`, () => {
      const file = tmp.file(`50mb-${name.replace(/\W+/g, '-')}.json`, JSON.stringify(make()));
      const cli = measuredCli(file, ['--max-old-space-size=2048']);
      if (code === 1) expectCleanFailure(cli, 1);
      else expect(cli.code, cli.stderr).toBe(0);
      // Messages quote at most a short prefix of the value.
      for (const line of cli.stdout.split('\n')) expect(line.length).toBeLessThan(1000);
      report.push({ input: `50 MB string in ${name}`, MB: +(cli.bytes / 1e6).toFixed(1), cliMs: cli.ms, cliPeakRssMB: cli.peakRssMB, exit: cli.code });
    });
  }
});

describe('many segments and deep nesting through the CLI', () => {
  it('a page of 100,000 segments: exit 0', () => {
    const file = tmp.file('100k-segments.json', JSON.stringify(bigPage(100_000)));
    const cli = measuredCli(file);
    expect(cli.code, cli.stderr).toBe(0);
    report.push({ input: 'page of 100,000 segments', MB: +(cli.bytes / 1e6).toFixed(1), cliMs: cli.ms, cliPeakRssMB: cli.peakRssMB });
  });

  it('1,000,000-deep arrays and objects: exit 1', () => {
    for (const [kind, text] of [
      ['arrays', '['.repeat(1e6) + ']'.repeat(1e6)],
      ['objects', '{"a":'.repeat(1e6) + '1' + '}'.repeat(1e6)],
    ] as const) {
      const cli = measuredCli(tmp.file(`deep-${kind}.json`, text));
      expectCleanFailure(cli, [1, 2]);
      report.push({ input: `1,000,000-deep ${kind}`, MB: +(cli.bytes / 1e6).toFixed(1), cliMs: cli.ms, cliPeakRssMB: cli.peakRssMB, exit: cli.code, stderr: cli.stderr.trim() });
    }
  });

  it('stdin of 100 MB of whitespace: exit 2 (invalid JSON)', () => {
    const r = runCli(['validate', '-'], { input: Buffer.alloc(100 * 2 ** 20, 0x20), timeout: budget(100 * 2 ** 20) });
    expectCleanFailure(r, 2);
  });
});
