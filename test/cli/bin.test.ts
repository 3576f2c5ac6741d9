// The built executable, spawned: what only a real process shows (shebang, exit status, stdin, stderr).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BIN, spawnCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const ex = (f: string) => join(ROOT, 'spec/2024/examples', f);

describe('the cds-usage-segments executable', () => {
  it('starts with a shebang', () => {
    expect(readFileSync(CLI_BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('--version exits 0', () => {
    const r = spawnCli(['--version']);
    expect([r.code, r.stdout.trim()]).toEqual([0, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version]);
  });

  it('reads stdin with - and exits 0 on a valid document', () => {
    const r = spawnCli(['validate', '--json', '-'], { input: readFileSync(ex('option2-both-columns.json')) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, files: [{ file: '<stdin>', valid: true }] });
  });

  it('exits 1 on errors', () => {
    const r = spawnCli(['revision', ex('option1-validated.json'), ex('option1-estimated.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('revision-modified');
  });

  it('exits 2 on a usage error and on invalid JSON from stdin, one line on stderr and no stack', () => {
    for (const [args, input] of [[['validate', '--nope', 'x']], [['validate', '-'], '{"a":']] as [string[], string?][]) {
      const r = spawnCli(args, { input });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
