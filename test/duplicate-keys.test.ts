// src/duplicate-keys.ts (issue 14.6): repeated member names went unnoticed (JSON.parse keeps the last). `duplicate-key` (warning) from the text: the CLI and `validateText`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
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
    // Objects of one member with a number or literal value are skipped whole (ONE_MEMBER): what comes after them keeps its place.
    { given: '[{"v":1},{"v":2},{"a":1,"a":2}]', want: [['a', '/2/a']] },
    { given: '[[{"v":1.5e3},{"v":null}],[{"v":-2},{"b":true,"b":false}]]', want: [['b', '/1/1/b']] },
    { given: '{"a":{"v":1},"a":{"w":2}}', want: [['a', '/a']] },
    { given: '[ { "v" : 1 } , { "c" : 1 , "c" : 2 } ]', want: [['c', '/1/c']] },
    { given: '{"k":"x","k":"y"}', want: [['k', '/k']] },
    { given: '{"\\u0076":1}', want: [] },
  ];
  for (const { given, want } of cases) {
    it(`${given.slice(0, 50)} → ${JSON.stringify(want)}`, () => {
      expect(scan(given)).toEqual(want);
    });
  }
});

/** A JSON value whose objects may repeat names, as a tree (JSON.stringify cannot write a repeated name). */
type Tree = { t: 'leaf'; text: string } | { t: 'array'; items: Tree[] } | { t: 'object'; members: [string, Tree][] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ value: Tree }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('0', '-2.5', '1e3', 'true', 'false', 'null', '"s"', '"{\\"a\\":1}"').map((text): Tree => ({ t: 'leaf', text })),
    fc.array(tie('value'), { maxLength: 4 }).map((items): Tree => ({ t: 'array', items })),
    fc.array(fc.tuple(fc.constantFrom('a', 'b', 'v', 'k~/'), tie('value')), { maxLength: 4 }).map((members): Tree => ({ t: 'object', members })),
  ),
})).value;

/** `t` as JSON text with `gap` around its tokens, and the repeated members the scanner must report, in text order. */
function writeTree(t: Tree, pointer: string, gap: string, found: [string, string][]): string {
  if (t.t === 'leaf') return t.text;
  if (t.t === 'array') return `[${gap}${t.items.map((x, i) => writeTree(x, `${pointer}/${i}`, gap, found)).join(`${gap},${gap}`)}${gap}]`;
  const names = new Set<string>();
  const parts = t.members.map(([name, value]) => {
    const at = `${pointer}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (names.has(name)) found.push([name, at]);
    names.add(name);
    const head = `${JSON.stringify(name)}${gap}:${gap}`;
    return head + writeTree(value, at, gap, found);
  });
  return `{${gap}${parts.join(`${gap},${gap}`)}${gap}}`;
}

describe('scanDuplicateKeys on generated texts', () => {
  it('reports exactly the repeated members, with their pointers, whatever the nesting, spacing and one-member objects around them', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('', ' ', '\n '), (t, gap) => {
        const found: [string, string][] = [];
        const text = writeTree(t, '', gap, found);
        expect(() => JSON.parse(text)).not.toThrow();
        expect(scan(text)).toEqual(found);
      }),
      { numRuns: 500 },
    );
  });
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
