// docs/traceability.md: every row cites the group's texts in the documented
// shape and carries one class; the table and the rule registry name the same
// codes (both directions); every schema pointer resolves in generated/; every
// cited test exists; a row with neither a schema keyword nor a rule says why.
// With the texts at hand, every citation is checked against them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, resolvePointer } from '../../src/index.js';
import { ROOT } from '../helpers/paths.js';
import { checkCitation, citedText, parseCitation, sharedDir, ticked, type SourceKey } from './citations.js';

const text = readFileSync(join(ROOT, 'docs/traceability.md'), 'utf8');
const CLASSES = ['draft', 'example', 'proposal', 'decision'] as const;

interface Row { id: string; source: string; cls: string; statement: string; schema: string; rule: string; test: string; notes: string }

function rows(): Row[] {
  const out: Row[] = [];
  for (const line of text.split('\n')) {
    if (!/^\| [A-Z]\d+ \|/.test(line)) continue;
    const cells = line.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim());
    if (cells.length !== 8) throw new Error(`row ${cells[0]} has ${cells.length} cells, expected 8`);
    const [id, source, cls, statement, schema, rule, test, notes] = cells as [string, string, string, string, string, string, string, string];
    out.push({ id, source, cls, statement, schema, rule, test, notes });
  }
  return out;
}
const table = rows();

/** Which source each section of the page cites, by row-id prefix. */
const SOURCE_OF_PREFIX: Record<string, RegExp> = {
  D: /^2024-0[89] §/,
  E: /^(ov-0[89]|min-0815) /,
  P: /^min /,
  N: /^2026 §/,
};

/** The texts with numbered sections (the drafts); the overview pages and minutes have none. */
const NUMBERED: ReadonlySet<string> = new Set(['2024-09', '2024-08', '2026']);

/**
 * The sections held to every line (issue 20.3): original line ranges of the
 * texts; each line there that holds a normative keyword must be cited by a
 * row. Lines of a range that the extract does not hold (between §2's
 * definitions) are skipped.
 */
const INVENTORIED: readonly { key: SourceKey; from: number; to: number; name: string }[] = [
  { key: '2026', from: 342, to: 373, name: '§2 (datetime, decimal, integer, string, URL)' },
  { key: '2026', from: 832, to: 879, name: '§5, §5.1, §5.2' },
  { key: '2026', from: 1327, to: 1423, name: '§6.1.9' },
  { key: '2026', from: 1622, to: 1642, name: '§6.2.8' },
  { key: '2026', from: 2685, to: 2732, name: '§7.2.8, §7.2.8.1' },
  { key: '2026', from: 2881, to: 2924, name: '§7.3.6, §7.3.7' },
  { key: '2026', from: 4140, to: 4146, name: '§10 preamble' },
  { key: '2024-09', from: 86, to: 129, name: '§3.1, §3.3' },
  { key: '2024-09', from: 438, to: 521, name: '§11' },
  { key: '2026', from: 5430, to: 5976, name: '§10.8' },
];
// RFC 2119 keywords in capitals, and the lower-case "must" the draft also uses for requirements (§6.1.9 L1336, §6.2.8 L1631).
const NORMATIVE = /\b(MUST|SHOULD|MAY|REQUIRED|must)\b/;

/** The normative lines of the inventoried sections of `key` that no row cites, and how many normative lines there are. */
function uncitedLines(dir: string, key?: SourceKey): { uncited: string[]; normative: number } {
  const cited = new Map<SourceKey, [number, number][]>();
  for (const r of table) {
    for (const c of ticked(r.source)) {
      const cite = parseCitation(c);
      if (cite !== null) cited.set(cite.key, [...(cited.get(cite.key) ?? []), [cite.from, cite.to]]);
    }
  }
  const uncited: string[] = [];
  let normative = 0;
  for (const section of INVENTORIED) {
    if (key !== undefined && section.key !== key) continue;
    for (let line = section.from; line <= section.to; line++) {
      const text = citedText(dir, { key: section.key, section: null, from: line, to: line, text: `${section.key} L${line}` });
      if (text === null || !NORMATIVE.test(text)) continue;
      normative++;
      if (!(cited.get(section.key) ?? []).some(([lo, hi]) => line >= lo && line <= hi)) uncited.push(`${section.key} ${section.name} L${line}: ${text.slice(0, 80)}`);
    }
  }
  return { uncited, normative };
}

/** A row's status: checked (a code, or a keyword of the component schemas), in the spec only, or not checkable from a document. */
function status(r: Row): 'checked' | 'spec' | 'not' {
  if (r.rule !== '—' || /`\d{4}\/schemas\//.test(r.schema)) return 'checked';
  if (r.schema !== '—' || /In the spec only/.test(r.notes)) return 'spec';
  return 'not';
}

describe('traceability counts', () => {
  it('states, per text, the number of rows that cite it (sections 1–6)', () => {
    const stated = new Map([...text.matchAll(/^\| `([a-z0-9-]+)` \| (\d+) \|$/gm)].map((m) => [m[1]!, Number(m[2])]));
    expect([...stated.keys()].sort()).toEqual(['2024-09', '2026', 'min', 'min-0815', 'ov-08', 'ov-09']);
    for (const [key, n] of stated) {
      const counted = table.filter((r) => !r.id.startsWith('CR') && new RegExp(`\`${key} `).test(r.source)).length;
      expect(counted, key).toBe(n);
    }
  });

  it('states, per draft, its statement rows by status, and 0 missing', () => {
    const stated = [...text.matchAll(/^\| `(2024-09|2026)` \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| [^|]+ \|$/gm)];
    expect(stated.map((m) => m[1]).sort()).toEqual(['2024-09', '2026']);
    const dir = sharedDir();
    for (const m of stated) {
      const key = m[1] as SourceKey;
      const rs = table.filter((r) => r.cls === 'draft' && r.source.includes(`\`${key} `));
      const by = (s: ReturnType<typeof status>) => rs.filter((r) => status(r) === s).length;
      expect([rs.length, by('checked'), by('spec'), by('not')], key).toEqual([m[2], m[3], m[4], m[5]].map(Number));
      expect(Number(m[6]), `${key}: missing`).toBe(0);
      if (dir !== null) expect(uncitedLines(dir, key).uncited, key).toEqual([]);
    }
  });
});

describe('traceability table', () => {
  it('has rows with unique ids', () => {
    expect(table.length).toBeGreaterThan(80);
    const ids = table.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every row exactly one class', () => {
    expect(table.filter((r) => !(CLASSES as readonly string[]).includes(r.cls)).map((r) => `${r.id}: ${r.cls}`)).toEqual([]);
  });

  it('cites every row’s source as key §section Lline, from the texts its section is about', () => {
    const bad: string[] = [];
    for (const r of table) {
      const cites = ticked(r.source);
      if (cites.length === 0) bad.push(`${r.id}: no citation`);
      for (const c of cites) {
        const cite = parseCitation(c);
        if (cite === null) bad.push(`${r.id}: ${c}`);
        // The drafts number their sections, so their citations name one; the overview pages and minutes have none, so theirs cannot.
        else if ((cite.section === null) === NUMBERED.has(cite.key)) bad.push(`${r.id}: ${c} ${cite.section === null ? 'names no section' : 'names a section its text does not have'}`);
        const want = SOURCE_OF_PREFIX[r.id[0]!];
        if (want && !want.test(c)) bad.push(`${r.id}: ${c} is not from ${want}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('says in its source list which texts are cited by line alone, and why', () => {
    for (const key of ['ov-08', 'ov-09', 'min', 'min-0815']) expect(text).toMatch(new RegExp(`^\\| \`${key}\` \\|.*\\| \`key Lline\` \\(no numbered sections\\) \\|$`, 'm'));
  });

  it('mentions every code of the registry in the Rule column', () => {
    const mentioned = new Set(table.flatMap((r) => ticked(r.rule)));
    expect(RULES.map((r) => r.code).filter((code) => !mentioned.has(code))).toEqual([]);
  });

  it('gives every code a row of the class the registry gives it', () => {
    const missing = RULES.filter((rule) => !table.some((r) => r.cls === rule.sourceClass && ticked(r.rule).includes(rule.code))).map((rule) => `${rule.code} (${rule.sourceClass})`);
    expect(missing).toEqual([]);
  });

  it('names no code that does not exist', () => {
    const known = new Set<string>(RULES.map((r) => r.code));
    expect(table.flatMap((r) => ticked(r.rule).filter((c) => !known.has(c)).map((c) => `${r.id}: ${c}`))).toEqual([]);
  });

  it('cites only JSON Schema keywords that exist in generated/', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const r of table) {
      for (const ref of ticked(r.schema)) {
        const m = /^([0-9]{4}\/(?:schemas\/(?:recommended\/)?[A-Za-z]+|openapi)\.json)#(\/.*)$/.exec(ref);
        if (!m) {
          missing.push(`${r.id}: ${ref} is not <model>/schemas/[recommended/]<Name>.json#pointer`);
          continue;
        }
        cited++;
        const file = join(ROOT, 'generated', m[1]!);
        if (!existsSync(file)) {
          missing.push(`${r.id}: ${m[1]} does not exist`);
          continue;
        }
        if (!resolvePointer(JSON.parse(readFileSync(file, 'utf8')), m[2]!).found) missing.push(`${r.id}: ${ref}`);
      }
    }
    expect(cited).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('cites tests that exist, with cases that exist', () => {
    const missing: string[] = [];
    for (const r of table) {
      for (const cell of r.test.split(/;\s*/)) {
        if (cell.trim() === '—') continue;
        const ref = /^`([^`›]+?)(?: › ([^`]+))?`$/.exec(cell.trim());
        if (!ref) {
          missing.push(`${r.id}: ${cell}`);
          continue;
        }
        const file = join(ROOT, ref[1]!);
        if (!existsSync(file)) {
          missing.push(`${r.id}: ${ref[1]} does not exist`);
          continue;
        }
        if (ref[2] !== undefined && !readFileSync(file, 'utf8').includes(ref[2])) missing.push(`${r.id}: ${ref[1]} has no case "${ref[2]}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('shows every enforced row with a test, and says why when a row is not enforced', () => {
    const bad: string[] = [];
    for (const r of table) {
      const enforced = r.schema !== '—' || r.rule !== '—';
      const reason = /not machine-checkable|not yet checked|not a rule|not checked by the document checker|\*\*Finding:\*\*/i.test(r.notes);
      if (!enforced && !reason) bad.push(`${r.id}: neither enforced nor explained`);
      if (enforced && r.test === '—' && !/not checked by the document checker/i.test(r.notes)) bad.push(`${r.id}: enforced but no test`);
    }
    expect(bad).toEqual([]);
  });

  const dir = sharedDir();
  it.skipIf(dir === null)('cites lines that lie in the cited sections of the group’s texts (needs ../shared or CDS_SHARED_DIR)', () => {
    const problems: string[] = [];
    let verified = 0;
    for (const r of table) {
      for (const c of ticked(r.source)) {
        const cite = parseCitation(c);
        if (cite === null) continue; // reported above
        const got = checkCitation(dir!, cite);
        if (got.unverifiable && cite.key !== 'min-0815') problems.push(`${r.id}: ${c} lies outside the extracts`);
        if (!got.unverifiable) verified++;
        problems.push(...got.problems.map((p) => `${r.id}: ${p}`));
      }
    }
    expect(verified).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  });

  it.skipIf(dir === null)('cites every normative line of the inventoried sections (needs ../shared or CDS_SHARED_DIR)', () => {
    const { uncited, normative } = uncitedLines(dir!);
    // The sections hold well over a hundred such lines; far fewer means the extracts were not read.
    expect(normative).toBeGreaterThan(100);
    expect(uncited).toEqual([]);
  });
});
