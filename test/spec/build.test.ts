// The build has no cycle: the published bundle holds no guide (the guides
// quote the compiled CLI), `npm run build` generates once, no step that
// writes generated/ reads dist/, and the rendered reference gets the guides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_NAMES, modelConfig } from '../../scripts/lib/models.mjs';
import { guideDescription, inlinePictures, referenceDocument } from '../../scripts/render-docs.mjs';
import { readJson } from './helpers.js';
import { ROOT } from '../helpers/paths.js';

interface Tag { name: string; description?: string; 'x-traitTag'?: boolean }
interface Doc { tags?: Tag[]; 'x-tagGroups'?: { name: string; tags: string[] }[] }

const pkg = readJson(join(ROOT, 'package.json')) as { scripts: Record<string, string> };

/** The relative imports of a script, transitively, from scripts/generate.mjs. */
function generationScripts(): string[] {
  const seen = new Set<string>();
  const queue = ['scripts/generate.mjs'];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/from '(\.{1,2}\/[^']+\.mjs)'/g)) {
      queue.push(join(file, '..', m[1]!));
    }
  }
  return [...seen].sort();
}

describe('the build has no cycle', () => {
  it('runs generate exactly once in npm run build, and docs:guides does not regenerate', () => {
    expect(pkg.scripts.build!.split('&&').map((s) => s.trim()).filter((s) => s === 'npm run generate')).toHaveLength(1);
    expect(pkg.scripts['docs:guides']).not.toContain('generate');
  });

  it('generates before it compiles, and renders after the guides are refreshed', () => {
    const steps = pkg.scripts.build!.split('&&').map((s) => s.trim());
    expect(steps.indexOf('npm run generate')).toBeLessThan(steps.indexOf('npm run compile'));
    expect(steps.indexOf('node scripts/sync-docs.mjs')).toBeLessThan(steps.indexOf('npm run docs'));
  });

  it('writes generated/ with scripts that never read dist/ (the compiled CLI)', () => {
    const scripts = generationScripts();
    expect(scripts).toContain('scripts/bundle.mjs');
    for (const file of scripts) expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/\bdist\/(src|generated)\b/);
  });

  for (const model of MODEL_NAMES) {
    const bundle = readJson(join(ROOT, 'generated', model, 'openapi.json')) as Doc;
    const guides = modelConfig(model).guides ?? [];

    it(`${model}: the published bundle holds no guide`, () => {
      expect((bundle.tags ?? []).filter((t) => t['x-traitTag'] === true)).toEqual([]);
      const text = JSON.stringify(bundle);
      for (const g of guides) {
        const firstParagraph = guideDescription(readFileSync(join(ROOT, g.file), 'utf8')).split('\n\n')[0]!;
        expect(text.includes(JSON.stringify(firstParagraph).slice(1, -1)), g.file).toBe(false);
      }
      expect((bundle['x-tagGroups'] ?? []).map((g) => g.name)).not.toContain('Guides');
    });

    it(`${model}: the rendered reference adds every guide, without its own first heading, in a Guides group`, () => {
      const doc = referenceDocument(model) as Doc;
      const traits = (doc.tags ?? []).filter((t) => t['x-traitTag'] === true);
      expect(traits.map((t) => t.name)).toEqual(guides.map((g) => g.name));
      for (const [i, g] of guides.entries()) {
        const source = readFileSync(join(ROOT, g.file), 'utf8');
        expect(source.startsWith('# '), `${g.file} starts with its title`).toBe(true);
        // The guide as written, its pictures (docs/pictures/) inlined as data URIs so the reference stays offline.
        expect(traits[i]!.description).toBe(inlinePictures(source.slice(source.indexOf('\n')).replace(/^\n+/, '')));
      }
      if (guides.length > 0) expect(doc['x-tagGroups']![0]).toEqual({ name: 'Guides', tags: guides.map((g) => g.name) });
      // The bundle's own tags and groups are kept.
      for (const t of bundle.tags ?? []) expect(doc.tags).toContainEqual(t);
      for (const group of bundle['x-tagGroups'] ?? []) expect(doc['x-tagGroups']).toContainEqual(group);
    });
  }
});
