// package.json as published: its exports, its executable, and the reference
// Server kept out of it. Reads the file only (fast, in `npm test`); what
// needs the packed package (`npm pack`'s file list, publint, attw) is in
// lint.test.ts, run by `npm run test:slow`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { EXPORTS } from './exports.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  files: string[];
};

describe('package.json', () => {
  it('exports the library, the types, the validators, every JSON Schema and the bundled spec', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual([...EXPORTS].sort());
    expect(pkg.bin).toEqual({ 'cds-usage-segments': './dist/src/cli.js' });
  });

  it('keeps the reference Server and its native SQLite binding out of the package (a workspace of its own)', () => {
    const deps = pkg as unknown as { dependencies?: Record<string, string>; workspaces?: string[] };
    expect(deps.workspaces).toEqual(['server']);
    expect(Object.keys(deps.dependencies ?? {})).not.toContain('better-sqlite3');
    expect(Object.keys(deps.dependencies ?? {})).not.toContain('cds-usage-segments-server');
  });
});
