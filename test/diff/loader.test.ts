import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSpecFiles, diffSpecs } from '../../src/diff/diff.js';
import { DiffInputError } from '../../src/diff/load.js';
import { ROOT } from '../helpers/paths.js';
import { BASE } from './helpers.js';

/** The 2024 model's split spec and its Redocly bundle (before and after the move to spec/2024/). */
const SPLIT = ['spec/2024/openapi.yaml', 'spec/openapi.yaml'].map((p) => join(ROOT, p)).find((p) => existsSync(p))!;
const BUNDLE = ['generated/2024/openapi.json', 'generated/openapi.json'].map((p) => join(ROOT, p)).find((p) => existsSync(p))!;

const scratch = mkdtempSync(join(tmpdir(), 'cds-diff-load-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(scratch, name);
  writeFileSync(p, text);
  return p;
}

describe('reading descriptions', () => {
  it('finds no change between the split spec (relative $refs) and its Redocly bundle', () => {
    expect(diffSpecFiles(SPLIT, BUNDLE).changes).toEqual([]);
  });

  it('sees a change made in one file of a split spec', () => {
    const root = file('root.yaml', "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: 'value.yaml'}\n");
    file('value.yaml', 'type: object\nproperties:\n  v: {type: number}\n');
    const other = file('root2.yaml', "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: 'value2.yaml'}\n");
    file('value2.yaml', 'type: object\nproperties:\n  v: {type: string}\n');
    expect(diffSpecFiles(root, other).changes.map((c) => [c.rule, c.location, c.component])).toEqual([
      ['type-changed', '#/paths/~1x/get/responses/200/content/application~1json/schema/properties/v', 'value2'],
    ]);
  });

  it('compares documents in memory without changing them', () => {
    const before = JSON.stringify(BASE);
    const next = structuredClone(BASE) as { components: { schemas: { KnownFormat: { enum: string[] } } } };
    next.components.schemas.KnownFormat.enum.push('kwh_net');
    expect(diffSpecs(BASE, next).changes.map((c) => c.rule)).toEqual(['column-format-added']);
    expect(JSON.stringify(BASE)).toBe(before);
  });

  it('stops at recursive schemas', () => {
    const doc = (t: string) => ({
      openapi: '3.1.0',
      paths: { '/t': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } } } } },
      components: { schemas: { Node: { type: 'object', properties: { name: { type: t }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
    });
    expect(diffSpecs(doc('string'), doc('number')).changes.map((c) => c.rule)).toEqual(['type-changed']);
  });

  it.each([
    ['a missing file', () => diffSpecFiles(join(scratch, 'nope.yaml'), SPLIT), /nope\.yaml: no such file/],
    ['text that is neither JSON nor YAML', () => diffSpecFiles(file('bad.yaml', 'a: [1, 2\n'), SPLIT), /bad\.yaml: neither JSON nor YAML/],
    ['a $ref that points nowhere', () => diffSpecs({ paths: { '/x': { $ref: '#/nowhere' } } }, {}), /\$ref "#\/nowhere" points nowhere/],
    ['a file $ref in a document given in memory', () => diffSpecs({ paths: { '/x': { $ref: 'x.yaml' } } }, {}), /points to a file, but the document was given in memory/],
    ['a remote $ref', () => diffSpecFiles(file('remote.yaml', "paths:\n  /x: {$ref: 'https://example.test/x.yaml'}\n"), SPLIT), /is remote; only local files are read/],
    ['a $ref cycle', () => diffSpecs({ paths: { '/x': { $ref: '#/paths/~1y' }, '/y': { $ref: '#/paths/~1x' } } }, {}), /chained \$refs/],
  ])('rejects %s with a DiffInputError naming it', (_, run, message) => {
    expect(run).toThrow(DiffInputError);
    expect(run).toThrow(message);
  });
});
