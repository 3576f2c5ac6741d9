import { readFileSync } from 'node:fs';
import { PROGRAM } from '../program.js';

export { PROGRAM };

/** The package version, from the package.json above this module (src/cli or dist/src/cli). */
export function version(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PROGRAM && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}
