import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiffUsageError, runDiff } from '../../src/diff/run.js';
import { CASES, writePair } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'cds-diff-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function pairOf(description: string): { oldPath: string; newPath: string } {
  const c = CASES.find((x) => x.description === description);
  if (!c) throw new Error(`no case "${description}"`);
  return writePair(c, join(scratch, description.replace(/\W+/g, '-')));
}

function run(args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = runDiff(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

describe('diff command', () => {
  const same = pairOf('identical descriptions give no change');
  const clientOnly = pairOf('a field removed'); // breaks Clients only
  const serverOnly = pairOf('a required field added'); // breaks Servers only
  const compatible = pairOf('an optional field added');

  it.each([
    ['identical descriptions', same, [], 0],
    ['a compatible change', compatible, [], 0],
    ['a change breaking Clients', clientOnly, [], 1],
    ['a change breaking Clients, --fail-on none', clientOnly, ['--fail-on', 'none'], 0],
    ['a change breaking Clients, --fail-on server', clientOnly, ['--fail-on', 'server'], 0],
    ['a change breaking Clients, --fail-on client', clientOnly, ['--fail-on', 'client'], 1],
    ['a change breaking Servers, --fail-on client', serverOnly, ['--fail-on', 'client'], 0],
    ['a change breaking Servers, --fail-on server', serverOnly, ['--fail-on', 'server'], 1],
  ] as const)('exits %#: %s', (_, pair, options, status) => {
    expect(run([...options, pair.oldPath, pair.newPath]).status).toBe(status);
  });

  it('prints the report in the format asked for', () => {
    const out = run(['--format', 'json', clientOnly.oldPath, clientOnly.newPath]);
    expect(JSON.parse(out.stdout).changes.map((c: { rule: string }) => c.rule)).toEqual(['field-removed']);
    expect(run(['--format', 'junit', clientOnly.oldPath, clientOnly.newPath]).stdout).toMatch(/^<\?xml/);
    expect(run(['--format', 'markdown', clientOnly.oldPath, clientOnly.newPath]).stdout).toMatch(/^# Spec changes/);
    expect(run([clientOnly.oldPath, clientOnly.newPath]).stdout).toContain('field-removed [breaks Clients]');
  });

  it('applies renames from a hints file', () => {
    // A field replaced by one with another name and a looser schema: removed + added, unless declared a rename.
    const { oldPath, newPath } = writePair(
      {
        description: 'hinted rename',
        new: [
          { delete: '/components/schemas/UsageSegment/properties/cds_created' },
          { set: '/components/schemas/UsageSegment/properties/created_on', value: { type: 'string' } },
        ],
        want: [],
      },
      join(scratch, 'hinted'),
    );
    const rules = (args: string[]) => JSON.parse(run(['--format', 'json', ...args, oldPath, newPath]).stdout).changes.map((c: { rule: string }) => c.rule);
    expect(rules([])).toEqual(['field-removed', 'field-added']);
    const hints = join(scratch, 'hints.json');
    writeFileSync(hints, JSON.stringify({ properties: { cds_created: 'created_on' } }));
    expect(rules(['--hints', hints])).toEqual(['field-renamed', 'constraint-widened']);
  });

  it.each([
    [['--format', 'html', 'a', 'b'], /--format must be one of text, json, markdown, junit/],
    [['--fail-on', 'major', 'a', 'b'], /--fail-on must be one of none, client, server, any/],
    [['only-one'], /two descriptions, OLD and NEW \(got 1\)/],
    [['--colour', 'a', 'b'], /Unknown option '--colour'/],
  ])('rejects the command line %j', (args, message) => {
    expect(() => run(args)).toThrow(DiffUsageError);
    expect(() => run(args)).toThrow(message);
  });

  it('exits 2 and names the file when a description cannot be read', () => {
    const out = run([join(scratch, 'missing.yaml'), same.newPath]);
    expect(out).toMatchObject({ status: 2, stdout: '' });
    expect(out.stderr).toMatch(/missing\.yaml: no such file/);
  });

  it('exits 2 for a hints file of the wrong shape', () => {
    const bad = join(scratch, 'bad-hints.json');
    writeFileSync(bad, JSON.stringify({ properties: { a: 1 } }));
    const out = run(['--hints', bad, same.oldPath, same.newPath]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/hints must be/);
  });
});
