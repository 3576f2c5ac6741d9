// Issue 11's "done when", shown end to end: every example of the 2026 draft
// that is a usage segment or a listing page (as published, JSON-fixed as the
// errata page says) gets the findings docs/errata.md lists for it — from its
// text (the page lists them as read from the text: `duplicate-key` where the
// text repeats a member), from the CLI, which says it read the document as
// 2026, and from the parsed value, which cannot see a repeated member; and a
// valid document of each of the eight value types passes the CLI with no
// finding.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate, validateText } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const ERRATA = readFileSync(join(ROOT, 'docs/errata.md'), 'utf8');
const FIXTURES = 'test/fixtures/errata';
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const found = (r: { errors: { code: string; path: string }[]; warnings: { code: string; path: string }[] }) => [...r.errors, ...r.warnings].map((p) => `${p.code} ${p.path}`).sort();

/** The 2026 fixtures that are a segment or a listing page (the others, such as the §13.1.1 metadata field, are neither). */
const documents = readdirSync(join(ROOT, FIXTURES))
  .filter((f) => f.startsWith('2026-') && f.endsWith('.json'))
  .map((f) => `${FIXTURES}/${f}`)
  .filter((file) => {
    const doc = JSON.parse(read(file)) as Record<string, unknown>;
    return 'usage_segments' in doc || 'cds_usagesegment_id' in doc;
  });

/** The findings the errata page lists after the fixture's name. */
function listedFindings(file: string): string[] {
  const at = ERRATA.indexOf(`**Fixture** \`${file}\``);
  if (at < 0) throw new Error(`${file} is not named on the errata page`);
  const m = /—\s*\*\*findings\*\*:\s*((?:`[^`]+`(?:,\s*)?)+)/.exec(ERRATA.slice(at));
  if (!m) throw new Error(`the errata page lists no findings for ${file}`);
  return [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!).sort();
}

/** `duplicate-key` where a segment's text names a member twice (the page says which member: related_meterdevices). */
function repeatedMembers(text: string): string[] {
  return text
    .split('"cds_usagesegment_id"')
    .slice(1)
    .flatMap((chunk, i) => ((chunk.match(/"related_meterdevices"/g) ?? []).length > 1 ? [`duplicate-key /usage_segments/${i}/related_meterdevices`] : []));
}

describe('the 2026 draft’s own examples get the findings the errata page predicts', () => {
  it('has the §13.3.5 listing among them', () => {
    expect(documents).toContain(`${FIXTURES}/2026-13.3.5-usage-segments.json`);
  });

  for (const file of documents) {
    describe(file, () => {
      const text = read(file);
      const listed = listedFindings(file);
      const isDuplicateKey = (f: string) => f.startsWith('duplicate-key ');

      it('the page lists a duplicate-key for each repeated member of the text, and no other', () => {
        const dup = repeatedMembers(text);
        expect(dup.length).toBeGreaterThan(0);
        expect(listed.filter(isDuplicateKey)).toEqual(dup.sort());
      });

      it('library, text: exactly the listed findings', () => {
        expect(found(validateText(text))).toEqual(listed);
      });

      it('library, parsed value: the listed findings but duplicate-key (parsing keeps one of a repeated member)', () => {
        expect(found(validate(JSON.parse(text)))).toEqual(listed.filter((f) => !isDuplicateKey(f)));
      });

      it('CLI: the same findings, read as 2026 (exit 1)', async () => {
        const r = await runCli(['validate', '--json', join(ROOT, file)]);
        expect(r.code).toBe(1);
        const out = JSON.parse(r.stdout);
        expect(out.files.map((f: { model: string }) => f.model)).toEqual(['2026']);
        expect(found(out)).toEqual(listed);
      });
    });
  }
});

describe('a valid document of each of the eight value types passes the CLI with no finding', () => {
  const dir = join(ROOT, 'spec/2026/examples/value-types');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));

  it('eight files, each valid with 0 errors and 0 warnings, also with --strict, read as 2026', async () => {
    expect(files).toHaveLength(8);
    for (const args of [[], ['--strict']]) {
      const r = await runCli(['validate', '--json', ...args, ...files]);
      const out = JSON.parse(r.stdout);
      expect({ args, code: r.code, errors: out.errors, warnings: out.warnings }).toEqual({ args, code: 0, errors: [], warnings: [] });
      expect(out.files.map((f: { model: string; valid: boolean }) => [f.model, f.valid])).toEqual(files.map(() => ['2026', true]));
    }
  });
});
