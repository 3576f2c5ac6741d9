/** The two ways tests run the CLI: in-process through `main` (fast, most tests), or as the built executable (exit codes, stdin, shebang). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { ROOT } from './paths.js';

/** What one CLI run produced. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run, ms. */
  ms: number;
  /** The signal that killed a spawned CLI, else null. */
  signal: NodeJS.Signals | null;
}

/** Run `main(args)` in this process; `input` is what standard input holds. */
export async function runCli(args: readonly string[], input: string | Uint8Array = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const t = performance.now();
  const code = await main(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stdin: async () => (typeof input === 'string' ? Buffer.from(input) : input),
  });
  return { code, stdout, stderr, ms: performance.now() - t, signal: null };
}

/** The compiled executable (`npm run compile` builds it). */
export const CLI_BIN = join(ROOT, 'dist/src/cli.js');

/** Run the built executable in a child process; `nodeArgs` go to node (e.g. --max-old-space-size). */
export function spawnCli(args: readonly string[], opts: { input?: string | Buffer; timeout?: number; nodeArgs?: string[] } = {}): CliRun {
  if (!existsSync(CLI_BIN)) throw new Error('dist/src/cli.js missing: run `npm run compile` first');
  const t = performance.now();
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), CLI_BIN, ...args], {
    cwd: ROOT,
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t, signal: r.signal };
}
