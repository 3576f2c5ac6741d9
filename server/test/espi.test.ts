// A Client developer's own Green Button download on the reference Server:
// `import` reads the ESPI file (the package's importer), the Server serves
// it, and the crawler walks it. Real public files (test/fixtures/espi/).
import { crawl, type CrawlReport } from 'cds-usage-segments';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { openDb } from '../src/db.js';
import { type RunningServer, startServer } from '../src/http.js';
import { createToken } from '../src/tokens.js';

const dir = mkdtempSync(join(tmpdir(), 'cds-server-espi-'));
const fixture = (f: string) => new URL(`../../test/fixtures/espi/${f}`, import.meta.url).pathname;

async function runMain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** Import one real file into a fresh database, serve it, crawl it. */
async function crawlImported(file: string): Promise<{ imported: { inserted: number; model: string }; report: CrawlReport; stderr: string }> {
  const dbFile = join(dir, `${file}.db`);
  const r = await runMain(['import', '--db', dbFile, '--account', 'gb-1', fixture(file)]);
  expect(r.code, r.stderr).toBe(0);
  const db = openDb(dbFile);
  const token = createToken(db, { accounts: ['gb-1'], scopes: ['cds_usage'] });
  let server: RunningServer | undefined;
  try {
    server = await startServer({ db, model: '2026' });
    const report = await crawl({ url: server.url, token, timeoutMs: 5000 });
    return { imported: JSON.parse(r.stdout), report, stderr: r.stderr };
  } finally {
    await server?.close();
    db.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import of a Green Button (ESPI) file, served and crawled', () => {
  let openespi: Awaited<ReturnType<typeof crawlImported>>;
  let gas: Awaited<ReturnType<typeof crawlImported>>;
  beforeAll(async () => {
    openespi = await crawlImported('openespi-test_usage_data.xml');
    gas = await crawlImported('gbo-ngma-gas-billing-2021-2024.xml');
  });

  it('the OpenESPI sample: three 2026 segments, a clean crawl', () => {
    expect(openespi.imported).toEqual({ inserted: 3, replaced: 0, model: '2026' });
    expect(openespi.stderr).toContain('readings: 1340 read = 1340 in 3 segments + 0 reported');
    expect(openespi.report.findings).toEqual([]);
    expect(openespi.report.conformant).toBe(true);
    expect(openespi.report.segments).toBe(3);
  });

  it('the gas billing file: the crawl passes and reports its three holes and three overlaps (warnings)', () => {
    expect(gas.imported).toEqual({ inserted: 35, replaced: 0, model: '2026' });
    expect(gas.report.conformant).toBe(true);
    const counts: Record<string, number> = {};
    for (const f of gas.report.findings) counts[`${f.level} ${f.code}`] = (counts[`${f.level} ${f.code}`] ?? 0) + 1;
    expect(counts).toEqual({ 'warning timeline-hole': 3, 'warning timeline-overlap': 3 });
  });

  it('refuses a file whose readings the importer cannot carry, and stores nothing', async () => {
    const dbFile = join(dir, 'refused.db');
    const r = await runMain(['import', '--db', dbFile, fixture('verdigris-ESPIIntervalBlock.xml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^loss no-reading-type \/feed\/entry\[1\]: 444 readings/m);
    expect(r.stderr).toMatch(/lost readings or refused entries/);
    const bad = await runMain(['import', '--db', dbFile, fixture('eddie-BatchWithInvalidIntervalBlock.xml')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/loss bad-entry \/feed\/entry\[5\]\/content/);
  });
});
