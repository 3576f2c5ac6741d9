// A consumer's view: pack the package, install the tarball into a fresh
// project (dependencies from the npm cache), type-check code that uses the
// public types and `validate` with TypeScript 5.9 and 7.0, run it under Node,
// and run the installed CLI.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, repoRoot } from '../spec/helpers.js';

const pkg = readJson(join(repoRoot, 'package.json')) as { name: string; version: string };

const TSC = {
  '5.9.3': join(repoRoot, 'node_modules/typescript5/bin/tsc'),
  '7.0.2': join(repoRoot, 'node_modules/typescript/bin/tsc'),
};

const CONSUMER_TS = `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { validate, type ValidationResult } from 'cds-usage-segments';
import type { UsageSegment, UsageSegmentList } from 'cds-usage-segments/types';
import { validateUsageSegment } from 'cds-usage-segments/validators';

const segment: UsageSegment = {
  cds_usagesegment_id: 'c-1',
  cds_created: '2024-01-01T00:00:00Z',
  cds_modified: '2024-01-01T00:00:00Z',
  related_aggregations: [],
  related_accounts: [],
  related_servicecontracts: [],
  related_servicepoints: [],
  related_meterdevices: [],
  related_billsections: [],
  segment_start: '2024-01-01T00:00:00Z',
  segment_end: '2024-01-01T00:30:00Z',
  interval: 900,
  format: ['kwh_fwd'],
  values: [[{ v: 1.5 }], [null]],
};
const page: UsageSegmentList = { usage_segments: [segment], next: null, previous: null };

const result: ValidationResult = validate(page);
const broken: ValidationResult = validate({ ...segment, interval: 600 });
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('cds-usage-segments/schemas/UsageSegment.json'), 'utf8')) as { $id: string };
const yaml = readFileSync(new URL(import.meta.resolve('cds-usage-segments/openapi.yaml')), 'utf8');
console.log(JSON.stringify({
  valid: result.valid,
  brokenCodes: broken.errors.map((p) => p.code),
  compiled: validateUsageSegment(segment),
  schemaId: schema.$id,
  yamlStartsWithOpenapi: /^openapi: 3\\.1/m.test(yaml),
}));
`;

// Must fail to type-check: proves the types are really checked, not \`any\`.
const WRONG_TS = `import type { UsageSegment } from 'cds-usage-segments/types';
export const s: UsageSegment['interval'] = 'fifteen minutes';
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: false,
    outDir: 'out',
    skipLibCheck: false,
    types: ['node'],
  },
  files: ['consumer.ts'],
};

function sh(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
}

describe('installed from the packed tarball', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cds-consumer-'));
    sh('npm', ['pack', '--pack-destination', dir], repoRoot);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
    // @types/node for the consumer's own use of node:fs; copied from this repo rather than fetched.
    sh('npm', ['install', '--prefer-offline', '--no-save', '--no-package-lock', join(dir, tarball), join(repoRoot, 'node_modules/@types/node'), join(repoRoot, 'node_modules/undici-types')], dir);
    writeFileSync(join(dir, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    copyFileSync(join(repoRoot, 'spec/2024/examples/option2-both-columns.json'), join(dir, 'option2.json'));
  }, 90_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [version, tsc] of Object.entries(TSC)) {
    it(`type-checks the consumer with TypeScript ${version}`, () => {
      expect(sh(process.execPath, [tsc, '--version'], dir)).toContain(version);
      sh(process.execPath, [tsc, '-p', '.', '--outDir', `out-${version}`], dir);
    });

    it(`rejects a wrongly typed interval with TypeScript ${version}`, () => {
      const config = `tsconfig.wrong-${version}.json`;
      writeFileSync(join(dir, `wrong-${version}.ts`), WRONG_TS);
      writeFileSync(join(dir, config), JSON.stringify({ ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, noEmit: true }, files: [`wrong-${version}.ts`] }));
      let output = '';
      try {
        output = sh(process.execPath, [tsc, '-p', config], dir);
      } catch (e) {
        output = String((e as { stdout?: string }).stdout);
      }
      expect(output).toMatch(/wrong-[\d.]+\.ts.*TS2322/);
    });
  }

  it('runs the compiled consumer under Node', () => {
    const out = sh(process.execPath, [join(dir, 'out-7.0.2/consumer.js')], dir);
    expect(JSON.parse(out)).toEqual({
      valid: true,
      brokenCodes: ['interval-arithmetic'],
      compiled: true,
      schemaId: `https://unpkg.com/${pkg.name}@${pkg.version}/generated/2024/schemas/UsageSegment.json`,
      yamlStartsWithOpenapi: true,
    });
  });

  it('runs the installed CLI with npx', () => {
    const out = sh('npx', ['--no-install', 'cds-usage-segments', 'validate', '--json', 'option2.json'], dir);
    expect(JSON.parse(out)).toMatchObject({ valid: true, errors: [], warnings: [] });
    let status = 0;
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ usage_segments: [], next: null }));
    try {
      sh('npx', ['--no-install', 'cds-usage-segments', 'validate', 'broken.json'], dir);
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
  });
});
