// One hostile page at one size, in a process of its own (bench/run.mjs spawns
// it with --expose-gc): `node bench/worst-size.mjs NAME SEGMENTS RUNS`.
// After two untimed runs, each run parses the text (timed), checks the
// document (timed) and drops it, a full gc before each timed step. Prints
// {"bytes": …, "parseMs": [...], "validateMs": [...]}.
//
// A process per size: in one process, the larger page's heap (its document,
// or only the heap it left grown) slowed the smaller page's check by a share
// that depends on the other page, not on the input, and understated growth.
import { WORST_CASES } from './payloads.mjs';

const [name, segments, runs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const make = WORST_CASES[name];
if (make === undefined || !(segments > 0) || !(runs > 0)) {
  console.error('usage: node --expose-gc bench/worst-size.mjs NAME SEGMENTS RUNS');
  process.exit(2);
}
if (typeof globalThis.gc !== 'function') throw new Error('bench/worst-size.mjs needs --expose-gc');
const { validate } = await import('../dist/src/index.js');

const text = JSON.stringify(make(segments));
function timed(f) {
  globalThis.gc();
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}
const parseMs = [];
const validateMs = [];
for (let r = -2; r < runs; r++) {
  const parsed = timed(() => JSON.parse(text));
  const checked = timed(() => validate(parsed.value));
  if (r < 0) continue; // warm-up
  parseMs.push(parsed.ms);
  validateMs.push(checked.ms);
}
process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), parseMs, validateMs }) + '\n');
