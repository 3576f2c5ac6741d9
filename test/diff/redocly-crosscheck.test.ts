// Cross-check against Redocly's own `redocly diff` (experimental in
// @redocly/cli 2.77.0): on the golden pairs marked `crosscheck` (twelve, so
// that the test stays near ten seconds: each run starts Redocly afresh), each change Redocly reports must
// be reported by our differ too, at the same place or within it (both address
// changes by the walk from the operation with `$ref`s inlined). Redocly's
// impact ratings are not compared: in 2.77.0 it rates every change of these
// pairs "patch" (no breaking-change verdicts for schemas), so only detection
// is comparable. Changes of pure documentation keywords are outside our
// catalogue (we report prose changes only where they carry meaning: the
// operation, a filter, the listing) and are skipped by name below.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSpecFiles } from '../../src/diff/diff.js';
import { ROOT } from '../helpers/paths.js';
import { CASES, writePair } from './helpers.js';

const run = promisify(execFile);
const REDOCLY = join(ROOT, 'node_modules/.bin/redocly');
const scratch = mkdtempSync(join(tmpdir(), 'cds-diff-redocly-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Keywords that only document; Redocly reports their edits, our catalogue does not (outside operation, filter and listing prose). */
const DOCUMENTATION = new Set(['description', 'summary', 'title', 'examples', 'example']);

interface RedoclyChange {
  path: string;
  kind: string;
  property?: string;
}

async function redoclyDiff(oldPath: string, newPath: string): Promise<RedoclyChange[]> {
  const { stdout } = await run(REDOCLY, ['diff', oldPath, newPath, '--format', 'json', '--fail-on', 'none'], {
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { changes: RedoclyChange[] };
  return report.changes;
}

/** Our change covers Redocly's when the places are equal or one lies inside the other. */
function covers(ours: string, theirs: string): boolean {
  return ours === theirs || ours.startsWith(theirs + '/') || theirs.startsWith(ours + '/');
}

describe('Redocly diff cross-check', () => {
  it('every change Redocly reports on the golden pairs is one of ours', async () => {
    const pairs = CASES.filter((c) => c.crosscheck).map((c, i) => ({ c, ...writePair(c, join(scratch, String(i))) }));
    const missed: string[] = [];
    let compared = 0;
    // Two at a time: the team shares two cores.
    for (let i = 0; i < pairs.length; i += 2) {
      const batch = pairs.slice(i, i + 2);
      const theirs = await Promise.all(batch.map((p) => redoclyDiff(p.oldPath, p.newPath)));
      batch.forEach((p, k) => {
        const ours = diffSpecFiles(p.oldPath, p.newPath).changes.flatMap((ch) => (ch.oldLocation ? [ch.location, ch.oldLocation] : [ch.location]));
        for (const t of theirs[k]!) {
          if (t.property !== undefined && DOCUMENTATION.has(t.property)) continue;
          compared++;
          if (!ours.some((o) => covers(o, t.path))) missed.push(`${p.c.description}: Redocly ${t.kind} ${t.property ?? ''} at ${t.path}; ours: ${ours.join(', ') || 'none'}`);
        }
      });
    }
    expect(missed).toEqual([]);
    // The cross-check must have compared something, or it proves nothing.
    expect(pairs.length).toBe(12);
    expect(compared).toBeGreaterThanOrEqual(pairs.length);
  }, 600_000);
});
