// `rows`: the library's readRows from the command line, on both models.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/reader.js';
import { CLI_BIN, runCli } from '../helpers/cli.js';
import { scratchFiles } from '../helpers/files.js';
import { ROOT } from '../helpers/paths.js';

const PAGE_2024 = join(ROOT, 'spec/2024/examples/gap-disclosure-page.json');
const OPTION2_2026 = join(ROOT, 'spec/2026/examples/option2-both-columns.json');
const read = (file: string): any => JSON.parse(readFileSync(file, 'utf8'));

describe('rows', () => {
  it('prints every segment of a 2024 page with its pointer, id and the rows readRows gives', async () => {
    const r = await runCli(['rows', PAGE_2024]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const out = JSON.parse(r.stdout);
    const page = read(PAGE_2024);
    expect(out.model).toBe('2024');
    expect(out.segments.map((s: { path: string; id: string }) => [s.path, s.id])).toEqual(
      page.usage_segments.map((s: { cds_usagesegment_id: string }, i: number) => [`/usage_segments/${i}`, s.cds_usagesegment_id]),
    );
    page.usage_segments.forEach((s: never, i: number) => expect(out.segments[i].rows).toEqual(JSON.parse(JSON.stringify(readRows(s)))));
  });

  it('reads a 2026 segment with each cell narrowed by its Value Format (Option 2: 499.9 estimated, 500 valid)', async () => {
    const r = await runCli(['rows', OPTION2_2026]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model).toBe('2026');
    expect(out.segments).toHaveLength(1);
    expect(out.segments[0].path).toBe('');
    const cells = out.segments[0].rows[0].cells;
    expect(cells.map((c: { quality: string; value: number }) => [c.quality, c.value])).toEqual([['estimated', 499.9], ['valid', 500]]);
  });

  it('refuses a document with errors: exit 1, nothing on stdout, the error count and a pointer to validate on stderr', async () => {
    const r = await runCli(['rows', '-'], '{"format":["kwh_fwd"],"values":[[1]]}');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cds-usage-segments rows: <stdin> has \d+ errors; fix them first \(`validate` lists every problem\):\n/);
  });

  it('--model 2024 on a 2026 document reads nothing (its errors are in the 2024 model)', async () => {
    const r = await runCli(['rows', '--model', '2024', OPTION2_2026]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('takes exactly one file (usage error, exit 2)', async () => {
    expect((await runCli(['rows', PAGE_2024, OPTION2_2026])).code).toBe(2);
    expect((await runCli(['rows'])).code).toBe(2);
  });

  it('stops quietly when the reader closes the pipe early (| head): exit 0, no EPIPE crash', () => {
    // 3,000 hourly value sets print far more than a pipe buffer holds, so the write meets a closed pipe.
    const seg = read(join(ROOT, 'spec/2024/examples/option1-validated.json'));
    const n = 3000;
    Object.assign(seg, { interval: 3600, segment_end: new Date(Date.parse(seg.segment_start) + n * 3600_000).toISOString(), values: Array.from({ length: n }, () => [{ v: 1 }]) });
    const file = scratchFiles('cds-rows-')('long.json', JSON.stringify(seg));
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI_BIN}" rows "${file}" | head -c 1 >/dev/null`], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
