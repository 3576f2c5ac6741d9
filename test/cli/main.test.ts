// The CLI in-process: `main(argv, io)` with captured output (the spawned executable is tested in bin.test.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { UsageError } from '../../src/cli/io.js';
import { helpText, main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const NAMES = COMMANDS.map((c) => c.name);
const COMMAND_LIST = `${NAMES.slice(0, -1).join(', ')} or ${NAMES.at(-1)}`;

const EX = join(ROOT, 'spec/2024/examples');
const ex = (f: string) => join(EX, f);
const exampleDoc = (f: string) => JSON.parse(readFileSync(ex(f), 'utf8'));
const readJsonFile = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as { version: string };

let dir = '';
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cds-cli-'));
});

function expectNoStack(s: string) {
  expect(s).not.toMatch(/\n\s+at /);
}

describe('main: help, version, command table', () => {
  it('--help lists every command of the table and exits 0; help after a command too', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['validate', '--help'], ['revision', 'x', '-h']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toBe(helpText());
    }
    for (const c of COMMANDS) expect(helpText()).toContain(`cds-usage-segments ${c.usage}\n`);
    for (const o of COMMANDS.flatMap((c) => c.options)) expect(helpText()).toContain(`  --${o.name}`);
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  /** A command of the table that only throws `error`. */
  const throwing = (name: string, error: Error): Command => ({
    name,
    usage: name,
    summary: `${name}.`,
    options: [],
    run: async () => {
      throw error;
    },
  });

  it('dispatches to the command of the table by name; a UsageError exits 2 and anything else is an internal error (exit 2, one line)', async () => {
    const seen: (readonly string[])[] = [];
    const table: Command[] = [
      { name: 'echo', usage: 'echo ARGS', summary: 'Echo.', options: [], run: async ({ positionals }, io) => (seen.push(positionals), io.stdout(positionals.join(' ')), 3) },
      throwing('bad', new UsageError('no good')),
      throwing('boom', new RangeError('kaput\nmore')),
    ];
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), stdin: async () => new Uint8Array() };
    expect(await main(['echo', 'a', 'b'], io, table)).toBe(3);
    expect(seen).toEqual([['a', 'b']]);
    expect(out).toEqual(['a b']);
    expect(await main(['bad'], io, table)).toBe(2);
    expect(await main(['boom'], io, table)).toBe(2);
    expect(await main(['nope'], io, table)).toBe(2);
    expect(await main([], io, table)).toBe(2);
    expect(err).toEqual([
      'cds-usage-segments: no good; see --help\n',
      'cds-usage-segments: internal error: kaput\n',
      'cds-usage-segments: unknown command "nope" (expected echo, bad or boom); see --help\n',
      'cds-usage-segments: missing command (echo, bad or boom); see --help\n',
    ]);
  });
});

describe('validate', () => {
  it('validates all examples: exit 0, summary line', async () => {
    const r = await runCli(['validate', ...['option1-estimated.json', 'option1-validated.json', 'option2-both-columns.json', 'gap-disclosure-page.json', 'supply-mix-attribution.json'].map(ex)]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['5 files checked: 0 errors, 0 warnings — valid']);
    expect(r.stderr).toBe('');
  });

  it('an invalid document: exit 1, one line per problem FILE PATH CODE message', async () => {
    const seg = exampleDoc('option1-estimated.json');
    seg.values[0][0] = { v: 'x' };
    seg.interval = 86400;
    const f = file('bad.json', JSON.stringify(seg));
    const r = await runCli(['validate', f]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]!.startsWith(`${f} /values interval-arithmetic `)).toBe(true);
    expect(lines[1]).toMatch(/ \/values\/0\/0 value-type /);
    expect(lines[2]).toBe('1 file checked: 2 errors, 0 warnings — invalid');
  });

  it('warnings alone exit 0; --strict adds warnings', async () => {
    const seg = exampleDoc('option1-validated.json');
    seg.note = 'x';
    const f = file('extra.json', JSON.stringify(seg));
    expect((await runCli(['validate', f])).stdout).toContain('0 warnings');
    const r = await runCli(['validate', '--strict', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(' /note unknown-field ');
  });

  it('--json prints exactly one object with file-tagged problems', async () => {
    const page = exampleDoc('gap-disclosure-page.json');
    page.usage_segments.splice(1, 1);
    const f = file('hole.json', JSON.stringify(page));
    const bad = file('bad2.json', JSON.stringify({ ...page, usage_segments: [{ ...page.usage_segments[0], interval: 'one hour' }] }));
    const r = await runCli(['validate', '--json', f, bad]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['errors', 'files', 'model', 'tool', 'valid', 'version', 'warnings']);
    expect(out).toMatchObject({ tool: 'cds-usage-segments', version: readJsonFile(join(ROOT, 'package.json')).version, model: '2024' });
    expect(out.valid).toBe(false);
    expect(out.warnings).toEqual([expect.objectContaining({ file: f, code: 'timeline-hole', path: '/usage_segments/1' })]);
    expect(out.errors.length).toBeGreaterThan(0);
    for (const e of out.errors) expect(e).toMatchObject({ file: bad, code: 'schema' });
    expect(out.files.map((x: { file: string; valid: boolean }) => [x.file, x.valid])).toEqual([
      [f, true],
      [bad, false],
    ]);
  });

  it('reads stdin with -, also after --', async () => {
    for (const args of [
      ['validate', '--json', '-'],
      ['validate', '--json', '--', '-'],
    ]) {
      const r = await runCli(args, readFileSync(ex('option2-both-columns.json')));
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, files: [{ file: '<stdin>', valid: true }] });
    }
  });

  it('--kind list (also --kind=list) on a segment reports schema errors', async () => {
    for (const kind of [['--kind', 'list'], ['--kind=list']]) {
      const r = await runCli(['validate', ...kind, ex('option1-estimated.json')]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('(root) schema missing required property "usage_segments"');
    }
  });

  it('missing file, invalid JSON, BOM and invalid UTF-8 exit 2 with a one-line reason', async () => {
    const cases: [string[], RegExp][] = [
      [['validate', join(dir, 'nope.json')], /nope\.json: no such file/],
      [['validate', file('broken.json', '{"a":')], /broken\.json: invalid JSON/],
      [['validate', file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(ex('option1-estimated.json'))]))], /byte order mark not allowed/],
      [['validate', file('latin1.json', Buffer.from([0x22, 0xe9, 0x22]))], /not valid UTF-8/],
      [['validate', dir], /is a directory/],
    ];
    for (const [args, re] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expectNoStack(r.stderr);
    }
  });

  it('an unreadable file among valid ones still exits 2 and the others are checked', async () => {
    const r = await runCli(['validate', '--json', ex('option1-estimated.json'), join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.files[0]).toMatchObject({ valid: true });
    expect(out.files[1]).toMatchObject({ valid: false, failure: 'no such file' });
  });

  it('usage errors exit 2 with one line naming the mistake', async () => {
    const cases: [string[], string][] = [
      // The command list comes from the table (each command's own tests pin its name).
      [[], `missing command (${COMMAND_LIST})`],
      [['frobnicate'], `unknown command "frobnicate" (expected ${COMMAND_LIST})`],
      [['validate'], 'validate needs at least one FILE (or - for stdin)'],
      [['validate', '--kind', 'page', 'x.json'], '--kind must be auto, segment or list, got "page"'],
      [['validate', 'x.json', '--kind'], 'option --kind needs a value'],
      [['validate', '--nope', 'x.json'], 'unknown option --nope'],
      [['revision', ex('option1-estimated.json')], 'revision needs PREVIOUS and NEXT files'],
      [['revision', '--kind', 'list', 'a', 'b'], 'unknown option --kind'],
      [['validate', '-', '-'], 'stdin ("-") can be given only once'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`cds-usage-segments: ${message}; see --help\n`);
    }
  });

  it('a 100,000-deep extension value is valid (extension Decision): exit 0, also with --strict', async () => {
    const seg = exampleDoc('option1-estimated.json');
    const n = 100_000;
    const f = file('deep-extension.json', JSON.stringify({ ...seg, format: ['x_ext'], values: [['@']] }).replace('"@"', '{"a":'.repeat(n) + '{}' + '}'.repeat(n)));
    const r = await runCli(['validate', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 errors, 0 warnings — valid');
    const strict = await runCli(['validate', '--strict', f]);
    expect(strict.code).toBe(0);
    expect(strict.stdout).toContain('unknown-format');
    expectNoStack(strict.stderr);
  });
});

describe('revision', () => {
  it('Option 1 pair exits 0; reversed exits 1 with revision-modified', async () => {
    const ok = await runCli(['revision', ex('option1-estimated.json'), ex('option1-validated.json')]);
    expect(ok.code).toBe(0);
    const bad = await runCli(['revision', '--json', ex('option1-validated.json'), ex('option1-estimated.json')]);
    expect(bad.code).toBe(1);
    const out = JSON.parse(bad.stdout);
    expect(out.errors).toEqual([expect.objectContaining({ file: ex('option1-estimated.json'), code: 'revision-modified', path: '/cds_modified' })]);
    expect(out.errors[0]).not.toHaveProperty('doc');
  });

  it('also validates each document', async () => {
    const seg = exampleDoc('option1-estimated.json');
    delete seg.values;
    const f = file('novalues.json', JSON.stringify(seg));
    const r = await runCli(['revision', f, ex('option1-validated.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${f} (root) schema missing required property "values"`);
  });

  it('problems beyond the cap are counted on the file they belong to', async () => {
    const seg = exampleDoc('gap-disclosure-page.json').usage_segments[0];
    for (let k = 0; k < 150; k++) seg.values[k] = [{ v: 'x' }];
    const a = file('cap-a.json', JSON.stringify(seg));
    // The same segment again: 150 value-type errors and an unchanged cds_modified.
    const b = file('cap-b.json', JSON.stringify(seg));
    const r = await runCli(['revision', '--json', a, b]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const listed = (f: string) => out.errors.filter((p: { file: string }) => p.file === f).length;
    expect(out.files).toEqual([
      { file: a, model: '2024', valid: false, errors: 150, warnings: 0, omittedErrors: 150 - listed(a), omittedWarnings: 0 },
      { file: b, model: '2024', valid: false, errors: 151, warnings: 0, omittedErrors: 151 - listed(b), omittedWarnings: 0 },
    ]);
    expect(listed(a) + listed(b)).toBe(out.errors.length);
    const human = await runCli(['revision', a, b]);
    expect(human.stdout).toContain(`2 files checked: 301 errors, 0 warnings (${301 - out.errors.length} not listed) — invalid`);
  });

  it('an unreadable file exits 2; the readable ones are listed unchecked', async () => {
    const r = await runCli(['revision', '--json', ex('option1-estimated.json'), join(dir, 'gone.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gone\.json: no such file/);
    expect(JSON.parse(r.stdout).files).toEqual([
      { file: ex('option1-estimated.json'), valid: false, errors: 0, warnings: 0, omittedErrors: 0, omittedWarnings: 0 },
      { file: join(dir, 'gone.json'), valid: false, errors: 0, warnings: 0, omittedErrors: 0, omittedWarnings: 0, failure: 'no such file' },
    ]);
  });
});

describe('validate: progress on standard error', () => {
  /** `main` in-process with the progress interval of the test's choosing. */
  async function run(args: readonly string[], progressIntervalMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stdin: async () => Buffer.alloc(0), progressIntervalMs });
    return { code, stdout, stderr };
  }
  const two = [ex('gap-disclosure-page.json'), ex('option1-validated.json')];

  it('a line per step when the interval has passed: file read, checked, counted (bytes)', async () => {
    const r = await run(['validate', ...two], 0);
    expect(r.code).toBe(0);
    const [a, b] = two.map((f) => readFileSync(f!, 'utf8').length) as [number, number];
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    expect(r.stderr.replace(/^\[\d+\.\d s\] /gm, '')).toBe(
      [`reading 1/2 ${two[0]}`, `checking 1/2 ${two[0]} (${mb(a)})`, `checked 1 file of 2, ${mb(a)}`, `reading 2/2 ${two[1]}`, `checking 2/2 ${two[1]} (${mb(b)})`, `checked 2 files of 2, ${mb(a + b)}`, ''].join('\n'),
    );
  });

  it('nothing when the run is shorter than the interval, or with --quiet', async () => {
    expect((await run(['validate', ...two], 60_000)).stderr).toBe('');
    expect((await run(['validate', '--quiet', ...two], 0)).stderr).toBe('');
  });
});
