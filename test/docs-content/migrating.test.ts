// docs/migrating-2024-to-2026.md: its blocks are what their files hold and
// what the CLI prints; every document it shows or names is valid in its model
// (the 2026 one is what `convert` writes for the 2024 one); every citation of
// the 2026 draft lies in the section it names; both rendered references and
// the README list it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionsOf, renderGuide, runCli } from '../../scripts/lib/doc-blocks.mjs';
import { MODEL_NAMES, modelConfig } from '../../scripts/lib/models.mjs';
import { validateServerMetadata } from '../../generated/2026/validators.js';
import { convert } from '../../src/convert/index.js';
import { detectModel, validate } from '../../src/index.js';
import { ROOT } from '../helpers/paths.js';
import { checkCitation, parseCitation, sharedDir } from './citations.js';

const FILE = 'docs/migrating-2024-to-2026.md';
const doc = readFileSync(join(ROOT, FILE), 'utf8');
const regions = regionsOf(doc);
const readDoc = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const EXAMPLES = 'docs/examples/migrating';
const BEFORE = `${EXAMPLES}/net-metering-2024.json`;
const AFTER = `${EXAMPLES}/net-metering-2026.json`;
const META = 'spec/2026/examples/server-metadata.json';

describe('guide: moving from 2024 to 2026', () => {
  it('is up to date with its files and the CLI’s output (`npm run docs:guides`)', () => {
    expect(renderGuide(ROOT, doc)).toBe(doc);
  });

  it('has the sections an implementer needs', () => {
    const sections = [...doc.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['What stays the same', 'Field by field', 'A segment in both models', 'Server Metadata', 'What changes for a Server', 'What changes for a Client', 'Checking a migration']);
  });

  it('maps every 2024 notion the issue names in its field table', () => {
    const table = doc.slice(doc.indexOf('## Field by field'), doc.indexOf('## A segment in both models'));
    for (const term of ['`format`', '`formats`', '`eu`', '`ed`', '`sm`', '`wu`', '`gu`', '`fu`', '`c`', '`r`', '`units`', '`direction`', '`quality`', '`cds_synced`', '`related_eacs`', '`supply_mix`', '`gap`', 'cds_usagesegments_additional_value_types']) {
      expect(table, term).toContain(term);
    }
  });

  it('uses every file of docs/examples/migrating, and each exists', () => {
    const files = readdirSync(join(ROOT, EXAMPLES)).filter((f) => f.endsWith('.json')).map((f) => `${EXAMPLES}/${f}`).sort();
    const named = [...new Set(regions.flatMap((r) => r.arg.split(/\s+/).filter((a) => a.endsWith('.json'))))];
    expect(files.filter((f) => !named.includes(f))).toEqual([]);
    for (const f of named) expect(() => readDoc(f), f).not.toThrow();
  });

  it('the 2026 example is exactly what convert --to 2026 writes for the 2024 one (library and CLI)', () => {
    const { document, losses } = convert(readDoc(BEFORE), '2026');
    expect(document).toEqual(readDoc(AFTER));
    expect(losses).toEqual([]);
    const cli = runCli(ROOT, ['convert', '--to', '2026', BEFORE]);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(readDoc(AFTER));
  });

  it('every document it names is valid in its model without a finding, even in strict mode', () => {
    const named = [...new Set(regions.flatMap((r) => r.arg.split(/\s+/).filter((a) => a.endsWith('.json'))))];
    expect(named.length).toBeGreaterThan(3);
    for (const file of named) {
      const json = readDoc(file);
      if (file === META) {
        expect(validateServerMetadata(json), file).toBe(true);
        continue;
      }
      const model = /(^|\/)2026\/|-2026\.json$/.test(file) ? '2026' : '2024';
      expect(detectModel(json), file).toBe(model);
      const r = validate(json, { strict: true });
      expect({ file, findings: [...r.errors, ...r.warnings].map((p) => `${p.code} ${p.path}`) }).toEqual({ file, findings: [] });
    }
  });

  it('shows validate --json naming each file’s model', () => {
    const region = regions.find((r) => r.kind === 'cli' && r.arg.startsWith('validate --json'));
    expect(region).toBeDefined();
    const out = JSON.parse(runCli(ROOT, region!.arg.split(' ')).stdout) as { model: string; files: { file: string; model: string }[] };
    expect(out.files.map((f) => [f.file, f.model])).toEqual([
      [BEFORE, '2024'],
      [AFTER, '2026'],
    ]);
    expect(out.model).toBe('mixed');
  });

  it('cites the 2026 draft as `2026 §section Lline`, each citation in the section it names', (ctx) => {
    const cited = [...doc.matchAll(/`(2026[^`]*)`/g)].map((m) => m[1]!.replace(/\s+/g, ' '));
    expect(cited.length).toBeGreaterThan(10);
    const parsed = cited.map((c) => ({ c, p: parseCitation(c) }));
    expect(parsed.filter((x) => x.p === null).map((x) => x.c)).toEqual([]);
    const dir = sharedDir();
    if (dir === null) {
      ctx.skip('the group’s texts (../shared/drafts) are not at hand, so the cited lines cannot be read');
      return;
    }
    const problems = parsed.flatMap((x) => checkCitation(dir, x.p!).problems);
    expect(problems).toEqual([]);
    expect(parsed.filter((x) => checkCitation(dir, x.p!).unverifiable).map((x) => x.c)).toEqual([]);
  });

  it('is a guide of both rendered references and listed in the README', () => {
    for (const model of MODEL_NAMES) expect(modelConfig(model).guides?.map((g) => g.file), model).toContain(FILE);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`](${FILE})`);
  });
});
