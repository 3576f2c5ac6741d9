// Shared tail of the docs generators: write a generated file, or with
// --check exit 1 when the file on disk differs from a fresh generation.
import { readFileSync, writeFileSync } from 'node:fs';

/** Write `fresh` to `target`, or (with --check in argv) compare only; `how` says how to refresh it. */
export function writeOrCheck(target, fresh, label, how) {
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (current !== fresh) {
      process.stderr.write(`${label} is out of date; run ${how}\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(target, fresh);
    process.stdout.write(`wrote ${target}\n`);
  }
}
