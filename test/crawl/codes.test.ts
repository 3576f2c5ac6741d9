// The crawler's code registry: the single source for the crawler, the JUnit
// report and docs/crawl-codes.md.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CRAWL_CODES, type CrawlCode, getCrawlCode } from '../../src/crawl/codes.js';
import { RULES } from '../../src/registry.js';
import { ROOT } from '../helpers/paths.js';

describe('crawler codes', () => {
  it('are unique and none is also a checker rule code (document problems keep the checker codes)', () => {
    const codes = CRAWL_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const rules = new Set(RULES.map((r) => r.code as string));
    expect(codes.filter((c) => rules.has(c))).toEqual([]);
    expect(getCrawlCode('order')?.level).toBe('error');
    expect(getCrawlCode('schema')).toBeUndefined();
  });

  it('a decision is a warning, unless the finding means part of the listing went unchecked (the fidelity rule)', () => {
    const codes: readonly CrawlCode[] = CRAWL_CODES;
    expect(codes.filter((c) => c.source === 'decision' && c.level !== 'warning' && c.unchecked !== true).map((c) => c.code)).toEqual([]);
    // `unchecked` marks only errors: a warning cannot fail the crawl, so the mark would say nothing.
    expect(codes.filter((c) => c.unchecked === true && c.level !== 'error').map((c) => c.code)).toEqual([]);
    expect(codes.filter((c) => c.unchecked === true).map((c) => c.code).sort()).toEqual(['body-too-large', 'link-origin']);
  });

  it('every code says where it comes from and what it means', () => {
    for (const c of CRAWL_CODES) {
      expect(['draft', 'decision']).toContain(c.source);
      expect(c.summary.length, c.code).toBeGreaterThan(40);
    }
  });

  it('docs/crawl-codes.md is the fresh generation from the registry', () => {
    expect(() => execFileSync(process.execPath, ['scripts/generate-crawl-codes-doc.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
