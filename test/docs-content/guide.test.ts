// docs/guide-reading-a-segment.md: every example is a file in docs/examples/
// holding a plain document, the guide embeds exactly that file, and the
// checker (library and CLI, given the file as it is) reports exactly what its
// expectation in docs/examples/expected/ (and the sentence under the block) says.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeExpectation, expectationFile, loadExample, regionsOf, renderGuide, type GuideExpectation } from '../../scripts/lib/doc-blocks.mjs';
import { validate } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

type GuideExample = GuideExpectation & { document: unknown };

const guidePath = 'docs/guide-reading-a-segment.md';
const guide = readFileSync(join(ROOT, guidePath), 'utf8');
const exampleFiles = readdirSync(join(ROOT, 'docs/examples'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => `docs/examples/${f}`);
function load(file: string): GuideExample {
  const { document, expectation } = loadExample(ROOT, file);
  if (expectation === null) throw new Error(`${file} has no ${expectationFile(file)}`);
  return { ...expectation, document };
}

/** The fenced JSON block and the sentence after the marker of `file`. */
function blockOf(file: string): { json: unknown; sentence: string } {
  const start = guide.indexOf(`<!-- example: ${file} -->`);
  const end = guide.indexOf('<!-- /example -->', start);
  const region = guide.slice(start, end);
  const m = /```json\n([\s\S]*?)\n```\n\n(.*)\n$/.exec(region);
  if (!m) throw new Error(`no JSON block after the marker of ${file}`);
  return { json: JSON.parse(m[1]!), sentence: m[2]! };
}

describe('guide: reading a usage segment', () => {
  it('has examples for timing, value sets, formats, nulls, date-times and extensions', () => {
    const prefixes = new Set(exampleFiles.map((f) => f.replace(/^docs\/examples\/([a-z]+)-.*$/, '$1')));
    expect([...prefixes].sort()).toEqual(['datetime', 'extension', 'format', 'nulls', 'timing', 'valueset']);
  });

  it('keeps one expectation per example and no stray one', () => {
    const expected = readdirSync(join(ROOT, 'docs/examples/expected')).sort().map((f) => `docs/examples/${f}`);
    expect(expected).toEqual(exampleFiles);
    for (const file of exampleFiles) expect(existsSync(join(ROOT, expectationFile(file))), file).toBe(true);
  });

  it('embeds every example file exactly once, and nothing else', () => {
    const embedded = regionsOf(guide).map((r) => r.arg);
    expect([...embedded].sort()).toEqual(exampleFiles);
  });

  it('is up to date with its example files (`npm run docs:guides`)', () => {
    expect(renderGuide(ROOT, guide)).toBe(guide);
  });

  for (const file of exampleFiles) {
    describe(file, () => {
      const ex = load(file);

      it('is shown in the guide exactly as in the file, with its expected result', () => {
        const { json, sentence } = blockOf(file);
        expect(json).toEqual(ex.document);
        expect(sentence).toBe(describeExpectation(ex.expect, ex.options));
      });

      it(`checker result: ${ex.expect.valid ? 'valid' : 'invalid'} ${[...ex.expect.errors, ...ex.expect.warnings].map((p) => p.code).join(', ')}`, () => {
        const r = validate(ex.document, ex.options ?? {});
        const strip = (ps: { code: string; path: string }[]) => ps.map(({ code, path }) => ({ code, path }));
        expect({ valid: r.valid, errors: strip(r.errors), warnings: strip(r.warnings) }).toEqual(ex.expect);
      });

      // The CLI's main, in this process, reading the file from disk (test/cli/bin.test.ts checks that the built executable is main).
      it('is a plain document the CLI takes as it is, with the expected exit status', async () => {
        const { code } = await runCli(['validate', ...(ex.options?.strict ? ['--strict'] : []), file]);
        expect(code).toBe(ex.expect.valid ? 0 : 1);
      });

      if (ex.options?.strict) {
        it('is valid without findings when not strict (the warnings are strict-only)', () => {
          const r = validate(ex.document);
          expect([...r.errors, ...r.warnings]).toEqual([]);
        });
      }
    });
  }
});
