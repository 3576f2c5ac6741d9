// docs/traceability.md: every code of the registry is mapped to a statement,
// the table names no code that does not exist, and every JSON Schema keyword
// it cites exists in the generated schemas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules.js';
import { repoRoot } from '../spec/helpers.js';

const text = readFileSync(join(repoRoot, 'docs/traceability.md'), 'utf8');

interface Row { id: string; statement: string; schema: string; check: string; notes: string }

function rows(): Row[] {
  const out: Row[] = [];
  for (const line of text.split('\n')) {
    if (!/^\| [A-Z]\d+ \|/.test(line)) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 5) throw new Error(`row ${cells[0]} has ${cells.length} cells, expected 5`);
    const [id, statement, schema, check, notes] = cells as [string, string, string, string, string];
    out.push({ id, statement, schema, check, notes });
  }
  return out;
}
const table = rows();
const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

function resolve(doc: unknown, pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

describe('traceability table', () => {
  it('has rows with unique ids', () => {
    expect(table.length).toBeGreaterThan(30);
    const ids = table.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says the draft text itself is not available', () => {
    expect(text).toMatch(/do not have the draft's own text/);
  });

  it('mentions every code of the registry in the Check column', () => {
    const mentioned = new Set(table.flatMap((r) => ticked(r.check)));
    expect(RULES.map((r) => r.code).filter((code) => !mentioned.has(code))).toEqual([]);
  });

  it('names no code that does not exist', () => {
    const known = new Set<string>(RULES.map((r) => r.code));
    expect(table.flatMap((r) => ticked(r.check).filter((c) => !known.has(c)).map((c) => `${r.id}: ${c}`))).toEqual([]);
  });

  it('cites only JSON Schema keywords that exist in generated/schemas', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const r of table) {
      for (const ref of ticked(r.schema)) {
        const m = /^([A-Za-z]+\.json)#(\/.*)$/.exec(ref);
        if (!m) {
          missing.push(`${r.id}: ${ref} is not file#pointer`);
          continue;
        }
        cited++;
        const schema = JSON.parse(readFileSync(join(repoRoot, 'generated/2024/schemas', m[1]!), 'utf8'));
        if (resolve(schema, m[2]!) === undefined) missing.push(`${r.id}: ${ref}`);
      }
    }
    expect(cited).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('gives every row an enforcement or a reason it is not machine-checkable', () => {
    const bare = table.filter((r) => r.schema === '—' && r.check === '—' && !/not machine-checkable|permission|Described by|not a property|validates segments and pages/i.test(r.notes));
    expect(bare.map((r) => r.id)).toEqual([]);
  });
});
