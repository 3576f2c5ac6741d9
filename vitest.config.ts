import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Slow by nature, so out of `npm test` and in `npm run test:slow`
 * (vitest.slow.config.ts), which `.ci/run` runs on every Node line: the
 * package tooling (installs from a tarball and a git URL; `npm pack`,
 * publint and attw, each packing the package), Redocly's own `diff` started
 * once per golden pair, and the hostile-input sweeps (hostile documents,
 * bounded fuzzing, ReDoS analysis of every pattern).
 */
export const SLOW = [
  'test/package/consumer.test.ts',
  'test/package/lint.test.ts',
  'test/diff/redocly-crosscheck.test.ts',
  'test/robustness/hostile.test.ts',
  'test/robustness/fuzz.test.ts',
  'test/robustness/redos.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/docs/**', 'node_modules/**', ...SLOW],
    setupFiles: ['test/setup/fast-check.ts'],
    // Vitest's default is one worker fewer than the cores: on the two-core
    // machines this project is tested on, that is one worker, and every file
    // waits for the one before it (also while a test only waits for a child
    // process). Two workers there; the default elsewhere. Measured on the
    // shared two cores (README, Scripts): test:unit 22.7 s with one worker,
    // 16.7 s with two, at load 7–8.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    typecheck: {
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
