// The structure drawn from src/'s own imports: layers that only import
// downwards, and no cycle. Every `import`/`export … from` of a relative path
// counts, type-only ones too (a type cycle is still a knot to untie).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

type Graph = ReadonlyMap<string, readonly string[]>;

/** Module (repository-relative path) → the relative modules it imports, as .ts paths. */
function importGraph(dir: string): Graph {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\b[^'";]*?\bfrom\s+'(\.[^']+)'/gms)].map((m) => relative(ROOT, resolve(dirname(file), m[1]!)).replace(/\.js$/, '.ts'));
    graph.set(relative(ROOT, file), [...new Set(targets)]);
  }
  return graph;
}

const ENTRIES = new Set(['src/index.ts', 'src/cli.ts', 'src/convert/index.ts', 'src/diff/index.ts']);
/** The checker's own modules: src/'s top-level files and its models/, rules/ and columns/ folders. */
const CHECKER = /^src\/(?:[^/]+\.ts$|models\/|rules\/|columns\/)/;

/**
 * A module's layer, 0 the top: the package's entry points (its exports and
 * its bin) 0, the command line 1, the tools built on the checker (any other
 * folder of src/: crawl/, convert/, diff/, espi/, …) 2, the checker 3, the
 * generated models 4. A module imports its own layer or those below it.
 */
function layerOf(path: string): number {
  if (ENTRIES.has(path)) return 0;
  if (path.startsWith('src/cli/')) return 1;
  if (CHECKER.test(path)) return 3;
  if (path.startsWith('src/')) return 2;
  if (path.startsWith('generated/')) return 4;
  throw new Error(`${path} is in no layer`);
}

/** The arrows that run up: from a module to one in a higher layer (an entry point is the top). */
function upwardImports(graph: Graph): string[] {
  const up: string[] = [];
  for (const [from, targets] of graph) for (const to of targets) if (layerOf(to) < layerOf(from) || (layerOf(to) === 0 && from !== to)) up.push(`${from} → ${to}`);
  return up.sort();
}

/** The import cycles: strongly connected components of more than one module (Tarjan), each sorted. */
function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import structure of src/', () => {
  const graph = importGraph('src');

  it('reads every module and resolves every relative import to a file', () => {
    expect(graph.size).toBeGreaterThan(50);
    const dangling = [...graph].flatMap(([from, targets]) => targets.filter((t) => t.startsWith('src/') && !graph.has(t)).map((t) => `${from} → ${t}`));
    expect(dangling).toEqual([]);
  });

  it('no import runs back up the layers', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('only the models\' doors (src/models/generated-<model>.ts) and the package entry import generated/', () => {
    const door = (from: string, to: string) => from === 'src/index.ts' || from === `src/models/generated-${to.split('/')[1]}.ts`;
    const outside = [...graph].flatMap(([from, targets]) => targets.filter((t) => t.startsWith('generated/') && !door(from, t)).map((t) => `${from} → ${t}`));
    expect(outside).toEqual([]);
  });

  it('no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  // The checks themselves can fail: drawn on small graphs with a known answer.
  it.each([
    { given: { 'src/a.ts': ['src/b.ts'], 'src/b.ts': ['src/a.ts'] }, want: [['src/a.ts', 'src/b.ts']] },
    { given: { 'src/a.ts': ['src/b.ts'], 'src/b.ts': ['src/c.ts'], 'src/c.ts': ['src/a.ts'], 'src/d.ts': ['src/a.ts'] }, want: [['src/a.ts', 'src/b.ts', 'src/c.ts']] },
    { given: { 'src/a.ts': ['src/b.ts'], 'src/b.ts': [] }, want: [] },
  ])('finds the cycles of %j', ({ given, want }) => {
    expect(cycles(new Map(Object.entries(given)))).toEqual(want);
  });

  it.each([
    { given: { 'src/crawl/walk.ts': ['src/index.ts'] }, want: ['src/crawl/walk.ts → src/index.ts'] },
    { given: { 'src/validate.ts': ['src/crawl/crawl.ts'] }, want: ['src/validate.ts → src/crawl/crawl.ts'] },
    { given: { 'src/crawl/crawl.ts': ['src/cli/io.ts'] }, want: ['src/crawl/crawl.ts → src/cli/io.ts'] },
    { given: { 'src/cli/main.ts': ['src/crawl/crawl.ts', 'src/validate.ts', 'generated/2024/types.ts'] }, want: [] },
    { given: { 'src/espi/import.ts': ['src/convert/convert.ts', 'src/rules/page.ts'] }, want: [] },
    { given: { 'src/rules/page.ts': ['src/espi/import.ts'] }, want: ['src/rules/page.ts → src/espi/import.ts'] },
    { given: { 'generated/2024/validators.ts': ['src/json.ts'] }, want: ['generated/2024/validators.ts → src/json.ts'] },
  ])('finds the upward imports of %j', ({ given, want }) => {
    expect(upwardImports(new Map(Object.entries(given)))).toEqual(want);
  });
});
