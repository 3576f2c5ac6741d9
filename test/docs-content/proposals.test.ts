// docs/proposals.md: the documented CLI output is what the CLI reports, the
// meeting's examples are all shown in both models, every mistake file is
// discussed, and every document the page shows is valid in its model.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionsOf, renderGuide } from '../../scripts/lib/doc-blocks.mjs';
import { validateServerMetadata } from '../../generated/2026/validators.js';
import { detectModel, RULES, validate } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const doc = readFileSync(join(ROOT, 'docs/proposals.md'), 'utf8');
const regions = regionsOf(doc);
const cliRegions = regions.filter((r) => r.kind === 'cli');

interface CliJson { valid: boolean; errors: { code: string }[]; warnings: { code: string }[] }
interface Documented { status: number; codes: string[] }

/** Exit status and problem codes as printed in the region of `args`. */
function documented(args: string): Documented {
  const start = doc.indexOf(`<!-- cli: ${args} -->`);
  const region = doc.slice(start, doc.indexOf('<!-- /cli -->', start));
  const status = Number(/Exit status (\d+)/.exec(region)?.[1]);
  const body = /```console\n\$ [^\n]*\n([\s\S]*?)\n```/.exec(region)?.[1] ?? '';
  let codes: string[];
  if (args.split(' ').includes('--json')) {
    const out = JSON.parse(body) as CliJson;
    codes = [...out.errors, ...out.warnings].map((p) => p.code);
  } else {
    // Human format: "<file> <path> <code> <message>" per problem, then a summary line.
    codes = body.split('\n').slice(0, -1).map((line) => line.split(' ')[2]!);
  }
  return { status, codes: codes.sort() };
}

/**
 * The codes and exit status the CLI reports for `args`, run in this process
 * (the CLI's `main`): the built executable already runs once per region in
 * the `npm run docs:guides` check below, whose output must equal the page.
 */
async function actual(args: string): Promise<Documented> {
  const argv = args.split(' ');
  const { stdout, code } = await runCli([...argv.filter((a) => a !== '--json'), '--json']);
  const out = JSON.parse(stdout) as CliJson;
  return { status: code ?? -1, codes: [...out.errors, ...out.warnings].map((p) => p.code).sort() };
}

const readDoc = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
/** The model a shown file belongs to, by its path: spec/2026/… or a name ending in -2026 is 2026. */
const modelOfPath = (file: string) => (/(^|\/)2026\/|-2026\.json$/.test(file) ? '2026' : '2024');
const META_2026 = 'spec/2026/examples/server-metadata.json';

describe('proposals: Option 1, Option 2, gap disclosure, supply mix', () => {
  it('shows each of the meeting’s examples in both models', () => {
    const shown = regions.map((r) => r.arg);
    const meeting = ['option1-estimated.json', 'option1-validated.json', 'option2-estimated.json', 'option2-both-columns.json', 'gap-disclosure-page.json', 'supply-mix-attribution.json'];
    for (const model of ['2024', '2026']) {
      for (const example of meeting) expect(shown.some((arg) => arg.includes(`spec/${model}/examples/${example}`)), `${model} ${example}`).toBe(true);
    }
    // The 2026 gap disclosure needs the Server Metadata that declares its type.
    expect(shown).toContain(META_2026);
  });

  it('shows every JSON document it embeds as its file, each valid in its model without a finding', () => {
    const examples = regions.filter((r) => r.kind === 'example').map((r) => r.arg);
    const blocks = [...doc.matchAll(/<!-- example: ([^>]+?) -->\n```json\n([\s\S]*?)\n```/g)].map((m) => ({ file: m[1]!, json: JSON.parse(m[2]!) as unknown }));
    expect(blocks.map((b) => b.file)).toEqual(examples);
    expect(doc.match(/```json/g)).toHaveLength(examples.length);
    for (const { file, json } of blocks) {
      expect(json, file).toEqual(readDoc(file));
      if (file === META_2026) {
        expect(validateServerMetadata(json), file).toBe(true);
        continue;
      }
      const model = modelOfPath(file);
      expect(detectModel(json), file).toBe(model);
      const r = validate(json, { model, strict: true });
      expect({ file, findings: [...r.errors, ...r.warnings].map((p) => `${p.code} ${p.path}`) }).toEqual({ file, findings: [] });
    }
  });

  it('outlines pages that are valid in their model, except the patterns whose findings it shows', () => {
    for (const { arg: file } of regions.filter((r) => r.kind === 'outline')) {
      const model = modelOfPath(file);
      const page = readDoc(file);
      expect(detectModel(page), file).toBe(model);
      const r = validate(page, model === '2026' ? { serverMetadata: readDoc(META_2026) as Record<string, unknown> } : {});
      if (file.startsWith('docs/examples/patterns/')) expect(cliRegions.some((c) => c.arg === `validate ${file}`), file).toBe(true);
      else expect({ file, errors: r.errors.map((p) => p.code) }).toEqual({ file, errors: [] });
    }
  });

  it('keeps the corrections: Option 2 starts from 499.9 in both models, the 2026 gap disclosure is labelled a proposal, Option 1 needs nothing new', () => {
    for (const [model, key] of [['2024', 'v'], ['2026', 'eu']] as const) {
      expect(doc).toContain(`<!-- cli: revision spec/${model}/examples/option2-estimated.json spec/${model}/examples/option2-both-columns.json -->`);
      const first = readDoc(`spec/${model}/examples/option2-estimated.json`) as { values: unknown };
      expect(first.values).toEqual([[{ [key]: 499.9 }]]);
    }
    expect(doc).toMatch(/^### Gap disclosure in the 2026 model \(a proposal\)$/m);
    expect(doc).toContain('Option 1 is fully expressible in the 2026 draft');
  });

  it('runs the checker on every mistake file', () => {
    const mistakes = readdirSync(join(ROOT, 'docs/examples/mistakes')).filter((f) => f.endsWith('.json'));
    expect(mistakes.length).toBeGreaterThan(5);
    for (const file of mistakes) {
      expect(cliRegions.some((r) => r.arg.includes(`docs/examples/mistakes/${file}`)), file).toBe(true);
    }
  });

  it('has a section per pattern with what a Client would have to do and the trade-offs, and what a decision still needs', () => {
    const patterns = ['## Option 1', '## Option 2', '## Separate segments per quality', '## Gap disclosure', '## Supply mix by attribution'];
    for (const heading of [...patterns, '## Raw and estimated readings', '## What a decision still needs']) expect(doc).toContain(heading);
    // "would have to": the patterns are proposals, not rules of either draft.
    expect(doc.match(/\*\*What a Client would have to do\.\*\*/g)).toHaveLength(patterns.length);
    expect(doc.match(/\*\*Trade-offs\.\*\*/g)).toHaveLength(patterns.length);
  });

  it('maps every pattern onto the 2026 draft, and says the gap disclosure has no equivalent there', () => {
    const row = doc.split('\n').find((l) => l.startsWith('| In the 2026 draft |'));
    expect(row?.split(' | ')).toHaveLength(5);
    expect(row).toMatch(/no equivalent/);
  });

  for (const { arg } of cliRegions) {
    it(`documents the checker's codes for: ${arg}`, async () => {
      expect(documented(arg)).toEqual(await actual(arg));
    });
  }

  it('is up to date with the CLI’s full output (`npm run docs:guides`)', () => {
    expect(renderGuide(ROOT, doc)).toBe(doc);
  });

  it('names only codes that exist', () => {
    const known = new Set<string>(RULES.map((r) => r.code));
    const named = [...doc.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((c) => !known.has(c) && c !== "cds-usage-segments")).toEqual([]);
  });
});
