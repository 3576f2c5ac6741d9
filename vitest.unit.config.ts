import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:unit`: the engine and CLI in-process, no build, no spawned
// processes, no package or spec tooling; the loop to run while editing src/.
// `npm test` runs these and everything else.
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/*.test.ts', 'test/cli/main.test.ts', 'test/columns/**/*.test.ts', 'test/rules/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/crawl/**/*.test.ts'],
    typecheck: { enabled: false },
  },
});
