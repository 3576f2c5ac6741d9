// Checks each small-segment page (bench/payloads.mjs SMALL_CASES) with a
// full garbage collection before every check, as bench/small-size.mjs
// does, and prints a line between the warm-up and the checks that count.
// Run by test/bench/shapes.test.ts as
// `node --expose-gc --trace-deopt test/bench/weak-deopts.mjs SEGMENTS WARM RUNS`,
// which counts the optimized code V8 throws away after that line because
// an object it tested for was collected ("reason: weak objects").
import { SMALL_CASES } from '../../bench/payloads.mjs';

const [segments, warm, runs] = process.argv.slice(2).map(Number);
if (typeof globalThis.gc !== 'function' || !(segments > 0) || !(warm >= 0) || !(runs > 0)) {
  console.error('usage: node --expose-gc --trace-deopt test/bench/weak-deopts.mjs SEGMENTS WARM RUNS');
  process.exit(2);
}
const { validate } = await import('../../dist/src/index.js');
const pages = Object.values(SMALL_CASES).map((make) => make(segments));
for (let r = 0; r < warm; r++) {
  for (const page of pages) {
    globalThis.gc();
    validate(page);
  }
}
console.log('=== measured ===');
for (let r = 0; r < runs; r++) {
  for (const page of pages) {
    globalThis.gc();
    validate(page);
  }
}
console.log('=== done ===');
