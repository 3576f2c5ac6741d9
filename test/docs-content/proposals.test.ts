// docs/proposals.md: the documented CLI output is what the CLI reports, the
// meeting's examples are all shown, and every mistake file is discussed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionsOf, renderGuide, runCli } from '../../scripts/lib/doc-blocks.mjs';
import { RULES } from '../../src/index.js';
import { repoRoot } from '../spec/helpers.js';

const doc = readFileSync(join(repoRoot, 'docs/proposals.md'), 'utf8');
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

function actual(args: string): Documented {
  const argv = args.split(' ');
  const { stdout, status } = runCli(repoRoot, [...argv.filter((a) => a !== '--json'), '--json']);
  const out = JSON.parse(stdout) as CliJson;
  return { status, codes: [...out.errors, ...out.warnings].map((p) => p.code).sort() };
}

describe('proposals: Option 1, Option 2, gap disclosure', () => {
  it('shows each of the meeting’s examples for the three proposals', () => {
    const shown = regions.map((r) => r.arg);
    for (const example of ['option1-estimated.json', 'option1-validated.json', 'option2-estimated.json', 'option2-both-columns.json', 'gap-disclosure-page.json']) {
      expect(shown.some((arg) => arg.includes(`spec/2024/examples/${example}`)), example).toBe(true);
    }
  });

  it('runs the checker on every mistake file', () => {
    const mistakes = readdirSync(join(repoRoot, 'docs/examples/mistakes')).filter((f) => f.endsWith('.json'));
    expect(mistakes.length).toBeGreaterThan(5);
    for (const file of mistakes) {
      expect(cliRegions.some((r) => r.arg.includes(`docs/examples/mistakes/${file}`)), file).toBe(true);
    }
  });

  it('has a section per pattern with what a Client must do and the trade-offs, and what a decision still needs', () => {
    const patterns = ['## Option 1', '## Option 2', '## Separate segments per quality', '## Gap disclosure'];
    for (const heading of [...patterns, '## What a decision still needs']) expect(doc).toContain(heading);
    expect(doc.match(/\*\*What a Client must do\.\*\*/g)).toHaveLength(patterns.length);
    expect(doc.match(/\*\*Trade-offs\.\*\*/g)).toHaveLength(patterns.length);
  });

  it('maps every pattern onto the 2026 draft, and says the gap disclosure has no equivalent there', () => {
    const row = doc.split('\n').find((l) => l.startsWith('| In the 2026 draft |'));
    expect(row?.split(' | ')).toHaveLength(5);
    expect(row).toMatch(/no equivalent/);
  });

  it('starts the Option 2 revision from the minutes’ 499.9', () => {
    expect(doc).toContain('<!-- cli: revision spec/2024/examples/option2-estimated.json spec/2024/examples/option2-both-columns.json -->');
    expect(JSON.parse(readFileSync(join(repoRoot, 'spec/2024/examples/option2-estimated.json'), 'utf8')).values).toEqual([[{ v: 499.9 }]]);
  });

  for (const { arg } of cliRegions) {
    it(`documents the checker's codes for: ${arg}`, () => {
      expect(documented(arg)).toEqual(actual(arg));
    });
  }

  it('is up to date with the CLI’s full output (`npm run docs:guides`)', () => {
    expect(renderGuide(repoRoot, doc)).toBe(doc);
  });

  it('names only codes that exist', () => {
    const known = new Set<string>(RULES.map((r) => r.code));
    const named = [...doc.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((c) => !known.has(c) && c !== "cds-usage-segments")).toEqual([]);
  });
});
