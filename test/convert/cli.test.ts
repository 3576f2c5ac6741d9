import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const scratch = mkdtempSync(join(tmpdir(), 'cds-convert-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const OPTION2 = join(ROOT, 'spec/2024/examples/option2-both-columns.json');
const NET = new URL('./fixtures/2026-net-interval.json', import.meta.url).pathname;

describe('cds-usage-segments convert', () => {
  it('writes the converted document to stdout and the loss report to stderr', async () => {
    const r = await runCli(['convert', '--to', '2026', OPTION2]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).formats.map((f: { quality: string }) => f.quality)).toEqual(['estimated', 'valid']);
    expect(r.stderr).toBe(
      [
        `${OPTION2}: converted 2024 → 2026`,
        'loss no-counterpart /related_eacs: the 2026 draft has no segment-level certificate list (it names certificates per supply-mix value, `eacs`); `related_eacs` is dropped',
        'assumed /cds_synced: 2024 has no sync time; `cds_synced` is set to `cds_modified`',
        'assumed /formats/1/quality: "kwh_fwd" does not say its quality; read as validated, as the minutes of 2024-08-08 propose for the plain string',
        '1 loss; 2 assumptions',
        '',
      ].join('\n'),
    );
  });

  it('says "no loss" when nothing is lost, reads stdin, and writes the JSON report with --report', async () => {
    const doc = JSON.parse(readFileSync(OPTION2, 'utf8'));
    delete doc.related_eacs;
    const report = join(scratch, 'report.json');
    const r = await runCli(['convert', '--to', '2026', '--report', report, '-'], JSON.stringify(doc));
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').at(-2)).toBe('no loss; 2 assumptions');
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({
      file: '-',
      from: '2024',
      to: '2026',
      lossless: true,
      losses: [],
      assumptions: [
        { pointer: '/cds_synced', message: '2024 has no sync time; `cds_synced` is set to `cds_modified`' },
        { pointer: '/formats/1/quality', message: '"kwh_fwd" does not say its quality; read as validated, as the minutes of 2024-08-08 propose for the plain string' },
      ],
    });
  });

  it('converts 2026 to 2024', async () => {
    const r = await runCli(['convert', '--to', '2024', NET]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).format).toEqual(['kwh_net_raw']);
    expect(r.stderr).toMatch(/assumed \/format\/0: "Wh" is written as "kwh_net_raw" \(numbers times 10\^-3, exactly.*\n2 losses; 1 assumption\n$/);
  });

  it('converts a valid 2024 segment with an eacs array to 2026 (issue 20.5: was "internal error")', async () => {
    const doc = { ...JSON.parse(readFileSync(OPTION2, 'utf8')), format: ['kwh_fwd', 'eacs'], values: [[{ v: 500 }, [{ cds_eac_id: 'eac-1', allocation: 1 }]]] };
    const r = await runCli(['convert', '--to', '2026', '-'], JSON.stringify(doc));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).values).toEqual([[{ eu: 500 }, { cds2024_value: [{ cds_eac_id: 'eac-1', allocation: 1 }] }]]);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('refuses a 2024 document its own model rejects (exit 1, the problems on stderr)', async () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(OPTION2, 'utf8')), interval: 'hourly' }));
    const r = await runCli(['convert', '--to', '2026', bad]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/is not a valid 2024 document \(run `validate`\):\n {2}\/interval schema/);
  });

  it('refuses a document of neither model (exit 1)', async () => {
    const r = await runCli(['convert', '--to', '2024', '-'], '{"hello": 1}');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/not a usage segment or listing page of either model/);
  });

  it.each([
    [['convert', OPTION2], /--to must be 2024 or 2026; see --help/],
    [['convert', '--to', '2025', OPTION2], /--to must be 2024 or 2026, got "2025"/],
    [['convert', '--to', '2024'], /convert takes one FILE/],
  ])('usage error %j exits 2', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 on unreadable input', async () => {
    const r = await runCli(['convert', '--to', '2024', join(scratch, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.json: no such file/);
  });
});
