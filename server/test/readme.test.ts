// server/README.md's commands work as written: its ```sh blocks, in order, run
// as one bash script in a scratch folder that sees the repository's server/,
// spec/ and node_modules/ (so the README's paths from the repository root
// hold). What each block must show is checked from the output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(SERVER_DIR, '..');

function shBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe('server/README.md', () => {
  it('its commands run as written, from the repository root', () => {
    const blocks = shBlocks(readFileSync(join(SERVER_DIR, 'README.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const dir = mkdtempSync(join(tmpdir(), 'cds-server-readme-'));
    try {
      for (const name of ['server', 'spec', 'node_modules']) symlinkSync(join(ROOT, name), join(dir, name));
      // Whatever happens, no Server outlives the script.
      const script = ['set -eu', 'trap \'kill $(jobs -p) 2>/dev/null || true\' EXIT', ...blocks].join('\n');
      const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^\{"accounts":\["acc-0001"\],"segments":\d+\}$/m);
      // The listing, with the account's token and with a meter's token.
      expect(r.stdout.match(/^\{"usage_segments":\[\{/gm)).toHaveLength(2);
      // The crawl of the demo Server: conformant; of the faulty one: order errors and exit 1.
      expect(r.stdout).toMatch(/: 0 errors, 0 warnings — conformant$/m);
      expect(r.stdout).toMatch(/^error order /m);
      expect(r.stdout).toMatch(/^crawl exit 1$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
