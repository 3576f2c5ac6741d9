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

  it('a decision is never more than a warning (the fidelity rule)', () => {
    const codes: readonly CrawlCode[] = CRAWL_CODES;
    expect(codes.filter((c) => c.source === 'decision' && c.level !== 'warning').map((c) => c.code)).toEqual([]);
  });

  it('docs/crawl-codes.md is the fresh generation from the registry', () => {
    expect(() => execFileSync(process.execPath, ['scripts/generate-crawl-codes-doc.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
