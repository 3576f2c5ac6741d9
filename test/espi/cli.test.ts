import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'cds-import-espi-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixture = (f: string) => new URL(`../fixtures/espi/${f}`, import.meta.url).pathname;
const GAS = fixture('gbo-ngma-gas-billing-2021-2024.xml');

describe('cds-usage-segments import-espi', () => {
  it('writes the 2026 page to stdout and the report with the checker\'s findings to stderr (exit 0: warnings only)', async () => {
    const r = await runCli(['import-espi', GAS]);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout);
    expect(page.usage_segments).toHaveLength(35);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${GAS}: imported ESPI → 2026`);
    expect(lines).toContain('readings: 35 read = 35 in 35 segments + 0 reported');
    expect(lines.filter((l) => l.startsWith('check ')).map((l) => l.split(' ').slice(1, 3).join(' '))).toEqual([
      '/usage_segments/6 timeline-overlap',
      '/usage_segments/18 timeline-overlap',
      '/usage_segments/30 timeline-overlap',
      '/usage_segments/10 timeline-hole',
      '/usage_segments/22 timeline-hole',
      '/usage_segments/34 timeline-hole',
    ]);
    expect(lines.at(-1)).toBe('check: valid 2026 page (0 errors, 6 warnings)');
  });

  it('--to 2024 goes through the converter; --report writes the JSON report', async () => {
    const report = join(scratch, 'r.json');
    const r = await runCli(['import-espi', '--to', '2024', '--report', report, GAS]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).usage_segments[0].format).toEqual(['gas_therm', 'cds2026_cost']);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json).toMatchObject({ file: GAS, to: '2024', readings: { in: 35, out: 35, accounted: 0 }, segments: 35, errors: 0, check: { valid: true } });
  });

  it('--json prints one object with the page, the report and the check', async () => {
    const r = await runCli(['import-espi', '--json', fixture('eddie-utilityapi-Batch.xml')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['document', 'report', 'check']);
    expect(out.check.warnings.map((w: { code: string }) => w.code)).toEqual(['timeline-hole']);
    expect(r.stderr).toBe('');
  });

  it('--quality-columns puts the OpenESPI sample\'s estimated and manual readings in columns of their own', async () => {
    const r = await runCli(['import-espi', '--quality-columns', fixture('openespi-test_usage_data.xml')]);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout);
    expect(page.usage_segments).toHaveLength(1);
    expect(page.usage_segments[0].formats.map((f: { id: string }) => f.id)).toEqual(['usage_estimated', 'usage_manual', 'usage_unknown', 'cost']);
  });

  it('exits 1 when readings are lost (no ReadingType) or an entry is refused', async () => {
    for (const f of ['verdigris-ESPIIntervalBlock.xml', 'eddie-BatchWithInvalidIntervalBlock.xml']) {
      const r = await runCli(['import-espi', fixture(f)]);
      expect(r.code, f).toBe(1);
      expect(r.stderr).toMatch(/^loss (no-reading-type|bad-entry) /m);
    }
  });

  it('exits 2 for XML it cannot read, a DTD, a missing file or a bad command line; reads stdin', async () => {
    expect((await runCli(['import-espi', '-'], '<feed')).code).toBe(2);
    const dtd = await runCli(['import-espi', '-'], '<!DOCTYPE x><feed xmlns="http://www.w3.org/2005/Atom"/>');
    expect(dtd.code).toBe(2);
    expect(dtd.stdout).toBe('');
    expect(dtd.stderr).toMatch(/^cds-usage-segments import-espi: <stdin>: a DOCTYPE at line 1: DTDs are refused/);
    expect((await runCli(['import-espi', join(scratch, 'missing.xml')])).stderr).toMatch(/missing\.xml: no such file/);
    expect((await runCli(['import-espi'])).code).toBe(2);
    expect((await runCli(['import-espi', '--to', '2025', GAS])).code).toBe(2);
    const stdin = await runCli(['import-espi', '-'], readFileSync(GAS));
    expect(stdin.code).toBe(0);
    expect(stdin.stderr.split('\n')[0]).toBe('<stdin>: imported ESPI → 2026');
  });
});
