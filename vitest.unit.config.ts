import { defineConfig } from 'vitest/config';
import { EXCLUDE, SHARED } from './vitest.config.js';

// `npm run test:unit`: the engine and CLI in-process, no build, no spawned
// processes, no package or spec tooling; the loop to run while editing src/.
// `npm test` runs these and everything else.
//
// A test that reads dist/ (a spawned script or the built CLI) stays out: it
// would fail before the first build and check a stale build after an edit of
// src/. test/package/unit-loop.test.ts checks that none comes in.
export const DIST_DEPENDENT = [
  // Spawns scripts/generate-crawl-codes-doc.mjs --check, which imports dist/src/crawl/codes.js.
  'test/crawl/codes.test.ts',
];

/**
 * Heavy by size, left to `npm test` so that the loop stays under 20 s on two
 * quiet cores (together they were over half of the loop's test time):
 * checking three 20,000-segment pages, a crawl of a stand-in Server per
 * crawler code, and the crawler fuzzing (20 crawls of random Servers, the
 * loop's longest file: 3.1 s of its 19.8 s in npm test at load 5).
 */
export const HEAVY = ['test/engine/issues/10_worst_case.test.ts', 'test/crawl/every-code.test.ts', 'test/crawl/fuzz.test.ts'];

export default defineConfig({
  test: {
    ...SHARED,
    include: ['test/*.test.ts', 'test/cli/main.test.ts', 'test/columns/**/*.test.ts', 'test/rules/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/models/**/*.test.ts', 'test/crawl/**/*.test.ts', 'test/espi/**/*.test.ts'],
    exclude: [...EXCLUDE, ...DIST_DEPENDENT, ...HEAVY],
    // As in npm test's "shared" project: each worker imports src/ once for
    // all its files.
    isolate: false,
  },
});
