// docs/errata.md: every erratum cites the group's texts in the documented
// shape; every example fixture is named by exactly one erratum; the findings
// the page lists for a fixture are the ones the corpus expects of it
// (test/fixtures/invalid/errata.json, checked by the one corpus runner,
// test/engine/corpus.test.ts); the fixtures of
// examples the 2024 checker cannot read show their defects directly. With the
// group's texts at hand, each fixture is shown to be the published example
// with only the edits the page states (elisions, comments, commas).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { checkCitation, citedText, parseCitation, sharedDir, ticked, type Citation } from './citations.js';

const doc = readFileSync(join(ROOT, 'docs/errata.md'), 'utf8');
const fixtureDir = join(ROOT, 'test/fixtures/errata');

interface Erratum { id: string; title: string; cites: string[]; body: string }

function errata(): Erratum[] {
  const parts = doc.split(/^### /m).slice(1);
  return parts.map((part) => {
    const [heading, ...rest] = part.split('\n');
    const m = /^(ER-\d+) — (.+)$/.exec(heading!);
    if (!m) throw new Error(`erratum heading not in the shape "ER-n — title": ${heading}`);
    const body = rest.join('\n');
    const citeLine = rest.find((l) => l.trim() !== '') ?? '';
    return { id: m[1]!, title: m[2]!, cites: ticked(citeLine), body };
  });
}
const list = errata();

interface FixtureRef { erratum: string; file: string; source: Citation | null; wrapped: boolean; findings: string[] | 'special' }

function fixtures(): FixtureRef[] {
  const out: FixtureRef[] = [];
  for (const e of list) {
    for (const m of e.body.matchAll(/\*\*Fixture\*\* `([^`]+)`\s*\(([^;]+);([\s\S]*?)\)\s*—\s*\*\*findings\*\*:\s*((?:`[^`]+`(?:,\s*)?)+|[^\n`]+)/g)) {
      const text = m[4]!.trim();
      const findings = text.startsWith('`') ? ticked(text) : /^none\b/.test(text) ? [] : 'special';
      out.push({ erratum: e.id, file: m[1]!, source: parseCitation(m[2]!.replace(/\s+/g, ' ').trim()), wrapped: /wrapped in a listing page/.test(m[3]!), findings });
    }
  }
  return out;
}
const refs = fixtures();
const readFixture = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('errata page', () => {
  it('numbers the errata ER-1, ER-2, … in order', () => {
    expect(list.length).toBeGreaterThan(30);
    expect(list.map((e) => e.id)).toEqual(list.map((_, i) => `ER-${i + 1}`));
  });

  it('cites the group’s texts under every erratum, as key §section Lline', () => {
    const bad: string[] = [];
    for (const e of list) {
      if (e.cites.length === 0) bad.push(`${e.id}: no citation`);
      for (const c of e.cites) if (parseCitation(c) === null) bad.push(`${e.id}: ${c}`);
    }
    expect(bad).toEqual([]);
  });

  it('names every fixture of test/fixtures/errata exactly once, with its source lines', () => {
    const files = readdirSync(fixtureDir).filter((f) => f.endsWith('.json')).map((f) => `test/fixtures/errata/${f}`).sort();
    expect(refs.map((r) => r.file).sort()).toEqual(files);
    expect(refs.filter((r) => r.source === null).map((r) => r.file)).toEqual([]);
  });

  // The corpus runs the checker on these files; here the page is held to the corpus.
  const corpus = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/invalid/errata.json'), 'utf8')) as { tests: { file?: string; problems: { code: string; path: string }[] }[] };
  it('lists findings for exactly the fixtures the corpus checks', () => {
    const listed = refs.filter((r) => r.findings !== 'special').map((r) => r.file).sort();
    expect(corpus.tests.map((c) => c.file).sort()).toEqual(listed);
  });
  for (const ref of refs.filter((r) => r.findings !== 'special')) {
    it(`${ref.erratum}: lists the findings the corpus expects on ${ref.file}`, () => {
      const c = corpus.tests.find((t) => t.file === ref.file);
      expect(c, ref.file).toBeDefined();
      expect(c!.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual([...(ref.findings as string[])].sort());
    });
  }

  it('ER-17: the certificate names related_aggregations twice, and JSON.parse keeps only the last', () => {
    const text = readFixture('test/fixtures/errata/ov-08-eacs-listing.json');
    expect(text.match(/"related_aggregations"/g)).toHaveLength(2);
    const eac = (JSON.parse(text) as { eacs: Record<string, unknown>[] }).eacs[0]!;
    expect(eac.related_aggregations).toEqual([]);
  });

  it('ER-37: in §13.3.5 a duplicated related_meterdevices hides the missing related_billsections; one id, December first', () => {
    const text = readFixture('test/fixtures/errata/2026-13.3.5-usage-segments.json');
    const segments = (JSON.parse(text) as { usage_segments: Record<string, unknown>[] }).usage_segments;
    expect(segments).toHaveLength(2);
    // Each segment's text holds the key twice; the parsed object keeps the empty list.
    for (const chunk of text.split('"cds_usagesegment_id"').slice(1)) expect(chunk.match(/"related_meterdevices"/g)).toHaveLength(2);
    for (const s of segments) {
      expect(s.related_meterdevices).toEqual([]);
      expect('related_billsections' in s).toBe(false);
    }
    expect(segments[0]!.cds_usagesegment_id).toBe(segments[1]!.cds_usagesegment_id);
    expect(Date.parse(segments[0]!.segment_start as string)).toBeGreaterThan(Date.parse(segments[1]!.segment_start as string));
    // The checker's findings on this page (schema, duplicate-id, duplicate-key,
    // interval-arithmetic) are the corpus's ER-37 case, which the page is held to above.
  });

  it('ER-38: the gas choice of include_usage_segment_value_types has no usagesegment_format', () => {
    const field = JSON.parse(readFixture('test/fixtures/errata/2026-13.1.1-include-value-types-field.json')) as {
      id: string;
      choices: { id: string; usagesegment_format?: unknown }[];
    };
    expect(field.id).toBe('include_usage_segment_value_types');
    expect(field.choices.filter((c) => c.usagesegment_format === undefined).map((c) => c.id)).toEqual(['gas_monthly_01']);
  });

  const dir = sharedDir();
  /** The text of one cited line of the 2026 extract (the test is skipped without ../shared). */
  const line2026 = (n: number) => citedText(dir!, parseCitation(`2026 L${n}`)!) ?? '';

  it.skipIf(dir === null)('ER-39: the Server Metadata and §13.3.5 link #usage-segments-list, the §10.8.8 heading defines #usage-segment-list', () => {
    expect(line2026(851)).toContain('](#usage-segments-list)');
    expect(line2026(7791)).toContain('](#usage-segments-list)');
    expect(line2026(5941)).toMatch(/^#### 10\.8\.8\. .*<a id="usage-segment-list"/);
    expect(line2026(5941)).not.toContain('usage-segments-list');
  });

  it.skipIf(dir === null)('ER-40 and ER-41: §5.2 links the singular reference anchor; §7.2.8.1 asks for the format choice_list_or_null', () => {
    expect(line2026(875)).toContain('(#ref-cds-wg1-02-choice-object)');
    expect(line2026(2719)).toContain('"choice_list_or_null"');
    expect(line2026(2720)).toMatch(/`choices` array/);
  });

  it.skipIf(dir === null)('cites lines that lie in the cited sections (where the extracts hold them; needs ../shared or CDS_SHARED_DIR)', () => {
    const problems: string[] = [];
    let verified = 0;
    for (const e of list) {
      for (const c of e.cites) {
        const cite = parseCitation(c);
        if (cite === null) continue;
        const got = checkCitation(dir!, cite);
        if (!got.unverifiable) verified++;
        problems.push(...got.problems.map((p) => `${e.id}: ${p}`));
      }
    }
    expect(verified).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(dir === null)('keeps each fixture as published, up to the stated edits (needs ../shared or CDS_SHARED_DIR)', () => {
    let compared = 0;
    for (const ref of refs) {
      const published = citedText(dir!, ref.source!);
      if (published === null) continue; // outside the extracts (min-0815, 2026 §13.1.1)
      compared++;
      const fixture = squeeze(readFixture(ref.file));
      const source = squeeze(elide(published));
      if (ref.wrapped) {
        expect(fixture.startsWith('{"usage_segments":[') && fixture.includes(source), ref.file).toBe(true);
        expect(fixture.length - source.length, ref.file).toBeLessThan(60);
      } else {
        expect(fixture, ref.file).toBe(source);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });
});

/** The stated edits: elided id lists become [], elided value sets and # comments go (commas are ignored by squeeze). */
function elide(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+#[^"]*$/, ''))
    .filter((l) => l.trim() !== '...')
    .join('\n')
    .replace(/\[\.\.\.\]/g, '[]');
}

/** Whitespace and commas removed: what is left must match exactly. */
function squeeze(text: string): string {
  return text.replace(/[\s,]/g, '');
}
