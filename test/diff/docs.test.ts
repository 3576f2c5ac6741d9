import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIFF_RULES } from '../../src/diff/catalogue.js';
import { diffSpecFiles } from '../../src/diff/diff.js';
import { renderMarkdown } from '../../src/diff/render.js';
import { MODEL_CHANGE_PAIR, renderDiffRulesMarkdown, renderModelChangesMarkdown } from '../../scripts/lib/diff-docs.mjs';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

describe('diff rule catalogue', () => {
  it('docs/diff-rules.md is the fresh generation from the catalogue', () => {
    expect(readFileSync(ROOT + 'docs/diff-rules.md', 'utf8')).toBe(renderDiffRulesMarkdown(DIFF_RULES));
  });

  it('has unique kebab-case ids', () => {
    const ids = DIFF_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z]+(-[a-z]+)*$/.test(id))).toEqual([]);
  });
});

describe('docs/changes-2024-to-2026.md, the 2024 → 2026 change report', () => {
  const committed = readFileSync(ROOT + 'docs/changes-2024-to-2026.md', 'utf8');

  it('is the fresh generation from the two bundled descriptions (regenerated here and compared)', () => {
    expect(committed).toBe(renderModelChangesMarkdown(ROOT, { diffSpecFiles, renderMarkdown }));
  });

  it('holds, from its first count on, exactly what the diff CLI prints for the pair', async () => {
    const r = await runCli(['diff', '--format', 'markdown', '--fail-on', 'none', ROOT + MODEL_CHANGE_PAIR.old, ROOT + MODEL_CHANGE_PAIR.new]);
    expect(r.code).toBe(0);
    const body = r.stdout.replaceAll(ROOT, '').split('\n').slice(1).join('\n').trimStart();
    expect(body.startsWith(`From \`${MODEL_CHANGE_PAIR.old}\` to \`${MODEL_CHANGE_PAIR.new}\`: `)).toBe(true);
    expect(committed.endsWith(body)).toBe(true);
    // The models differ in breaking ways (the segment's columns), so the page can never be an empty report.
    expect(body).toMatch(/`field-removed`/);
  });
});
