import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIFF_RULES } from '../../src/diff/catalogue.js';
import { renderDiffRulesMarkdown } from '../../src/diff/rules-doc.js';

const ROOT = new URL('../../', import.meta.url);

describe('diff rule catalogue', () => {
  it('docs/diff-rules.md is the fresh generation from the catalogue', () => {
    expect(readFileSync(new URL('docs/diff-rules.md', ROOT), 'utf8')).toBe(renderDiffRulesMarkdown());
  });

  it('has unique kebab-case ids', () => {
    const ids = DIFF_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z]+(-[a-z]+)*$/.test(id))).toEqual([]);
  });
});
