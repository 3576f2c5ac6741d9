// The crawler against the reference Server: a clean Server gives no finding;
// each fault of the registry is reported with the code the registry names,
// and the token never reaches another origin.
import { crawl, type CrawlReport, CRAWL_CODES, renderJUnit } from 'cds-usage-segments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { expectedExit, expectedLevel, levelOfCode, withFaultTable } from '../src/fault-table.js';
import { type Fault, type FaultName, FAULTS } from '../src/faults.js';
import { type Sandbox, sandbox } from './helpers.js';

let box: Sandbox;
/** The same data in the 2026 model, for the faults only a 2026 Server can have. */
let box2026: Sandbox;

beforeAll(() => {
  // 3 meters × 70 days: 210+ segments, so three pages.
  box = sandbox({ meters: 3, days: 70 });
  box2026 = sandbox({ meters: 3, days: 70, model: '2026' });
});
afterAll(async () => {
  await box.close();
  await box2026.close();
});

/** Crawler limits for the table: tight enough that `slow` and `oversized-body` trip them quickly. */
const LIMITS = { timeoutMs: 1000, maxBodyBytes: 1_000_000 } as const;

function codes(r: CrawlReport): string[] {
  return [...new Set(r.findings.map((f) => f.code))].sort();
}

describe('a clean Server', () => {
  let report: CrawlReport;
  beforeAll(async () => {
    const server = await box.start();
    report = await crawl({ url: server.url, token: box.token, ...LIMITS });
  });

  it('gives no finding at all, and every check passes (the Server Metadata checks are 2026 only)', () => {
    expect(report.findings).toEqual([]);
    expect(report.conformant).toBe(true);
    expect(report.checks.filter((c) => c.status !== 'passed')).toEqual(
      ['server-metadata', 'server-metadata-unread'].map((name) => ({ name, status: 'skipped', reason: 'a 2024 crawl: the Server Metadata is a 2026 document' })),
    );
    expect(report.checks.map((c) => c.name)).toEqual(CRAWL_CODES.map((c) => c.code)); // document first, as the registry lists it
  });

  it('reads the whole listing and counts it', () => {
    expect(report.model).toBe('2024');
    expect(report.segments).toBe(box.segments.length);
    expect(report.pages).toBe(Math.ceil(box.segments.length / 100));
    expect(report.requests).toBeGreaterThan(report.pages + 10); // the probes ran
  });

  it('--max-pages 1 stops with a page-limit warning and skips what needs the whole listing', async () => {
    const server = await box.start();
    const r = await crawl({ url: server.url, token: box.token, maxPages: 1 });
    expect(codes(r)).toEqual(['page-limit']);
    expect(r.conformant).toBe(true);
    expect(r.checks.find((c) => c.name === 'filter')).toMatchObject({ status: 'skipped' });
  });

  it('a refused connection is a transport error', async () => {
    const server = await box.start();
    await server.close();
    const r = await crawl({ url: server.url, token: box.token, ...LIMITS });
    expect(codes(r)).toEqual(['transport']);
    expect(r.conformant).toBe(false);
  });
});

describe('each fault is reported with its code (table over the fault registry)', () => {
  it.each((FAULTS as readonly Fault[]).filter((f) => f.detectedBy !== null).map((f) => [f.name as FaultName, f.detectedBy, expectedLevel(f), f.crawl ?? {}, f] as const))('--fault %s → %s (%s)', async (fault, code, level, limits, spec) => {
    const onBox = spec.needs === 'server-metadata' ? box2026 : box;
    const server = await onBox.start([fault]);
    // The crawler's defaults, except the limits the registry says the fault needs.
    const r = await crawl({ url: server.url, token: onBox.token, ...limits });
    if (code === null) throw new Error('filtered above');
    expect(codes(r)).toContain(code);
    // The registries agree with the table: the code's own level is the level the fault expects…
    expect(levelOfCode(code)).toBe(level);
    expect(r.findings.find((f) => f.code === code)!.level).toBe(level);
    // …and the exit status follows: an error fails the crawl (exit 1), a warning-only fault leaves it conformant (exit 0).
    expect(r.conformant).toBe(expectedExit(spec) === 0);
    if (spec.failsBy !== undefined) expect(r.findings.filter((f) => f.level === 'error').map((f) => f.code)).toContain(spec.failsBy);
    else if (level === 'warning') expect(r.findings.filter((f) => f.level === 'error')).toEqual([]);
    if (fault === 'wrong-401') {
      // The plain-text 401 has no OAuth error body either: a warning beside the missing challenge, for each probe (no token, an invalid one).
      expect(r.findings.filter((f) => f.code === 'auth-body').map((f) => [f.level, /without a token|with an invalid token/.exec(f.message)?.[0]])).toEqual([
        ['warning', 'without a token'],
        ['warning', 'with an invalid token'],
      ]);
    }
    for (const f of r.findings) expect(JSON.stringify(f)).not.toContain(onBox.token);
    if (fault === 'cross-origin-next') {
      // The next link names http://localhost:PORT, the same process: the crawler must not follow it with the token.
      expect(server.requests.filter((q) => q.host?.startsWith('localhost') === true && q.authorized)).toEqual([]);
    }
  });

  it('every fault the issue lists fails the crawl; only faults whose behaviour the draft leaves open warn', () => {
    const warnOnly = (FAULTS as readonly Fault[]).filter((f) => expectedExit(f) === 0).map((f) => f.name);
    // leak-hidden-ids: no crawl with one token can see it (its registry entry says why; the access-model test shows the leak).
    expect(warnOnly.sort()).toEqual(['accept-bad-filter', 'leak-hidden-ids', 'short-pages']);
    for (const f of FAULTS as readonly Fault[]) expect(f.detectedBy === null).toBe(f.undetectable !== undefined);
    for (const name of ['cross-origin-next', 'wrong-content-type', 'oversized-body', 'slow', 'truncated-json', 'error-500-page-2', 'invalid-segment']) {
      expect(expectedLevel(FAULTS.find((f) => f.name === name)!)).toBe('error');
    }
  });

  it('the fault table of the guide is up to date', () => {
    const guide = readFileSync(new URL('../../docs/guide-test-your-client.md', import.meta.url), 'utf8');
    expect(withFaultTable(guide), 'run `npm run docs:faults --workspace server`').toBe(guide);
  });
});

describe('reports', () => {
  it('redact the token from findings, the JSON and the JUnit XML', async () => {
    const server = await box.start(['error-500-page-2']);
    const url = `${server.url}?access_token=${box.token}`;
    const r = await crawl({ url, token: box.token, ...LIMITS });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toContain(box.token);
    expect(renderJUnit(r)).not.toContain(box.token);
    expect(JSON.stringify(r)).toContain('[REDACTED]');
  });

  it('the token only in the URL (RFC 6750 §2.3): conformant with one warning, and no six characters of the token in any output', async () => {
    const server = await box.start();
    const r = await crawl({ url: `${server.url}?access_token=${box.token}`, ...LIMITS });
    expect(r.findings.map((f) => [f.code, f.level])).toEqual([['token-in-url', 'warning']]);
    expect(r.conformant).toBe(true);
    const out = JSON.stringify(r) + renderJUnit(r);
    for (let i = 0; i + 6 <= box.token.length; i++) expect(out).not.toContain(box.token.slice(i, i + 6));
  });

  it('JUnit: one test case per check, failures for error codes, reasons for skipped checks', async () => {
    const server = await box.start(['unsorted', 'short-pages']);
    const r = await crawl({ url: server.url, token: box.token, ...LIMITS, probes: false });
    const xml = renderJUnit(r);
    expect(xml.match(/<testcase /g)).toHaveLength(CRAWL_CODES.length); // one per code, the pseudo-code document among them
    expect(xml).toMatch(/<testcase [^>]*name="order"[^>]*>\s*<failure /);
    expect(xml).toMatch(/<testcase [^>]*name="page-size"[^>]*>\s*<system-out>warning page-size/);
    expect(xml).toMatch(/<testcase [^>]*name="filter"[^>]*>\s*<skipped message="probes disabled \(--no-probes\)"/);
    expect(xml).toContain(`failures="${r.checks.filter((c) => c.status === 'failed').length}"`);
  });
});
