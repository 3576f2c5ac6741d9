// Every schema, field, format, parameter, response and security scheme of the
// 2024 spec says where it comes from: `x-cds-source` {class, ref} and the
// class as the first word of its description; `ref` cites the group's texts
// (checked against them when they are at hand). `info` names the texts the
// spec follows, with the commits the traceability page pins.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCitation, parseCitation, sharedDir } from '../docs-content/citations.js';
import { ROOT } from '../helpers/paths.js';

type Obj = Record<string, any>;
const bundle = JSON.parse(readFileSync(join(ROOT, 'generated/2024/openapi.json'), 'utf8')) as Obj;
const CLASSES = ['draft', 'example', 'proposal', 'decision'];

/** Everything that must carry a source, as [where, object]. */
function annotated(): [string, Obj][] {
  const out: [string, Obj][] = [];
  const c = bundle.components;
  for (const [name, schema] of Object.entries<Obj>(c.schemas)) {
    out.push([`schemas/${name}`, schema]);
    for (const [prop, sub] of Object.entries<Obj>(schema.properties ?? {})) out.push([`schemas/${name}/${prop}`, sub]);
  }
  for (const [name, p] of Object.entries<Obj>(c.parameters)) out.push([`parameters/${name}`, p]);
  for (const [name, r] of Object.entries<Obj>(c.responses)) out.push([`responses/${name}`, r]);
  for (const [name, s] of Object.entries<Obj>(c.securitySchemes)) out.push([`securitySchemes/${name}`, s]);
  for (const [path, item] of Object.entries<Obj>(bundle.paths)) out.push([`paths/${path}/get`, item.get]);
  return out;
}
const items = annotated();
const firstWord = (text: string) => /^\**([A-Za-z]+)/.exec(text.trim())?.[1]?.toLowerCase();
const refs = (ref: string) => ref.split(/;\s*/);

describe('2024 spec: source classes', () => {
  it('annotates every schema, field, parameter, response, security scheme and the operation', () => {
    expect(items.length).toBeGreaterThan(50);
    const missing = items.filter(([, o]) => !o['x-cds-source'] || !CLASSES.includes(o['x-cds-source'].class)).map(([w]) => w);
    expect(missing).toEqual([]);
  });

  it('states the class in the first word of each description', () => {
    const bad = items.filter(([, o]) => firstWord(o.description ?? '') !== o['x-cds-source']?.class).map(([w, o]) => `${w}: ${String(o.description).slice(0, 40)}`);
    expect(bad).toEqual([]);
  });

  it('cites the group’s texts as key §section Lline in every ref', () => {
    const bad = items.flatMap(([w, o]) => refs(String(o['x-cds-source']?.ref ?? '')).filter((r) => parseCitation(r) === null).map((r) => `${w}: ${r}`));
    expect(bad).toEqual([]);
  });

  it('gives every known format the class of its vocabulary in the first word of its description', () => {
    const bad: string[] = [];
    for (const name of ['DraftFormat', 'ExampleFormat', 'ProposalFormat']) {
      const vocabulary = bundle.components.schemas[name] as Obj;
      for (const f of vocabulary.enum as string[]) {
        if (firstWord(vocabulary['x-enumDescriptions'][f] ?? '') !== vocabulary['x-cds-source'].class) bad.push(`${name}: ${f}`);
      }
    }
    expect(bad).toEqual([]);
  });

  const dir = sharedDir();
  it.skipIf(dir === null)('cites lines that lie in the cited sections (needs ../shared or CDS_SHARED_DIR)', () => {
    const problems: string[] = [];
    let verified = 0;
    for (const [w, o] of items) {
      for (const r of refs(String(o['x-cds-source']?.ref ?? ''))) {
        const c = parseCitation(r);
        if (c === null) continue;
        const got = checkCitation(dir!, c);
        if (!got.unverifiable) verified++;
        problems.push(...got.problems.map((p) => `${w}: ${p}`));
      }
    }
    expect(verified).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});

describe('2024 spec: the texts it follows', () => {
  const info = bundle.info as Obj;
  const sources = info['x-cds-sources'] as Obj[];
  const traceability = readFileSync(join(ROOT, 'docs/traceability.md'), 'utf8');

  it('names the draft repository, both commits with their dates, and the meeting in the description', () => {
    for (const needle of ['daniel-utilityapi/Customer-Data', 'bb15974b5f89831b29d32094e1de2de7cc890a1b', '2024-09-25', 'e12799150518d52a1c7bc1cfa46313feeed1e790', '2024-08-08']) {
      expect(info.description, needle).toContain(needle);
    }
  });

  it('lists every 2024 source key of the traceability page, at the same commits', () => {
    expect(sources.map((s) => s.key).sort()).toEqual(['2024-08', '2024-09', 'min', 'min-0815', 'ov-08', 'ov-09']);
    for (const s of sources) {
      expect(s.commit, s.key).toMatch(/^[0-9a-f]{40}$/);
      const row = traceability.split('\n').find((l) => l.startsWith(`| \`${s.key}\` |`));
      expect(row, s.key).toBeDefined();
      expect(row, s.key).toContain(s.commit.slice(0, 7));
    }
  });
});

describe('2024 spec: the listing operation states what the draft says and what we decided', () => {
  const description: string = bundle.paths['/api/usagesegments'].get.description;
  // Each statement as the issue names it: discovery, the filter obligation,
  // the truncation condition, the ordering (with its defect) and the scopes
  // as our decision; each with its citation.
  it.each([
    ['discovery: the URL comes from the Client Registration Response', /Client Registration Response \(§3\.3 L128\)/],
    ['the filter obligation: Servers support every filter', /Servers MUST support every filter below \(L505\)/],
    ['truncation only when more than 100 segments are available', /Only when more than 100 segments are available[^.]*\(L501\)/],
    ['the ordering, whose first keys are not segment fields (a draft defect)', /\(L520\)\. The first three keys are not fields of a segment \(a draft defect, errata ER-8\)/],
    ['the ordering: "alphanumeric" names no collation', /"alphanumeric" order names no collation/],
    ['the scopes, as a decision', /\*\*Scopes \(Decision\)\.\*\* The draft ties no scope to this API/],
  ])('%s', (_what, pattern) => {
    expect(description.replace(/\s+/g, ' ')).toMatch(pattern);
  });
});
