// docs/traceability.md §7: one row per code of the crawler's registry, with
// the registry's class and level, draft citations in the documented shape,
// and a scenario of test/crawl/every-code.test.ts named by the code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRAWL_CODES } from '../../src/crawl/codes.js';
import { ROOT } from '../helpers/paths.js';
import { checkCitation, parseCitation, sharedDir, ticked } from './citations.js';

const text = readFileSync(join(ROOT, 'docs/traceability.md'), 'utf8');
const rows = text
  .split('\n')
  .filter((l) => /^\| CR\d+ \|/.test(l))
  .map((l) => {
    const [id, code, cls, level, source, statement] = l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim()) as [string, string, string, string, string, string];
    return { id, code: code.replace(/`/g, ''), cls, level, source, statement };
  });

describe('traceability of the crawler codes', () => {
  it('one row per registry code, with its class and level', () => {
    expect(rows.map((r) => r.code).sort()).toEqual(CRAWL_CODES.map((c) => c.code).sort());
    for (const c of CRAWL_CODES) expect(rows.find((r) => r.code === c.code)).toMatchObject({ cls: c.source, level: c.level });
  });

  it('cites the drafts as key §section Lline, and the lines exist', () => {
    const dir = sharedDir();
    const bad: string[] = [];
    for (const r of rows) {
      const cites = ticked(r.source);
      if (cites.length === 0) bad.push(`${r.id}: no citation`);
      for (const c of cites) {
        const cite = parseCitation(c);
        if (cite === null || cite.section === null) bad.push(`${r.id}: ${c}`);
        else if (dir !== null) {
          for (const problem of checkCitation(dir, cite).problems) bad.push(`${r.id}: ${c}: ${problem}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('each code has its scenario in test/crawl/every-code.test.ts', () => {
    const scenarios = readFileSync(join(ROOT, 'test/crawl/every-code.test.ts'), 'utf8');
    expect(CRAWL_CODES.filter((c) => !new RegExp(`^  '?${c.code}'?: \\{`, 'm').test(scenarios)).map((c) => c.code)).toEqual([]);
  });
});
