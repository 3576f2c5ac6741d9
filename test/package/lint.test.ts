// The published package as tools see it: the file list `npm pack` takes,
// publint (package.json fields and the files they point to) and Are The Types
// Wrong (every export resolves to JavaScript and to matching type
// declarations). Each packs the package (npm, publint and attw start npm
// pack), about 10 s of CPU together: `npm run test:slow` runs this file
// (SLOW in vitest.config.ts); package.json's own fields are checked in
// `npm test` by manifest.test.ts.
//
// attw runs with `--profile esm-only`: the package is `"type": "module"` with
// ESM output only, so the `node10` and `node16 (from CJS)` resolutions, which
// model `require()` callers, cannot succeed by design (Node 20 needs a dynamic
// `import()` there). `./openapi.yaml` (and each model's `./<model>/openapi.yaml`) is excluded because it is a data file
// for `import.meta.resolve`/`fs`, not a module anyone imports; attw would
// report "resolution failed" for any non-JS, non-JSON file.
//
// Packing runs with scripts off: `prepare` would rebuild dist/ in the
// repository while other test files read it; `npm run test:slow` has just
// compiled it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { EXPORTS } from './exports.js';

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
/** The bundled specs as YAML: data files, not modules (above). */
const DATA_FILES = EXPORTS.filter((e) => e.endsWith('/openapi.yaml'));
/** One file of each schemas/*.json pattern, so that attw resolves a real JSON Schema through it. */
const ONE_SCHEMA_EACH = EXPORTS.filter((e) => e.endsWith('/schemas/*.json')).map((e) => e.replace('*', 'UsageSegment'));

interface Run {
  status: number;
  stdout: string;
}
function run(cmd: string, args: string[]): Run {
  try {
    const stdout = execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_ignore_scripts: 'true' } });
    return { status: 0, stdout };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { status: err.status ?? -1, stdout: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('npm pack', () => {
  it('publishes only what users need', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [{ files }] = JSON.parse(out) as [{ files: { path: string }[] }];
    const paths = files.map((f) => f.path);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli.js', 'dist/generated/2024/types.d.ts', 'dist/generated/2024/index.js', 'dist/generated/2024/validators.cjs', 'dist/generated/2026/validators.cjs', 'dist/generated/2024/quick.cjs', 'dist/generated/2026/quick.cjs', 'generated/2024/openapi.yaml', 'generated/2024/schemas/UsageSegment.json', 'docs/reference/2024/index.html', 'dist/generated/2026/columns.js', 'generated/2026/openapi.json', 'generated/2026/schemas/ValueFormat.json', 'generated/2024/schemas/recommended/UsageSegmentList.json', 'generated/2026/schemas/recommended/UsageSegment.json']) {
      expect(paths, required).toContain(required);
    }
    const unexpected = paths.filter(
      (p) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/(src|generated)\/.+\.(js|d\.ts)|dist\/generated\/\d{4}\/(validators|quick)\.cjs|generated\/\d{4}\/(schemas\/(recommended\/)?[A-Za-z0-9]+\.json|openapi\.(yaml|json|deref\.json))|docs\/[a-z0-9-]+\.md|docs\/reference\/[a-z0-9/-]+\.html)$/.test(p),
    );
    expect(unexpected).toEqual([]);
  });
});

describe('publint', () => {
  it('reports no problem', () => {
    const r = run(bin('publint'), ['--strict']);
    expect(r.stdout).toContain('All good!');
    expect(r.status).toBe(0);
  });
});

describe('Are The Types Wrong', () => {
  it('finds every export typed and resolvable for ESM consumers', () => {
    const r = run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', ...DATA_FILES, '--include-entrypoints', ...ONE_SCHEMA_EACH, '--format', 'json']);
    expect(r.status, r.stdout).toBe(0);
    const report = JSON.parse(r.stdout) as { analysis: { entrypoints: Record<string, unknown>; problems: { kind: string; resolutionKind?: string }[] } };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([...EXPORTS.filter((e) => !DATA_FILES.includes(e)), ...ONE_SCHEMA_EACH].sort());
    // Problems of the ignored CommonJS/node10 resolutions only; none for ESM importers or bundlers.
    const esm = report.analysis.problems.filter((p) => p.resolutionKind === undefined || p.resolutionKind === 'node16-esm' || p.resolutionKind === 'bundler');
    expect(esm).toEqual([]);
  });
});
