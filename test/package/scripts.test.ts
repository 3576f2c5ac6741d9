// Every test file runs in a script that CI (`.ci/run`) runs: `npm test`
// (vitest.config.ts), `npm run test:slow` (its SLOW list) or
// `npm run test:docs` (the browser tests). Moving a file out of `npm test`
// for speed must not move it out of CI. Reads the configs and the file tree
// only (no spawned Vitest), so it stays cheap.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import base, { EXCLUDE, INCLUDE, ISOLATED, SLOW } from '../../vitest.config.js';
import docs from '../../vitest.docs.config.js';
import slow from '../../vitest.slow.config.js';
import { ROOT } from '../helpers/paths.js';

/** Every test file under test/ (run tests and type tests), relative to the root. */
function testFiles(): string[] {
  return (readdirSync(join(ROOT, 'test'), { recursive: true }) as string[])
    .map((f) => `test/${f.split('\\').join('/')}`)
    .filter((f) => /\.test(-d)?\.ts$/.test(f))
    .sort();
}

/** The commands `.ci/run` runs (its lines that start with npm, without indentation). */
const ciCommands = readFileSync(join(ROOT, '.ci/run'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.startsWith('npm '));

describe('test scripts', () => {
  it('CI runs npm test, test:slow and test:docs (test:slow and npm test on every Node line)', () => {
    expect(ciCommands.filter((c) => c === 'npm test')).toHaveLength(2);
    expect(ciCommands.filter((c) => c === 'npm run test:slow')).toHaveLength(2);
    expect(ciCommands).toContain('npm run test:docs');
  });

  it('npm test takes every test file except the browser tests and the slow ones, in two projects; test:slow takes exactly the slow ones', () => {
    expect(INCLUDE).toEqual(['test/**/*.test.ts']);
    expect(EXCLUDE).toEqual(['test/docs/**', 'node_modules/**', ...SLOW]);
    const projects = (base.test?.projects ?? []) as { test: { name: string; include: string[]; exclude?: string[]; typecheck: { include: string[] } } }[];
    expect(projects.map((p) => p.test.name)).toEqual(['shared', 'isolated']);
    const [shared, isolated] = projects.map((p) => p.test);
    // Together the two projects take INCLUDE minus EXCLUDE, each file once; the type tests run once, in the first.
    expect(shared).toMatchObject({ include: INCLUDE, exclude: [...EXCLUDE, ...ISOLATED], typecheck: { include: ['test/**/*.test-d.ts'] } });
    expect(isolated).toMatchObject({ include: ISOLATED, typecheck: { include: [] } });
    expect(isolated!.exclude).toBeUndefined();
    for (const f of ISOLATED) {
      expect(existsSync(join(ROOT, f)), f).toBe(true);
      expect(f.startsWith('test/docs/') || SLOW.includes(f), f).toBe(false);
    }
    expect(slow.test?.include).toEqual(SLOW);
    expect(docs.test?.include).toEqual(['test/docs/**/*.test.ts']);
  });

  it('each slow file exists and is a test file', () => {
    const files = testFiles();
    for (const f of SLOW) {
      expect(existsSync(join(ROOT, f)), f).toBe(true);
      expect(files, f).toContain(f);
    }
    expect(new Set(SLOW).size).toBe(SLOW.length);
  });

  it('every test file is in exactly one of npm test, test:slow and test:docs', () => {
    // With the include and exclude lists checked above: a file under test/docs/ is the browser tests', one in SLOW is test:slow's, any other npm test's.
    const scripts = (f: string) => [f.startsWith('test/docs/') && 'test:docs', SLOW.includes(f) && 'test:slow', !f.startsWith('test/docs/') && !SLOW.includes(f) && 'npm test'].filter(Boolean);
    const files = testFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => scripts(f).length !== 1)).toEqual([]);
    expect(files.filter((f) => f.startsWith('test/docs/') && !f.endsWith('.test.ts')), 'no type test among the browser tests').toEqual([]);
  });
});
