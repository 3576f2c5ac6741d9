import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A writer of scratch files in one fresh temporary directory, made on first
 * use (so a test file that never writes one creates nothing): `file(name,
 * content)` writes and returns the path.
 */
export function scratchFiles(prefix: string): (name: string, content: string) => string {
  let dir: string | undefined;
  return (name, content) => {
    dir ??= mkdtempSync(join(tmpdir(), prefix));
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
}
