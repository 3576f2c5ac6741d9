import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CASES, writePair } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'cds-diff-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function pairOf(description: string): { oldPath: string; newPath: string } {
  const c = CASES.find((x) => x.description === description);
  if (!c) throw new Error(`no case "${description}"`);
  return writePair(c, join(scratch, description.replace(/\W+/g, '-')));
}

async function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const r = await runCli(['diff', ...args]);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

describe('cds-usage-segments diff', () => {
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
  ] as const)('exits %#: %s', async (_, pair, options, status) => {
    expect((await run([...options, pair.oldPath, pair.newPath])).status).toBe(status);
  });

  it('prints the report in the format asked for', async () => {
    const out = await run(['--format', 'json', clientOnly.oldPath, clientOnly.newPath]);
    expect(JSON.parse(out.stdout).changes.map((c: { rule: string }) => c.rule)).toEqual(['field-removed']);
    expect((await run(['--format', 'junit', clientOnly.oldPath, clientOnly.newPath])).stdout).toMatch(/^<\?xml/);
    expect((await run(['--format', 'markdown', clientOnly.oldPath, clientOnly.newPath])).stdout).toMatch(/^# Spec changes/);
    expect((await run([clientOnly.oldPath, clientOnly.newPath])).stdout).toContain('field-removed [breaks Clients]');
  });

  it('applies renames from a hints file', async () => {
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
    const rules = async (args: string[]) => JSON.parse((await run(['--format', 'json', ...args, oldPath, newPath])).stdout).changes.map((c: { rule: string }) => c.rule);
    expect(await rules([])).toEqual(['field-removed', 'field-added']);
    const hints = join(scratch, 'hints.json');
    writeFileSync(hints, JSON.stringify({ properties: { cds_created: 'created_on' } }));
    expect(await rules(['--hints', hints])).toEqual(['field-renamed', 'constraint-widened']);
  });

  it.each([
    [['--format', 'html', 'a', 'b'], /--format must be text, json, markdown or junit, got "html"/],
    [['--fail-on', 'major', 'a', 'b'], /--fail-on must be none, client, server or any, got "major"/],
    [['only-one'], /two descriptions, OLD and NEW \(got 1\)/],
    [['--colour', 'a', 'b'], /unknown option --colour/],
  ])('rejects the command line %j with exit 2 and a pointer to --help', async (args, message) => {
    const out = await run(args);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toMatch(/see --help\n$/);
  });

  it('exits 2 and names the file when a description cannot be read', async () => {
    const out = await run([join(scratch, 'missing.yaml'), same.newPath]);
    expect(out).toMatchObject({ status: 2, stdout: '' });
    expect(out.stderr).toMatch(/missing\.yaml: no such file/);
  });

  it('exits 2 for a hints file of the wrong shape', async () => {
    const bad = join(scratch, 'bad-hints.json');
    writeFileSync(bad, JSON.stringify({ properties: { a: 1 } }));
    const out = await run(['--hints', bad, same.oldPath, same.newPath]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/hints must be/);
  });
});
