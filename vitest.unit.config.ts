import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

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

export default defineConfig({
  test: {
    ...base.test,
    include: ['test/*.test.ts', 'test/cli/main.test.ts', 'test/columns/**/*.test.ts', 'test/rules/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/models/**/*.test.ts', 'test/crawl/**/*.test.ts', 'test/espi/**/*.test.ts'],
    exclude: [...(base.test?.exclude ?? []), ...DIST_DEPENDENT],
    typecheck: { enabled: false },
  },
});
