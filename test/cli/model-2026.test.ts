// The CLI on the 2026 model: detection, --model, --server-metadata FILE.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { scratchFiles } from '../helpers/files.js';
import { ROOT } from '../helpers/paths.js';

const EX = join(ROOT, 'spec/2026/examples');
const META = join(EX, 'server-metadata.json');
const GAP = join(EX, 'gap-disclosure-page.json');
const USAGE = join(EX, 'value-types/electric-usage.json');
// A path that names no file (the examples directory holds none by that name).
const MISSING = join(EX, 'missing.json');

const file = scratchFiles('cds-cli-2026-');

describe('validate on 2026 documents', () => {
  it('detects the model: a valid 2026 segment exits 0', async () => {
    const r = await runCli(['validate', USAGE]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toContain('1 file checked: 0 errors, 0 warnings — valid');
  });

  it('--model 2024 reads it as 2024 (exit 1), --model 2026 and auto as 2026', async () => {
    expect((await runCli(['validate', '--model', '2024', USAGE])).code).toBe(1);
    expect((await runCli(['validate', '--model', '2026', USAGE])).code).toBe(0);
    expect((await runCli(['validate', '--model', 'auto', USAGE])).code).toBe(0);
  });

  it('--json names the model each file was checked against, and the run’s (mixed when files differ)', async () => {
    const ex2024 = join(ROOT, 'spec/2024/examples/option1-estimated.json');
    const models = async (args: string[]) => {
      const out = JSON.parse((await runCli(['validate', '--json', ...args])).stdout);
      return { run: out.model, files: out.files.map((f: { model?: string }) => f.model ?? null) };
    };
    expect(await models([USAGE])).toEqual({ run: '2026', files: ['2026'] });
    expect(await models([ex2024])).toEqual({ run: '2024', files: ['2024'] });
    expect(await models([USAGE, ex2024, GAP])).toEqual({ run: 'mixed', files: ['2026', '2024', '2026'] });
    // Forced: the model used, not the one the document looks like.
    expect(await models(['--model', '2024', USAGE])).toEqual({ run: '2024', files: ['2024'] });
    // An unreadable file was checked against no model.
    expect(await models([MISSING, USAGE])).toEqual({ run: '2026', files: [null, '2026'] });
    expect(await models([MISSING])).toEqual({ run: null, files: [null] });
    const rev = JSON.parse((await runCli(['revision', '--json', join(EX, 'option1-estimated.json'), join(EX, 'option1-validated.json')])).stdout);
    expect({ run: rev.model, files: rev.files.map((f: { model: string }) => f.model) }).toEqual({ run: '2026', files: ['2026', '2026'] });
  });

  it('--server-metadata makes an undescribed type an error and a described one fine', async () => {
    const ok = await runCli(['validate', '--json', '--server-metadata', META, GAP]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).errors).toEqual([]);
    const empty = file('meta-empty.json', JSON.stringify({ cds_customerdata_version: 'v1', cds_usagesegments_additional_value_types: {} }));
    const bad = await runCli(['validate', '--json', '--server-metadata', empty, GAP]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).errors.map((p: { code: string; path: string }) => `${p.code} ${p.path}`)).toEqual(['undeclared-type /usage_segments/1/formats/0/type']);
  });

  it('revision takes the same options', async () => {
    const prev = join(EX, 'option1-estimated.json');
    const next = join(EX, 'option1-validated.json');
    expect((await runCli(['revision', '--server-metadata', META, prev, next])).code).toBe(0);
    expect((await runCli(['revision', '--model', '2024', prev, next])).code).toBe(1);
  });

  it('bad --model and unusable --server-metadata files are usage errors (exit 2) with one line', async () => {
    const cases: [string[], RegExp][] = [
      [['validate', '--model', '2025', USAGE], /--model must be auto, 2024 or 2026/],
      [['validate', '--server-metadata', MISSING, USAGE], /--server-metadata .*missing\.json: no such file/],
      [['validate', '--server-metadata', file('meta-bad.json', '{'), USAGE], /--server-metadata .*: invalid JSON/],
      [['validate', '--server-metadata', file('meta-array.json', '[]'), USAGE], /must be a JSON object/],
      [['validate', '--server-metadata', file('meta-map.json', '{"cds_usagesegments_additional_value_types": []}'), USAGE], /must be an object/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('the metadata file is only read, never changed', async () => {
    const before = readFileSync(META, 'utf8');
    await runCli(['validate', '--server-metadata', META, GAP]);
    expect(readFileSync(META, 'utf8')).toBe(before);
  });
});
