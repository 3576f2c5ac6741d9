// `npm run test:unit` runs without a build: none of its files spawns a
// process or reads dist/ (a spawned script that imports dist/, the built
// CLI). Such a file would fail on a fresh checkout and check a stale build
// after an edit of src/; it belongs in the full `npm test` only (the unit
// config's DIST_DEPENDENT list). The file list is Vitest's own, so a new
// include pattern is covered too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { existsSync } from 'node:fs';
import { DIST_DEPENDENT, HEAVY } from '../../vitest.unit.config.js';

/** What makes a test file need a build or spawn a process: child processes, the built CLI's helpers, paths into dist/src. */
const NEEDS_BUILD = /node:child_process|\bspawnCli\b|\bCLI_BIN\b|\bdist\/src\b/;

function unitFiles(): string[] {
  const out = execFileSync(join(ROOT, 'node_modules/.bin/vitest'), ['list', '--config', 'vitest.unit.config.ts', '--filesOnly', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (JSON.parse(out) as { file: string }[]).map((f) => relative(ROOT, f.file)).sort();
}

describe('npm run test:unit', () => {
  const files = unitFiles();

  it('runs the engine, CLI and crawler tests, and leaves out the files that need dist/', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const dir of ['test/engine/', 'test/models/', 'test/rules/', 'test/columns/', 'test/crawl/']) expect(files.some((f) => f.startsWith(dir)), dir).toBe(true);
    for (const f of DIST_DEPENDENT) expect(files, f).not.toContain(f);
  });

  it('leaves the heavy files to npm test, and each of them exists', () => {
    for (const f of HEAVY) {
      expect(files, f).not.toContain(f);
      expect(existsSync(join(ROOT, f)), f).toBe(true);
    }
  });

  it('none of its files spawns a process or reads dist/', () => {
    expect(files.filter((f) => NEEDS_BUILD.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('each file it leaves out does need dist/ (else it belongs in the loop)', () => {
    expect(DIST_DEPENDENT.filter((f) => !NEEDS_BUILD.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
