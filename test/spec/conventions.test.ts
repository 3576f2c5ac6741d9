import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { listFiles, readJson } from './helpers.js';
import { ROOT } from '../helpers/paths.js';

const redocly = join(ROOT, 'node_modules/.bin/redocly');

interface LintTotals { errors: number; warnings: number; ignored: number }
interface LintReport { totals: LintTotals; messages: string[]; sources: string[] }

/**
 * The top-level JSON values of `text`, one after the other: `redocly lint
 * --format=json` of several APIs prints one report per API, back to back.
 */
function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
  }
  return values;
}

/**
 * Runs `redocly lint` of the APIs named (redocly.yaml `apis`) in `cwd`, all
 * in one process (each Redocly start costs about as much as linting one
 * model), and returns each API's totals, messages and the files its problems
 * are in, in the order named.
 */
function lint(cwd: string, apis: string[]): LintReport[] {
  let out: string;
  try {
    out = execFileSync(redocly, ['lint', ...apis, '--format=json'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const reports = jsonValues(out.slice(out.indexOf('{'))) as { totals: LintTotals; problems: { message: string; location: { source: { ref: string } }[] }[] }[];
  expect(reports, 'one report per API').toHaveLength(apis.length);
  return reports.map((r) => ({
    totals: r.totals,
    messages: r.problems.map((p) => p.message),
    sources: r.problems.flatMap((p) => p.location.map((l) => l.source.ref)),
  }));
}

/** A value computed the first time it is asked for (a lint shared by several tests). */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

/** A scratch copy of what lint reads: spec/, redocly.yaml and the plugin. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cds-lint-'));
  for (const entry of ['spec', 'redocly', 'redocly.yaml', 'package.json']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

describe('redocly lint', () => {
  const MODELS = ['2024', '2026'];
  const clean = once(() => lint(ROOT, MODELS.map((model) => `usage-segments-${model}`)));
  MODELS.forEach((model, i) => {
    it(`reports zero errors and zero warnings on spec/${model}`, () => {
      const { totals, messages } = clean()[i]!;
      expect(messages).toEqual([]);
      expect(totals).toMatchObject({ errors: 0, warnings: 0 });
    });
  });

  /** A JSON file's text without the member at `path` (keys from the root). */
  const without =
    (...path: (string | number)[]) =>
    (t: string) => {
      const d = JSON.parse(t);
      let o = d;
      for (const k of path.slice(0, -1)) o = o[k];
      delete o[path.at(-1)!];
      return JSON.stringify(d);
    };
  const breakages: { given: string; file: string; change: (text: string) => string; want: RegExp }[] = [
    {
      given: 'the Option 2 example without segment_end',
      file: 'spec/2024/examples/option2-both-columns.json',
      change: without('segment_end'),
      want: /required property 'segment_end'/,
    },
    {
      given: 'a schema title that differs from its file name',
      file: 'spec/2024/components/schemas/GapValue.yaml',
      change: (t) => t.replace('title: GapValue', 'title: Gap'),
      want: /must equal the file name "GapValue"/,
    },
    {
      given: 'a property without a description',
      file: 'spec/2024/components/schemas/EnergyValue.yaml',
      change: (t) => t.replace('    type: number\n    description: >-', '    type: number\n    x-note: >-'),
      want: /needs a description/,
    },
    {
      given: 'a camelCase property',
      file: 'spec/2024/components/schemas/GapValue.yaml',
      change: (t) => t.replace(/reason_type/g, 'reasonType'),
      want: /snake_case/,
    },
    {
      given: 'a 2026 example without cds_synced',
      file: 'spec/2026/examples/option1-estimated.json',
      change: without('cds_synced'),
      want: /required property 'cds_synced'/,
    },
    {
      given: 'a 2026 value-type example whose electric_usage column has no units',
      file: 'spec/2026/examples/value-types/electric-usage.json',
      change: without('formats', 0, 'units'),
      want: /required property 'units'/,
    },
  ];
  /**
   * Every breakage in its own copy of spec/ (b0/, b1/, … in one scratch
   * folder), linted by one Redocly process: the scratch redocly.yaml is the
   * repository's with one API per copy (the settings of its model's API, its
   * root moved into the copy), beside a copy of the plugin.
   */
  const broken = once(() => {
    const dir = mkdtempSync(join(tmpdir(), 'cds-lint-'));
    try {
      for (const entry of ['redocly', 'package.json']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
      const config = YAML.parse(readFileSync(join(ROOT, 'redocly.yaml'), 'utf8')) as { apis: Record<string, { root: string }> };
      const apis: Record<string, { root: string }> = {};
      const applied = breakages.map(({ file, change }, i) => {
        const copy = `b${i}`;
        cpSync(join(ROOT, 'spec'), join(dir, copy, 'spec'), { recursive: true });
        const path = join(dir, copy, file);
        const before = readFileSync(path, 'utf8');
        const after = change(before);
        writeFileSync(path, after);
        const api = config.apis[`usage-segments-${file.split('/')[1]!}`]!;
        apis[copy] = { ...api, root: `${copy}/${api.root}` };
        return after !== before;
      });
      writeFileSync(join(dir, 'redocly.yaml'), YAML.stringify({ ...config, apis }));
      return { applied, reports: lint(dir, Object.keys(apis)) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  breakages.forEach(({ given, want }, i) => {
    it(`fails on ${given}`, () => {
      const { applied, reports } = broken();
      expect(applied[i], 'the breakage applies').toBe(true);
      const { totals, messages, sources } = reports[i]!;
      expect(totals.errors).toBeGreaterThan(0);
      expect(messages.join('\n')).toMatch(want);
      // Each report is its own copy's: the reports are matched to the copies by order.
      expect(sources.filter((ref) => !ref.startsWith(`b${i}/`))).toEqual([]);
    });
  });
});

describe('spec conventions', () => {
  const root = YAML.parse(readFileSync(join(ROOT, 'spec/2024/openapi.yaml'), 'utf8'));

  it('gives every component schema a title equal to its file name', () => {
    for (const dir of ['spec/2024/components/schemas', 'spec/2026/components/schemas', 'spec/shared/components/schemas']) {
      for (const file of listFiles(join(ROOT, dir), '.yaml')) {
        const schema = YAML.parse(readFileSync(join(ROOT, dir, file), 'utf8'));
        expect(schema.title, file).toBe(file.replace(/\.yaml$/, ''));
      }
    }
  });

  it('keeps info.version of every model equal to the package version', () => {
    const pkg = readJson(join(ROOT, 'package.json')) as { version: string };
    expect(root.info.version).toBe(pkg.version);
    const root2026 = YAML.parse(readFileSync(join(ROOT, 'spec/2026/openapi.yaml'), 'utf8'));
    expect(root2026.info.version).toBe(pkg.version);
  });

  it('registers every component file in its model\'s openapi.yaml (scripts/check-spec-conventions.mjs)', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/check-spec-conventions.mjs')], { encoding: 'utf8' });
    expect(out).toContain('0 problems');
  });

  for (const folder of ['spec/2024/components/schemas', 'spec/2026/components/schemas', 'spec/shared/components/schemas']) {
    it(`reports an unregistered component file in ${folder}`, () => {
      const dir = scratchCopy();
      try {
        writeFileSync(join(dir, folder, 'Stray.yaml'), 'title: Stray\ntype: string\n');
        let failed = false;
        try {
          execFileSync(process.execPath, [join(ROOT, 'scripts/check-spec-conventions.mjs'), join(dir, 'spec')], { stdio: 'pipe' });
        } catch (error) {
          failed = true;
          expect(String((error as { stderr: Buffer }).stderr)).toContain(`${folder}/Stray.yaml`);
        }
        expect(failed).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('defines all twelve query parameters of the listing', () => {
    const op = YAML.parse(readFileSync(join(ROOT, 'spec/2024/paths/usagesegments.yaml'), 'utf8')).get;
    const names = op.parameters.map((p: { $ref: string }) => {
      const file = join(ROOT, 'spec/2024/paths', p.$ref);
      return YAML.parse(readFileSync(file, 'utf8')).name;
    });
    expect(names.sort()).toEqual([
      'account_numbers', 'after', 'before', 'cds_account_ids', 'cds_billsection_ids', 'cds_meterdevice_ids',
      'cds_servicecontract_ids', 'cds_servicepoint_ids', 'cds_usagesegment_ids', 'contract_numbers',
      'meter_numbers', 'servicepoint_numbers',
    ]);
  });
});
