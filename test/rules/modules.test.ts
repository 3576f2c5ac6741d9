// One rule, one module (issue 24.3): every module of the rule folders
// (src/rules/segment/, values/, formats/, page/, timeline/) but their named
// helpers exports one rule definition (a registry code, what it reads, its
// message), reports only its own code, and is called by a driver; the
// drivers report nothing themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getRule } from '../../src/registry.js';
import type { RuleModule } from '../../src/rules/rule.js';
import { ROOT } from '../helpers/paths.js';

const RULES = `${ROOT}src/rules/`;
const FOLDERS = ['segment', 'values', 'formats', 'page', 'timeline'];
/** The modules of those folders that are not rules: the value rules' list, types and drivers, and what several rules read. */
const HELPERS = new Set(['values/index.ts', 'values/rule.ts', 'values/loop.ts', 'values/fast-path.ts', 'timeline/series.ts', 'formats/known.ts']);
/** The drivers: they call the rule modules and report nothing themselves (the generic value rules' own code aside). */
const DRIVERS = ['segment.ts', 'page.ts', 'timeline.ts', 'formats.ts', 'values/loop.ts', 'values/fast-path.ts'];
/** Codes a module reports beside its own: a date-time laid out as RFC 3339 that is no real instant is a `schema` error. */
const ALSO_REPORTS: Record<string, readonly string[]> = { 'segment/date-time.ts': ['schema'] };

const modules = FOLDERS.flatMap((folder) => readdirSync(`${RULES}${folder}`).filter((f) => f.endsWith('.ts')).map((f) => `${folder}/${f}`)).filter((m) => !HELPERS.has(m));
const source = (m: string) => readFileSync(`${RULES}${m}`, 'utf8');
/** The codes a source passes as a literal to `collector.add`. */
const addedCodes = (text: string) => [...text.matchAll(/collector\.add\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!);

describe('the rule modules', () => {
  it('there are rule modules in every folder', () => {
    for (const folder of FOLDERS) expect(modules.filter((m) => m.startsWith(`${folder}/`)).length, folder).toBeGreaterThan(0);
  });

  it.each(modules)('%s exports one definition of a registry code, with what it reads and its message', async (m) => {
    const exported = Object.values(await import(`${RULES}${m}`)) as RuleModule[];
    expect(exported).toHaveLength(1);
    const rule = exported[0]!;
    expect(getRule(rule.code), rule.code).toBeDefined();
    expect(typeof rule.reads).toBe('string');
    expect(rule.reads.length).toBeGreaterThan(10);
    expect(typeof rule.message).toBe('function');
    // Only its own code (value-type also reports value-shape by an expression: values/value-shape.ts is that code's module).
    expect([...new Set(addedCodes(source(m)))].filter((c) => c !== rule.code && !(ALSO_REPORTS[m] ?? []).includes(c))).toEqual([]);
  });

  it.each(modules)('%s is called by a driver', (m) => {
    const [folder, file] = m.split('/') as [string, string];
    const js = file.replace(/\.ts$/, '.js');
    // A top-level driver imports './<folder>/<file>.js'; one inside the folder (values/loop.ts) './<file>.js'.
    const importers = [...DRIVERS, 'values/index.ts'].filter((d) => (d.includes('/') ? d.startsWith(`${folder}/`) && source(d).includes(`'./${js}'`) : source(d).includes(`'./${folder}/${js}'`)));
    expect(importers.length).toBeGreaterThan(0);
  });

  it.each(DRIVERS)('the driver %s reports nothing itself', (d) => {
    expect(addedCodes(source(d))).toEqual([]);
  });

  it('the check of the checks: a literal code passed to collector.add is found', () => {
    expect(addedCodes("ctx.collector.add('sign', path, m, id); c.collector.add(\n  'timeline-hole', p)")).toEqual(['sign', 'timeline-hole']);
  });
});
