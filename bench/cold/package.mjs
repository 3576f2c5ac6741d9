// Cold start, package path: import the library and validate one small segment.
// Prints {"ms": …} — milliseconds from the start of this module to the result
// (Node's own start-up is excluded; the parent also measures process wall time).
const t0 = performance.now();
const { readFileSync } = await import('node:fs');
const { validate } = await import('../../dist/src/index.js');
const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const r = validate(doc);
const ms = performance.now() - t0;
if (!r.valid) throw new Error('cold package: document rejected');
process.stdout.write(JSON.stringify({ ms }) + '\n');
