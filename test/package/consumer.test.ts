// A consumer's view, from empty directories outside the repository:
// - pack the package, install the tarball into a fresh project (dependencies
//   from the npm cache), type-check code that uses the public types and
//   `validate` with TypeScript 5.9 and 7.0, run it under Node, run the
//   installed CLI, and run the CLI one-off with `npx --package <tarball>`;
// - install from a git URL (a `git+file://` URL of a commit made from this
//   working tree, as a push would publish it): npm clones it, installs its dev
//   dependencies and runs `prepare`, which builds `dist/`; then import the
//   library and run the bin.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../spec/helpers.js';
import { ROOT } from '../helpers/paths.js';

// A page that breaks a MUST of the draft (usage_segments is a list), so the installed CLI exits 1. (A
// missing `previous` is only a warning since issue 20, link-absent: neither draft marks the links REQUIRED.)
const BROKEN_PAGE = { usage_segments: null, next: null, previous: null };

const pkg = readJson(join(ROOT, 'package.json')) as { name: string; version: string };

const TSC = {
  '5.9.3': join(ROOT, 'node_modules/typescript5/bin/tsc'),
  '7.0.2': join(ROOT, 'node_modules/typescript/bin/tsc'),
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

const NPM_ENV = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_prefer_offline: 'true' };

function sh(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...NPM_ENV } });
}

/** Runs a command expected to fail; returns its exit status. */
function status(cmd: string, args: string[], cwd: string): number {
  try {
    sh(cmd, args, cwd);
    return 0;
  } catch (e) {
    return (e as { status: number }).status;
  }
}

/** A fresh project directory outside the repository, with the example to validate. */
function consumerDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  copyFileSync(join(ROOT, 'spec/2024/examples/option2-both-columns.json'), join(dir, 'option2.json'));
  return dir;
}

/**
 * A git repository holding one commit of this working tree's tracked and
 * not-ignored files (what a push would publish; dist/ and node_modules/ are
 * ignored, so the install has to build).
 */
function snapshotRepository(into: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && existsSync(join(ROOT, f)));
  for (const file of files) {
    mkdirSync(dirname(join(into, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(into, file));
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=consumer test', '-c', 'user.email=consumer@test.invalid', ...args], { cwd: into, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'snapshot of the working tree');
}

/** The consumer's smoke script: import the package, validate a page, resolve a schema export. */
const SMOKE_MJS = `import { readFileSync } from 'node:fs';
import { validate } from 'cds-usage-segments';
const page = JSON.parse(readFileSync('option2.json', 'utf8'));
const schema = JSON.parse(readFileSync(new URL(import.meta.resolve('cds-usage-segments/schemas/UsageSegment.json')), 'utf8'));
console.log(JSON.stringify({ valid: validate(page).valid, missing: validate({}).errors.length > 0, schemaTitle: schema.title }));
`;

describe('installed from the packed tarball', () => {
  let dir: string;
  let tarball: string;

  beforeAll(() => {
    dir = consumerDir('cds-consumer-');
    // Scripts off: `prepare` would rebuild dist/ while other test files read it;
    // `npm test` has just compiled it. The git-URL case below runs `prepare`.
    sh('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
    const found = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!found) throw new Error('npm pack wrote no tarball');
    tarball = join(dir, found);
    // @types/node for the consumer's own use of node:fs; copied from this repo rather than fetched.
    sh('npm', ['install', '--no-save', '--no-package-lock', tarball, join(ROOT, 'node_modules/@types/node'), join(ROOT, 'node_modules/undici-types')], dir);
    writeFileSync(join(dir, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  }, 120_000);
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
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(BROKEN_PAGE));
    expect(status('npx', ['--no-install', 'cds-usage-segments', 'validate', 'broken.json'], dir)).toBe(1);
  });

  it('ships the rendered reference of every model, each one HTML file', () => {
    const models = readdirSync(join(ROOT, 'generated')).filter((m) => /^\d{4}$/.test(m));
    expect(models).toContain('2024');
    for (const model of models) {
      const html = readFileSync(join(dir, 'node_modules/cds-usage-segments/docs/reference', model, 'index.html'), 'utf8');
      expect(html).toMatch(/<title>CDS Usage Segments API/);
      // Offline: no script or stylesheet is loaded from elsewhere.
      expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
    }
  });

  it('runs the CLI one-off with npx --package from an empty directory', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    copyFileSync(join(dir, 'option2.json'), join(empty, 'option2.json'));
    const out = sh('npx', ['--yes', `--package=${tarball}`, '--', 'cds-usage-segments', 'validate', 'option2.json'], empty);
    expect(out).toContain('1 file checked: 0 errors, 0 warnings');
  });
});

describe('installed from a git URL', () => {
  let dir: string;
  let origin: string;

  beforeAll(() => {
    origin = mkdtempSync(join(tmpdir(), 'cds-origin-'));
    snapshotRepository(origin);
    expect(existsSync(join(origin, 'dist'))).toBe(false);
    dir = consumerDir('cds-git-consumer-');
    // npm prepares a git dependency by installing the clone's dependencies,
    // workspaces included; the server/ workspace (the reference Server, not
    // part of this package) would compile better-sqlite3 from source here.
    // The child npm reads this setting from the environment and skips it, as
    // the README tells users who want the same.
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', `git+${pathToFileURL(origin).href}`], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...NPM_ENV, npm_config_workspaces: 'false' },
    });
    writeFileSync(join(dir, 'smoke.mjs'), SMOKE_MJS);
  }, 420_000);
  afterAll(() => {
    for (const d of [dir, origin]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('builds dist/ and the rendered reference while installing (the prepare script)', () => {
    for (const file of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli.js', 'dist/generated/2024/validators.js', 'docs/reference/2024/index.html']) {
      expect(existsSync(join(dir, 'node_modules/cds-usage-segments', file)), file).toBe(true);
    }
  });

  it('imports the library under Node', () => {
    expect(JSON.parse(sh(process.execPath, ['smoke.mjs'], dir))).toEqual({ valid: true, missing: true, schemaTitle: 'UsageSegment' });
  });

  it('runs the installed bin', () => {
    expect(sh('npx', ['--no-install', 'cds-usage-segments', 'validate', 'option2.json'], dir)).toContain('1 file checked: 0 errors, 0 warnings');
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(BROKEN_PAGE));
    expect(status('npx', ['--no-install', 'cds-usage-segments', 'validate', 'broken.json'], dir)).toBe(1);
  });
});
