import { defineConfig } from 'vitest/config';

/**
 * Slow by nature, so out of `npm test` and in `npm run test:slow`
 * (vitest.slow.config.ts), which `.ci/run` runs on every Node line: package
 * installs from a tarball and a git URL, and the hostile-input sweeps
 * (hostile documents, bounded fuzzing, ReDoS analysis of every pattern).
 */
export const SLOW = ['test/package/consumer.test.ts', 'test/robustness/hostile.test.ts', 'test/robustness/fuzz.test.ts', 'test/robustness/redos.test.ts'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/docs/**', 'node_modules/**', ...SLOW],
    setupFiles: ['test/setup/fast-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    typecheck: {
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
