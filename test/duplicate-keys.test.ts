// src/duplicate-keys.ts (issue 14.6): repeated member names went unnoticed (JSON.parse keeps the last). `duplicate-key` (warning) from the text: the CLI and `validateText`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate, validateText } from '../src/index.js';
import { scanDuplicateKeys } from '../src/duplicate-keys.js';
import { runCli } from './helpers/cli.js';
import { segment } from './helpers/documents.js';

/** Every repeated member as [name, pointer]. */
function scan(text: string): [string, string][] {
  const out: [string, string][] = [];
  scanDuplicateKeys(text, (name, pointer) => out.push([name, pointer()]));
  return out;
}

describe('scanDuplicateKeys', () => {
  const cases: { given: string; want: [string, string][] }[] = [
    { given: '{"a":1,"b":2}', want: [] },
    { given: '{"a":1,"a":2}', want: [['a', '/a']] },
    { given: '{"a":1,"a":2,"a":3}', want: [['a', '/a'], ['a', '/a']] },
    { given: '[{"a":1},{"a":1}]', want: [] },
    { given: '{"x":[0,{"k":1,"k":2}]}', want: [['k', '/x/1/k']] },
    { given: '{"a/b":1,"a~b":2,"a/b":3,"a~b":4}', want: [['a/b', '/a~1b'], ['a~b', '/a~0b']] },
    { given: '{"\\u0061":1,"a":2}', want: [['a', '/a']] },
    { given: '{"a\\"":1,"a\\\\":2,"a\\"":3}', want: [['a"', '/a"']] },
    { given: '{"s":"{\\"a\\":1,\\"a\\":2}","t":"}"}', want: [] },
    { given: ' { "a" : { "b" : 1 } , "a" : [ ] } ', want: [['a', '/a']] },
    { given: `{${Array.from({ length: 40 }, (_, i) => `"k${i}":0`).join(',')},"k7":1}`, want: [['k7', '/k7']] },
    { given: '{"a":', want: [] },
  ];
  for (const { given, want } of cases) {
    it(`${given.slice(0, 50)} → ${JSON.stringify(want)}`, () => {
      expect(scan(given)).toEqual(want);
    });
  }
});

describe('duplicate-key', () => {
  const text = JSON.stringify(segment({}), null, 1).replace('"related_billsections": []', '"related_meterdevices": ["m1"],\n "related_billsections": []');

  it('validateText reports each repeated member with its pointer; validate of the parsed value cannot see it', () => {
    const r = validateText(text);
    expect(r.warnings.map((p) => [p.code, p.path])).toEqual([['duplicate-key', '/related_meterdevices']]);
    expect(r.warnings[0]!.message).toContain('"related_meterdevices"');
    expect(r.valid).toBe(true);
    expect(validate(JSON.parse(text)).warnings).toEqual([]);
  });

  it('validateText on text that is not JSON reports a schema error and does not throw', () => {
    const r = validateText('{"a":');
    expect(r.valid).toBe(false);
    expect(r.errors.map((p) => [p.code, p.path])).toEqual([['schema', '']]);
  });

  it('the CLI reports it from the file text', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'cds-dup-')), 'dup.json');
    writeFileSync(f, text);
    const r = await runCli(['validate', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${f} /related_meterdevices duplicate-key `);
    const rev = await runCli(['revision', '--json', f, f]);
    expect(JSON.parse(rev.stdout).warnings.map((p: { file: string; code: string; path: string }) => [p.code, p.path])).toEqual([
      ['duplicate-key', '/related_meterdevices'],
      ['duplicate-key', '/related_meterdevices'],
    ]);
  });
});
